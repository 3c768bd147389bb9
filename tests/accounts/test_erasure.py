"""After "Delete my account": nothing of the person is left, what others need stays."""

import datetime
import json
import os

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils import timezone, translation

from accounts import personal_data
from accounts.erasure import erased_marker
from accounts.models import User
from accounts.services import user_erase
from core.audit import log_action
from core.models import AuditEntry
from exchanges.services.applications import attachment_add
from mentoring import services as mentoring
from mentoring.models import Enrolment, Programme
from notifications.models import Notification
from notifications.rendering import render
from notifications.services import notify
from partners.models import Invitation, Membership
from tests.factories import ApplicationFactory, OrganisationFactory, member, staff
from worklife_passport.models import Award, Badge, BulkAward, Claim
from worklife_passport.openbadges import documents, verify
from worklife_passport.services import claims

pytestmark = pytest.mark.django_db
R = Membership.Role

NAME = "Sanni Opiskelija"
EMAIL = "sanni@example.org"
SECOND_EMAIL = "sanni.work@example.org"
EVIDENCE = b"%PDF-1.4\n% Work diary of Sanni Opiskelija, 25 hours of customer service\n"
ATTACHMENT = b"%PDF-1.4\n% Europass CV: sanni@example.org\n"
MARKER = erased_marker()  # in the portal's default language


class World:
    """A student who has used the portal: a badge from an assessed claim with evidence,
    an application with an attachment, a mentoring pair, and traces in other people's
    rows (their notices, their audit log, a claim she supervised)."""

    def __init__(self):
        today = timezone.localdate()
        self.school = OrganisationFactory(name_fi="Järvenrannan ammattiopisto")
        self.company = OrganisationFactory(company=True)
        self.student = member(self.school, R.STUDENT, full_name=NAME, email=EMAIL, language="en")
        self.student.emailaddress_set.create(email=SECOND_EMAIL, verified=True)
        self.teacher = member(self.school, R.TEACHER, full_name="Timo Opettaja", language="en")
        self.coordinator = member(self.school, R.COORDINATOR, full_name="Kaisa Koordinaattori")
        self.mentor = member(self.company, R.MENTOR, full_name="Maija Mentori", language="en")
        self.other_student = member(self.school, R.STUDENT, full_name="Olli Muu")
        self.badge = Badge.objects.create(
            issuer=self.school,
            name_fi="Asiakaspalvelun perusteet",
            name_en="Customer service basics",
            criteria_en="Twenty hours of customer service.",
            category=Badge.Category.WORK_LIFE,
            evidence_required=["text"],
            assessor_roles=["teacher", "coordinator"],
        )
        membership = Membership.objects.get(user=self.student, organisation=self.school)
        log_action(
            actor=self.coordinator,
            action="partners.membership.created",
            target=membership,
            organisation=self.school,
            data={"user_id": self.student.pk, "note": f"{NAME} <{EMAIL}>"},
        )
        self.claim = claims.claim_start(actor=self.student, badge=self.badge)
        claims.claim_update(
            actor=self.student, claim=self.claim, data={"narrative": "I served customers."}
        )
        self.evidence = claims.evidence_add(
            actor=self.student,
            claim=self.claim,
            file=SimpleUploadedFile("sanni-opiskelija-diary.pdf", EVIDENCE),
        )
        claims.claim_transition(actor=self.student, claim=self.claim, action="submit")
        claims.claim_transition(actor=self.teacher, claim=self.claim, action="approve")
        self.award = Award.objects.get(recipient=self.student)

        application = ApplicationFactory(applicant=self.student, home=self.school)
        self.attachment = attachment_add(
            actor=self.student,
            application=application,
            file=SimpleUploadedFile("sanni-cv.pdf", ATTACHMENT),
        )

        programme = Programme.objects.create(
            name_en="Mentoring 2026",
            kind=Programme.Kind.ONE_TO_ONE,
            starts_on=today,
            ends_on=today + datetime.timedelta(days=200),
            enrol_from=today - datetime.timedelta(days=5),
            enrol_until=today + datetime.timedelta(days=5),
            default_capacity=1,
            max_capacity=3,
        )
        programme.organisers.add(self.school)
        mentor_enrolment = Enrolment.objects.create(
            programme=programme, user=self.mentor, as_mentor=True, languages=["fi"], capacity=1
        )
        Enrolment.objects.create(
            programme=programme, user=self.student, as_mentee=True, languages=["fi"], capacity=1
        )
        self.pair = mentoring.pair_request(actor=self.student, mentor=mentor_enrolment)

        # Traces in rows that belong to other people.
        other_claim = Claim.objects.create(
            student=self.other_student,
            badge=self.badge,
            narrative="Summer job.",
            supervisor_name=NAME,
            supervisor_email=EMAIL,
        )
        self.other_claim = other_claim
        notify(
            kind="passport.awarded",
            key="to-sanni-address",
            email=SECOND_EMAIL,
            language="en",
            context={"badge": "Customer service basics", "issuer": "School"},
        )
        Invitation.objects.create(
            organisation=self.school,
            email=EMAIL,
            role=R.STUDENT,
            token_hash="x" * 64,
            expires_at=timezone.now() + datetime.timedelta(days=7),
            accepted_at=timezone.now(),
            accepted_by=self.student,
        )
        BulkAward.objects.create(
            badge=self.badge,
            created_by=self.coordinator,
            rows=[{"line": 1, "email": EMAIL, "name": NAME, "errors": []}],
        )
        admin = staff(full_name="Anna Admin")
        LogEntry.objects.create(
            user=admin,
            content_type=ContentType.objects.get_for_model(User),
            object_id=str(self.student.pk),
            object_repr=str(self.student),
            action_flag=CHANGE,
            change_message=json.dumps([{"changed": {"fields": ["Full name"]}}]),
        )


