"""The header's search box on a phone: it keeps the header's height, opens while it is used,
and takes a keyboard user to the results."""

import pytest

from tests.factories import OfferFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 360, "height": 800}
HEADER_HEIGHT = "document.querySelector('.site-header').getBoundingClientRect().height"


@pytest.mark.parametrize("language", ["fi", "sv", "en", "et", "lt", "ru"])
def test_the_box_does_not_make_the_header_taller_on_a_phone(page, language):
    page.set_viewport_size(PHONE)
    # The search page's header has no box: the same header without it.
    page.goto(f"/{language}/search/")
    without = page.evaluate(HEADER_HEIGHT)
    page.goto(f"/{language}/")
    assert page.locator("#site-search-q").is_visible()
    assert page.evaluate(HEADER_HEIGHT) == without


def test_a_keyboard_user_searches_from_the_header_on_a_phone(page):
    OfferFactory(title="Hitsaus ja levytyö")
    page.set_viewport_size(PHONE)
    page.goto("/fi/")
    box = page.get_by_role("search").get_by_role("searchbox")
    button = page.get_by_role("search").get_by_role("button")
    assert button.bounding_box()["width"] <= 1  # only the magnifier shows
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search-q":
            break
    page.keyboard.type("hitsauksen")
    assert box.bounding_box()["width"] > 200  # opened over the row
    page.keyboard.press("Tab")
    assert button.bounding_box()["width"] > 20
    page.keyboard.press("Enter")
    page.wait_for_url("**/fi/search/?q=hitsauksen")
    assert page.locator("mark").first.inner_text() == "Hitsaus"
