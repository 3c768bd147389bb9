import pytest

from partners.models import Organisation
from tests.factories import OrganisationFactory, SectorFactory

pytestmark = pytest.mark.django_db


def test_directory_filters_by_kind_country_sector_and_size(client):
    construction = SectorFactory(slug="construction", name_en="Construction")
    builder = OrganisationFactory(company=True, name_fi="Rakennus Oy", country="FI")
    builder.sectors.add(construction)
    OrganisationFactory(company=True, name_fi="Tartu Ehitus OÜ", country="EE").sectors.add(
        construction
    )
    OrganisationFactory(name_fi="Ammattiopisto", country="FI").sectors.add(construction)
    response = client.get(
        "/en/partners/",
        {"kind": "company", "country": "FI", "sector": "construction", "size_class": "small"},
    )
    shown = [key.pk for key in response.context["page"].object_list]
    by_pk = dict(Organisation.objects.filter(pk__in=shown).values_list("pk", "name"))
    names = [by_pk[pk] for pk in shown]
    assert names == ["Rakennus Oy"]


def test_country_counts_follow_the_other_filters(client):
    OrganisationFactory(company=True, country="FI")
    OrganisationFactory(company=True, country="EE")
    OrganisationFactory(company=True, country="EE")
    OrganisationFactory(country="LT")
    response = client.get("/en/partners/", {"kind": "company", "country": "FI"})
    counts = {row["country"]: row["count"] for row in response.context["country_counts"]}
    assert counts == {"EE": 2, "FI": 1}


def test_search_finds_words_in_names_and_descriptions_in_any_language(client):
    OrganisationFactory(name_fi="Kahvila Kanelitanko", description_en="A small bakery.")
    OrganisationFactory(name_fi="Hoivakoti Kielo", description_et="Eakate hooldekodu.")
    OrganisationFactory(name_fi="Konepaja")

    def names(q):
        shown = [key.pk for key in client.get("/en/partners/", {"q": q}).context["page"]]
        return [Organisation.objects.get(pk=pk).name for pk in shown]

    assert names("bakery") == ["Kahvila Kanelitanko"]
    assert names("hooldekodu") == ["Hoivakoti Kielo"]
    assert names("kanelitanko") == ["Kahvila Kanelitanko"]


def test_inactive_organisations_are_not_listed(client):
    OrganisationFactory(name_fi="Näkyvä")
    OrganisationFactory(name_fi="Piilotettu", is_active=False)
    body = client.get("/en/partners/").content.decode()
    assert "Näkyvä" in body and "Piilotettu" not in body


def test_bad_filter_value_is_reported_and_the_other_filters_still_apply(client):
    OrganisationFactory(name_fi="Suomalainen", country="FI")
    OrganisationFactory(name_fi="Eestlane", country="EE")
    response = client.get("/en/partners/", {"country": "FI", "kind": "spaceship"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    shown = [key.pk for key in response.context["page"]]
    assert list(Organisation.objects.filter(pk__in=shown).values_list("name", flat=True)) == [
        "Suomalainen"
    ]


def test_htmx_request_gets_only_the_results(client):
    OrganisationFactory(name_fi="Kotkan Konepaja")
    response = client.get("/en/partners/", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="results"')
    assert "Kotkan Konepaja" in body and "<html" not in body


def test_pagination_keeps_the_filters(client):
    for n in range(25):
        OrganisationFactory(name_fi=f"Yritys {n:02d}", company=True)
    response = client.get("/en/partners/", {"kind": "company"})
    assert "kind=company&amp;page=2" in response.content.decode()
    second = client.get("/en/partners/", {"kind": "company", "page": 2})
    assert len(second.context["page"].object_list) == 5


def make_organisations(count):
    sectors = [SectorFactory(slug=f"s{n}") for n in range(3)]
    for n in range(count):
        organisation = OrganisationFactory(
            country=["FI", "EE", "LT"][n % 3], kind=Organisation.Kind.COMPANY
        )
        organisation.sectors.add(*sectors[: n % 3 + 1])


@pytest.mark.parametrize("count", [5, 50])
def test_directory_query_count_does_not_grow_with_rows(
    client, count, django_assert_num_queries, fresh_fragments
):
    make_organisations(count)
    # sector lookup, count, country counts, the page's keys, its rows and their sectors
    # (unless kept), the filter's sector and country choices
    with django_assert_num_queries(8):
        response = client.get("/en/partners/", {"sector": "s0"})
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 50])
def test_directory_query_count_for_a_member_is_fixed(
    client, count, django_assert_num_queries, fresh_fragments
):
    from partners.models import Membership
    from tests.factories import member

    make_organisations(count)
    user = member(Organisation.objects.first(), Membership.Role.STUDENT)
    client.force_login(user)
    client.get("/en/partners/")  # the first request records the session
    # + session, user, the viewer's roles (unread count: cache; countries: cached by the
    # first request)
    with django_assert_num_queries(9):
        response = client.get("/en/partners/")
    assert response.status_code == 200
