"""The text query of the training services and of the library: Finnish forms, titles that
match first, the words found marked, a misspelt query corrected and a fruitless one
relaxed, and members-only materials kept from others whatever they ask."""

import datetime

import pytest
from django.utils import timezone

from catalogue.models import Material, Service
from partners.models import Membership
from tests.factories import member
from tests.searching import corrected_notice, marked, nothing_notice, page_text, relax_links

pytestmark = pytest.mark.django_db
SERVICES = "/en/catalogue/"
MATERIALS = "/en/catalogue/materials/"


def _titles(response):
    # The page lists its rows by their keys, and draws each row kept or read once.
    page = response.context["page"]
    model = response.context["search"].queryset.model
    shown = [key.pk for key in page.object_list]
    titles = dict(model.objects.filter(pk__in=shown).values_list("pk", "title"))
    return [titles[pk] for pk in shown]


def _service(world, title, description="Koulutus.", **fields):
    values = {"form": "course", "language": "fi", **fields}
    return Service.objects.create(
        provider=world["school"], title_fi=title, description_fi=description, **values
    )


def _material(world, title, description="Aineisto.", **fields):
    values = {"language": "fi", "licence": "CC-BY-4.0", "url": "https://example.org/m", **fields}
    return Material.objects.create(
        organisation=world["school"], title_fi=title, description_fi=description, **values
    )


def test_an_inflected_finnish_query_finds_the_service_and_the_material(client, world):
    _service(world, "Hitsaus")
    _material(world, "Hitsaus")
    assert _titles(client.get(SERVICES, {"q": "hitsauksen"})) == ["Hitsaus"]
    assert _titles(client.get(MATERIALS, {"q": "hitsauksen"})) == ["Hitsaus"]


def test_titles_that_match_come_first(client, world):
    _service(world, "Alkeet", description="Hitsauksen alkeet.")
    _service(world, "Vaativa hitsaus")
    assert _titles(client.get(SERVICES, {"q": "hitsaus"})) == ["Vaativa hitsaus", "Alkeet"]
    _material(world, "Vaativa hitsaus")
    _material(world, "Opas", description="Hitsauksen opas.")  # newer, but not by its title
    assert _titles(client.get(MATERIALS, {"q": "hitsaus"})) == ["Vaativa hitsaus", "Opas"]


def test_without_a_text_query_the_library_is_newest_first(client, world):
    old = _material(world, "Vanha")
    Material.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(1))
    _material(world, "Uusi")
    assert _titles(client.get(MATERIALS)) == ["Uusi", "Vanha"]


def test_the_words_found_are_marked_in_the_titles(client, world):
    _service(world, "Hitsauksen <perusteet>")
    _material(world, "Hitsauksen opas")
    response = client.get(SERVICES, {"q": "hitsaus"})
    assert marked(response) == ["Hitsauksen"]
    assert "&lt;perusteet&gt;" in page_text(response)
    assert marked(client.get(MATERIALS, {"q": "hitsaus"})) == ["Hitsauksen"]


def test_a_misspelt_query_shows_the_nearest_spelling_and_says_so(client, world):
    _service(world, "Hitsaus")
    _material(world, "Hitsaus")
    for url in (SERVICES, MATERIALS):
        response = client.get(url, {"q": "hitsuas"})
        assert _titles(response) == ["Hitsaus"]
        assert corrected_notice("hitsuas", "hitsaus") in page_text(response)


def test_nothing_found_offers_the_query_without_each_filter(client, world):
    _service(world, "Hitsaus")
    response = client.get(SERVICES, {"q": "hitsaus", "need": "safety", "form": "tailored"})
    assert nothing_notice("hitsaus") in page_text(response)
    links = relax_links(response)
    assert links == {
        "Work-life need: Safety": {"q": ["hitsaus"], "form": ["tailored"]},
        "Form: Tailored company training": {"q": ["hitsaus"], "need": ["safety"]},
        "": {"q": ["hitsaus"]},
    }
    assert _titles(client.get(SERVICES, links[""])) == ["Hitsaus"]
    _material(world, "Hitsaus")
    response = client.get(MATERIALS, {"q": "hitsaus", "kind": "file", "language": "sv"})
    assert set(relax_links(response)) == {"Kind: Files", "Language: Swedish", ""}


def test_members_only_materials_stay_hidden_whatever_is_asked(client, world):
    _material(world, "Hitsauksen sisäinen ohje", is_public=False)
    for asked in ("hitsauksen", "sisäinen", "hitsauksne", "sisainen ohje"):
        response = client.get(MATERIALS, {"q": asked})
        assert _titles(response) == []
        assert "Hitsauksen" not in page_text(response)
        assert nothing_notice(asked) in page_text(response)
    client.force_login(member(world["school"], Membership.Role.TEACHER))
    response = client.get(MATERIALS, {"q": "hitsauksne"})
    assert _titles(response) == ["Hitsauksen sisäinen ohje"]
    assert corrected_notice("hitsauksne", "hitsauksen") in page_text(response)


@pytest.mark.parametrize("count", [5, 50])
def test_a_text_query_costs_the_same_queries_whatever_the_rows(
    client, world, count, django_assert_num_queries
):
    for n in range(count):
        _service(world, f"Hitsaus {n}").needs.add(world["need"])
        _material(world, f"Hitsaus {n}")
    # the keys of every service found, once for whether any, the count and the page; the
    # page's rows (provider, sector) and needs, unless kept; need choices, sector choices
    with django_assert_num_queries(5):
        response = client.get(SERVICES, {"q": "hitsauksen"})
    assert response.context["page"].paginator.count == count
    # the keys of every material found, once for whether any and the count; the page's
    # rows (organisation, sector), topics, topic choices, sector choices
    with django_assert_num_queries(5):
        response = client.get(MATERIALS, {"q": "hitsauksen"})
    assert response.context["page"].paginator.count == count
