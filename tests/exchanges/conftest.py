import pytest

from partners.models import Membership
from tests.factories import (
    ApplicationFactory,
    MembershipFactory,
    OfferFactory,
    OrganisationFactory,
    member,
    staff,
)

R = Membership.Role


class World:
    """A home school, a host company and everyone around an exchange."""

    def __init__(self):
        self.school = OrganisationFactory(name_fi="Järvenrannan ammattiopisto", slug="home")
        self.other_school = OrganisationFactory(slug="other-school")
        self.company = OrganisationFactory(company=True, name_fi="Tartu Ehitus OÜ", slug="host")
        self.other_company = OrganisationFactory(company=True, slug="other-company")
        self.student = member(self.school, R.STUDENT, full_name="Sanni Opiskelija", language="en")
        self.other_student = member(self.school, R.STUDENT)
        self.teacher = member(self.school, R.TEACHER)
        self.coordinator = member(self.school, R.COORDINATOR, full_name="Kaisa Koordinaattori")
        self.other_coordinator = member(self.other_school, R.COORDINATOR)
        self.host_contact = member(self.company, R.COMPANY_CONTACT, full_name="Mart Tamm")
        self.other_company_contact = member(self.other_company, R.COMPANY_CONTACT)
        self.staff = staff()
        self.offer = OfferFactory(host=self.company, seats=2)

    def person(self, name):
        return None if name == "anonymous" else getattr(self, name)

    def application(self, status="draft", **kwargs):
        kwargs.setdefault("applicant", self.student)
        kwargs.setdefault("offer", self.offer)
        kwargs.setdefault("home", self.school)
        return ApplicationFactory(status=status, **kwargs)

    def add_student(self):
        user = MembershipFactory(organisation=self.school, role=R.STUDENT).user
        return user


@pytest.fixture
def world(db):
    return World()
