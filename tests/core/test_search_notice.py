"""The notice above a list with a text query (templates/core/search_notice.html) and what
it is drawn from (core.search.lists): read only when shown, its text escaped, a link per
active filter."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from core.search.lists import list_search
from exchanges.forms import OfferFilterForm
from exchanges.selectors import offer_search
from tests.factories import OfferFactory, SectorFactory

pytestmark = pytest.mark.django_db


def _search(**asked):
    request = RequestFactory().get("/en/exchanges/", asked)
    form = OfferFilterForm(request.GET or None)
    return list_search(request, form, lambda filters: offer_search(filters=filters))


def _notice(search, count):
    with translation.override("en"):
        return render_to_string("core/search_notice.html", {"search": search, "count": count})


def test_nothing_is_read_until_the_rows_are_asked_for(django_assert_num_queries):
    with django_assert_num_queries(0):
        search = _search(q="hitsaus", form="apprenticeship")
        assert search.text == "hitsaus"


def test_without_a_text_query_nothing_is_corrected_and_no_match_is_asked(
    django_assert_num_queries,
):
    OfferFactory(title="Hitsaus")
    search = _search(form="apprenticeship")
    with django_assert_num_queries(0):
        assert search.spelling is None
        assert search.marked == ""
    assert _notice(search, 1).strip() == ""


def test_the_notice_escapes_what_was_asked():
    search = _search(q="<b>hitsaus</b>")
    html = _notice(search, 0)
    assert "Nothing found for “&lt;b&gt;hitsaus&lt;/b&gt;”." in html
    assert "<b>" not in html


def test_each_active_filter_is_named_with_its_value_and_dropped_alone():
    SectorFactory(slug="metal", name_en="Metal industry")
    search = _search(
        q="hitsaus",
        country="EE",
        sector="metal",
        form="apprenticeship",
        language="fi",
        starts_after="2031-05-04",
        page="2",
    )
    with translation.override("en"):
        links = {link.label: link.query_string for link in search.relaxed}
    assert list(links) == [
        "Country: Estonia",
        "Sector: Metal industry",
        "Form: Apprenticeship",
        "Language: Finnish",
        "Starts on or after: 05/04/2031",
    ]
    assert links["Sector: Metal industry"] == (
        "q=hitsaus&country=EE&form=apprenticeship&language=fi&starts_after=2031-05-04"
    )
    assert search.cleared == "q=hitsaus"


def test_an_invalid_filter_is_not_offered_to_drop():
    search = _search(q="hitsaus", starts_after="not a date", country="EE")
    with translation.override("en"):
        assert [link.label for link in search.relaxed] == ["Country: Estonia"]


def test_a_list_that_finds_rows_says_nothing():
    OfferFactory(title="Hitsaus", start_date=datetime.date(2099, 1, 1))
    search = _search(q="hitsaus", country="EE")
    assert len(search.rows) == 1
    assert _notice(search, 1).strip() == ""


def test_filters_alone_that_find_nothing_offer_to_drop_them():
    search = _search(country="LT")
    html = _notice(search, 0)
    assert "Nothing found" not in html
    assert 'href="?"' in html  # without the one filter
    assert "without “Country: Lithuania”" in html
    assert "without any filter" not in html  # the same link as the one above


def test_two_filters_that_find_nothing_offer_to_drop_both_at_once():
    html = _notice(_search(q="hitsaus", country="LT", form="apprenticeship"), 0)
    assert "without any filter" in html
    assert 'href="?q=hitsaus"' in html
