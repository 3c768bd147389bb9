"""A small network with known answers for the first quarter of 2026.

Finnish time is UTC+2 in winter, so 22:30 UTC on 31 December is already 1 January in
Finland, and 22:30 UTC on 31 March is 1 April (summer time, UTC+3, from 29 March).
"""

import datetime

import pytest

from events.models import Event, Registration
from exchanges.models import MobilityRecord, PartnershipAgreement
from mentoring.models import Enrolment, Feedback, Pair, Programme
from outreach.models import Visit
from partners.models import Membership
from reports.indicators import Period
from tests.factories import (
    ApplicationFactory,
    OfferFactory,
    OrganisationFactory,
    member,
    staff,
)
from worklife_passport.models import Award, Badge, Pathway, RecognitionRequest

R = Membership.Role
UTC = datetime.UTC
Q1 = Period(datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))


def utc(*args):
    return datetime.datetime(*args, tzinfo=UTC)


class Network:
    def __init__(self):
        self.fi_school = OrganisationFactory(slug="fi-school", country="FI")
        self.ee_school = OrganisationFactory(slug="ee-school", country="EE")
        self.fi_company = OrganisationFactory(
            company=True, slug="fi-company", country="FI", size_class="micro"
        )
        self.ee_company = OrganisationFactory(
            company=True, slug="ee-company", country="EE", size_class="large"
        )
        self.coordinator = member(self.fi_school, R.COORDINATOR)
        self.ee_coordinator = member(self.ee_school, R.COORDINATOR)
        self.staff = staff()
        # Participants: who they are, and the first thing they took part in.
        self.s1 = member(
            self.fi_school,
            R.STUDENT,
            gender="female",
            birth_year=2005,
            labour_market_status="student",
        )
        self.s2 = member(
            self.fi_school,
            R.STUDENT,
            gender="male",
            birth_year=1990,
            labour_market_status="unemployed",
        )
        self.s3 = member(self.fi_school, R.STUDENT, gender="female", birth_year=2004)
        self.t1 = member(self.ee_school, R.TEACHER, gender="other", birth_year=1960)
        self.g1 = member(self.fi_school, R.GRADUATE, birth_year=2001)
        self.m1 = member(self.fi_company, R.MENTOR, gender="female", birth_year=1972)
        self.e1 = member(self.ee_school, R.STUDENT, gender="male", birth_year=2006)

        # Mobilities: s1 from Finland to Estonia (2-27 Feb, 26 days), e1 from Estonia to
        # Finland from the last day of the quarter (11 days, no record yet: the planned
        # dates count); one starting on 1 April and one only approved do not count.
        self.offer = OfferFactory(
            host=self.fi_company, seats=3, published_at=utc(2026, 1, 15, 10), country="FI"
        )
        self.offer.seats_taken = 1
        self.offer.save()
        ee_offer = OfferFactory(host=self.ee_company, published_at=utc(2025, 5, 1), seats=2)
        outgoing = ApplicationFactory(
            applicant=self.s1,
            offer=ee_offer,
            home=self.fi_school,
            status="completed",
            start_date=datetime.date(2026, 2, 1),
            end_date=datetime.date(2026, 2, 28),
        )
        MobilityRecord.objects.create(
            application=outgoing,
            actual_start=datetime.date(2026, 2, 2),
            actual_end=datetime.date(2026, 2, 27),
        )
        ApplicationFactory(
            applicant=self.e1,
            offer=self.offer,
            home=self.ee_school,
            status="in_progress",
            start_date=datetime.date(2026, 3, 31),
            end_date=datetime.date(2026, 4, 10),
        )
        ApplicationFactory(
            applicant=member(self.fi_school, R.STUDENT),
            offer=self.offer,
            home=self.fi_school,
            status="in_progress",
            start_date=datetime.date(2026, 4, 1),
            end_date=datetime.date(2026, 4, 20),
        )
        ApplicationFactory(
            applicant=member(self.fi_school, R.STUDENT),
            offer=self.offer,
            home=self.fi_school,
            status="approved",
            start_date=datetime.date(2026, 2, 1),
            end_date=datetime.date(2026, 2, 20),
        )
        # Work-life partners: the Finnish company is first visited in January; the
        # Estonian one has had an agreement with the Estonian school since 2025.
        Visit.objects.create(
            company=self.fi_company,
            school=self.fi_school,
            visited_on=datetime.date(2026, 1, 20),
            created_by=self.coordinator,
        )
        agreement = PartnershipAgreement.objects.create(
            title="EE",
            valid_from=datetime.date(2025, 6, 1),
            valid_until=datetime.date(2028, 6, 1),
        )
        agreement.parties.add(self.ee_school, self.ee_company)

        # Badges: s2's lands at 00:30 on 1 January Finnish time (in), s3's at 01:30 on
        # 1 April (out), s3 also has one from 2025, and a revoked one never counts.
        work_life = Badge.objects.create(
            issuer=self.fi_school, name_fi="Työelämä", criteria_fi="x", category="work_life"
        )
        entrepreneurship = Badge.objects.create(
            issuer=self.ee_school,
            name_fi="Yrittäjyys",
            criteria_fi="x",
            category="entrepreneurship",
        )
        self.award(work_life, self.s2, utc(2025, 12, 31, 22, 30))
        self.award(work_life, self.s3, utc(2026, 3, 31, 22, 30))
        self.award(work_life, self.s3, utc(2025, 9, 1, 10))
        self.award(entrepreneurship, self.s1, utc(2026, 2, 10, 10))
        self.award(work_life, self.s1, utc(2026, 2, 11, 10), revoked_at=utc(2026, 2, 12))
        pathway = Pathway.objects.create(
            name_en="Business", recognised_by=self.ee_school, recognition="5 ECTS"
        )
        RecognitionRequest.objects.create(
            student=self.s1,
            pathway=pathway,
            status="confirmed",
            decided_at=utc(2026, 3, 1, 10),
        )
        RecognitionRequest.objects.create(
            student=self.s2,
            pathway=pathway,
            status="confirmed",
            decided_at=utc(2026, 4, 2, 10),
        )

        # Mentoring, organised by the Finnish school: g1 and m1 from 10 January; an
        # older pair completed on 15 February; feedback 4 and 2.
        programme = Programme.objects.create(
            name_en="Mentoring",
            kind="one_to_one",
            starts_on=datetime.date(2025, 9, 1),
            ends_on=datetime.date(2026, 12, 31),
            enrol_from=datetime.date(2025, 8, 1),
            enrol_until=datetime.date(2026, 12, 1),
            default_capacity=1,
            max_capacity=3,
        )
        programme.organisers.add(self.fi_school)

        def enrol(user, organisation, **fields):
            return Enrolment.objects.create(
                programme=programme,
                user=user,
                organisation=organisation,
                languages=["fi"],
                **fields,
            )

        active = Pair.objects.create(
            programme=programme,
            mentor=enrol(self.m1, self.fi_company, as_mentor=True),
            mentee=enrol(self.g1, self.fi_school, as_mentee=True),
            status="active",
            origin="round",
            started_at=utc(2026, 1, 10, 9),
        )
        old_mentor = member(self.fi_company, R.MENTOR)
        old_mentee = member(self.fi_school, R.STUDENT)
        completed = Pair.objects.create(
            programme=programme,
            mentor=enrol(old_mentor, self.fi_company, as_mentor=True),
            mentee=enrol(old_mentee, self.fi_school, as_mentee=True),
            status="completed",
            origin="round",
            started_at=utc(2025, 10, 1, 9),
            ended_at=utc(2026, 2, 15, 9),
        )
        Feedback.objects.create(pair=active, author=self.g1, rating=4)
        Feedback.objects.create(pair=completed, author=old_mentee, rating=2)
        Feedback.objects.filter().update(created_at=utc(2026, 2, 16, 9))

        # Events, organised by the Estonian school: a seminar on 15 March where t1
        # checked in (another registered but did not come); one that starts on 1 April.
        seminar = Event.objects.create(
            title="Seminar",
            kind="seminar",
            capacity=10,
            starts_at=utc(2026, 3, 15, 8),
            ends_at=utc(2026, 3, 15, 12),
        )
        seminar.organisers.add(self.ee_school)
        Registration.objects.create(
            event=seminar, user=self.t1, status="confirmed", checked_in_at=utc(2026, 3, 15, 8)
        )
        Registration.objects.create(event=seminar, user=self.s3, status="confirmed")
        later = Event.objects.create(
            title="Later",
            kind="workshop",
            capacity=10,
            starts_at=utc(2026, 3, 31, 22, 30),
            ends_at=utc(2026, 4, 1, 2),
        )
        later.organisers.add(self.ee_school)

    def award(self, badge, recipient, issued_on, **fields):
        self.status_index = getattr(self, "status_index", 0) + 1
        return Award.objects.create(
            status_index=self.status_index,
            badge=badge,
            recipient=recipient,
            recipient_email=recipient.email,
            recipient_name=recipient.full_name,
            issued_on=issued_on,
            **fields,
        )


@pytest.fixture
def network(db):
    return Network()
