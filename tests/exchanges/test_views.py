import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from exchanges.models import Application, PlacementOffer, SavedSearch
from tests.factories import ApplicationFactory, OfferFactory, UserFactory

pytestmark = pytest.mark.django_db
S = Application.Status
PEOPLE = [
    "anonymous",
    "student",
    "other_student",
    "teacher",
    "coordinator",
    "other_coordinator",
    "host_contact",
    "other_company_contact",
    "staff",
]


def open_as(client, world, who, url, method="get", data=None):
    person = world.person(who)
    if person is not None:
        client.force_login(person)
    return getattr(client, method)(url, data or {})


# Who sees an application page, by its state.
SEES_SUBMITTED = {"student", "teacher", "coordinator", "staff"}
SEES_APPROVED = SEES_SUBMITTED | {"host_contact"}


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize(
    ("status", "viewers"), [(S.SUBMITTED, SEES_SUBMITTED), (S.APPROVED, SEES_APPROVED)]
)
def test_application_page_is_for_the_parties_only(client, world, who, status, viewers):
    application = world.application(status=status)
    if status == S.APPROVED:
        Application.objects.filter(pk=application.pk).update(approved_at=timezone.now())
    response = open_as(client, world, who, f"/en/exchanges/applications/{application.pk}/")
    if who == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if who in viewers else 404)


@pytest.mark.parametrize("who", PEOPLE)
def test_offer_list_and_published_offer_are_public(client, world, who):
    assert open_as(client, world, who, "/en/exchanges/").status_code == 200
    assert open_as(client, world, who, f"/en/exchanges/offers/{world.offer.pk}/").status_code == 200


@pytest.mark.parametrize("who", PEOPLE)
def test_a_draft_offer_is_seen_by_its_host_only(client, world, who):
    PlacementOffer.objects.filter(pk=world.offer.pk).update(status="draft")
    response = open_as(client, world, who, f"/en/exchanges/offers/{world.offer.pk}/")
    assert response.status_code == (200 if who in {"host_contact", "staff"} else 404)


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("student", 404),
        ("teacher", 404),
        ("coordinator", 200),
        ("other_coordinator", 200),
        ("host_contact", 200),
        ("other_company_contact", 200),
        ("staff", 200),
    ],
)
def test_queue_is_for_coordinators_and_hosts(client, world, who, status):
    assert open_as(client, world, who, "/en/exchanges/queue/").status_code == status


def test_queue_shows_only_the_viewers_own_applications(client, world):
    mine = world.application(status=S.SUBMITTED)
    elsewhere = ApplicationFactory(status=S.SUBMITTED, home=world.other_school)
    client.force_login(world.coordinator)
    rows = client.get("/en/exchanges/queue/").context["rows"]
    assert mine in rows and elsewhere not in rows


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("student", False),
        ("other_coordinator", False),
        ("host_contact", False),
        ("coordinator", True),
    ],
)
def test_only_the_home_coordinator_approves_through_the_page(client, world, who, allowed):
    application = world.application(status=S.SUBMITTED)
    open_as(client, world, who, f"/en/exchanges/applications/{application.pk}/approve/", "post")
    application.refresh_from_db()
    assert (application.status == S.APPROVED) is allowed


def test_an_illegal_move_through_the_page_is_explained(client, world):
    application = world.application(status=S.DRAFT)
    client.force_login(world.coordinator)
    response = client.post(f"/en/exchanges/applications/{application.pk}/approve/", follow=True)
    assert "This cannot be done while the application is" in response.content.decode()


def test_bulk_approve_and_return(client, world):
    first = world.application(status=S.SUBMITTED)
    second = world.application(status=S.SUBMITTED, applicant=world.other_student)
    client.force_login(world.coordinator)
    client.post("/en/exchanges/queue/bulk/", {"action": "approve", "selected": [first.pk]})
    first.refresh_from_db()
    assert first.status == S.APPROVED
    response = client.post(
        "/en/exchanges/queue/bulk/",
        {"action": "return", "selected": [second.pk], "comment": ""},
        follow=True,
    )
    second.refresh_from_db()
    assert second.status == S.SUBMITTED
    assert "Please write the reason" in response.content.decode()


def apply_form(world, **changes):
    data = {
        "home": world.school.pk,
        "motivation": "I want to learn restoration.",
        "language_skills": "English B2",
        "start_date": world.offer.start_date.isoformat(),
        "end_date": world.offer.end_date.isoformat(),
    }
    data.update(changes)
    return data


