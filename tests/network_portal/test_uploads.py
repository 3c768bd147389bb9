import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from network_portal.uploads import UploadValidator

validate = UploadValidator(["pdf", "docx", "mp4", "txt", "png"], 1024)


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.pdf", b"%PDF-1.4 ..."),
        ("A.PDF", b"%PDF-1.4 ..."),
        ("a.docx", b"PK\x03\x04 word/document.xml"),
        ("a.mp4", b"\x00\x00\x00\x18ftypmp42"),
        ("a.txt", "Hyvää päivää".encode()),
        # a multi-byte letter cut at the end of the sample is still text
        ("b.txt", b"a" * 4095 + "ä".encode()),
        ("a.png", b"\x89PNG\r\n\x1a\n...."),
    ],
)
def test_files_that_are_what_they_say_are_accepted(name, content):
    validate(upload(name, content[:1024] if len(content) > 1024 else content))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("a.exe", b"MZ", "file_type"),
        ("noextension", b"%PDF-", "file_type"),
        ("a.pdf", b"MZ\x90\x00", "file_content"),
        ("a.docx", b"%PDF-1.4", "file_content"),
        ("a.txt", b"text\x00binary", "file_content"),
        ("a.txt", b"\xff\xfe\xfa latin-1 garbage \xe4", "file_content"),
        ("a.pdf", b"%PDF-" + b"x" * 1024, "file_size"),
    ],
)
def test_other_files_are_refused_with_the_reason(name, content, code):
    with pytest.raises(ValidationError) as error:
        validate(upload(name, content))
    assert error.value.code == code


def test_the_file_is_read_from_where_it_was_left():
    file = upload("a.pdf", b"%PDF-1.4")
    file.seek(3)
    validate(file)
    assert file.tell() == 3


def test_a_type_without_a_known_signature_is_a_programming_error():
    with pytest.raises(ValueError, match="exe"):
        UploadValidator(["exe"], 10)
