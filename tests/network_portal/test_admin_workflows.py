"""The admin moves workflow objects only through the services the pages call."""

import datetime
from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.messages import WARNING, get_messages
from django.db.models.fields.files import FieldFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from core.models import AuditEntry
from exchanges.models import Application, PartnershipAgreement, PlacementOffer
from notifications.models import Notification
from outreach.models import Survey
from partners.models import Membership, Organisation
from pilots.models import PilotApplication, PilotCall
from quality.models import PeerReview, ReviewRound
from tests.factories import (
    ApplicationFactory,
    MembershipFactory,
    OfferFactory,
    OrganisationFactory,
    UserFactory,
    member,
    staff,
)

pytestmark = pytest.mark.django_db

#: Statuses that admins set by hand because no workflow moves them.
HAND_KEPT: set[type] = set()


@pytest.fixture
def admin_user():
    return staff()


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def _status_field(model):
    names = {field.name for field in model._meta.get_fields()}
    return next((name for name in ("status", "state") if name in names), None)


def _admins_with_status():
    for model, model_admin in admin.site._registry.items():
        if _status_field(model) and model not in HAND_KEPT:
            yield model_admin


def _inlines_with_status():
    for model_admin in admin.site._registry.values():
        for inline in model_admin.get_inline_instances(_request(staff_user=None)):
            if _status_field(inline.model):
                yield model_admin, inline


def _request(staff_user):
    request = RequestFactory().get("/")
    request.user = staff_user or UserFactory.build(is_staff=True, is_superuser=True)
    return request


def test_no_admin_form_edits_a_workflow_status(admin_user):
    request = _request(admin_user)
    editable = []
    for model_admin in _admins_with_status():
        field = _status_field(model_admin.model)
        for obj in (None, model_admin.model()):
            if obj is None and not model_admin.has_add_permission(request):
                continue
            if field in model_admin.get_form(request, obj).base_fields:
                editable.append((model_admin.model.__name__, "add" if obj is None else "change"))
    assert editable == []


def test_no_admin_inline_edits_a_workflow_status(admin_user):
    request = _request(admin_user)
    editable = [
        (parent.model.__name__, inline.model.__name__)
        for parent, inline in _inlines_with_status()
        if _status_field(inline.model) in inline.get_formset(request).form.base_fields
    ]
    assert editable == []


def _form_data(client, url):
    """What the change form at ``url`` would post back unchanged."""
    form = client.get(url).context["adminform"].form
    data = {}
    for name in form.fields:
        value = form.initial.get(name)
        if value is None or isinstance(value, FieldFile):
            continue
        data[name] = [getattr(v, "pk", v) for v in value] if isinstance(value, list) else value
    return data