def test_student_applies_with_an_attachment(client, world):
    client.force_login(world.student)
    response = client.post(
        f"/en/exchanges/offers/{world.offer.pk}/apply/",
        {**apply_form(world), "attachment": SimpleUploadedFile("cv.pdf", b"%PDF-1.4 cv")},
    )
    application = Application.objects.get(applicant=world.student)
    assert response.status_code == 302
    assert application.status == S.DRAFT
    assert application.attachments.count() == 1


def test_dates_in_the_wrong_order_keep_what_was_typed(client, world):
    client.force_login(world.student)
    response = client.post(
        f"/en/exchanges/offers/{world.offer.pk}/apply/",
        apply_form(world, end_date=str(world.offer.start_date - datetime.timedelta(days=1))),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "The end date cannot be before the start date" in body
    assert "I want to learn restoration." in body
    assert not Application.objects.exists()


def test_an_oversized_attachment_is_refused_and_nothing_is_saved(client, world, settings):
    settings.ATTACHMENT_MAX_BYTES = 10
    client.force_login(world.student)
    response = client.post(
        f"/en/exchanges/offers/{world.offer.pk}/apply/",
        {**apply_form(world), "attachment": SimpleUploadedFile("cv.pdf", b"%PDF" + b"x" * 100)},
    )
    assert response.status_code == 200
    assert "The file is too large" in response.content.decode()
    assert not Application.objects.exists()


def test_a_wrong_type_attachment_is_refused(client, world):
    client.force_login(world.student)
    response = client.post(
        f"/en/exchanges/offers/{world.offer.pk}/apply/",
        {**apply_form(world), "attachment": SimpleUploadedFile("run.exe", b"MZ")},
    )
    assert response.status_code == 200
    assert not Application.objects.exists()


def test_a_company_contact_cannot_apply(client, world):
    client.force_login(world.host_contact)
    assert client.get(f"/en/exchanges/offers/{world.offer.pk}/apply/").status_code == 404


def test_posting_an_offer_with_a_past_deadline_shows_why(client, world):
    from tests.factories import SectorFactory

    sector = SectorFactory()
    client.force_login(world.host_contact)
    start = timezone.localdate() + datetime.timedelta(days=30)
    form = {
        "host": world.company.pk,
        "title": "Spring placement",
        "description": "Work with us",
        "sector": sector.pk,
        "form": "training_agreement",
        "city": "Tartu",
        "country": "EE",
        "start_date": start.isoformat(),
        "end_date": (start + datetime.timedelta(days=20)).isoformat(),
        "seats": 2,
        "deadline": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
    }
    response = client.post("/en/exchanges/offers/new/", form)
    offer = PlacementOffer.objects.get(title="Spring placement")
    assert response.status_code == 302
    published = client.post(f"/en/exchanges/offers/{offer.pk}/submit/", follow=True)
    assert "The application deadline is in the past" in published.content.decode()
    offer.refresh_from_db()
    assert offer.status == PlacementOffer.Status.DRAFT


@pytest.mark.parametrize("count", [5, 50])
def test_offer_list_query_count_does_not_grow(
    client, world, count, django_assert_num_queries, fresh_fragments
):
    for n in range(count):
        OfferFactory(host=world.company, country=["EE", "LT", "FI"][n % 3])
    # count, country counts, the page's keys, its rows (with host and sector) unless kept,
    # sector choices, the countries offers are in
    with django_assert_num_queries(6):
        response = client.get("/en/exchanges/")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 50])
def test_queue_query_count_does_not_grow(
    client, world, count, django_assert_num_queries, fresh_fragments
):
    for _n in range(count):
        ApplicationFactory(status=S.SUBMITTED, home=world.school, applicant=UserFactory())
    client.force_login(world.coordinator)
    client.get("/en/exchanges/queue/")
    # session, user, roles, MFA check, count, rows, their offers, agreements in force
    # (unread count: cache)
    with django_assert_num_queries(8):
        client.get("/en/exchanges/queue/")


