"""The passport as a tagged PDF/UA: QR codes with alternative text, the reader's language."""

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from tests import pdfs

pytestmark = pytest.mark.django_db


def passport_pdf(client, reader, language):
    client.force_login(reader)
    response = client.get(f"/{language}/passport/passport.pdf")
    assert response.status_code == 200
    return pdfs.read(response.content)


def test_passport_is_a_tagged_pdf_ua_with_its_title(client, world):
    world.award()
    document = passport_pdf(client, world.student, "en")
    assert document.marked and document.displays_title
    assert document.language == "en"
    assert document.title == pdfs.xmp_title(document) == "Work-life passport"
    assert pdfs.pdfua(document) == "1"
    tags = document.tags()
    assert {"H1", "H2", "P", "L", "LI"} <= set(tags)
    assert tags.index("H1") < tags.index("H2")


def test_each_qr_code_says_which_badge_it_checks(client, world):
    world.award()
    world.award(badge=world.make_badge(name_en="Safety at work", name_fi="Työturvallisuus"))
    document = passport_pdf(client, world.student, "en")
    assert document.figures() == [
        "VET network",
        "QR code for checking the badge Safety at work",
        "QR code for checking the badge Customer service basics",
    ]
    assert "/en/passport/awards/" in document.text().replace("\n", "")


def test_passport_is_in_the_readers_language(client, world):
    world.award()
    document = passport_pdf(client, world.student, "fi")
    assert document.language == "fi"
    with translation.override("fi"):
        assert document.title == _("Work-life passport")
    assert "Asiakaspalvelun perusteet" in document.text()
