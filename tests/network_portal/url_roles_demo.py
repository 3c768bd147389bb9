"""The demo network, loaded once per test module, and the people and objects the role table
points at: each URL of the portal is asked for with the address of a real demo object."""

import datetime
import io
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from tests.factories import staff, with_totp

HOME = "jarvenrannan-ammattiopisto"  # the demo coordinator's, teacher's and student's school
OTHER = "tallinna-sadama-kutsekool"  # a school the demo coordinator has nothing to do with
COMPANY = "rakennus-virtanen-oy"  # the demo company contact's and mentor's company

PEOPLE = {
    "student": "student@demo.test",
    "teacher": "teacher@demo.test",
    "company_contact": "company@demo.test",
    "mentor": "mentor@demo.test",
    "advisor": "advisor@demo.test",
    "coordinator": "coordinator@demo.test",
    "other_coordinator": "kadri.tamm@demo.test",
}
ROLES = ["anonymous", *PEOPLE, "staff"]
PDF = b"%PDF-1.4\n%%EOF\n"


def first(queryset):
    found = queryset.order_by("pk").first()
    assert found is not None, f"the demo network has no {queryset.model.__name__} for the table"
    return found


def load_demo():
    """Seed the demo network and return the people (by role) and the objects (by name)."""
    from accounts.models import User

    call_command("seed_demo", stdout=io.StringIO())
    people = {role: User.objects.get(email=email) for role, email in PEOPLE.items()}
    for role in ("coordinator", "other_coordinator"):
        with_totp(people[role])
    people["staff"] = staff()
    return people, _objects(people)


