"""Text shown in a fallback language carries its own lang attribute (WCAG 3.1.2)."""

import datetime
import re

import pytest
from django.utils import translation

from catalogue.models import Service
from core.templatetags.content_language import shown_language
from mentoring.models import Programme
from tests.factories import OfferFactory, OrganisationFactory, SectorFactory
from worklife_passport.models import Badge

pytestmark = pytest.mark.django_db


@pytest.fixture
def finnish_only_badge():
    return Badge.objects.create(
        issuer=OrganisationFactory(name_fi="Järvenrannan ammattiopisto"),
        name_fi="Työturvallisuus rakennustyömaalla",
        description_fi="Tunnet työmaan turvallisuusohjeet.",
        criteria_fi="Työturvallisuuskortti ja kaksi viikkoa työmaalla.",
        category=Badge.Category.WORK_LIFE,
        evidence_required=["text"],
        assessor_roles=["teacher"],
    )


def elements_with(body, text):
    """The start tags of the elements that hold ``text`` directly."""
    return re.findall(rf"<(\w+)([^<>]*)>\s*(?:<a [^<>]*>)?{re.escape(text)}", body)


def test_shown_language_follows_the_fallback_of_the_field(finnish_only_badge):
    finnish_only_badge.name_sv = "Arbetssäkerhet på byggplatsen"
    with translation.override("en"):
        assert shown_language(finnish_only_badge, "name") == "fi"
        assert shown_language(finnish_only_badge, "issuer") is None
    with translation.override("sv"):
        assert shown_language(finnish_only_badge, "name") == "sv"
        assert shown_language(finnish_only_badge, "description") == "fi"


def test_finnish_only_badge_page_on_english_marks_its_finnish_text(client, finnish_only_badge):
    body = client.get(f"/en/passport/badges/{finnish_only_badge.pk}/").content.decode()
    assert '<html lang="en">' in body
    assert '<h1 lang="fi">Työturvallisuus rakennustyömaalla</h1>' in body
    assert '<div class="prose" lang="fi"><p>Tunnet työmaan' in body
    assert '<span lang="fi">Järvenrannan ammattiopisto</span>' in body


def test_finnish_only_badge_in_the_english_catalogue_is_marked(client, finnish_only_badge):
    body = client.get("/en/passport/badges/").content.decode()
    [(_tag, attributes)] = elements_with(body, "Työturvallisuus rakennustyömaalla")[:1]
    assert 'lang="fi"' in attributes


def test_badge_in_the_readers_language_has_no_extra_lang(client, finnish_only_badge):
    finnish_only_badge.name_en = "Safety on a building site"
    finnish_only_badge.save(update_fields=["name_en"])
    body = client.get(f"/en/passport/badges/{finnish_only_badge.pk}/").content.decode()
    assert "<h1>Safety on a building site</h1>" in body
    finnish = client.get(f"/fi/passport/badges/{finnish_only_badge.pk}/").content.decode()
    assert "<h1>Työturvallisuus rakennustyömaalla</h1>" in finnish
    main = finnish.split("<main", 1)[1].split("</main>", 1)[0]
    assert "lang=" not in main


def test_offer_with_only_finnish_names_on_english_marks_them(client):
    sector = SectorFactory(name_fi="Rakentaminen", name_en="")
    offer = OfferFactory(sector=sector, host=OrganisationFactory(name_fi="Rakennus Virtanen Oy"))
    detail = client.get(f"/en/exchanges/offers/{offer.pk}/").content.decode()
    assert '<dd lang="fi">Rakentaminen</dd>' in detail
    assert '<span lang="fi">Rakennus Virtanen Oy</span>' in detail
    listing = client.get("/en/exchanges/").content.decode()
    assert '<span lang="fi">Rakentaminen</span>' in listing
    assert '<span lang="fi">Rakennus Virtanen Oy</span>' in listing


def test_finnish_only_organisation_is_marked_in_the_english_directory(client):
    organisation = OrganisationFactory(
        name_fi="Järvenrannan ammattiopisto", name_en="", description_fi="Ammatillinen oppilaitos."
    )
    detail = client.get(organisation.get_absolute_url().replace("/fi/", "/en/", 1))
    body = detail.content.decode()
    assert '<h1 lang="fi">Järvenrannan ammattiopisto</h1>' in body
    assert '<div class="prose" lang="fi"><p>Ammatillinen oppilaitos.' in body
    listing = client.get("/en/partners/").content.decode()
    [(_tag, attributes)] = elements_with(listing, "Järvenrannan ammattiopisto")[:1]
    assert 'lang="fi"' in attributes


def test_finnish_only_training_service_is_marked_on_english(client):
    service = Service.objects.create(
        provider=OrganisationFactory(),
        title_fi="Työturvallisuuskorttikoulutus",
        description_fi="Yhden päivän koulutus.",
        form="course",
        language="fi",
    )
    body = client.get(f"/en/catalogue/services/{service.pk}/").content.decode()
    assert '<h1 lang="fi">Työturvallisuuskorttikoulutus</h1>' in body
    assert '<div class="prose" lang="fi"><p>Yhden päivän koulutus.' in body


def test_finnish_only_mentoring_programme_is_marked_on_english(client):
    programme = Programme.objects.create(
        name_fi="Käänteinen mentorointi 2027",
        description_fi="Opiskelijat mentoroivat yritysten henkilöstöä.",
        kind=Programme.Kind.REVERSE,
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 6, 30),
        enrol_from=datetime.date(2026, 11, 1),
        enrol_until=datetime.date(2026, 12, 31),
    )
    body = client.get(programme.get_absolute_url().replace("/fi/", "/en/", 1)).content.decode()
    assert '<h1 lang="fi">Käänteinen mentorointi 2027</h1>' in body
