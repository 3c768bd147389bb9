"""Uploaded files: accepted by type, size and content; handed out only through views.

Two places keep them. The default storage (``MEDIA_ROOT``) holds everything private:
claim evidence, attachments, materials, report exports; no URL serves it, the views that
check who is asking hand its files out (``download``). The public storage
(``PUBLIC_MEDIA_ROOT``) holds only what anyone may see: organisation logos and badge
images.
"""

from __future__ import annotations

import io
import mimetypes
import re
import warnings
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import models
from django.db.models.fields.files import FieldFile, ImageFieldFile
from django.forms import ImageField as ImageFormField
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat, floatformat
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
# What the first bytes of a file of each type are: prefixes, a test of the first bytes,
# or None for plain UTF-8 text.
SIGNATURES: dict[str, tuple[bytes, ...] | Callable[[bytes], bool] | None] = {
    "pdf": (b"%PDF-",),
    **dict.fromkeys(["docx", "pptx", "xlsx", "odt", "odp", "ods", "epub", "zip"], _ZIP),
    **dict.fromkeys(["doc", "ppt", "xls"], _OLE),
    "png": (b"\x89PNG\r\n\x1a\n",),
    **dict.fromkeys(["jpg", "jpeg"], (b"\xff\xd8\xff",)),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP",
    **dict.fromkeys(["mp4", "m4a"], lambda head: head[4:8] == b"ftyp"),
    "mp3": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"),
    **dict.fromkeys(["txt", "csv", "md"]),
}
# Office documents are ZIP archives with a known inside: Office Open XML has its content
# types and a folder per application, OpenDocument and EPUB name their type in "mimetype".
_OOXML_FOLDERS = {"docx": "word/", "pptx": "ppt/", "xlsx": "xl/"}
_CONTAINER_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "odp": b"application/vnd.oasis.opendocument.presentation",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "epub": b"application/epub+zip",
}

DOCUMENTS = ("pdf", "docx", "pptx", "xlsx", "odt", "odp", "ods", "doc", "ppt", "xls", "txt")
IMAGES = ("png", "jpg", "jpeg", "gif", "webp")
MEDIA = ("mp4", "m4a", "mp3")

# What a browser would take for a web page: a text that opens with a tag, or one with an
# element that runs or loads something anywhere in it.
_MARKUP_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<[a-z!?/]", re.IGNORECASE)
_MARKUP_ANYWHERE = re.compile(
    rb"<(?:script|iframe|frame|frameset|object|embed|applet|svg|math|html|head|body|meta|"
    rb"base|link|style|form|!doctype|\?xml)[\s/>]"
    rb"|<[a-z][^>]*\son[a-z]+\s*="
    rb"|<!--",
    re.IGNORECASE,
)
_CHUNK = 64 * 1024


def _extension(name: str) -> str:
    name = (name or "").lower()
    return name.rsplit(".", 1)[-1] if "." in name else ""


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        return error.start >= len(head) - 3
    return True


def _has_markup(file: IO[bytes]) -> bool:
    file.seek(0)
    first = True
    tail = b""
    while chunk := file.read(_CHUNK):
        sample = tail + chunk
        if first and _MARKUP_START.match(sample):
            return True
        if _MARKUP_ANYWHERE.search(sample):
            return True
        first, tail = False, sample[-256:]
    return False


def _is_container(extension: str, file: IO[bytes]) -> bool:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if extension in _OOXML_FOLDERS:
                folder = _OOXML_FOLDERS[extension]
                return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
            if extension in _CONTAINER_TYPES:
                if "mimetype" not in names or archive.getinfo("mimetype").file_size > 200:
                    return False
                return archive.read("mimetype").strip() == _CONTAINER_TYPES[extension]
            return True
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        return False


def _looks_like(extension: str, head: bytes) -> bool:
    signature = SIGNATURES[extension]
    if signature is None:
        return _is_text(head)
    if callable(signature):
        return signature(head)
    return head.startswith(signature)


def _too_many_pixels() -> ValidationError:
    limit = settings.UPLOAD_IMAGE_MAX_PIXELS
    return ValidationError(
        _(
            "The image has too many pixels. The limit is %(limit)s megapixels: make it "
            "smaller and upload it again."
        ),
        params={"limit": floatformat(limit / 1_000_000, -1)},
        code="image_pixels",
    )


