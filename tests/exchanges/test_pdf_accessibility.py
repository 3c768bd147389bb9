"""The learning agreement and the certificate: tagged PDF/A, times and numbers for people."""

import datetime
import decimal
import io
import logging

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from django.utils.translation import gettext as _
from PIL import Image

from exchanges.models import Application, LearningAgreement, MobilityRecord
from exchanges.services import agreements as services
from partners.models import Organisation
from tests import pdfs

pytestmark = pytest.mark.django_db
S = Application.Status
P = LearningAgreement.Party

CONTENT = {
    "learning_outcomes": "Restoring wooden windows",
    "tasks": "Assist the carpenter",
    "assessment": "Demonstration at the workplace",
    "instructor": "Mart Tamm",
    "mentor": "",
    "monitoring": "Weekly call with the teacher",
    "recognition": "Unit 3 of the qualification",
}
# 07:27 UTC on a winter day is 9.27 in Helsinki (UTC+2).
SIGNED_AT = datetime.datetime(2026, 1, 15, 7, 27, tzinfo=datetime.UTC)


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "#0b4f8a").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def signed(world):
    application = world.application(status=S.ACCEPTED)
    agreement = services.agreement_save(
        actor=world.coordinator, application=application, data=CONTENT
    )
    services.agreement_sign(actor=world.student, agreement=agreement, party=P.STUDENT)
    agreement.signatures.update(signed_at=SIGNED_AT)
    return application


def agreement_pdf(client, reader, application, language):
    client.force_login(reader)
    response = client.get(f"/{language}/exchanges/applications/{application.pk}/agreement.pdf")
    assert response.status_code == 200
    return pdfs.read(response.content)


def test_agreement_is_a_tagged_pdf_a_with_its_title(client, world, signed):
    document = agreement_pdf(client, world.coordinator, signed, "en")
    assert document.marked
    assert document.displays_title
    assert document.title == "Learning agreement"
    assert pdfs.xmp_title(document) == "Learning agreement"
    assert pdfs.pdfa(document) == ("3", "A")
    tags = document.tags()
    assert tags[:2] == ["StructTreeRoot", "Document"]
    assert {"H1", "H2", "P", "Table", "TR", "TH", "TD"} <= set(tags)
    # The title comes first after the logos, the signatures last.
    assert tags.index("H1") < tags.index("H2")
    assert "Signatures" in document.text().split("Recognition at home")[-1]


def test_agreement_is_in_the_readers_language(client, world, signed):
    document = agreement_pdf(client, world.coordinator, signed, "fi")
    assert document.language == "fi"
    with translation.override("fi"):
        assert document.title == _("Learning agreement")


def test_logos_have_alternative_text(client, world, signed):
    world.school.logo.save("logo.png", ContentFile(png()))
    document = agreement_pdf(client, world.coordinator, signed, "en")
    assert document.figures() == ["VET network", f"Logo of {world.school.name}"]


def test_an_unreadable_logo_leaves_the_agreement_without_it(client, world, signed):
    Organisation.objects.filter(pk=world.school.pk).update(logo="logos/gone.png")
    document = agreement_pdf(client, world.coordinator, signed, "en")
    assert document.figures() == ["VET network"]


def test_the_renderer_finds_nothing_missing(client, world, signed, caplog):
    world.school.logo.save("logo.png", ContentFile(png()))
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        agreement_pdf(client, world.coordinator, signed, "en")
    # WeasyPrint reports a figure without alternative text or a missing language here.
    assert not [r for r in caplog.records if r.name.startswith("weasyprint")]


def test_signature_time_is_shown_in_helsinki_time(client, world, signed):
    text = agreement_pdf(client, world.coordinator, signed, "fi").text()
    assert "15.1.2026 9.27" in text
    assert "7.27" not in text


def certificate_pdf(client, reader, application, language):
    client.force_login(reader)
    response = client.get(f"/{language}/exchanges/applications/{application.pk}/certificate.pdf")
    assert response.status_code == 200
    return pdfs.read(response.content)


def test_certificate_is_a_tagged_pdf_a_in_the_readers_language(client, world):
    application = world.application(status=S.COMPLETED)
    MobilityRecord.objects.create(application=application, skills_acquired="Käsityötaidot")
    document = certificate_pdf(client, world.student, application, "en")
    assert document.marked and document.displays_title
    assert document.language == "en"
    assert document.title == pdfs.xmp_title(document) == "Certificate of a mobility period"
    assert pdfs.pdfa(document) == ("3", "A")
    assert {"H1", "H2", "P", "Table", "TH", "TD"} <= set(document.tags())
    assert document.figures() == ["VET network"]
    assert "Käsityötaidot" in document.text()


@pytest.mark.parametrize(
    ("credits", "shown", "not_shown"), [("7.5", "7,5", "7.5"), ("15.0", "15", "15.0")]
)
def test_certificate_numbers_follow_the_readers_locale(client, world, credits, shown, not_shown):
    application = world.application(status=S.RECOGNISED)
    MobilityRecord.objects.create(
        application=application, part_time_percent=80, credits=decimal.Decimal(credits)
    )
    text = certificate_pdf(client, world.student, application, "fi").text()
    with translation.override("fi"):
        line = next(line for line in text.splitlines() if line.startswith(_("Credits recognised")))
    assert line.endswith(shown) and not_shown not in line
