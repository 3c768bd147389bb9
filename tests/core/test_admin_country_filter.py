"""The admin's country filters list the countries the rows have, not every country."""

import re

import pytest
from django.contrib import admin

from core.admin_filters import CountryListFilter
from tests.factories import (
    ApplicationFactory,
    MembershipFactory,
    OfferFactory,
    OrganisationFactory,
    staff,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(staff())
    return client


@pytest.fixture
def network():
    school = OrganisationFactory(country="FI")
    MembershipFactory(organisation=school)
    tartu = OrganisationFactory(company=True, country="EE", name_fi="Tartu Ehitus OÜ")
    klaipeda = OrganisationFactory(company=True, country="LT", name_fi="Klaipėdos Uostas UAB")
    ApplicationFactory(home=school, offer=OfferFactory(host=tartu, country="EE"))
    ApplicationFactory(home=school, offer=OfferFactory(host=klaipeda, country="LT"))


def listed(body, parameter):
    return sorted(set(re.findall(rf"\?{parameter}=([A-Z]{{2}})", body)))


@pytest.mark.parametrize(
    ("url", "parameter", "countries"),
    [
        ("/admin/partners/organisation/", "country", ["EE", "FI", "LT"]),
        ("/admin/exchanges/placementoffer/", "country", ["EE", "LT"]),
        ("/admin/exchanges/application/", "host__country", ["EE", "LT"]),
        ("/admin/partners/membership/", "organisation__country", ["FI"]),
    ],
)
def test_country_filter_lists_only_the_countries_in_use(
    admin_client, network, url, parameter, countries
):
    body = admin_client.get(url).content.decode()
    assert listed(body, parameter) == countries


def test_filtering_by_a_listed_country_shows_its_rows(admin_client, network):
    body = admin_client.get("/admin/exchanges/application/?host__country=EE").content.decode()
    assert "Tartu Ehitus OÜ" in body
    assert "Klaipėdos Uostas UAB" not in body


def test_every_admin_country_filter_is_the_shared_one():
    plain = []
    for model, model_admin in admin.site._registry.items():
        for entry in model_admin.list_filter:
            field = entry if isinstance(entry, str) else None
            if field and (field == "country" or field.endswith("__country")):
                plain.append(f"{model._meta.label}: {field}")
            if isinstance(entry, type) and issubclass(entry, CountryListFilter):
                assert entry.parameter_name == entry.field
    assert plain == []
