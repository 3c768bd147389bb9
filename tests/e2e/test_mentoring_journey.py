import datetime

import pytest
from django.utils import timezone

from mentoring.models import Enrolment, Meeting, Pair, Programme
from partners.models import Membership
from tests.factories import OrganisationFactory, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
R = Membership.Role


def test_enrol_get_suggestions_request_accept_and_log_a_meeting(login_as):
    today = timezone.localdate()
    school = OrganisationFactory(name_fi="Järvenrannan ammattiopisto")
    company = OrganisationFactory(company=True, name_fi="Kotkan Konepaja Oy")
    programme = Programme.objects.create(
        name_en="Work-life mentoring",
        kind="one_to_one",
        starts_on=today,
        ends_on=today + datetime.timedelta(days=100),
        enrol_from=today,
        enrol_until=today + datetime.timedelta(days=10),
        default_capacity=1,
        max_capacity=2,
    )
    programme.organisers.add(school)
    mentor_user = member(company, R.MENTOR, full_name="Liisa Laaksonen", language="en")
    Enrolment.objects.create(
        programme=programme,
        user=mentor_user,
        organisation=company,
        as_mentor=True,
        skills_offered=["welding"],
        languages=["fi", "en"],
        capacity=1,
    )
    student = member(school, R.STUDENT, full_name="Olli Opiskelija", language="en")

    me = login_as(student)
    me.goto(f"/en/mentoring/programmes/{programme.pk}/")
    me.get_by_role("link", name="Enrol").click()
    me.get_by_label("As a mentee").check()
    me.get_by_label("Skills you want to learn").fill("welding")
    me.get_by_label("English").check()
    me.get_by_role("button", name="Save").click()
    me.get_by_role("button", name="Ask Liisa Laaksonen to mentor you").click()
    pair = Pair.objects.get()
    assert pair.status == Pair.Status.PROPOSED

    mentor = login_as(mentor_user)
    mentor.goto(f"/en/mentoring/pairs/{pair.pk}/")
    mentor.get_by_role("button", name="Accept").click()
    pair.refresh_from_db()
    assert pair.status == Pair.Status.ACCEPTED

    mentor.get_by_label("Date").fill(today.isoformat())
    mentor.get_by_label("Duration (minutes)").fill("45")
    mentor.get_by_label("Notes (only the two of you see them)").fill("First visit to the shop.")
    mentor.get_by_role("button", name="Log the meeting").click()
    assert Meeting.objects.filter(pair=pair).count() == 1
    pair.refresh_from_db()
    assert pair.status == Pair.Status.ACTIVE
    me.goto(f"/en/mentoring/pairs/{pair.pk}/")
    assert "First visit to the shop." in me.locator("main").inner_text()