@pytest.mark.parametrize("count", [5, 50])
def test_application_page_query_count_does_not_grow(
    client, world, count, django_assert_num_queries
):
    from exchanges.models import ApplicationComment, ApplicationEvent

    application = world.application(status=S.SUBMITTED)
    for n in range(count):
        ApplicationEvent.objects.create(
            application=application,
            actor=world.student,
            action="submit",
            from_status=S.DRAFT,
            to_status=S.SUBMITTED,
        )
        ApplicationComment.objects.create(
            application=application, author=world.coordinator, body=f"Comment {n}"
        )
    client.force_login(world.coordinator)
    client.get(f"/en/exchanges/applications/{application.pk}/")
    # session, user, roles, MFA check, application, agreement versions, history, comments,
    # attachments, agreements in force, overlapping periods (unread count: cache)
    with django_assert_num_queries(11):
        client.get(f"/en/exchanges/applications/{application.pk}/")


def test_saved_search_mails_new_matching_offers_once(client, world):
    from django.core import mail

    from exchanges.tasks import check_saved_searches
    from notifications.services import sweep

    client.force_login(world.student)
    client.post("/en/exchanges/searches/", {"name": "Estonia", "country": "EE"})
    search = SavedSearch.objects.get(user=world.student)
    assert search.query == {"country": "EE"}
    now = timezone.now()
    OfferFactory(host=world.company, country="EE", title="New in Tartu", published_at=now)
    OfferFactory(host=world.company, country="LT", title="New in Kaunas", published_at=now)
    assert check_saved_searches() == 1
    sweep()
    assert len(mail.outbox) == 1
    assert "New in Tartu" in mail.outbox[0].body and "Kaunas" not in mail.outbox[0].body
    assert check_saved_searches() == 0


def test_calendar_feed_lists_the_persons_exchanges(client, world):
    from exchanges.services.searches import calendar_feed_renew

    world.application(status=S.ACCEPTED)
    world.application(status=S.DRAFT, offer=OfferFactory(title="Not yet"))
    token = calendar_feed_renew(user=world.student)
    response = client.get(f"/feeds/exchanges/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.count("BEGIN:VEVENT") == 1
    assert world.offer.title in body
    assert client.get("/feeds/exchanges/not-a-token.ics").status_code == 404


def test_renewing_the_calendar_address_retires_the_old_one(client, world):
    from exchanges.services.searches import calendar_feed_renew

    old = calendar_feed_renew(user=world.student)
    client.force_login(world.student)
    client.post("/en/exchanges/calendar/renew/")
    assert client.get(f"/feeds/exchanges/{old}.ics").status_code == 404


def test_reminders_go_out_once_a_day(world):
    from exchanges.services.reminders import send_all
    from notifications.models import Notification

    application = world.application(status=S.SUBMITTED)
    Application.objects.filter(pk=application.pk).update(
        status_changed_at=timezone.now() - datetime.timedelta(days=30)
    )
    assert send_all() == 1
    send_all()
    reminders = Notification.objects.filter(kind="exchanges.reminder", channel="email")
    assert [n.recipient for n in reminders] == [world.coordinator]


def test_certificate_pdf_after_the_period(client, world):
    from exchanges.models import MobilityRecord

    application = world.application(status=S.COMPLETED)
    MobilityRecord.objects.create(application=application, skills_acquired="Käsityötaidot")
    client.force_login(world.student)
    response = client.get(f"/en/exchanges/applications/{application.pk}/certificate.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_dashboard_shows_the_coordinators_work(client, world):
    world.application(status=S.SUBMITTED)
    client.force_login(world.coordinator)
    body = client.get("/en/dashboard/").content.decode()
    assert "1 application to approve" in body


@pytest.mark.parametrize(
    ("who", "field", "allowed"),
    [
        ("host_contact", "host_rank", True),
        ("student", "student_rank", True),
        ("student", "host_rank", False),
        ("coordinator", "host_rank", False),
        ("host_contact", "student_rank", False),
    ],
)
def test_rankings_for_allocation(client, world, who, field, allowed):
    application = world.application(status=S.APPROVED)
    Application.objects.filter(pk=application.pk).update(approved_at=timezone.now())
    open_as(
        client,
        world,
        who,
        f"/en/exchanges/applications/{application.pk}/rank/",
        "post",
        {"field": field, "rank": "2"},
    )
    application.refresh_from_db()
    assert (getattr(application, field) == 2) is allowed


def test_a_ranking_outside_one_to_99_is_refused(client, world):
    application = world.application(status=S.APPROVED)
    client.force_login(world.student)
    response = client.post(
        f"/en/exchanges/applications/{application.pk}/rank/",
        {"field": "student_rank", "rank": "0"},
        follow=True,
    )
    assert "Give a number from 1 to 99" in response.content.decode()
    application.refresh_from_db()
    assert application.student_rank is None


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("student", 404),
        ("host_contact", 404),
        ("coordinator", 200),
        ("staff", 200),
    ],
)
def test_partnership_agreements_page(client, world, who, status):
    from exchanges.models import PartnershipAgreement

    mine = PartnershipAgreement.objects.create(
        title="Ours", valid_from=datetime.date(2026, 1, 1), valid_until=datetime.date(2028, 1, 1)
    )
    mine.parties.add(world.school, world.company)
    theirs = PartnershipAgreement.objects.create(
        title="Theirs", valid_from=datetime.date(2026, 1, 1), valid_until=datetime.date(2028, 1, 1)
    )
    theirs.parties.add(world.other_school)
    response = open_as(client, world, who, "/en/exchanges/agreements/")
    assert response.status_code == status
    if who == "coordinator":
        body = response.content.decode()
        assert "Ours" in body and "Theirs" not in body


