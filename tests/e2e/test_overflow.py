"""Long Finnish words neither widen the page on a phone nor spill out of cards."""

import pytest

from partners.models import Membership
from tests.factories import ApplicationFactory, OfferFactory, OrganisationFactory, member
from worklife_passport.models import Badge

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
R = Membership.Role
PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
LONG_NAMES = ["Työturvallisuus rakennustyömaalla", "Ammattikorkeakouluharjoittelu"]


@pytest.fixture
def network():
    school = OrganisationFactory(name_fi="Järvenrannan ammattiopisto")
    company = OrganisationFactory(company=True, name_fi="Rakennusliike Virtanen Oy")
    offer = OfferFactory(host=company, title="Korjausrakentamisen työssäoppimisjakso")
    for name in LONG_NAMES:
        Badge.objects.create(
            issuer=school,
            name_fi=name,
            description_fi="Osaat toimia turvallisesti.",
            criteria_fi="Kaksi viikkoa työmaalla.",
            category=Badge.Category.WORK_LIFE,
            evidence_required=["text"],
            assessor_roles=["teacher"],
        )
    for name in ("Sanni Opiskelija", "Eetu Esimerkki"):
        ApplicationFactory(
            applicant=member(school, R.STUDENT, full_name=name),
            offer=offer,
            home=school,
            status="submitted",
        )
    return {"coordinator": member(school, R.COORDINATOR, full_name="Kaisa Koordinaattori")}


def page_width(page):
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


@pytest.mark.parametrize("url", ["/fi/", "/fi/passport/badges/"])
def test_public_pages_do_not_scroll_sideways_on_a_phone(page, network, url):
    page.set_viewport_size(PHONE)
    page.goto(url)
    scroll_width, inner_width = page_width(page)
    assert scroll_width <= inner_width


def test_coordinator_queue_scrolls_inside_its_own_labelled_region_on_a_phone(login_as, network):
    page = login_as(network["coordinator"])
    page.set_viewport_size(PHONE)
    page.goto("/fi/exchanges/queue/")
    scroll_width, inner_width = page_width(page)
    assert scroll_width <= inner_width
    region = page.get_by_role("region", name="Hakemukset")
    assert region.get_attribute("tabindex") == "0"
    assert region.evaluate("element => element.scrollWidth > element.clientWidth")
    assert region.locator("table").count() == 1
    hint = page.locator("#queue-scroll-hint")
    assert hint.is_visible()
    region.focus()
    region.press("ArrowRight")
    for _ in range(40):  # scrolling may be smooth: give it up to two seconds
        if region.evaluate("element => element.scrollLeft") > 0:
            break
        page.wait_for_timeout(50)
    assert region.evaluate("element => element.scrollLeft") > 0


def test_long_badge_names_stay_inside_their_cards(page, network):
    page.set_viewport_size(DESKTOP)
    page.goto("/fi/passport/badges/")
    spills = page.evaluate(
        """() => [...document.querySelectorAll('.badge-card')].flatMap(card => {
            const edge = card.getBoundingClientRect().right;
            return [...card.querySelectorAll('*')]
                .filter(element => element.getBoundingClientRect().right > edge + 0.5)
                .map(element => element.textContent.trim());
        })"""
    )
    assert spills == []
    names = page.locator(".badge-card h2").all_inner_texts()
    assert {" ".join(name.split()) for name in names} >= set(LONG_NAMES)
