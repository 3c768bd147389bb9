import pytest

from partners.models import Membership
from tests.factories import OrganisationFactory, member, staff
from worklife_passport.models import Award, Badge
from worklife_passport.services.awards import award_create

R = Membership.Role


class Passport:
    def __init__(self):
        self.school = OrganisationFactory(
            name_fi="Järvenrannan ammattiopisto",
            slug="school",
            website="https://school.example.org",
        )
        self.other_school = OrganisationFactory(slug="other")
        self.company = OrganisationFactory(company=True, slug="company")
        self.student = member(
            self.school,
            R.STUDENT,
            full_name="Sanni Opiskelija",
            language="en",
            email="sanni@example.org",
        )
        self.other_student = member(self.school, R.STUDENT)
        self.teacher = member(self.school, R.TEACHER, full_name="Timo Opettaja")
        self.coordinator = member(self.school, R.COORDINATOR)
        self.other_teacher = member(self.other_school, R.TEACHER)
        self.company_contact = member(self.company, R.COMPANY_CONTACT)
        self.staff = staff()
        self.badge = self.make_badge()

    def person(self, name):
        return None if name == "anonymous" else getattr(self, name)

    def make_badge(self, **fields):
        values = {
            "issuer": self.school,
            "name_fi": "Asiakaspalvelun perusteet",
            "name_en": "Customer service basics",
            "description_en": "You serve customers well.",
            "criteria_en": "Twenty hours of customer service.",
            "criteria_fi": "Kaksikymmentä tuntia asiakaspalvelua.",
            "category": Badge.Category.WORK_LIFE,
            "evidence_required": ["text"],
            "assessor_roles": ["teacher", "coordinator"],
        }
        values.update(fields)
        return Badge.objects.create(**values)

    def award(self, badge=None, recipient=None, **kwargs):
        return award_create(
            actor=self.coordinator,
            badge=badge or self.badge,
            source=Award.Source.DIRECT,
            recipient=recipient or self.student,
            **kwargs,
        )


@pytest.fixture
def world(db):
    return Passport()