def check_image(file: IO[bytes], *, readable: bool = True) -> None:
    """Refuse an image of more pixels than ``UPLOAD_IMAGE_MAX_PIXELS``, and one that Pillow
    cannot read unless ``readable`` is false. Only the header is decoded, so a
    decompression bomb costs nothing."""
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # The limit here is well below Pillow's own; its warning would only repeat it.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
                if width * height > settings.UPLOAD_IMAGE_MAX_PIXELS:
                    raise _too_many_pixels()
                image.verify()
    except Image.DecompressionBombError as error:
        raise _too_many_pixels() from error
    except ValidationError:
        raise
    except Exception as error:
        if not readable:
            return
        raise ValidationError(
            _("This is not an image that can be shown."), code="invalid_image"
        ) from error
    finally:
        file.seek(position)


@deconstructible
@dataclass
class UploadValidator:
    """Accept a file whose extension is allowed, whose size is within the limit and whose
    content agrees with its extension: a renamed executable is not a PDF, a renamed ZIP is
    not a DOCX, a web page is not a text file, an image is readable and of a sane number
    of pixels.

    ``max_bytes`` is a number of bytes or the name of the setting that holds it."""

    extensions: Iterable[str]
    max_bytes: int | str

    def __post_init__(self) -> None:
        unknown = set(self.extensions) - set(SIGNATURES)
        if unknown:
            raise ValueError(f"no signature known for {sorted(unknown)}")
        self.extensions = tuple(self.extensions)

    def __call__(self, file: File[bytes]) -> None:
        extension = _extension(getattr(file, "name", ""))
        if extension not in self.extensions:
            raise ValidationError(
                _("Files of this type are not accepted. Accepted types: %(allowed)s."),
                params={"allowed": ", ".join(dict.fromkeys(self.extensions))},
                code="file_type",
            )
        limit = self.max_bytes
        if isinstance(limit, str):
            limit = int(getattr(settings, limit))
        if file.size > limit:
            raise ValidationError(
                _("The file is too large (%(size)s). The limit is %(limit)s."),
                params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
                code="file_size",
            )
        position = file.tell() if hasattr(file, "tell") else 0
        try:
            file.seek(0)
            head = file.read(4096)
            matches = _looks_like(extension, head)
            if matches and SIGNATURES[extension] is _ZIP:
                matches = _is_container(extension, file)
            if matches and SIGNATURES[extension] is None and _has_markup(file):
                raise ValidationError(
                    _("This text file contains web page markup (HTML), which is not accepted."),
                    code="file_markup",
                )
        finally:
            file.seek(position)
        if not matches:
            raise ValidationError(
                _("The file's content does not match its type (.%(extension)s)."),
                params={"extension": extension},
                code="file_content",
            )
        if extension in IMAGES:
            check_image(file)


def validate_raster_image(file: IO[bytes]) -> None:
    """The pixel check for an upload that may also be a vector image (a badge)."""
    if _extension(getattr(file, "name", "")) in IMAGES:
        check_image(file)


# --- Where files are kept ------------------------------------------------------------


@deconstructible(path="core.uploads.PublicMediaStorage")
class PublicMediaStorage(FileSystemStorage):
    """The disk for public files, at ``PUBLIC_MEDIA_ROOT`` and ``PUBLIC_MEDIA_URL``: a
    place apart from ``MEDIA_ROOT``, so nothing served from here can reach a private
    file."""

    _location: str | None
    _base_url: str | None

    @cached_property
    def base_location(self) -> str:
        return self._value_or_setting(self._location, settings.PUBLIC_MEDIA_ROOT)

    @cached_property
    def base_url(self) -> str:
        if self._base_url is not None and not self._base_url.endswith("/"):
            self._base_url += "/"
        return self._value_or_setting(self._base_url, settings.PUBLIC_MEDIA_URL)

    def _clear_cached_properties(self, setting: Any, **kwargs: Any) -> None:
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PUBLIC_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)
        elif setting == "PUBLIC_MEDIA_URL":
            self.__dict__.pop("base_url", None)