def _objects(people):
    from catalogue.models import Enquiry, Material, Service
    from events.models import Event
    from events.models import Material as EventMaterial
    from events.services import calendar_feed_renew as events_feed_renew
    from exchanges.models import Application, LearningAgreement, PlacementOffer, SavedSearch
    from exchanges.services.agreements import host_signing_token
    from exchanges.services.searches import calendar_feed_renew as exchanges_feed_renew
    from mentoring.models import Enrolment, Goal, MatchingRound, Pair, Programme
    from notifications.models import Notification
    from outreach.models import FollowUp, Question, Recipient, Survey, Visit
    from outreach.services.surveys import link_token
    from partners.models import Invitation, Membership, Organisation
    from partners.services import invitation_create
    from pilots.models import PilotApplication, PilotAttachment, PilotCall
    from quality.models import Finding, PeerReview, ReviewAction, ReviewRound
    from reports.models import ReportExport
    from worklife_passport.models import (
        Award,
        Badge,
        BulkAward,
        Claim,
        ClaimCode,
        Endorsement,
        EvidenceFile,
        Pathway,
        RecognitionRequest,
        ShareLink,
        SkillNeed,
    )
    from worklife_passport.services.claims import supervisor_token

    o = SimpleNamespace()
    student = people["student"]
    in_a_month = timezone.now() + datetime.timedelta(days=30)
    o.home = Organisation.objects.get(slug=HOME)
    o.other = Organisation.objects.get(slug=OTHER)
    o.company = Organisation.objects.get(slug=COMPANY)

    o.invitation, o.invitation_token = invitation_create(
        actor=people["coordinator"],
        organisation=o.home,
        email="new.student@example.test",
        role=Membership.Role.STUDENT,
    )
    o.membership = first(Membership.objects.filter(organisation=o.home, user=student))
    o.waiting_invitation = first(Invitation.objects.filter(organisation=o.home))
    o.visit = first(Visit.objects.filter(school=o.home))
    o.follow_up = first(FollowUp.objects.filter(visit__school=o.home, done_at__isnull=True))
    o.pilot_call = first(PilotCall.objects.all())
    o.pilot_application = first(
        PilotApplication.objects.filter(lead=o.home) or PilotApplication.objects.all()
    )
    o.pilot_attachment = PilotAttachment.objects.create(
        application=o.pilot_application, title="Budget", file=ContentFile(PDF, name="budget.pdf")
    )
    o.review_round = first(ReviewRound.objects.all())
    o.review = first(PeerReview.objects.filter(school=o.home) or PeerReview.objects.all())
    o.finding = first(Finding.objects.filter(review=o.review) or Finding.objects.all())
    o.review_action = first(ReviewAction.objects.all())
    o.survey = first(Survey.objects.filter(organisation=o.home) or Survey.objects.all())
    o.question = first(Question.objects.filter(survey=o.survey))
    o.survey_token = link_token(first(Recipient.objects.filter(survey=o.survey)))
    o.notification = first(Notification.objects.filter(recipient=student))

    o.offer = first(PlacementOffer.objects.filter(host=o.company))
    o.saved_search = SavedSearch.objects.create(user=student, name="Tartu")
    o.application = first(Application.objects.filter(applicant=student))
    agreement = first(LearningAgreement.objects.filter(application__home=o.home))
    o.agreement = agreement
    o.completed_application = first(
        Application.objects.filter(home=o.home, status=Application.Status.COMPLETED)
    )
    o.agreement_token = host_signing_token(agreement)
    o.exchanges_feed_token = exchanges_feed_renew(user=student)

    o.badge = first(Badge.objects.filter(issuer=o.home))
    o.bulk_award = BulkAward.objects.create(badge=o.badge, created_by=people["coordinator"])
    o.claim_code = ClaimCode.objects.create(
        badge=o.badge, code="DEMO-CODE-1", label="Fair", max_uses=5, expires_at=in_a_month
    )
    o.claim = first(Claim.objects.filter(student=student))
    o.evidence = EvidenceFile.objects.create(
        claim=o.claim, name="log.pdf", file=ContentFile(PDF, name="log.pdf")
    )
    o.supervisor_token = supervisor_token(o.claim)
    o.award = first(Award.objects.filter(recipient=student))
    o.endorsement = first(Endorsement.objects.all())
    o.share_link = ShareLink.objects.create(user=student, label="CV", expires_at=in_a_month)
    o.share_link.awards.set([o.award])
    o.pathway = first(Pathway.objects.all())
    o.recognition_request = RecognitionRequest.objects.create(student=student, pathway=o.pathway)
    o.skill_need = first(SkillNeed.objects.filter(organisation=o.company))

    o.programme = first(Programme.objects.all())
    o.matching_round = first(MatchingRound.objects.filter(programme=o.programme))
    o.mentor_enrolment = first(Enrolment.objects.filter(user=people["mentor"]))
    o.mentee_enrolment = first(Enrolment.objects.filter(user=student))
    o.pair = first(Pair.objects.filter(mentee__user=student) or Pair.objects.all())
    o.goal = Goal.objects.create(pair=o.pair, text="Plan the first site visit")

    o.event = first(Event.objects.filter(is_published=True))
    o.event_material = EventMaterial.objects.create(
        event=o.event, title="Slides", file=ContentFile(PDF, name="slides.pdf")
    )
    o.events_feed_token = events_feed_renew(user=student)

    o.service = first(Service.objects.all())
    o.material = Material.objects.create(
        title="Safety basics",
        language="fi",
        licence="CC-BY-4.0",
        organisation=o.home,
        url="https://example.test/safety",
    )
    o.enquiry = first(Enquiry.objects.all())
    o.export = ReportExport.objects.create(
        requested_by=people["coordinator"],
        organisation=o.home,
        format="csv",
        language="en",
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
        expires_at=in_a_month,
    )
    return o


class DemoNetwork:
    """Enter: the demo network is in the database for the module; exit: it is gone."""

    def __init__(self, blocker):
        self.blocker = blocker

    def __enter__(self):
        self.blocker.unblock()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.people, self.objects = load_demo()
        return self

    def put_files_in_place(self):
        """Write the uploaded files of the table's objects into this test's media root."""
        o = self.objects
        for field_file in (o.pilot_attachment.file, o.evidence.file, o.event_material.file):
            field_file.storage.save(field_file.name, ContentFile(PDF))

    def __exit__(self, *exc):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)
        self.blocker.restore()