@pytest.fixture
def world():
    return World()


def _erase(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        user_erase(actor=user, user=user)


def _text_columns(model):
    for field in model._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField | models.JSONField):
            yield field


def _media_roots(settings):
    """Where files are kept: MEDIA_ROOT and the folder of every file field's storage."""
    roots = {settings.MEDIA_ROOT}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                location = getattr(field.storage, "location", None)
                if location:
                    roots.add(str(location))
    return roots


def _needles():
    return [EMAIL, SECOND_EMAIL, NAME, "sanni-opiskelija", "sanni-cv"]


def test_erasure_leaves_nothing_of_the_person_in_any_text_column(
    world, django_capture_on_commit_callbacks
):
    _erase(world.student, django_capture_on_commit_callbacks)

    found = []
    for model in apps.get_models():
        fields = list(_text_columns(model))
        if not fields:
            continue
        for row in model._default_manager.values_list("pk", *(f.attname for f in fields)):
            for field, value in zip(fields, row[1:], strict=True):
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                for needle in _needles():
                    if needle.lower() in text.lower():
                        found.append(f"{model._meta.label}.{field.name} #{row[0]}: {needle}")
    assert not found, "\n".join(found)


def test_erasure_leaves_none_of_the_persons_files_in_storage(
    world, settings, django_capture_on_commit_callbacks
):
    kept = [world.evidence.file.name, world.attachment.file.name]
    assert all(world.evidence.file.storage.exists(name) for name in kept)

    _erase(world.student, django_capture_on_commit_callbacks)

    left = []
    for root in _media_roots(settings):
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = os.path.join(folder, name)
                with open(path, "rb") as stored:
                    content = stored.read()
                if content in (EVIDENCE, ATTACHMENT) or any(
                    needle.lower().encode() in (name.lower().encode() + content.lower())
                    for needle in _needles()
                ):
                    left.append(path)
    assert not left
    assert not any(world.evidence.file.storage.exists(name) for name in kept)


def test_a_failed_erasure_keeps_the_files(world, monkeypatch, django_capture_on_commit_callbacks):
    def fails(user):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(personal_data, "_erasers", [*personal_data.erasers(), fails])

    with pytest.raises(RuntimeError), django_capture_on_commit_callbacks(execute=True):
        user_erase(actor=world.student, user=world.student)

    assert world.evidence.file.storage.exists(world.evidence.file.name)
    assert User.objects.filter(pk=world.student.pk).exists()


