"""The search engine: analysis, matching on either database, ranking, the nearest
spelling, highlighting and any input at all."""

import pytest

from core.models import SearchEntry
from core.search import corrected, edits, parse, ranked, text_search, with_correction
from core.search.analysis import forms, voikko_available
from core.search.lookups import similarity
from core.templatetags.search import highlight
from exchanges.models import PlacementOffer
from tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def _found(text):
    return set(text_search(PlacementOffer.objects.all(), text).values_list("title", flat=True))


def test_voikko_is_installed_where_the_tests_run():
    """Finnish inflection and compounds need Voikko's dictionary (make voikko installs it)."""
    assert voikko_available()


@pytest.mark.parametrize(
    ("indexed", "asked"),
    [
        ("hitsaus", "hitsauksen"),
        ("metallitöissä", "metallityö"),
        ("Korjausrakentamisen", "rakentaminen"),
        ("sähköasentajaksi", "sähköasentaja"),
        ("ravintolassa", "ravintoloita"),
    ],
)
def test_a_finnish_word_is_found_by_its_other_forms_and_its_parts(indexed, asked):
    assert forms(indexed.lower(), "fi").indexed & forms(asked, "fi").asked


def test_a_compound_query_does_not_match_its_parts_alone():
    assert not forms("työ", "fi").indexed & forms("metallityö", "fi").asked
    assert not forms("oppiminen", "fi").indexed & forms("työssäoppiminen", "fi").asked


def test_an_inflected_query_finds_the_offer_and_its_new_words_at_once():
    offer = OfferFactory(title="Hitsaus ja levytyö", description="Metallitöissä Tampereella.")
    OfferFactory(title="Kokki", description="Ravintolassa.")
    assert _found("hitsauksen") == {"Hitsaus ja levytyö"}
    assert _found("metallityö tampere") == {"Hitsaus ja levytyö"}
    offer.title = "Sähköasennus"
    offer.save()
    assert _found("sähköasennuksen") == {"Sähköasennus"}
    assert _found("hitsauksen") == set()


def test_other_languages_are_stemmed_and_accents_do_not_matter():
    OfferFactory(title="Welding placements", description="Keevitustööd Tartus.")
    assert _found("welder placement") == set()  # a different word
    assert _found("placement") == {"Welding placements"}
    assert _found("keevitustöö") == {"Welding placements"}
    assert _found("TARTU") == {"Welding placements"}


def test_the_last_word_is_also_a_prefix():
    OfferFactory(title="Logistiikka-assistentti")
    assert _found("logist") == {"Logistiikka-assistentti"}
    assert _found("lo") == set()


def test_title_matches_come_first():
    OfferFactory(title="Kokki", description="Hitsaus on tärkeää.")
    OfferFactory(title="Hitsaaja", description="Tehtaalla.")
    rows = ranked(text_search(PlacementOffer.objects.all(), "hitsaus"), "title")
    assert [row.title for row in rows] == ["Hitsaaja", "Kokki"]


@pytest.mark.parametrize(
    "text",
    [
        "x" * 1000,
        "!!! ??? ...",
        "a & b | !c : * ( )",
        "'; DROP TABLE core_searchentry; --",
        "сварщик",
        "🔧🔥",
        "hitsaus:*",
        "(",
        "\x00",
    ],
)
def test_any_input_is_a_query(text):
    OfferFactory(title="Hitsaus")
    assert isinstance(_found(text), set)


def test_only_signs_find_nothing_and_nothing_narrows_nothing():
    OfferFactory(title="Hitsaus")
    assert _found("!!!") == set()
    assert _found("   ") == {"Hitsaus"}
    assert parse("x" * 1000).text == "x" * 200


def test_a_misspelled_word_gets_the_nearest_word_used():
    OfferFactory(title="Hitsaus", description="Levyseppä")
    assert corrected("hitsuas") == "hitsaus"
    assert corrected("levysepä") == "levyseppä"
    assert corrected("hitsaus") is None
    assert corrected("qqqqqq") is None


@pytest.mark.parametrize(
    ("left", "right", "pg_trgm"),
    # What PostgreSQL 15's pg_trgm answers for the same pairs.
    [
        ("word", "two words", 0.36363637),
        ("hitsuas", "hitsaus", 0.33333334),
        ("levysepä", "levyseppä", 0.72727275),
        ("Tallinn", "tallinna", 0.7),
        ("", "", 0.0),
    ],
)
def test_similarity_is_pg_trgm_measure(left, right, pg_trgm):
    assert similarity(left, right) == pytest.approx(pg_trgm, abs=1e-6)


def test_highlight_marks_the_matched_forms_and_escapes_the_rest():
    html = highlight("<b>Hitsauksen</b> perusteet", "hitsaus")
    assert html == "&lt;b&gt;<mark>Hitsauksen</mark>&lt;/b&gt; perusteet"
    assert highlight("Hitsaus", "") == "Hitsaus"


def test_a_search_that_finds_nothing_shows_the_nearest_spelling_that_finds_something():
    OfferFactory(title="Hitsaus")

    def search(text):
        return text_search(PlacementOffer.objects.all(), text)

    rows, spelling = with_correction(search, "hitsuas")
    assert spelling == "hitsaus"
    assert [offer.title for offer in rows] == ["Hitsaus"]
    rows, spelling = with_correction(search, "hitsaus")
    assert (spelling, rows.count()) == (None, 1)
    rows, spelling = with_correction(search, "qqqqqq")
    assert (spelling, rows.count()) == (None, 0)


@pytest.mark.parametrize(
    ("a", "b", "slips"),
    [
        ("hitsuas", "hitsaus", 1),
        ("hitsuas", "hitsaat", 2),
        ("kokki", "kokki", 0),
        ("", "abc", 3),
        ("levysepä", "levyseppä", 1),
        ("ab", "ba", 1),
    ],
)
def test_edits_count_typing_slips(a, b, slips):
    assert edits(a, b) == slips


def test_of_words_alike_by_trigrams_the_one_fewest_slips_away_is_offered():
    OfferFactory(title="Hitsaat", description="Hitsaus")
    assert corrected("hitsuas") == "hitsaus"


def test_an_offer_follows_its_hosts_new_name():
    offer = OfferFactory(title="Kokki")
    host = offer.host

    def entry():
        return SearchEntry.objects.get(model="exchanges.placementoffer", object_id=offer.pk).pk

    first = entry()
    host.name_fi = "Ravintola Kanelitanko"
    host.save()
    assert _found("kanelitanko") == {"Kokki"}
    written = entry()
    assert written != first
    host.description_fi = "Uusi kuvaus."
    host.save()
    assert entry() == written  # the name did not change: the offer's entry stays