def public_storage() -> Storage:
    """The storage of files anyone may see (``STORAGES["public"]``)."""
    return storages["public"]


# Fields whose files are public; the public media view serves a name only if one of
# these holds it.
PUBLIC_FILE_FIELDS = (("partners", "Organisation", "logo"), ("worklife_passport", "Badge", "image"))


# --- Images kept small -----------------------------------------------------------------

_FORMATS = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "gif": "GIF", "webp": "WEBP"}


def shrink_image(content: IO[bytes], *, max_side: int, name: str) -> ContentFile[bytes]:
    """The raster image ``content`` drawn again at most ``max_side`` pixels on its long
    side, turned as its camera meant, without its metadata or anything appended to it."""
    content.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(content) as original:
            image = ImageOps.exif_transpose(original)
            image.thumbnail((max_side, max_side))
            kind = _FORMATS[_extension(name)]
            if kind == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            out = io.BytesIO()
            image.save(out, format=kind, **({"quality": 90} if kind in ("JPEG", "WEBP") else {}))
    return ContentFile(out.getvalue())


class _ShrinkingFieldFile(FieldFile):
    def save(self, name: str, content: File[bytes], save: bool = True) -> None:
        if _extension(name) in IMAGES:
            max_side = cast("_MaxSide", self.field).max_side
            content = shrink_image(content, max_side=max_side, name=name)
        super().save(name, content, save)


class _ShrinkingImageFieldFile(_ShrinkingFieldFile, ImageFieldFile):
    pass


class _PixelCheckedImageFormField(ImageFormField):
    """An image form field that names a too large image as such, before Pillow's own
    check would call it only "not a valid image"."""

    def to_python(self, data: Any) -> Any:
        file = super(ImageFormField, self).to_python(data)
        if file is not None:
            check_image(file, readable=False)  # an unreadable one is Django's to name
        with warnings.catch_warnings(action="ignore", category=Image.DecompressionBombWarning):
            return super().to_python(data)


class _MaxSide(models.FileField):
    """A file field option: raster images are kept at most ``max_side`` pixels on the
    long side."""

    def __init__(self, *args: Any, max_side: int = 512, **kwargs: Any) -> None:
        self.max_side = max_side
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["max_side"] = self.max_side
        return name, path, args, kwargs


class ShrunkImageField(_MaxSide, models.ImageField):
    """An image field whose raster images are kept at most ``max_side`` pixels on the
    long side."""

    attr_class = _ShrinkingImageFieldFile

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"form_class": _PixelCheckedImageFormField, **kwargs})


class ShrunkFileField(_MaxSide, models.FileField):
    """A file field for an image that may also be a vector one: raster images are kept at
    most ``max_side`` pixels on the long side, others as they came."""

    attr_class = _ShrinkingFieldFile


# --- Handing files out and moving them ---------------------------------------------------


def download(field_file: FieldFile, *, filename: str) -> FileResponse:
    """Send a stored file as an attachment (never rendered inline by the browser)."""
    name = field_file.name or ""
    extension = _extension(name)
    if extension and not filename.lower().endswith(f".{extension}"):
        filename = f"{filename}.{extension}"
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(
        field_file.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def move_stored_files(
    model: type[models.Model],
    field_name: str,
    *,
    source: Storage,
    target: Storage,
    rename: Callable[[models.Model, str], str] | None = None,
) -> int:
    """Move the files of ``model.field_name`` from ``source`` to ``target`` storage, under
    ``rename(instance, name)`` when given, and point the rows at their new names. Run
    again, it moves only what is still where it was. Returns how many files moved."""
    moved = 0
    rows = model._default_manager.exclude(**{field_name: ""}).exclude(**{field_name: None})
    for instance in rows.iterator():
        name = getattr(instance, field_name).name
        new_name = rename(instance, name) if rename else name
        if new_name == name and source is target:
            continue
        if not source.exists(name):
            continue  # already moved, or lost before: nothing to carry over
        with source.open(name, "rb") as handle:
            saved = target.save(new_name, handle)
        model._default_manager.filter(pk=instance.pk).update(**{field_name: saved})
        source.delete(name)
        moved += 1
    return moved
