"""The main menu marks the section of the page, once: exchanges, passport, reports."""

import re

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    ("/en/exchanges/", "Placements"),
    ("/en/exchanges/offers/{offer}/", "Placements"),
    ("/en/exchanges/applications/", "My exchanges"),
    ("/en/exchanges/applications/{application}/", "My exchanges"),
    ("/en/exchanges/queue/", "Applications"),
    ("/en/exchanges/offers/mine/", "Offers"),
    ("/en/passport/", "My passport"),
    ("/en/passport/badges/", "Badges"),
    ("/en/reports/", "Reports"),
    ("/en/dashboard/", "Dashboard"),
    ("/en/catalogue/", "Training services"),
    ("/en/catalogue/materials/", "Materials"),
]


def current_items(html: str) -> list[str]:
    nav = html.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="[^"]*" aria-current="page">([^<]+)</a>', nav)


@pytest.mark.parametrize(("url", "item"), PAGES)
def test_each_page_marks_its_own_menu_item_and_no_other(client, world, url, item):
    application = world.application(status="submitted", applicant=world.coordinator)
    client.force_login(world.coordinator)
    response = client.get(url.format(offer=world.offer.pk, application=application.pk))
    assert response.status_code == 200
    assert current_items(response.content.decode()) == [item]
