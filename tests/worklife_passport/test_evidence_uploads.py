"""Claim evidence is checked by what the file is, not only by what it is called."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from worklife_passport.models import Claim
from worklife_passport.services import claims as services


@pytest.fixture
def claim(world):
    return Claim.objects.create(
        student=world.student, badge=world.badge, status=Claim.Status.DRAFT, narrative="Work."
    )


def docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("work.pdf", b"MZ\x90\x00\x03 an executable"),
        ("work.pdf", b"<!DOCTYPE html><html><script>alert(document.cookie)</script>"),
        ("work.docx", b"PK\x03\x04 a zip that is no document"),
        ("work.mp4", b"<html><body>not a video</body></html>"),
        ("work.png", b"GIF89a not a png"),
    ],
)
def test_evidence_that_is_not_what_its_name_says_is_refused(world, claim, name, content):
    with pytest.raises(ValidationError) as error:
        services.evidence_add(
            actor=world.student, claim=claim, file=SimpleUploadedFile(name, content)
        )
    assert [e.code for e in error.value.error_dict["file"]] == ["file_content"]
    assert not claim.files.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("work.pdf", b"%PDF-1.7 my log"), ("work.docx", docx()), ("clip.mp4", b"\0\0\0\x18ftypmp42")],
)
def test_evidence_that_is_what_its_name_says_is_kept_privately(
    world, claim, name, content, settings
):
    item = services.evidence_add(
        actor=world.student, claim=claim, file=SimpleUploadedFile(name, content)
    )
    assert item.file.storage.location == str(settings.MEDIA_ROOT)
    assert item.file.name.startswith(f"evidence/{claim.pk}/")


def test_evidence_is_sent_as_the_type_it_was_checked_to_be(client, world, claim):
    item = services.evidence_add(
        actor=world.student, claim=claim, file=SimpleUploadedFile("log.pdf", b"%PDF-1.7 my log")
    )
    item.name = "page.html"
    item.save(update_fields=["name"])
    client.force_login(world.student)

    response = client.get(f"/en/passport/claims/{claim.pk}/files/{item.pk}/")
    assert b"".join(response.streaming_content) == b"%PDF-1.7 my log"

    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="page.html.pdf"' in response["Content-Disposition"]
