"""The offer list's text query: Finnish forms, title matches first within each country,
the words found marked, a misspelt query corrected and a fruitless one relaxed."""

import datetime

import pytest
from django.utils import timezone

from core import fragments
from exchanges.models import PlacementOffer
from tests.factories import OfferFactory
from tests.searching import corrected_notice, marked, nothing_notice, page_text, relax_links

pytestmark = pytest.mark.django_db
URL = "/en/exchanges/"


def _titles(response):
    # The page lists its rows by their keys, and draws each row kept or read once.
    shown = [key.pk for key in response.context["page"].object_list]
    titles = dict(PlacementOffer.objects.filter(pk__in=shown).values_list("pk", "title"))
    return [titles[pk] for pk in shown]


def _due_in(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def test_an_inflected_finnish_query_finds_the_offer(client, world, fresh_fragments):
    OfferFactory(host=world.company, title="Hitsaus")
    response = client.get(URL, {"q": "hitsauksen"})
    assert _titles(response) == ["Hitsaus"]


def test_title_matches_come_first_within_each_country(client, world, fresh_fragments):
    def offer(title, country, days, description="Työ."):
        OfferFactory(
            host=world.company,
            title=title,
            description=description,
            country=country,
            deadline=_due_in(days),
        )

    offer("Kokki", "FI", 5, description="Hitsaus.")
    offer("Hitsaus", "FI", 30)
    offer("Asentaja", "EE", 5, description="Hitsausta.")
    offer("Hitsaus Tartossa", "EE", 40)
    offer("Tarjoilija", "EE", 1)
    response = client.get(URL, {"q": "hitsaus"})
    # Estonia, then Finland: in each, the titles that match, then by deadline.
    assert _titles(response) == ["Hitsaus Tartossa", "Asentaja", "Hitsaus", "Kokki"]


def test_the_words_found_are_marked_in_the_title_and_the_city(client, world, fresh_fragments):
    OfferFactory(host=world.company, title="Hitsaus <b>ja</b> levytyö", city="Tampere")
    response = client.get(URL, {"q": "hitsauksen tampereella"})
    assert marked(response) == ["Hitsaus", "Tampere"]
    assert "&lt;b&gt;ja&lt;/b&gt;" in page_text(response)


def test_a_misspelt_query_shows_the_nearest_spelling_and_says_so(client, world, fresh_fragments):
    OfferFactory(host=world.company, title="Hitsaus")
    response = client.get(URL, {"q": "hitsuas"})
    assert _titles(response) == ["Hitsaus"]
    assert corrected_notice("hitsuas", "hitsaus") in page_text(response)
    assert marked(response) == ["Hitsaus"]


def test_nothing_found_offers_the_query_without_each_filter(client, world, fresh_fragments):
    OfferFactory(host=world.company, title="Hitsaus", country="EE", form="apprenticeship")
    asked = {"q": "hitsaus", "country": "EE", "form": "international_exchange"}
    response = client.get(URL, asked)
    assert _titles(response) == []
    assert nothing_notice("hitsaus") in page_text(response)
    links = relax_links(response)
    assert links == {
        "Country: Estonia": {"q": ["hitsaus"], "form": ["international_exchange"]},
        "Form: International exchange": {"q": ["hitsaus"], "country": ["EE"]},
        "": {"q": ["hitsaus"]},
    }
    followed = client.get(URL, links["Form: International exchange"])
    assert _titles(followed) == ["Hitsaus"]
    assert marked(followed) == ["Hitsaus"]
    assert _titles(client.get(URL, links[""])) == ["Hitsaus"]


def test_the_notice_follows_the_data_when_the_list_is_kept(client, world):
    OfferFactory(host=world.company, title="Hitsaus")
    notice = corrected_notice("hitsuas", "hitsaus")
    assert notice in page_text(client.get(URL, {"q": "hitsuas"}))
    # Found kept: the notice with it.
    assert notice in page_text(client.get(URL, {"q": "hitsuas"}))
    assert notice in page_text(client.get(URL, {"q": "hitsuas"}, headers={"HX-Request": "true"}))
    OfferFactory(host=world.company, title="Hitsuas")
    fresh = client.get(URL, {"q": "hitsuas"})
    assert notice not in page_text(fresh)
    assert marked(fresh) == ["Hitsuas"]


@pytest.mark.parametrize("count", [5, 50])
def test_a_text_query_costs_the_same_queries_whatever_the_rows(
    client, world, count, django_assert_num_queries, fresh_fragments
):
    for n in range(count):
        OfferFactory(host=world.company, title=f"Hitsaus {n}", country=["EE", "LT", "FI"][n % 3])
    # the keys (and countries) of every offer found, once for whether any, the count, the
    # country counts and the page; the page's rows (with host and sector), unless kept;
    # sector choices; the countries offers are in
    with django_assert_num_queries(4):
        response = client.get(URL, {"q": "hitsauksen"})
    assert response.context["page"].paginator.count == count


def test_a_new_query_keeps_the_filters_drawn_and_shows_its_own_words(client, world, monkeypatch):
    drawn = []
    real = fragments.draw

    def spy(name, render, **options):
        drawn.append(name)
        return real(name, render, **options)

    monkeypatch.setattr(fragments, "draw", spy)
    OfferFactory(title="Hitsaus", country="FI", deadline=_due_in(30))
    client.get(URL, {"q": "hitsaus", "country": "FI"})
    drawn.clear()
    response = client.get(URL, {"q": "hitsauksen", "country": "FI"})
    assert "exchanges:offer-filters" not in drawn  # the same filters: kept
    assert 'value="hitsauksen"' in response.content.decode()
    drawn.clear()
    client.get(URL, {"q": "hitsauksen", "country": "EE"})
    assert "exchanges:offer-filters" in drawn
