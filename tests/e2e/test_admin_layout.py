"""The admin's changelists show their columns beside the navigation and the filters."""

import pytest

from partners.models import Organisation
from tests.factories import OrganisationFactory, staff

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def organisations():
    names = [
        "Rakennusliike Virtanen Oy",
        "Itä-Suomen ammattikorkeakoulu",
        "Järvenrannan ammattiopisto",
        "Klaipėdos Uostas UAB",
    ]
    for number, name in enumerate(names):
        OrganisationFactory(
            name_fi=name,
            kind=Organisation.Kind.COMPANY,
            size_class=Organisation.SizeClass.MEDIUM,
            business_id=f"1234567-{number}",
        )


def test_organisation_columns_fit_beside_navigation_and_filters(login_as, organisations):
    page = login_as(staff())
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/admin/partners/organisation/")
    results = page.locator("#changelist-form .results")
    width, content = results.evaluate("element => [element.clientWidth, element.scrollWidth]")
    assert content <= width
    assert page.locator("#changelist-filter").is_visible()
    assert page.locator("#nav-sidebar").is_visible()


def test_changelist_results_show_edge_shadows_when_they_scroll(login_as, organisations):
    page = login_as(staff())
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/admin/partners/organisation/")
    background = page.locator("#changelist-form .results").evaluate(
        "element => getComputedStyle(element).backgroundImage"
    )
    assert background.count("gradient(") == 4, background
