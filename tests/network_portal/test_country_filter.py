"""The country filter of the lists: a short list to choose from, any country to filter by."""

import re

import pytest
from django.utils import translation

from partners.forms import DirectoryFilterForm
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def offered(form) -> list[str]:
    return re.findall(r'<option value="([A-Z]*)"', str(form["country"]))


@pytest.fixture(autouse=True)
def network():
    OrganisationFactory(country="FI")
    OrganisationFactory(country="EE", company=True)


def test_only_the_countries_the_network_is_in_are_offered():
    with translation.override("en"):
        assert offered(DirectoryFilterForm()) == ["", "FI", "EE"]


def test_a_country_with_nothing_in_it_stays_a_filter_and_is_shown_chosen():
    form = DirectoryFilterForm({"country": "NO"})
    assert form.filters()["country"] == "NO"
    assert "NO" in offered(form)
    assert '<option value="NO" selected>' in str(form["country"])


def test_a_code_that_is_no_country_is_refused():
    form = DirectoryFilterForm({"country": "XX"})
    assert "country" not in form.filters()
    assert "country" in form.errors
