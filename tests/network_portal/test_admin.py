"""Network admins live in the Django admin: every page of every model must open."""

import pytest
from django.contrib import admin
from django.urls import reverse

from core.models import AuditEntry
from partners.models import Invitation, Membership, Organisation
from tests.factories import MembershipFactory, OrganisationFactory, SectorFactory, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(staff())
    return client


@pytest.fixture
def some_data():
    from partners import services

    organisation = OrganisationFactory()
    organisation.sectors.add(SectorFactory())
    coordinator = MembershipFactory(
        organisation=organisation, role=Membership.Role.COORDINATOR
    ).user
    services.invitation_create(
        actor=staff(), organisation=organisation, email="x@example.org", role="student"
    )
    from notifications.models import Preference

    Preference.objects.create(
        user=coordinator, kind="partners.invitation_accepted", delivery="digest"
    )
    exchange_data(organisation, coordinator)
    passport_data(organisation, coordinator)
    mentoring_data(organisation, coordinator)
    events_data(organisation, coordinator)
    catalogue_data(organisation, coordinator)
    outreach_data(organisation, coordinator)
    return coordinator


def outreach_data(organisation, coordinator):
    import datetime

    from outreach.models import FollowUp, Visit

    visit = Visit.objects.create(
        company=OrganisationFactory(company=True),
        school=organisation,
        visited_on=datetime.date(2026, 11, 1),
        created_by=coordinator,
    )
    visit.visitors.add(coordinator)
    FollowUp.objects.create(
        visit=visit, action="Call", owner=coordinator, due_on=datetime.date(2026, 12, 1)
    )
    from outreach.models import Answer, Question, Recipient, Response, Survey

    survey = Survey.objects.create(organisation=organisation, title_fi="Kysely", status="open")
    question = Question.objects.create(survey=survey, kind="single", text_fi="Kumpi?")
    choice = question.choices.create(text_fi="Tämä")
    recipient = Recipient.objects.create(survey=survey, email="a@example.org", language="fi")
    response = Response.objects.create(survey=survey, recipient=recipient, language="fi")
    Answer.objects.create(response=response, question=question).choices.add(choice)
    review_data(organisation, coordinator)
    pilot_data(organisation, coordinator)
    report_data(organisation, coordinator)


def report_data(organisation, coordinator):
    import datetime

    from django.utils import timezone

    from reports.models import ReportExport

    ReportExport.objects.create(
        requested_by=coordinator,
        format="xlsx",
        language="fi",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 3, 31),
        organisation=organisation,
        status="done",
        progress=100,
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )


def pilot_data(organisation, coordinator):
    import datetime
    from decimal import Decimal

    from django.utils import timezone

    from pilots.models import PilotApplication, PilotCall, ProgressReport, Score

    call = PilotCall.objects.create(
        title_fi="Pilottihaku",
        text_fi="Rahoitamme pilotteja.",
        eligibility_fi="Kunnat ja koulut.",
        organiser=organisation,
        deadline=timezone.now() - datetime.timedelta(days=1),
        published_at=timezone.now() - datetime.timedelta(days=30),
    )
    criterion = call.criteria.create(text_fi="Vaikuttavuus", weight=2, max_score=5)
    application = PilotApplication.objects.create(
        call=call,
        title="Pilot",
        lead=OrganisationFactory(),
        contact=coordinator,
        summary="s",
        objectives="o",
        work_plan="w",
        budget=Decimal("1000"),
        status="funded",
        submitted_at=timezone.now() - datetime.timedelta(days=2),
    )
    Score.objects.create(
        application=application, reviewer=coordinator, criterion=criterion, score=4
    )
    ProgressReport.objects.create(
        application=application, period="2027 Q1", text="Done", submitted_by=coordinator
    )


def review_data(organisation, coordinator):
    import datetime

    from quality.models import (
        Finding,
        PeerReview,
        PeerReviewer,
        QualityArea,
        ReviewAction,
        ReviewRound,
    )

    review_round = ReviewRound.objects.create(
        title_fi="Kierros",
        organiser=organisation,
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 2, 1),
    )
    area = QualityArea.objects.first()
    review_round.areas.add(area)
    review = PeerReview.objects.create(round=review_round, school=OrganisationFactory())
    PeerReviewer.objects.create(review=review, user=coordinator, role="lead")
    finding = Finding.objects.create(review=review, area=area, kind="recommendation", text="x")
    ReviewAction.objects.create(
        review=review,
        recommendation=finding,
        text="Act",
        responsible="A",
        due_on=datetime.date(2027, 3, 1),
    )


