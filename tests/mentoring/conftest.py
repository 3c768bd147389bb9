import datetime

import pytest
from django.utils import timezone

from mentoring.models import Enrolment, Programme
from partners.models import Membership
from tests.factories import OrganisationFactory, UserFactory, member, staff

R = Membership.Role


class World:
    def __init__(self):
        today = timezone.localdate()
        self.school = OrganisationFactory(slug="school")
        self.company = OrganisationFactory(company=True, slug="company")
        self.other_school = OrganisationFactory(slug="other")
        self.coordinator = member(self.school, R.COORDINATOR)
        self.other_coordinator = member(self.other_school, R.COORDINATOR)
        self.staff = staff()
        self.programme = Programme.objects.create(
            name_en="Mentoring 2026",
            kind=Programme.Kind.ONE_TO_ONE,
            starts_on=today,
            ends_on=today + datetime.timedelta(days=200),
            enrol_from=today - datetime.timedelta(days=5),
            enrol_until=today + datetime.timedelta(days=5),
            default_capacity=1,
            max_capacity=3,
        )
        self.programme.organisers.add(self.school)
        self.mentor_user = member(self.company, R.MENTOR, full_name="Maija Mentori")
        self.mentee_user = member(self.school, R.STUDENT, full_name="Sanni Opiskelija")
        self.other_user = member(self.school, R.STUDENT)
        self.mentor = self.enrol(
            self.mentor_user, as_mentor=True, skills_offered=["welding"], organisation=self.company
        )
        self.mentee = self.enrol(
            self.mentee_user, as_mentee=True, skills_wanted=["welding"], organisation=self.school
        )
        self.other = self.enrol(self.other_user, as_mentee=True)

    def enrol(self, user, **fields):
        values = {"languages": ["fi"], "capacity": 1, "months": list(range(1, 13))}
        values.update(fields)
        return Enrolment.objects.create(programme=self.programme, user=user, **values)

    def person(self, name):
        return {
            "mentor": self.mentor_user,
            "mentee": self.mentee_user,
            "other": self.other_user,
            "coordinator": self.coordinator,
            "other_coordinator": self.other_coordinator,
            "staff": self.staff,
            "anonymous": None,
        }[name]

    def new_user(self):
        return UserFactory()


@pytest.fixture
def world(db):
    return World()
