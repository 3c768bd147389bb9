"""The event list's text query: Finnish forms, titles that match first, the words found
marked, a misspelt query corrected and a fruitless one relaxed."""

import datetime

import pytest
from django.utils import timezone

from tests.events.test_events import make_event
from tests.searching import corrected_notice, marked, nothing_notice, page_text, relax_links

pytestmark = pytest.mark.django_db
URL = "/en/events/"


def _titles(response):
    return [event.title for event in response.context["page"].object_list]


def _in_days(days):
    starts = timezone.now() + datetime.timedelta(days=days)
    return {"starts_at": starts, "ends_at": starts + datetime.timedelta(hours=2)}


def test_an_inflected_finnish_query_finds_the_event(client):
    make_event(title="Hitsausseminaari")
    make_event(title="Kokkikurssi")
    assert _titles(client.get(URL, {"q": "hitsausseminaarin"})) == ["Hitsausseminaari"]


def test_titles_that_match_come_first_then_the_soonest(client):
    make_event(title="Infotilaisuus", description="Hitsaus tutuksi.", **_in_days(1))
    make_event(title="Hitsaus syksyllä", **_in_days(30))
    make_event(title="Hitsaus keväällä", **_in_days(10))
    make_event(title="Hitsaus eilen", **_in_days(-2))
    assert _titles(client.get(URL, {"q": "hitsaus"})) == [
        "Hitsaus keväällä",
        "Hitsaus syksyllä",
        "Infotilaisuus",
    ]


def test_the_kind_filters_the_list(client):
    make_event(title="Hitsaus", kind="workshop")
    make_event(title="Seminaari", kind="seminar")
    assert _titles(client.get(URL, {"kind": "workshop"})) == ["Hitsaus"]


def test_the_words_found_are_marked_in_the_title_and_the_venue(client):
    make_event(title="Hitsauksen <iltapäivä>", venue="Hitsaamo, Lappeenranta")
    response = client.get(URL, {"q": "hitsaus lappeenranta"})
    assert marked(response) == ["Hitsauksen", "Lappeenranta"]
    assert "&lt;iltapäivä&gt;" in page_text(response)


def test_a_misspelt_query_shows_the_nearest_spelling_and_says_so(client):
    make_event(title="Hitsaus")
    response = client.get(URL, {"q": "hitsuas"})
    assert _titles(response) == ["Hitsaus"]
    assert corrected_notice("hitsuas", "hitsaus") in page_text(response)
    assert marked(response) == ["Hitsaus"]


def test_nothing_found_offers_the_query_without_the_kind(client):
    make_event(title="Hitsaus", kind="seminar")
    response = client.get(URL, {"q": "hitsaus", "kind": "workshop"})
    assert nothing_notice("hitsaus") in page_text(response)
    assert "No upcoming events." not in page_text(response)
    links = relax_links(response)
    assert links == {"Kind: Workshop": {"q": ["hitsaus"]}}  # one filter: no "without any"
    assert _titles(client.get(URL, links["Kind: Workshop"])) == ["Hitsaus"]


@pytest.mark.parametrize("count", [5, 50])
def test_a_text_query_costs_the_same_queries_whatever_the_rows(
    client, count, django_assert_num_queries
):
    for n in range(count):
        make_event(title=f"Hitsaus {n}")
    # the keys of every event found, once for whether any and the count; the page's rows,
    # their organisers
    with django_assert_num_queries(3):
        response = client.get(URL, {"q": "hitsauksen"})
    assert response.context["page"].paginator.count == count
