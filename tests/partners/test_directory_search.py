"""The directory's text query: Finnish forms, names that match first, the words found
marked, a misspelt query corrected and a fruitless one relaxed."""

import pytest

from partners.models import Organisation
from tests.factories import OrganisationFactory, SectorFactory
from tests.searching import corrected_notice, marked, nothing_notice, page_text, relax_links

pytestmark = pytest.mark.django_db
URL = "/en/partners/"


def _names(response):
    # The page lists its rows by their keys, and draws each row kept or read once.
    shown = [key.pk for key in response.context["page"].object_list]
    names = dict(Organisation.objects.filter(pk__in=shown).values_list("pk", "name"))
    return [names[pk] for pk in shown]


def test_an_inflected_finnish_query_finds_the_organisation(client, fresh_fragments):
    OrganisationFactory(name_fi="Hitsaus Oy")
    OrganisationFactory(name_fi="Kokkikoulu")
    assert _names(client.get(URL, {"q": "hitsauksen"})) == ["Hitsaus Oy"]


def test_names_that_match_come_first(client, fresh_fragments):
    OrganisationFactory(name_fi="Aalto Oy", description_fi="Teemme hitsausta.")
    OrganisationFactory(name_fi="Öljy Oy", description_fi="Muuta.")
    OrganisationFactory(name_fi="Vantaan Hitsaus Oy")
    assert _names(client.get(URL, {"q": "hitsaus"})) == ["Vantaan Hitsaus Oy", "Aalto Oy"]


def test_the_words_found_are_marked_in_the_name_and_the_description(client, fresh_fragments):
    OrganisationFactory(name_fi="Hitsaus Oy", description_fi="Hitsauksen <b>koulutus</b>.")
    response = client.get(URL, {"q": "hitsaus"})
    assert marked(response) == ["Hitsaus", "Hitsauksen"]
    assert "&lt;b&gt;koulutus&lt;/b&gt;" in page_text(response)


def test_a_misspelt_query_shows_the_nearest_spelling_and_says_so(client, fresh_fragments):
    OrganisationFactory(name_fi="Hitsaus Oy")
    response = client.get(URL, {"q": "hitsuas"})
    assert _names(response) == ["Hitsaus Oy"]
    assert corrected_notice("hitsuas", "hitsaus") in page_text(response)


def test_nothing_found_offers_the_query_without_each_filter(client, fresh_fragments):
    SectorFactory(slug="metal", name_en="Metal industry")
    OrganisationFactory(company=True, name_fi="Hitsaus Oy", country="FI")
    asked = {"q": "hitsaus", "country": "EE", "sector": "metal", "kind": "company"}
    response = client.get(URL, asked)
    assert _names(response) == []
    assert nothing_notice("hitsaus") in page_text(response)
    links = relax_links(response)
    assert links.keys() == {"Kind: Company", "Country: Estonia", "Sector: Metal industry", ""}
    assert links["Sector: Metal industry"] == {
        "q": ["hitsaus"],
        "country": ["EE"],
        "kind": ["company"],
    }
    assert _names(client.get(URL, links[""])) == ["Hitsaus Oy"]


def test_a_spelling_is_not_offered_for_rows_outside_the_filters(client, fresh_fragments):
    OrganisationFactory(name_fi="Hitsaus Oy", country="FI")
    response = client.get(URL, {"q": "hitsuas", "country": "EE"})
    assert _names(response) == []
    assert nothing_notice("hitsuas") in page_text(response)
    assert relax_links(response)["Country: Estonia"] == {"q": ["hitsuas"]}


def test_the_notice_follows_the_data_when_the_list_is_kept(client):
    OrganisationFactory(name_fi="Hitsaus Oy")
    assert nothing_notice("kokki") in page_text(client.get(URL, {"q": "kokki"}))
    assert nothing_notice("kokki") in page_text(client.get(URL, {"q": "kokki"}))
    OrganisationFactory(name_fi="Kokki Oy")
    response = client.get(URL, {"q": "kokki"})
    assert nothing_notice("kokki") not in page_text(response)
    assert marked(response) == ["Kokki"]


@pytest.mark.parametrize("count", [5, 50])
def test_a_text_query_costs_the_same_queries_whatever_the_rows(
    client, count, django_assert_num_queries, fresh_fragments
):
    for n in range(count):
        OrganisationFactory(
            name_fi=f"Hitsaus {n} Oy", kind=Organisation.Kind.COMPANY, country=["FI", "EE"][n % 2]
        )
    # the keys (and countries) of every organisation found, once for whether any, the
    # count, the country counts and the page; the page's rows and their sectors, unless
    # kept; the filter's sector and country choices
    with django_assert_num_queries(5):
        response = client.get(URL, {"q": "hitsauksen"})
    assert response.context["page"].paginator.count == count
