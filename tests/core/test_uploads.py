import io
import zipfile

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils import translation
from PIL import Image

from core.uploads import UploadValidator, validate_raster_image

validate = UploadValidator(
    ["pdf", "docx", "odt", "xlsx", "zip", "mp4", "txt", "csv", "png", "jpg", "webp"], 4096
)


def upload(name, content):
    return SimpleUploadedFile(name, content)


def image(fmt="PNG", size=(8, 8), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, fmt)
    return buffer.getvalue()


def archive(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        for name, data in entries.items():
            zipped.writestr(name, data)
    return buffer.getvalue()


DOCX = archive({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
XLSX = archive({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
ODT = archive({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
ODS = archive({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})
PLAIN_ZIP = archive({"payload.bin": "MZ"})


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.pdf", b"%PDF-1.4 ..."),
        ("A.PDF", b"%PDF-1.4 ..."),
        ("a.docx", DOCX),
        ("a.xlsx", XLSX),
        ("a.odt", ODT),
        ("a.zip", PLAIN_ZIP),
        ("a.mp4", b"\x00\x00\x00\x18ftypmp42"),
        ("a.txt", "Hyvää päivää".encode()),
        ("a.txt", b"if a < b and b > c: a <= c"),
        ("a.csv", b"name,score\nAnna,<5\n"),
        # a multi-byte letter cut at the end of the sample is still text
        ("b.txt", b"a" * 4093 + "ä".encode()),
        ("a.png", image("PNG")),
        ("a.jpg", image("JPEG")),
        ("a.webp", image("WEBP")),
    ],
)
def test_files_that_are_what_they_say_are_accepted(name, content):
    validate(upload(name, content))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("a.exe", b"MZ", "file_type"),
        ("noextension", b"%PDF-", "file_type"),
        ("a.pdf", b"MZ\x90\x00", "file_content"),
        ("a.pdf", b"<!DOCTYPE html><html><script>alert(1)</script>", "file_content"),
        ("a.docx", b"%PDF-1.4", "file_content"),
        # a ZIP that is not an office document, or one of another kind
        ("a.docx", PLAIN_ZIP, "file_content"),
        ("a.docx", XLSX, "file_content"),
        ("a.odt", ODS, "file_content"),
        ("a.odt", DOCX, "file_content"),
        ("a.docx", b"PK\x03\x04 not really an archive", "file_content"),
        ("a.txt", b"text\x00binary", "file_content"),
        ("a.txt", b"\xff\xfe\xfa latin-1 garbage \xe4", "file_content"),
        ("a.webp", b"RIFF\x00\x00\x00\x00WAVEfmt ", "file_content"),
        ("a.png", b"\x89PNG\r\n\x1a\n but nothing after", "invalid_image"),
        ("a.jpg", image("PNG"), "file_content"),
        ("a.pdf", b"%PDF-" + b"x" * 4096, "file_size"),
    ],
)
def test_other_files_are_refused_with_the_reason(name, content, code):
    with pytest.raises(ValidationError) as error:
        validate(upload(name, content))
    assert error.value.code == code


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><p>hello",
        b"  <html><body>hi</body></html>",
        b"\xef\xbb\xbf<svg xmlns='http://www.w3.org/2000/svg'/>",
        b"<?xml version='1.0'?><x/>",
        b"<a href=x>click</a>",
        b"Notes for the day.\n\nSee <script>fetch('/x')</script> here.",
        b"Notes\n<img src=x onerror=alert(1)>",
        b"Notes\n<iframe src=//example.org></iframe>",
        b"Notes\n<!-- hidden -->",
    ],
)
def test_web_pages_disguised_as_text_are_refused(content):
    for name in ("notes.txt", "notes.csv"):
        with pytest.raises(ValidationError) as error:
            validate(upload(name, content))
        assert error.value.code == "file_markup"


def test_markup_beyond_the_first_sample_is_found_too():
    content = b"plain words " * 20000 + b"<script>alert(1)</script>"
    big = UploadValidator(["txt"], len(content))
    with pytest.raises(ValidationError) as error:
        big(upload("long.txt", content))
    assert error.value.code == "file_markup"


def test_the_size_limit_may_be_a_setting_read_when_checking(settings):
    by_setting = UploadValidator(["pdf"], "ATTACHMENT_MAX_BYTES")
    settings.ATTACHMENT_MAX_BYTES = 100
    by_setting(upload("a.pdf", b"%PDF-1.4"))
    settings.ATTACHMENT_MAX_BYTES = 5
    with pytest.raises(ValidationError) as error:
        by_setting(upload("a.pdf", b"%PDF-1.4"))
    assert error.value.code == "file_size"


def test_an_image_of_too_many_pixels_is_refused_by_the_setting(settings):
    settings.UPLOAD_IMAGE_MAX_PIXELS = 63
    with pytest.raises(ValidationError) as error:
        validate(upload("a.png", image(size=(8, 8))))
    assert error.value.code == "image_pixels"
    settings.UPLOAD_IMAGE_MAX_PIXELS = 64
    validate(upload("a.png", image(size=(8, 8))))


def test_a_decompression_bomb_is_refused_by_its_pixels_without_decoding_it():
    # 144 megapixels: above Pillow's warning threshold, which would only warn.
    bomb = image(size=(12000, 12000), mode="1")
    big = UploadValidator(["png"], len(bomb))
    with translation.override("en"), pytest.raises(ValidationError) as error:
        big(upload("bomb.png", bomb))
    assert error.value.code == "image_pixels"
    with translation.override("en"):
        assert "The limit is 25 megapixels" in error.value.messages[0]


def test_the_pixel_check_of_badge_images_leaves_vector_images_to_their_own_check(settings):
    settings.UPLOAD_IMAGE_MAX_PIXELS = 10
    validate_raster_image(upload("badge.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"))
    with pytest.raises(ValidationError):
        validate_raster_image(upload("badge.png", image(size=(8, 8))))


def test_the_file_is_read_from_where_it_was_left():
    file = upload("a.pdf", b"%PDF-1.4")
    file.seek(3)
    validate(file)
    assert file.tell() == 3
    file = upload("a.docx", DOCX)
    file.seek(7)
    validate(file)
    assert file.tell() == 7


def test_a_type_without_a_known_signature_is_a_programming_error():
    with pytest.raises(ValueError, match="exe"):
        UploadValidator(["exe"], 10)


def test_every_upload_of_every_app_is_checked_by_content():
    """Each file field of the portal's own models has the content-checking validator;
    badge images, which may be SVG, have their own check and the pixel check."""
    unchecked = []
    for model in apps.get_models():
        if model.__module__.split(".")[0] not in {
            "accounts",
            "partners",
            "exchanges",
            "mentoring",
            "worklife_passport",
            "events",
            "catalogue",
            "notifications",
            "reports",
        }:
            continue
        for field in model._meta.get_fields():
            if not isinstance(field, models.FileField):
                continue
            label = f"{model._meta.label}.{field.name}"
            if label == "reports.ReportExport.file":
                continue  # written by the portal itself, never uploaded
            if label == "worklife_passport.Badge.image":
                assert validate_raster_image in field.validators
                continue
            if not any(isinstance(v, UploadValidator) for v in field.validators):
                unchecked.append(label)
    assert unchecked == []