def test_agreements_past_their_end_expire_and_stop_covering_exchanges(world):
    from exchanges.models import PartnershipAgreement
    from exchanges.selectors import applications_without_agreement
    from exchanges.services.reminders import expire_agreements

    today = timezone.localdate()
    agreement = PartnershipAgreement.objects.create(
        title="Old",
        status="active",
        valid_from=today - datetime.timedelta(days=400),
        valid_until=today - datetime.timedelta(days=1),
    )
    agreement.parties.add(world.school, world.company)
    application = world.application(status=S.SUBMITTED)
    assert applications_without_agreement([application]) == {application.pk}
    assert expire_agreements() == 1
    agreement.refresh_from_db()
    assert agreement.status == PartnershipAgreement.Status.EXPIRED
    PartnershipAgreement.objects.create(
        title="New", status="active", valid_from=today, valid_until=today
    ).parties.add(world.school, world.company)
    assert applications_without_agreement([application]) == set()


def test_completing_a_period_awards_the_offers_badges_in_one_step(client, world):
    from worklife_passport.models import Award, Badge

    badge = Badge.objects.create(
        issuer=world.school,
        name_fi="Restaurointi",
        name_en="Restoration",
        criteria_fi="x",
        category="sector",
    )
    foreign = Badge.objects.create(
        issuer=world.other_school, name_fi="Muu", criteria_fi="x", category="sector"
    )
    world.offer.badges.set([badge, foreign])
    application = world.application(status=S.COMPLETED)
    client.force_login(world.coordinator)
    page = client.get(f"/en/exchanges/applications/{application.pk}/")
    assert list(page.context["badge_form"].fields["badges"].queryset) == [badge]
    client.post(f"/en/exchanges/applications/{application.pk}/badges/", {"badges": [badge.pk]})
    award = Award.objects.get(recipient=world.student)
    assert (award.badge, award.source) == (badge, "exchange")
    client.post(f"/en/exchanges/applications/{application.pk}/badges/", {"badges": [foreign.pk]})
    assert Award.objects.filter(recipient=world.student).count() == 1


def test_badges_are_not_awarded_before_the_period_is_completed(client, world):
    from worklife_passport.models import Award, Badge

    badge = Badge.objects.create(
        issuer=world.school, name_fi="R", criteria_fi="x", category="sector"
    )
    world.offer.badges.set([badge])
    application = world.application(status=S.IN_PROGRESS)
    client.force_login(world.coordinator)
    client.post(f"/en/exchanges/applications/{application.pk}/badges/", {"badges": [badge.pk]})
    assert not Award.objects.exists()


def test_the_period_section_records_feedback_recognition_and_the_record(client, world):
    from exchanges.models import MobilityRecord

    application = world.application(status=S.COMPLETED)
    MobilityRecord.objects.create(application=application)
    url = f"/en/exchanges/applications/{application.pk}"
    client.force_login(world.student)
    bad = client.post(f"{url}/feedback/", {"rating": "9"}, follow=True)
    assert "Choose a rating from 1 to 5" in bad.content.decode()
    client.post(f"{url}/feedback/", {"rating": "4", "text": "Good period"})
    client.force_login(world.coordinator)
    client.post(f"{url}/mobility/", {"part_time_percent": "80", "instructor": "Mart"})
    client.post(f"{url}/recognise/", {"credits": "15", "units": "Unit 3"})
    record = MobilityRecord.objects.get(application=application)
    assert (record.participant_rating, record.part_time_percent, record.credits) == (4, 80, 15)
    application.refresh_from_db()
    assert application.status == S.RECOGNISED
