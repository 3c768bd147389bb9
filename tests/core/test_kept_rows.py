"""A list found by a text query is searched once per page, and its rows are kept one by one:
the rows rendered for one search serve the next, and a write to a row draws it again."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import SearchEntry
from core.search.lists import Found
from core.templatetags.search import highlighter
from partners.models import Organisation
from tests.factories import OfferFactory, OrganisationFactory, SectorFactory

pytestmark = pytest.mark.django_db

URL = "/fi/exchanges/"


def _offer_rows_read(queries) -> int:
    """How many queries read offers whole (not only their keys)."""
    return sum(
        1
        for query in queries
        if query["sql"].startswith('SELECT "exchanges_placementoffer"."id", ')
        and '"exchanges_placementoffer"."title"' in query["sql"]
    )


def test_rows_kept_for_one_search_serve_another_without_reading_them(client):
    for n in range(3):
        OfferFactory(title=f"Hitsaus {n}", country="FI", deadline=timezone.localdate())
    # The first rows drawn in a process teach it the tables a row reads; from then on rows
    # are kept with those tables' versions.
    client.get(URL, {"q": "hitsaus"})
    client.get(URL, {"q": "hitsaukset"})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"q": "hitsauksen"})  # another query, the same rows
    body = response.content.decode()
    assert body.count('class="org-item"') == 3
    assert _offer_rows_read(queries.captured_queries) == 0
    # The words of this query are marked, not those the rows were kept with.
    assert "<mark>Hitsaus</mark> 0" in body


def test_a_changed_row_is_drawn_again_with_its_new_text(client):
    offer = OfferFactory(title="Hitsaus ja asennus", country="FI", deadline=timezone.localdate())
    client.get(URL, {"q": "hitsaus"})
    client.get(URL, {"q": "hitsaukset"})  # kept from now on
    offer.title = "Hitsaus ja maalaus"
    offer.save()
    body = client.get(URL, {"q": "hitsauksen"}).content.decode()
    assert "maalaus" in body and "asennus" not in body


def test_a_row_is_drawn_again_when_what_it_shows_of_another_table_changes(client):
    offer = OfferFactory(title="Hitsaus", country="FI", deadline=timezone.localdate())
    client.get(URL, {"q": "hitsaus"})
    client.get(URL, {"q": "hitsaukset"})  # kept from now on
    Organisation.objects.filter(pk=offer.host_id).update(name_fi="Uusi Konepaja Oy")
    assert "Uusi Konepaja Oy" in client.get(URL, {"q": "hitsauksen"}).content.decode()


def test_a_write_to_another_searched_model_leaves_the_rows_kept(client):
    OfferFactory(title="Hitsaus", country="FI", deadline=timezone.localdate())
    OrganisationFactory(name_fi="Toinen Oy")
    client.get(URL, {"q": "hitsaus"})
    client.get(URL, {"q": "hitsaukset"})  # kept from now on
    # The index written for another model, as any save of a searched model writes it.
    SearchEntry.objects.exclude(model="exchanges.placementoffer").update(terms="fi:uusi")
    with CaptureQueriesContext(connection) as queries:
        client.get(URL, {"q": "hitsauksen"})
    assert _offer_rows_read(queries.captured_queries) == 0


def test_a_page_shown_in_groups_reads_its_rows_in_one_query(client, fresh_fragments):
    for n, country in enumerate(["EE", "FI", "LT", "FI", "EE"]):
        OfferFactory(title=f"Hitsaus {n}", country=country, deadline=timezone.localdate())
    with CaptureQueriesContext(connection) as queries:
        body = client.get(URL, {"q": "hitsaus"}).content.decode()
    assert body.count('class="org-item"') == 5
    assert _offer_rows_read(queries.captured_queries) == 1


def test_found_reads_the_keys_once_and_a_page_of_rows_in_order():
    sector = SectorFactory()
    names = ["Alfa", "Beta", "Gamma", "Delta"]
    for number, name in enumerate(names):
        OrganisationFactory(name_fi=name, country=["FI", "EE"][number % 2]).sectors.add(sector)
    found = Found(Organisation.objects.filter(sectors=sector).order_by("-name_fi"), ("country",))
    with CaptureQueriesContext(connection) as queries:
        assert found.exists() and len(found) == 4
        assert found.counts("country") == {"FI": 2, "EE": 2}
    assert len(queries.captured_queries) == 1
    assert [row.name_fi for row in found[1:3]] == ["Delta", "Beta"]
    assert found[-1].name_fi == "Alfa"


@pytest.mark.parametrize(
    ("html", "marked"),
    [
        (
            '<a href="/hitsaus/" title="hitsaus">Hitsaus</a>',
            '<a href="/hitsaus/" title="hitsaus"><mark>Hitsaus</mark></a>',
        ),
        ("<p>hitsauksen &amp; asennus</p>", "<p><mark>hitsauksen</mark> &amp; asennus</p>"),
        ("<!-- hitsaus --><p>maalaus</p>", "<!-- hitsaus --><p>maalaus</p>"),
        (
            "<p>hitsaus; maalaus_hitsaus</p>",
            "<p><mark>hitsaus</mark>; maalaus_<mark>hitsaus</mark></p>",
        ),
        ("<p>&#104;itsaus &hitsaus;</p>", "<p>&#104;itsaus &hitsaus;</p>"),
    ],
)
def test_the_words_are_marked_in_the_text_only(html, marked):
    assert highlighter("hitsaus")(html) == marked


def test_a_query_of_only_signs_marks_nothing():
    assert highlighter("!!!")("<p>hitsaus</p>") == "<p>hitsaus</p>"