def test_an_erased_persons_award_stays_verifiable_by_its_hash(
    world, django_capture_on_commit_callbacks
):
    assertion = documents.ob2_assertion(world.award)
    credential = documents.ob3_credential(world.award)

    _erase(world.student, django_capture_on_commit_callbacks)

    award = Award.objects.get(pk=world.award.pk)
    assert (award.recipient, award.recipient_email, award.recipient_name) == (None, "", "")
    assert documents.ob2_assertion(award)["recipient"] == assertion["recipient"]
    identifier = documents.ob3_credential(award)["credentialSubject"]["identifier"]
    assert identifier == credential["credentialSubject"]["identifier"]
    assert verify.verify_ob2(assertion).verdict == verify.VALID
    assert verify.verify_ob3(credential).verdict == verify.VALID


def test_the_verify_page_says_an_erased_persons_award_is_valid(
    client, world, django_capture_on_commit_callbacks
):
    assertion = json.dumps(documents.ob2_assertion(world.award))

    _erase(world.student, django_capture_on_commit_callbacks)

    response = client.get(world.award.get_absolute_url())
    assert response.status_code == 200
    assert NAME not in response.content.decode()
    with translation.override("en"):
        assert verify.verify_text(assertion).message == verify.MESSAGES[verify.VALID]


def test_audit_entries_about_the_persons_rows_no_longer_name_them(
    world, django_capture_on_commit_callbacks
):
    about_award = AuditEntry.objects.get(action="passport.award.created")
    assert about_award.target_repr == str(world.award)
    assert NAME in about_award.target_repr
    student_id = world.student.pk

    _erase(world.student, django_capture_on_commit_callbacks)

    about_award.refresh_from_db()
    assert about_award.target_repr == f"{world.award.badge.name} → {MARKER}"
    assert about_award.organisation == world.school
    membership_entry = AuditEntry.objects.get(action="partners.membership.created")
    assert membership_entry.data == {"user_id": student_id, "note": f"{MARKER} <{MARKER}>"}


def test_other_peoples_notices_keep_what_happened_without_the_name(
    world, django_capture_on_commit_callbacks
):
    notice = Notification.objects.filter(recipient=world.mentor).latest("pk")
    assert NAME in json.dumps(notice.context)

    _erase(world.student, django_capture_on_commit_callbacks)

    notice.refresh_from_db()
    rendered = render(notice)
    for text in (json.dumps(notice.context), rendered.subject, rendered.text, rendered.html):
        assert NAME not in text
    assert erased_marker(world.mentor.language) in json.dumps(notice.context)
    assert not Notification.objects.filter(email=SECOND_EMAIL).exists()


def test_someone_elses_claim_keeps_the_supervision_without_the_supervisor(
    world, django_capture_on_commit_callbacks
):
    _erase(world.student, django_capture_on_commit_callbacks)

    world.other_claim.refresh_from_db()
    assert world.other_claim.supervisor_name == MARKER
    assert world.other_claim.supervisor_email == ""
    assert world.other_claim.student == world.other_student


def test_a_name_inside_another_word_or_address_is_left_alone(
    world, django_capture_on_commit_callbacks
):
    other = Notification.objects.create(
        recipient=world.teacher,
        kind="passport.awarded",
        language="en",
        channel=Notification.Channel.IN_APP,
        idempotency_key="unrelated",
        context={"badge": "Badge", "issuer": f"Not {NAME}son Oy", "mail": f"x{EMAIL}"},
    )

    _erase(world.student, django_capture_on_commit_callbacks)

    other.refresh_from_db()
    assert other.context["issuer"] == f"Not {NAME}son Oy"
    assert other.context["mail"] == f"x{EMAIL}"


def test_the_marker_is_in_the_language_of_the_notice(world, django_capture_on_commit_callbacks):
    from accounts.erasure import ERASED_PERSON

    finnish = Notification.objects.create(
        recipient=world.teacher,
        kind="passport.awarded",
        language="fi",
        channel=Notification.Channel.IN_APP,
        idempotency_key="in-finnish",
        context={"badge": NAME, "issuer": "School"},
    )

    _erase(world.student, django_capture_on_commit_callbacks)

    finnish.refresh_from_db()
    with translation.override("fi"):
        assert finnish.context["badge"] == str(ERASED_PERSON)
