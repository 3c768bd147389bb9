"""Application attachments and signed agreements are checked by content."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from exchanges.models import Application, PartnershipAgreement

from .test_views import apply_form


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cv.pdf", b"MZ\x90\x00 an executable renamed"),
        ("cv.pdf", b"<html><body onload=alert(1)>a web page renamed</body></html>"),
        ("cv.odt", b"PK\x03\x04 no document inside"),
    ],
)
def test_an_attachment_that_is_not_what_its_name_says_is_refused(client, world, name, content):
    client.force_login(world.student)
    response = client.post(
        f"/en/exchanges/offers/{world.offer.pk}/apply/",
        {**apply_form(world), "attachment": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    assert "does not match its type" in response.content.decode()
    assert not Application.objects.exists()


def test_a_signed_agreement_must_be_a_pdf_by_content(db):
    agreement = PartnershipAgreement(
        title="MoU",
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2027, 1, 1),
        document=SimpleUploadedFile("mou.pdf", b"<html>not a pdf</html>"),
    )
    with pytest.raises(ValidationError) as error:
        agreement.full_clean()
    assert [e.code for e in error.value.error_dict["document"]] == ["file_content"]
    agreement.document = SimpleUploadedFile("mou.pdf", b"%PDF-1.7 signed")
    agreement.full_clean()
