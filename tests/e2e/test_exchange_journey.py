import datetime
import re

import pytest
from django.utils import timezone

from exchanges.models import Application, PlacementOffer
from partners.models import Membership
from tests.factories import OfferFactory, OrganisationFactory, SectorFactory, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
R = Membership.Role


def click(page, name):
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state()


def test_offer_application_approval_acceptance_signatures_and_the_period(login_as, live_server):
    SectorFactory(slug="construction", name_en="Construction", name_fi="Rakentaminen")
    school = OrganisationFactory(name_fi="Järvenrannan ammattiopisto")
    company = OrganisationFactory(company=True, name_fi="Tartu Ehitus OÜ", country="EE")
    OfferFactory(host=company)  # an earlier offer: the company publishes without review
    student = member(school, R.STUDENT, full_name="Sanni Opiskelija", language="en")
    coordinator = member(school, R.COORDINATOR, full_name="Kaisa Koordinaattori", language="en")
    contact = member(company, R.COMPANY_CONTACT, full_name="Mart Tamm", language="en")
    start = timezone.localdate() + datetime.timedelta(days=40)

    # The company posts and publishes an offer.
    host = login_as(contact)
    host.goto("/en/exchanges/offers/new/")
    host.get_by_label("Title").fill("Restoring wooden houses")
    host.get_by_label("Description").fill("Four weeks with our restoration team.")
    host.get_by_label("Sector").select_option(label="Construction")
    host.get_by_label("Form").select_option("international_exchange")
    host.get_by_label("City").fill("Tartu")
    host.get_by_label("Country").select_option("EE")
    host.get_by_label("Start date").fill(start.isoformat())
    host.get_by_label("End date").fill((start + datetime.timedelta(days=27)).isoformat())
    host.get_by_label("Seats").fill("2")
    deadline = start - datetime.timedelta(days=10)
    host.get_by_label("Application deadline").fill(deadline.isoformat())
    click(host, "Save")
    click(host, "Publish")
    offer = PlacementOffer.objects.get(title="Restoring wooden houses")
    assert offer.status == PlacementOffer.Status.PUBLISHED

    # The student finds it and applies.
    me = login_as(student)
    me.goto("/en/exchanges/?country=EE")
    me.get_by_role("link", name="Restoring wooden houses").click()
    me.get_by_role("link", name="Apply").click()
    me.get_by_label("Motivation").fill("I want to learn traditional building.")
    me.get_by_label("Language skills").fill("English B2")
    click(me, "Save as draft")
    click(me, "Submit")
    application = Application.objects.get(applicant=student)
    assert application.status == Application.Status.SUBMITTED
    url = f"/en/exchanges/applications/{application.pk}/"

    # The coordinator approves; the company accepts.
    home = login_as(coordinator)
    home.goto(url)
    click(home, "Approve")
    host.goto(url)
    click(host, "Accept")

    # The learning agreement: written, then signed by all three.
    home.goto(url)
    home.get_by_role("link", name="Write the agreement").click()
    home.get_by_label("Learning outcomes or units").fill("Restoration techniques")
    home.get_by_label("Tasks").fill("Window restoration")
    home.get_by_label("Assessment method").fill("Demonstration at the workplace")
    home.get_by_label("Workplace instructor").fill("Mart Tamm")
    home.get_by_label("Recognition at home").fill("Unit 4 of the qualification")
    click(home, "Save")
    click(home, "Sign as Home coordinator")
    me.goto(url)
    click(me, "Sign as Participant")
    host.goto(url)
    click(host, "Sign as Host")
    application.refresh_from_db()
    assert application.status == Application.Status.AGREEMENT_SIGNED

    # The period comes: the coordinator confirms arrival and departure on the agreed days.
    today = timezone.localdate()
    Application.objects.filter(pk=application.pk).update(start_date=today, end_date=today)
    home.goto(url)
    click(home, "Confirm arrival")
    click(home, "Confirm departure")
    application.refresh_from_db()
    assert application.status == Application.Status.COMPLETED
    assert re.search("Completed", home.locator("main").inner_text())
