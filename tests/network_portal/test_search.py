"""The search page: every kind of content found through its own list's selector, so each
reader finds what their lists would show them, in a fixed number of queries."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from catalogue.models import Material, Service
from events.models import Event
from partners.models import Membership
from tests.factories import OfferFactory, OrganisationFactory, member
from worklife_passport.models import Badge

pytestmark = pytest.mark.django_db
R = Membership.Role
LANGUAGES = ["fi", "sv", "en", "et", "lt", "ru"]


def _badge(issuer, name, **fields):
    return Badge.objects.create(
        issuer=issuer,
        name_fi=name,
        description_fi=fields.pop("description", "Osaat työn."),
        criteria_fi="Kaksi viikkoa työssä.",
        category=Badge.Category.WORK_LIFE,
        evidence_required=["text"],
        assessor_roles=["teacher"],
        **fields,
    )


def _service(provider, title):
    return Service.objects.create(
        provider=provider, title_fi=title, description_fi="Kurssi.", form="course", language="fi"
    )


def _material(organisation, title, *, public=True):
    return Material.objects.create(
        organisation=organisation,
        title_fi=title,
        language="fi",
        licence=Material.Licence.CC_BY,
        url="https://example.org/material",
        is_public=public,
    )


def _event(organiser, title, **fields):
    starts = timezone.now() + datetime.timedelta(days=3)
    values = {"starts_at": starts, "ends_at": starts + datetime.timedelta(hours=3), **fields}
    event = Event.objects.create(title=title, kind="seminar", capacity=20, **values)
    event.organisers.add(organiser)
    return event


@pytest.fixture
def network():
    school = OrganisationFactory(name_fi="Järvenrannan ammattiopisto")
    OrganisationFactory(company=True, name_fi="Hitsaamo Virtanen", description_fi="Hitsaus.")
    OfferFactory(title="Hitsaus ja levytyö", host=OrganisationFactory(company=True))
    OfferFactory(title="Hitsaus luonnoksena", status="draft", published_at=None)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    OfferFactory(title="Hitsaus haku päättynyt", deadline=yesterday)
    _badge(school, "Hitsauksen perusteet")
    _service(school, "Hitsauskurssi aloittelijoille")
    _material(school, "Hitsaus turvallisesti")
    _material(school, "Hitsaus sisäinen ohje", public=False)
    _event(school, "Hitsauksen työpaja")
    _event(school, "Hitsaus piilossa", is_published=False)
    return {"school": school, "student": member(school, R.STUDENT)}


def _titles(response):
    return {
        group.kind.key: [str(row) for row in group.rows] for group in response.context["groups"]
    }


def test_an_inflected_finnish_word_finds_every_kind_as_the_lists_show_them(client, network):
    response = client.get("/fi/search/", {"q": "hitsauksen"})
    assert response.status_code == 200
    assert _titles(response) == {
        "offers": ["Hitsaus ja levytyö"],
        "organisations": ["Hitsaamo Virtanen"],
        "badges": ["Hitsauksen perusteet"],
        "services": ["Hitsauskurssi aloittelijoille"],
        "materials": ["Hitsaus turvallisesti"],
        "events": ["Hitsauksen työpaja"],
    }


def test_members_only_material_is_found_only_by_network_members(client, network):
    anonymous = _titles(client.get("/fi/search/", {"q": "hitsaus"}))
    client.force_login(network["student"])
    members = _titles(client.get("/fi/search/", {"q": "hitsaus"}))
    assert anonymous["materials"] == ["Hitsaus turvallisesti"]
    assert set(members["materials"]) == {"Hitsaus turvallisesti", "Hitsaus sisäinen ohje"}
    # Neither finds an offer in draft or past its deadline, nor an unpublished event.
    for found in (anonymous, members):
        assert found["offers"] == ["Hitsaus ja levytyö"]
        assert found["events"] == ["Hitsauksen työpaja"]


def test_members_only_material_is_not_shown_to_anonymous_readers(client, network):
    hidden = Material.objects.get(title_fi="Hitsaus sisäinen ohje")
    response = client.get("/fi/search/", {"q": "sisäinen"})
    assert response.context["groups"] == []
    assert hidden.get_absolute_url() not in response.content.decode()


def test_each_group_shows_its_number_and_links_to_its_list_with_the_words(client, network):
    body = client.get("/en/search/", {"q": "hitsaus"}).content.decode()
    links = {
        urlsplit(href).path: parse_qs(urlsplit(href).query)["q"]
        for href in re.findall(r'href="([^"]+\?q=[^"]+)"', body.replace("&amp;", "&"))
    }
    assert links == {
        "/en/exchanges/": ["hitsaus"],
        "/en/partners/": ["hitsaus"],
        "/en/passport/badges/": ["hitsaus"],
        "/en/catalogue/": ["hitsaus"],
        "/en/catalogue/materials/": ["hitsaus"],
        "/en/events/": ["hitsaus"],
    }
    assert "More filters in the list" in body  # one row: all of them are shown
    assert "All 1 result" not in body
    assert ">(1)</span>" in body


def test_the_words_found_are_highlighted_in_the_titles(client, network):
    body = client.get("/fi/search/", {"q": "hitsauksen"}).content.decode()
    assert "<mark>Hitsaus</mark> ja levytyö" in body
    assert "<mark>Hitsauksen</mark> perusteet" in body


def test_only_five_rows_of_a_kind_with_the_count_of_all(client, network):
    for n in range(7):
        OfferFactory(title=f"Sähköasennus {n}")
    response = client.get("/en/search/", {"q": "sähköasennus"})
    (group,) = response.context["groups"]
    assert (group.count, len(group.rows)) == (7, 5)
    assert "All 7 results" in response.content.decode()


def test_a_title_match_comes_before_a_match_in_the_text(client, network):
    OfferFactory(title="Aaa asennus", description="Sisältää maalausta.")
    OfferFactory(title="Zzz maalaus", deadline=timezone.localdate() + datetime.timedelta(days=90))
    (group,) = client.get("/en/search/", {"q": "maalaus"}).context["groups"]
    assert [row.title for row in group.rows] == ["Zzz maalaus", "Aaa asennus"]


def test_nothing_found_offers_the_nearest_spelling_that_finds_something(client, network):
    body = client.get("/en/search/", {"q": "hitsuas"}).content.decode()
    assert "Nothing found for “hitsuas”." in body
    assert 'Did you mean <a href="/en/search/?q=hitsaus">hitsaus</a>?' in body


def test_no_spelling_is_offered_where_none_would_find_anything(client, network):
    body = client.get("/en/search/", {"q": "qqqxxzz"}).content.decode()
    assert "Nothing found for “qqqxxzz”." in body
    assert "Did you mean" not in body


def test_an_empty_query_shows_only_the_form(client, network, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/en/search/", {"q": "   "})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'role="search"' in body and 'name="q"' in body
    assert "Nothing found" not in body and "<h2" not in body


@pytest.mark.parametrize(
    "text",
    [
        "hitsaus " * 125,
        "!!! ??? ...",
        "& | ! : * ( )",
        "hitsaus & | !:*()",
        "'; DROP TABLE partners_organisation; --",
        '" OR 1=1 --',
        "сварка Сварщик",
        "🔥🔧 hitsaus 🔥",
        "a\x00b",
        "%",
        "_",
    ],
)
def test_any_input_is_answered(client, network, text):
    response = client.get("/en/search/", {"q": text})
    assert response.status_code == 200
    assert len(response.context["q"]) <= 100


def test_the_header_box_sends_its_words_to_the_search_page(client, network):
    body = client.get("/en/").content.decode()
    form = re.search(r'<form class="site-search" role="search"[^>]*>.*?</form>', body, re.S)
    assert form
    assert 'action="/en/search/" method="get"' in form.group()
    assert '<label class="visually-hidden" for="site-search-q">' in form.group()
    assert '<input type="search" id="site-search-q" name="q"' in form.group()
    assert '<button type="submit">' in form.group()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_page_is_in_every_language(client, network, language):
    response = client.get(f"/{language}/search/", {"q": "hitsaus"})
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()
    assert f'href="/{language}/exchanges/?q=hitsaus"' in response.content.decode()


def _more_of_every_kind(network, count):
    school = network["school"]
    for n in range(count):
        OfferFactory(title=f"Maalaus {n}")
        OrganisationFactory(name_fi=f"Maalaamo {n}", description_fi="Maalaus.")
        _badge(school, f"Maalaus {n}")
        _service(school, f"Maalaus {n}")
        _material(school, f"Maalaus {n}", public=n % 2 == 0)
        _event(school, f"Maalaus {n}")


@pytest.mark.parametrize("count", [2, 8])
def test_the_query_count_is_fixed(client, network, count, django_assert_num_queries):
    _more_of_every_kind(network, count)
    client.force_login(network["student"])
    client.get("/en/search/", {"q": "maalaus"})
    # session, user; the roles (members-only materials); per kind a count and the rows
    with django_assert_num_queries(15):
        response = client.get("/en/search/", {"q": "maalaus"})
    assert {group.count for group in response.context["groups"]} == {count}
