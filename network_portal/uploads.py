"""Uploaded files: accepted by type, size and content; handed out only through views."""

import mimetypes

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
# What the first bytes of a file of each type are; None: plain UTF-8 text.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": _ZIP,
    "pptx": _ZIP,
    "xlsx": _ZIP,
    "odt": _ZIP,
    "odp": _ZIP,
    "ods": _ZIP,
    "epub": _ZIP,
    "zip": _ZIP,
    "doc": _OLE,
    "ppt": _OLE,
    "xls": _OLE,
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "mp4": "ftyp",
    "m4a": "ftyp",
    "mp3": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"),
    "txt": None,
    "csv": None,
    "md": None,
}

DOCUMENTS = ("pdf", "docx", "pptx", "xlsx", "odt", "odp", "ods", "doc", "ppt", "xls", "txt")
IMAGES = ("png", "jpg", "jpeg", "gif")
MEDIA = ("mp4", "m4a", "mp3")


def _looks_like(extension: str, head: bytes) -> bool:
    signature = SIGNATURES[extension]
    if signature is None:
        if b"\x00" in head:
            return False
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the end of the sample is still text.
            return error.start >= len(head) - 3
        return True
    if signature == "ftyp":
        return head[4:8] == b"ftyp"
    return head.startswith(signature)


@deconstructible
class UploadValidator:
    """Accept a file whose extension is allowed, whose size is within the limit and whose
    first bytes agree with its extension (a renamed executable is not a PDF)."""

    def __init__(self, extensions, max_bytes):
        unknown = set(extensions) - set(SIGNATURES)
        if unknown:
            raise ValueError(f"no signature known for {sorted(unknown)}")
        self.extensions = tuple(extensions)
        self.max_bytes = max_bytes

    def __call__(self, file):
        name = (getattr(file, "name", "") or "").lower()
        extension = name.rsplit(".", 1)[-1] if "." in name else ""
        if extension not in self.extensions:
            raise ValidationError(
                _("Files of this type are not accepted. Accepted types: %(allowed)s."),
                params={"allowed": ", ".join(self.extensions)},
                code="file_type",
            )
        if file.size > self.max_bytes:
            raise ValidationError(
                _("The file is too large (%(size)s). The limit is %(limit)s."),
                params={
                    "size": filesizeformat(file.size),
                    "limit": filesizeformat(self.max_bytes),
                },
                code="file_size",
            )
        position = file.tell() if hasattr(file, "tell") else 0
        file.seek(0)
        head = file.read(4096)
        file.seek(position)
        if not _looks_like(extension, head):
            raise ValidationError(
                _("The file's content does not match its type (.%(extension)s)."),
                params={"extension": extension},
                code="file_content",
            )

    def __eq__(self, other):
        return (
            isinstance(other, UploadValidator)
            and self.extensions == other.extensions
            and self.max_bytes == other.max_bytes
        )


def download(field_file, *, filename: str) -> FileResponse:
    """Send a stored file as an attachment (never rendered inline by the browser)."""
    extension = field_file.name.rsplit(".", 1)[-1].lower() if "." in field_file.name else ""
    if extension and not filename.lower().endswith(f".{extension}"):
        filename = f"{filename}.{extension}"
    content_type = mimetypes.guess_type(field_file.name)[0] or "application/octet-stream"
    response = FileResponse(
        field_file.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