def test_posting_a_status_to_the_change_form_does_not_change_it(admin_client, admin_user):
    survey = Survey.objects.create(
        organisation=OrganisationFactory(), title_fi="Kysely", created_by=admin_user
    )
    url = reverse("admin:outreach_survey_change", args=[survey.pk])
    data = _form_data(admin_client, url)
    data.update(
        {
            "status": Survey.Status.CLOSED,
            "questions-TOTAL_FORMS": 0,
            "questions-INITIAL_FORMS": 0,
            "recipients-TOTAL_FORMS": 0,
            "recipients-INITIAL_FORMS": 0,
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    survey.refresh_from_db()
    assert survey.status == Survey.Status.DRAFT


def _act(client, model, action, objects, **extra):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    data = {"action": action, "_selected_action": [obj.pk for obj in objects], **extra}
    with translation.override("en"):
        return client.post(url, data, follow=True)


def _warnings(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level == WARNING]


def _audit(action, obj):
    return AuditEntry.objects.filter(action=action, target_id=str(obj.pk)).first()


def test_offer_approve_action_publishes_through_the_workflow(admin_client):
    waiting = OfferFactory(status=PlacementOffer.Status.REVIEW, published_at=None)
    draft = OfferFactory(status=PlacementOffer.Status.DRAFT, published_at=None)
    host_contact = member(waiting.host, Membership.Role.COMPANY_CONTACT)

    response = _act(admin_client, PlacementOffer, "offer_approve", [waiting, draft])

    waiting.refresh_from_db()
    draft.refresh_from_db()
    assert waiting.status == PlacementOffer.Status.PUBLISHED
    assert _audit("exchanges.offer.approve", waiting).organisation_id == waiting.host_id
    assert Notification.objects.filter(
        recipient=host_contact, kind="exchanges.offer_reviewed"
    ).exists()
    assert draft.status == PlacementOffer.Status.DRAFT
    assert any(draft.title in text for text in _warnings(response))


def test_application_cancel_action_asks_the_reason_and_tells_the_student(admin_client):
    approved = ApplicationFactory(status=Application.Status.APPROVED, approved_at=timezone.now())
    draft = ApplicationFactory(status=Application.Status.DRAFT)

    asked = _act(admin_client, Application, "application_cancel", [approved, draft])
    assert asked.templates[0].name == "admin/workflow_comment.html"
    approved.refresh_from_db()
    assert approved.status == Application.Status.APPROVED

    response = _act(
        admin_client,
        Application,
        "application_cancel",
        [approved, draft],
        apply="1",
        comment="The host closed.",
    )

    approved.refresh_from_db()
    draft.refresh_from_db()
    assert approved.status == Application.Status.CANCELLED
    assert approved.events.get(action="cancel").comment == "The host closed."
    assert _audit("exchanges.application.cancel", approved).organisation_id == approved.home_id
    assert Notification.objects.filter(
        recipient=approved.applicant, kind="exchanges.application_moved"
    ).exists()
    assert draft.status == Application.Status.DRAFT
    assert len(_warnings(response)) == 1


def _partnership(status, *parties):
    today = timezone.localdate()
    agreement = PartnershipAgreement.objects.create(
        title=f"MoU {status}",
        status=status,
        valid_from=today,
        valid_until=today + datetime.timedelta(days=365),
    )
    agreement.parties.add(*parties)
    return agreement


def test_partnership_agreement_actions_move_through_the_workflow(admin_client):
    school, company = OrganisationFactory(), OrganisationFactory(company=True)
    draft = _partnership(PartnershipAgreement.Status.DRAFT, school, company)
    active = _partnership(PartnershipAgreement.Status.ACTIVE, school, company)

    response = _act(admin_client, PartnershipAgreement, "partnership_activate", [draft, active])

    draft.refresh_from_db()
    active.refresh_from_db()
    assert draft.status == PartnershipAgreement.Status.ACTIVE
    assert active.status == PartnershipAgreement.Status.ACTIVE
    entry = _audit("exchanges.partnership.activate", draft)
    assert entry.organisation_id == min(school.pk, company.pk)
    assert len(_warnings(response)) == 1

    _act(
        admin_client,
        PartnershipAgreement,
        "partnership_terminate",
        [active],
        apply="1",
        comment="The school left the network.",
    )
    active.refresh_from_db()
    assert active.status == PartnershipAgreement.Status.TERMINATED
    entry = _audit("exchanges.partnership.terminate", active)
    assert entry.data["to"] == PartnershipAgreement.Status.TERMINATED
    assert entry.data["comment"] == "The school left the network."


def test_survey_close_action_goes_through_the_survey_workflow(admin_client):
    organisation = OrganisationFactory()
    open_survey = Survey.objects.create(
        organisation=organisation, title_fi="Auki", status=Survey.Status.OPEN
    )
    draft = Survey.objects.create(organisation=organisation, title_fi="Luonnos")

    response = _act(admin_client, Survey, "survey_closed", [open_survey, draft])

    open_survey.refresh_from_db()
    draft.refresh_from_db()
    assert open_survey.status == Survey.Status.CLOSED
    assert _audit("partners.survey.closed", open_survey).organisation_id == organisation.pk
    assert draft.status == Survey.Status.DRAFT
    assert len(_warnings(response)) == 1


def test_review_close_action_tells_the_school(admin_client):
    organiser = OrganisationFactory()
    review_round = ReviewRound.objects.create(
        title_fi="Kierros",
        organiser=organiser,
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 2, 1),
    )
    school = OrganisationFactory()
    coordinator = member(school, Membership.Role.COORDINATOR)
    reported = PeerReview.objects.create(
        round=review_round, school=school, status=PeerReview.Status.REPORTED
    )
    preparing = PeerReview.objects.create(round=review_round, school=OrganisationFactory())

    response = _act(admin_client, PeerReview, "review_closed", [reported, preparing])

    reported.refresh_from_db()
    preparing.refresh_from_db()
    assert reported.status == PeerReview.Status.CLOSED
    assert _audit("partners.review.closed", reported).organisation_id == school.pk
    assert Notification.objects.filter(
        recipient=coordinator, kind="partners.review_progress"
    ).exists()
    assert preparing.status == PeerReview.Status.PREPARATION
    assert len(_warnings(response)) == 1


def test_pilot_reject_action_decides_and_tells_the_contact(admin_client):
    organiser = OrganisationFactory()
    call = PilotCall.objects.create(
        title_fi="Haku",
        text_fi="x",
        eligibility_fi="x",
        organiser=organiser,
        deadline=timezone.now() - datetime.timedelta(days=1),
        published_at=timezone.now() - datetime.timedelta(days=30),
    )
    contact = UserFactory()

    def application(status):
        return PilotApplication.objects.create(
            call=call,
            title=f"Pilot {status}",
            lead=OrganisationFactory(),
            contact=contact,
            summary="s",
            objectives="o",
            work_plan="w",
            budget=Decimal("1000"),
            status=status,
        )

    submitted = application(PilotApplication.Status.SUBMITTED)
    funded = application(PilotApplication.Status.FUNDED)

    response = _act(
        admin_client,
        PilotApplication,
        "pilot_reject",
        [submitted, funded],
        apply="1",
        comment="Out of scope.",
    )

    submitted.refresh_from_db()
    funded.refresh_from_db()
    assert submitted.status == PilotApplication.Status.REJECTED
    assert submitted.decision_note == "Out of scope."
    assert _audit("partners.pilot.rejected", submitted).organisation_id == organiser.pk
    assert Notification.objects.filter(recipient=contact, kind="partners.pilot_decision").exists()
    assert funded.status == PilotApplication.Status.FUNDED
    assert len(_warnings(response)) == 1


# --- Memberships -------------------------------------------------------------------------


def test_membership_added_in_the_admin_is_audited(admin_client):
    organisation = OrganisationFactory()
    user = UserFactory()
    response = admin_client.post(
        reverse("admin:partners_membership_add"),
        {"user": user.pk, "organisation": organisation.pk, "role": Membership.Role.TEACHER},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=user, organisation=organisation)
    assert _audit("partners.membership.created", membership).organisation_id == organisation.pk


def test_membership_role_changed_in_the_admin_is_audited(admin_client):
    membership = MembershipFactory(role=Membership.Role.STUDENT)
    response = admin_client.post(
        reverse("admin:partners_membership_change", args=[membership.pk]),
        {"role": Membership.Role.TEACHER},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Membership.Role.TEACHER
    entry = _audit("partners.membership.updated", membership)
    assert entry.organisation_id == membership.organisation_id
    assert entry.data["from"] == Membership.Role.STUDENT


def test_membership_deleted_in_the_admin_is_audited(admin_client):
    membership = MembershipFactory()
    response = admin_client.post(
        reverse("admin:partners_membership_delete", args=[membership.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    entry = _audit("partners.membership.deleted", membership)
    assert entry.organisation_id == membership.organisation_id
    assert Notification.objects.filter(
        recipient=membership.user, kind="partners.membership_removed"
    ).exists()


def test_memberships_deleted_in_bulk_are_audited(admin_client):
    memberships = [MembershipFactory(), MembershipFactory()]
    _act(admin_client, Membership, "delete_selected", memberships, post="yes")
    assert not Membership.objects.filter(pk__in=[m.pk for m in memberships]).exists()
    for membership in memberships:
        assert _audit("partners.membership.deleted", membership) is not None


def test_membership_with_a_role_the_organisation_cannot_have_is_refused(admin_client):
    company = OrganisationFactory(company=True)
    response = admin_client.post(
        reverse("admin:partners_membership_add"),
        {"user": UserFactory().pk, "organisation": company.pk, "role": Membership.Role.STUDENT},
    )
    assert response.status_code == 200
    assert not Membership.objects.filter(organisation=company).exists()


def test_membership_inline_on_the_organisation_writes_through_the_service(admin_client):
    organisation = OrganisationFactory()
    user = UserFactory()
    url = reverse("admin:partners_organisation_change", args=[organisation.pk])
    data = _form_data(admin_client, url)
    data.update(
        {
            "memberships-TOTAL_FORMS": 1,
            "memberships-INITIAL_FORMS": 0,
            "memberships-0-user": user.pk,
            "memberships-0-role": Membership.Role.TEACHER,
            "invitations-TOTAL_FORMS": 0,
            "invitations-INITIAL_FORMS": 0,
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    membership = Membership.objects.get(user=user, organisation=organisation)
    assert _audit("partners.membership.created", membership).organisation_id == organisation.pk
    assert Organisation.objects.filter(pk=organisation.pk).exists()