def catalogue_data(organisation, coordinator):
    from catalogue.models import Enquiry, Material, Need, Service

    service = Service.objects.create(
        title_fi="Kurssi",
        description_fi="x",
        provider=organisation,
        form="course",
        language="fi",
        advisor=coordinator,
    )
    service.needs.add(Need.objects.create(name_fi="Digitaidot", slug="digital"))
    Enquiry.objects.create(service=service, asked_by=coordinator, question="Milloin?")
    Material.objects.create(
        title_fi="Aineisto",
        organisation=organisation,
        url="https://example.org/a",
        language="fi",
        licence="CC-BY-4.0",
    )


def events_data(organisation, coordinator):
    from django.utils import timezone

    from events.models import CalendarFeed, Event, Registration

    event = Event.objects.create(
        title="Seminar",
        kind="seminar",
        capacity=5,
        starts_at=timezone.now(),
        ends_at=timezone.now(),
    )
    event.organisers.add(organisation)
    Registration.objects.create(event=event, user=coordinator, status="confirmed")
    CalendarFeed.objects.create(user=coordinator)


def passport_data(organisation, coordinator):
    import datetime

    from django.utils import timezone

    from worklife_passport import models as wp
    from worklife_passport.services.awards import award_create, bulk_preview, code_create
    from worklife_passport.services.passport import share_create

    badge = wp.Badge.objects.create(
        issuer=organisation, name_fi="Merkki", criteria_fi="x", category="work_life"
    )
    award = award_create(actor=coordinator, badge=badge, source="direct", recipient=coordinator)
    wp.Claim.objects.create(
        student=coordinator,
        badge=wp.Badge.objects.create(
            issuer=organisation, name_fi="Toinen", criteria_fi="x", category="work_life"
        ),
    )
    code_create(
        actor=coordinator,
        badge=badge,
        label="x",
        max_uses=1,
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    bulk_preview(actor=coordinator, badge=badge, data=b"a@example.org,A\n")
    wp.Goal.objects.create(user=coordinator, badge=badge)
    share_create(actor=coordinator, label="x", awards=[award], days=5)
    pathway = wp.Pathway.objects.create(
        name_fi="Polku", recognised_by=organisation, recognition="5 op"
    )
    wp.RecognitionAgreement.objects.create(
        higher_education=organisation,
        what="x",
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2027, 1, 1),
    )
    wp.RecognitionRequest.objects.create(student=coordinator, pathway=pathway)
    wp.SkillNeed.objects.create(organisation=organisation, text="Skill")
    wp.IssuerSettings.objects.create(organisation=organisation)


def mentoring_data(organisation, coordinator):
    import datetime

    from mentoring import models as mm

    today = datetime.date(2026, 1, 1)
    programme = mm.Programme.objects.create(
        name_fi="Ohjelma",
        kind="one_to_one",
        starts_on=today,
        ends_on=today,
        enrol_from=today,
        enrol_until=today,
    )
    mentor = mm.Enrolment.objects.create(
        programme=programme, user=coordinator, as_mentor=True, languages=["fi"]
    )
    from tests.factories import UserFactory

    mentee = mm.Enrolment.objects.create(
        programme=programme, user=UserFactory(), as_mentee=True, languages=["fi"]
    )
    pair = mm.Pair.objects.create(programme=programme, mentor=mentor, mentee=mentee, origin="round")
    mm.Meeting.objects.create(pair=pair, date=today, minutes=30)
    mm.Feedback.objects.create(pair=pair, author=coordinator, rating=4)
    mm.Evaluation.objects.create(programme=programme, user=coordinator, rating=4)
    mm.MatchingRound.objects.create(programme=programme, created_by=coordinator)


def exchange_data(organisation, coordinator):
    import datetime

    from exchanges import models as ex
    from tests.factories import ApplicationFactory

    application = ApplicationFactory(home=organisation, status="in_progress")
    agreement = ex.LearningAgreement.objects.create(
        application=application,
        learning_outcomes="x",
        tasks="x",
        assessment="x",
        instructor="x",
        recognition="x",
    )
    ex.Signature.objects.create(agreement=agreement, party="home", signer_name="K")
    ex.MobilityRecord.objects.create(application=application)
    ex.ApplicationEvent.objects.create(
        application=application, action="submit", from_status="draft", to_status="submitted"
    )
    ex.ApplicationComment.objects.create(application=application, body="Hello")
    ex.SavedSearch.objects.create(user=coordinator, name="Estonia", query={"country": "EE"})
    ex.CalendarFeed.objects.create(user=coordinator)
    mou = ex.PartnershipAgreement.objects.create(
        title="MoU",
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2027, 1, 1),
    )
    mou.parties.add(organisation, application.host)


