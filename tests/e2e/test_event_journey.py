import datetime

import pytest
from django.utils import timezone

from events.models import Event, Registration
from partners.models import Membership
from tests.factories import OrganisationFactory, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_student_registers_for_a_seminar(login_as):
    school = OrganisationFactory(name_fi="Järvenrannan ammattiopisto")
    event = Event.objects.create(
        title="Work-life seminar",
        kind="seminar",
        capacity=30,
        starts_at=timezone.now() + datetime.timedelta(days=7),
        ends_at=timezone.now() + datetime.timedelta(days=7, hours=3),
        venue="Auditorium",
    )
    event.organisers.add(school)
    student = member(school, Membership.Role.STUDENT, language="en")
    page = login_as(student)
    page.goto("/en/events/")
    page.get_by_role("link", name="Work-life seminar").click()
    page.get_by_role("button", name="Register").click()
    assert "You have a place." in page.locator("main").inner_text()
    assert Registration.objects.get(user=student).status == "confirmed"
