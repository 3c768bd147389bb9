"""The badge catalogue's text query: Finnish forms, names that match first, the words
found marked, a misspelt query corrected and a fruitless one relaxed."""

import pytest

from tests.searching import corrected_notice, marked, nothing_notice, page_text, relax_links

pytestmark = pytest.mark.django_db
URL = "/en/passport/badges/"


def _names(response):
    return [badge.name for badge in response.context["page"].object_list]


def _badge(world, name, **fields):
    return world.make_badge(name_fi=name, name_en="", **fields)


def test_an_inflected_finnish_query_finds_the_badge(client, world, fresh_fragments):
    _badge(world, "Hitsaus")
    assert _names(client.get(URL, {"q": "hitsauksen"})) == ["Hitsaus"]


def test_names_that_match_come_first(client, world, fresh_fragments):
    _badge(world, "Alkeet", description_fi="Hitsauksen alkeet.")
    _badge(world, "Työturvallisuus")
    _badge(world, "Vaativa hitsaus")
    assert _names(client.get(URL, {"q": "hitsaus"})) == ["Vaativa hitsaus", "Alkeet"]


def test_the_words_found_are_marked_in_the_name(client, world, fresh_fragments):
    _badge(world, "Hitsauksen <perusteet>")
    response = client.get(URL, {"q": "hitsaus"})
    assert marked(response) == ["Hitsauksen"]
    assert "&lt;perusteet&gt;" in page_text(response)


def test_a_misspelt_query_shows_the_nearest_spelling_and_says_so(client, world, fresh_fragments):
    _badge(world, "Hitsaus")
    response = client.get(URL, {"q": "hitsuas"})
    assert _names(response) == ["Hitsaus"]
    assert corrected_notice("hitsuas", "hitsaus") in page_text(response)


def test_nothing_found_offers_the_query_without_each_filter(client, world, fresh_fragments):
    _badge(world, "Hitsaus")
    _badge(world, "Mentorointi", issuer=world.other_school, category="mentoring")
    asked = {"q": "hitsaus", "issuer": "other", "asked_for": "on", "category": "mentoring"}
    response = client.get(URL, asked)
    assert _names(response) == []
    assert nothing_notice("hitsaus") in page_text(response)
    links = relax_links(response)
    issuer = f"Issuer: {world.other_school.name}"
    assert links.keys() == {issuer, "Asked for by local companies", "Category: Mentoring", ""}
    assert links[issuer] == {"q": ["hitsaus"], "asked_for": ["on"], "category": ["mentoring"]}
    assert _names(client.get(URL, links[""])) == ["Hitsaus"]


def test_the_notice_follows_the_data_when_the_list_is_kept(client, world):
    _badge(world, "Hitsaus")
    notice = corrected_notice("hitsuas", "hitsaus")
    assert notice in page_text(client.get(URL, {"q": "hitsuas"}))
    assert notice in page_text(client.get(URL, {"q": "hitsuas"}))
    _badge(world, "Hitsuas")
    assert notice not in page_text(client.get(URL, {"q": "hitsuas"}))


@pytest.mark.parametrize("count", [5, 50])
def test_a_text_query_costs_the_same_queries_whatever_the_rows(
    client, world, count, django_assert_num_queries, fresh_fragments
):
    for n in range(count):
        badge = _badge(world, f"Hitsaus {n}")
        if n % 2:
            world.award(badge=badge)
    # the keys of every badge found, once for whether any and the count; the page's rows
    # (with holders and "asked for"), sector choices, issuer choices
    with django_assert_num_queries(4):
        response = client.get(URL, {"q": "hitsauksen"})
    assert response.context["page"].paginator.count == count