def model_admins():
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label
        in {
            "accounts",
            "partners",
            "notifications",
            "exchanges",
            "worklife_passport",
            "mentoring",
            "events",
            "catalogue",
            "reports",
        }
    ]


@pytest.mark.parametrize(
    "model", [model for model, _admin in model_admins()], ids=lambda m: m._meta.label
)
def test_changelist_search_and_change_page_open(admin_client, some_data, model):
    info = model._meta.app_label, model._meta.model_name
    changelist = admin_client.get(reverse("admin:{}_{}_changelist".format(*info)), {"q": "a"})
    assert changelist.status_code == 200
    instance = model.objects.first()
    assert instance is not None
    change = admin_client.get(reverse("admin:{}_{}_change".format(*info), args=[instance.pk]))
    assert change.status_code == 200


def test_every_model_admin_has_columns_search_and_filters():
    for model, model_admin in model_admins():
        assert len(model_admin.list_display) > 1, model
        assert model_admin.search_fields, model
        assert model_admin.list_filter, model


def test_audit_log_is_read_only_in_the_admin(admin_client, some_data):
    entry = AuditEntry.objects.first()
    assert admin_client.get(reverse("admin:core_auditentry_add")).status_code == 403
    response = admin_client.post(
        reverse("admin:core_auditentry_delete", args=[entry.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_staff_send_failed_notices_again_from_the_admin(admin_client, some_data):
    from notifications.models import Notification

    row = Notification.objects.filter(channel="email").first()
    Notification.objects.filter(pk=row.pk).update(state="failed", attempts=8)
    response = admin_client.post(
        reverse("admin:notifications_notification_changelist"),
        {"action": "retry", "_selected_action": [row.pk]},
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.state, row.attempts) == ("pending", 0)


def test_invitations_cannot_be_made_in_the_admin(admin_client):
    assert admin_client.get(reverse("admin:partners_invitation_add")).status_code == 403


def test_admin_changes_to_an_organisation_are_audited(admin_client):
    organisation = OrganisationFactory(name_fi="Vanha nimi")
    data = {
        "name_fi": "Uusi nimi",
        "slug": organisation.slug,
        "kind": organisation.kind,
        "country": "FI",
        "is_active": "on",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "invitations-TOTAL_FORMS": "0",
        "invitations-INITIAL_FORMS": "0",
    }
    response = admin_client.post(
        reverse("admin:partners_organisation_change", args=[organisation.pk]), data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    organisation.refresh_from_db()
    assert organisation.name_fi == "Uusi nimi"
    entry = AuditEntry.objects.get(action="partners.organisation.updated")
    assert "name_fi" in entry.data["fields"]


def test_admin_login_goes_through_the_portal_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    login = client.get(response["Location"])
    assert login.status_code == 302
    assert "/accounts/login/" in login["Location"]


def test_failed_logins_cool_the_account_off(client):
    from django.core.cache import cache

    cache.clear()
    admin_user = staff(email="admin@example.org")
    for _attempt in range(5):
        client.post("/en/accounts/login/", {"login": admin_user.email, "password": "wrong"})
    response = client.post(
        "/en/accounts/login/",
        {"login": admin_user.email, "password": "correct-horse-battery-9"},
    )
    # Even the right password is refused during the cool-off.
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)
    cache.clear()


@pytest.mark.parametrize(
    "name", ["organisation", "membership", "auditentry", "invitation", "sector"]
)
def test_admin_lists_have_a_fixed_number_of_queries(admin_client, name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.audit import log_action

    def grow(count):
        for _n in range(count):
            organisation = OrganisationFactory()
            organisation.sectors.add(SectorFactory())
            MembershipFactory(organisation=organisation)
            log_action(
                actor=None,
                action="partners.organisation.created",
                target=organisation,
                organisation=organisation,
            )
            Invitation.objects.create(
                organisation=organisation,
                email=f"{organisation.slug}@example.org",
                role="student",
                token_hash=organisation.slug,
                expires_at="2099-01-01T00:00Z",
            )

    app = "core" if name == "auditentry" else "partners"
    url = reverse(f"admin:{app}_{name}_changelist")
    grow(3)
    admin_client.get(url)  # the first request of a session does more
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    grow(20)
    with CaptureQueriesContext(connection) as many:
        admin_client.get(url)
    assert len(many) == len(few)


def test_invitation_state_filter(admin_client, some_data):
    url = reverse("admin:partners_invitation_changelist")
    assert Invitation.objects.count() == 1
    pending = admin_client.get(url, {"state": "pending"})
    assert len(pending.context["cl"].result_list) == 1
    expired = admin_client.get(url, {"state": "expired"})
    assert len(expired.context["cl"].result_list) == 0


def test_organisation_model_is_registered():
    assert Organisation in admin.site._registry
