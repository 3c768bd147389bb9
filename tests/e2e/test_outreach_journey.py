import datetime

import pytest
from django.utils import timezone

from outreach.models import FollowUp, Visit
from partners.models import Membership
from tests.factories import OrganisationFactory, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_advisor_logs_a_visit_with_a_follow_up(login_as):
    school = OrganisationFactory(name_fi="Järvenrannan ammattiopisto")
    OrganisationFactory(company=True, name_fi="Rakennus Virtanen Oy", slug="virtanen")
    advisor = member(school, Membership.Role.ADVISOR, full_name="Aino Neuvoja", language="en")
    page = login_as(advisor)
    page.goto("/en/partners/outreach/")
    page.get_by_role("link", name="Log a visit").first.click()
    page.get_by_label("Guidance skills the workplace needs").fill("Two supervisors need training.")
    page.get_by_label("Workplace learning (training agreement)").check()
    due = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    page.locator("#id_follow_ups-0-action").fill("Send the instructor training link")
    page.locator("#id_follow_ups-0-owner").select_option(label="Aino Neuvoja")
    page.locator("#id_follow_ups-0-due_on").fill(due)
    page.get_by_role("button", name="Save").click()
    assert "The visit was saved." in page.locator("main").inner_text()
    visit = Visit.objects.get()
    assert visit.company.slug == "virtanen" and visit.opportunities == ["training_agreement"]
    assert FollowUp.objects.get().owner == advisor
    page.goto("/en/partners/outreach/")
    assert "Send the instructor training link" in page.locator("main").inner_text()
