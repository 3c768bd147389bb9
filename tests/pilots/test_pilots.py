import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from core.models import AuditEntry
from notifications.models import Notification
from partners.models import Membership
from pilots import services
from pilots.models import CallCriterion, PilotApplication, PilotCall, ProgressReport, Score
from tests.factories import OrganisationFactory, member, staff

pytestmark = pytest.mark.django_db
R = Membership.Role
A = PilotApplication.Status
UTC = datetime.UTC


@pytest.fixture
def world():
    organiser = OrganisationFactory(slug="network-office", kind="association")
    school = OrganisationFactory(slug="applicant-school")
    town = OrganisationFactory(slug="town", kind="public_body")
    reviewer_school = OrganisationFactory(slug="reviewer-school")
    return {
        "organiser": organiser,
        "manager": member(organiser, R.COORDINATOR, full_name="Mona Manager"),
        "school": school,
        "town": town,
        "applicant": member(school, R.COORDINATOR, full_name="Aapo Applicant"),
        "reviewer": member(reviewer_school, R.ADVISOR, full_name="Reija Reviewer"),
    }


def make_call(world, *, deadline=None, published=True, criteria=((3, 5), (1, 5))):
    call = PilotCall.objects.create(
        title_en="Pilots 2027",
        text_en="We fund pilots.",
        eligibility_en="Municipalities with schools.",
        organiser=world["organiser"],
        deadline=deadline or timezone.now() + datetime.timedelta(days=10),
        published_at=timezone.now() - datetime.timedelta(days=1) if published else None,
        created_by=world["manager"],
    )
    for position, (weight, max_score) in enumerate(criteria):
        CallCriterion.objects.create(
            call=call, position=position, text_en=f"C{position}", weight=weight, max_score=max_score
        )
    call.reviewers.add(world["reviewer"])
    return call


def make_application(world, call, status=A.SUBMITTED, title="Pilot", lead=None):
    application = PilotApplication.objects.create(
        call=call,
        title=title,
        lead=lead or world["school"],
        contact=world["applicant"],
        summary="s",
        objectives="o",
        work_plan="w",
        budget=Decimal("30000"),
        status=status,
        submitted_at=timezone.now() if status != A.DRAFT else None,
    )
    application.partners.add(world["town"])
    return application


def past_deadline(call):
    PilotCall.objects.filter(pk=call.pk).update(
        deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    call.refresh_from_db()


def application_data(world, **changes):
    data = {
        "title": "Company coaches",
        "lead": world["school"].pk,
        "partners": [world["town"].pk],
        "summary": "Coaches visit small firms.",
        "objectives": "30 new companies.",
        "work_plan": "Autumn to spring.",
        "budget": "35000",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_coordinator_opens_a_call_with_weighted_criteria(client, world):
    client.force_login(world["manager"])
    data = {
        "title": "Pilots 2028",
        "text": "Call text",
        "eligibility": "Groups",
        "organiser": world["organiser"].pk,
        "deadline": "2020-01-01T16:00",
        "budget": "",
        "criteria-TOTAL_FORMS": "2",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "1",
        "criteria-MAX_NUM_FORMS": "1000",
        "criteria-0-text": "Impact",
        "criteria-0-weight": "3",
        "criteria-0-max_score": "5",
        "criteria-1-text": "",
        "criteria-1-weight": "1",
        "criteria-1-max_score": "5",
    }
    response = client.post("/en/partners/pilots/calls/new/", data)
    assert "The deadline must be in the future." in response.content.decode()
    assert "Impact" in response.content.decode()
    response = client.post(
        "/en/partners/pilots/calls/new/", {**data, "deadline": "2031-03-31T16:00"}
    )
    call = PilotCall.objects.get()
    assert response["Location"] == call.get_absolute_url()
    # Entered in Finnish summer time (UTC+3): 16:00 in Helsinki is 13:00 UTC.
    assert call.deadline.astimezone(UTC).hour == 13
    assert [(c.text_en, c.weight) for c in call.criteria.all()] == [("Impact", 3)]
    assert call.phase == "draft"
    client.logout()
    assert client.get(call.get_absolute_url()).status_code == 404
    client.force_login(world["manager"])
    client.post(f"/en/partners/pilots/calls/{call.pk}/publish/")
    call.refresh_from_db()
    assert call.phase == "open"
    client.logout()
    assert client.get(call.get_absolute_url()).status_code == 200


def test_a_call_without_criteria_is_refused(client, world):
    client.force_login(world["manager"])
    response = client.post(
        "/en/partners/pilots/calls/new/",
        {
            "title": "No criteria",
            "text": "x",
            "eligibility": "y",
            "organiser": world["organiser"].pk,
            "deadline": "2031-03-31T16:00",
            "criteria-TOTAL_FORMS": "1",
            "criteria-INITIAL_FORMS": "0",
            "criteria-MIN_NUM_FORMS": "1",
            "criteria-MAX_NUM_FORMS": "1000",
            "criteria-0-text": "",
            "criteria-0-weight": "1",
            "criteria-0-max_score": "5",
        },
    )
    assert "Please submit at least 1 form." in response.content.decode()
    assert not PilotCall.objects.exists()


def test_a_group_applies_and_submits_before_the_deadline(client, world):
    call = make_call(world)
    client.force_login(world["applicant"])
    response = client.post(
        f"/en/partners/pilots/calls/{call.pk}/apply/",
        application_data(world, partners=[world["school"].pk]),
    )
    assert "The lead applicant is not also a partner." in response.content.decode()
    client.post(f"/en/partners/pilots/calls/{call.pk}/apply/", application_data(world))
    application = PilotApplication.objects.get()
    assert (application.status, application.contact) == (A.DRAFT, world["applicant"])
    client.post(f"/en/partners/pilots/{application.pk}/submit/")
    application.refresh_from_db()
    assert application.status == A.SUBMITTED and application.submitted_at
    assert Notification.objects.filter(
        recipient=world["manager"], kind="partners.pilot_submitted"
    ).exists()
    assert AuditEntry.objects.filter(action="partners.pilot.submitted").exists()


@pytest.mark.parametrize(("offset", "accepted"), [(-1, True), (0, False), (1, False)])
def test_the_deadline_is_enforced_to_the_second(world, monkeypatch, offset, accepted):
    deadline = datetime.datetime(2027, 3, 31, 13, 0, tzinfo=UTC)  # 16:00 in Helsinki
    call = make_call(world, deadline=deadline)
    application = make_application(world, call, status=A.DRAFT)
    monkeypatch.setattr(timezone, "now", lambda: deadline + datetime.timedelta(seconds=offset))
    if accepted:
        services.application_submit(actor=world["applicant"], application=application)
        application.refresh_from_db()
        assert application.status == A.SUBMITTED
    else:
        with translation.override("fi"), pytest.raises(services.PilotError) as error:
            services.application_submit(actor=world["applicant"], application=application)
        assert "31.3.2027 klo 16.00" in str(error.value.message)
        application.refresh_from_db()
        assert application.status == A.DRAFT


def test_after_the_deadline_nothing_changes_and_the_message_is_clear(client, world):
    call = make_call(world)
    application = make_application(world, call, status=A.DRAFT)
    past_deadline(call)
    client.force_login(world["applicant"])
    response = client.post(f"/en/partners/pilots/{application.pk}/submit/", follow=True)
    assert "The deadline passed on" in response.content.decode()
    response = client.post(
        f"/en/partners/pilots/{application.pk}/edit/", application_data(world, title="Late")
    )
    assert "The deadline passed on" in response.content.decode()
    response = client.post(
        f"/en/partners/pilots/calls/{call.pk}/apply/", application_data(world, title="New")
    )
    assert "The deadline passed on" in response.content.decode()
    response = client.post(
        f"/en/partners/pilots/{application.pk}/attachments/",
        {"title": "Plan", "file": SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan")},
    )
    assert "The deadline passed on" in response.content.decode()
    application.refresh_from_db()
    assert (application.status, application.title) == (A.DRAFT, "Pilot")
    assert PilotApplication.objects.count() == 1 and not application.attachments.exists()


def test_attachments_are_checked_and_served_to_the_right_people(client, world):
    call = make_call(world)
    application = make_application(world, call, status=A.DRAFT)
    client.force_login(world["applicant"])
    url = f"/en/partners/pilots/{application.pk}/attachments/"
    response = client.post(
        url, {"title": "Budget", "file": SimpleUploadedFile("budget.pdf", b"MZ not a pdf")}
    )
    assert "does not match its type" in response.content.decode()
    client.post(url, {"title": "Budget", "file": SimpleUploadedFile("budget.pdf", b"%PDF-1.4 b")})
    attachment = application.attachments.get()
    download = f"/en/partners/pilots/{application.pk}/attachments/{attachment.pk}/"
    response = client.get(download)
    assert b"".join(response.streaming_content) == b"%PDF-1.4 b"
    client.force_login(world["reviewer"])
    response = client.get(download)
    assert b"".join(response.streaming_content) == b"%PDF-1.4 b"
    client.force_login(member(OrganisationFactory(), R.COORDINATOR))
    assert client.get(download).status_code == 404


@pytest.mark.parametrize(
    ("who", "can_apply"),
    [("school_coordinator", True), ("company_contact", False), ("teacher", False)],
)
def test_who_may_apply(client, world, who, can_apply):
    call = make_call(world)
    company = OrganisationFactory(company=True)
    people = {
        "school_coordinator": world["applicant"],
        "company_contact": member(company, R.COMPANY_CONTACT),
        "teacher": member(world["school"], R.TEACHER),
    }
    client.force_login(people[who])
    assert client.get(f"/en/partners/pilots/calls/{call.pk}/apply/").status_code == (
        200 if can_apply else 404
    )


def test_reviewers_score_after_the_deadline_and_not_their_own_group(client, world):
    call = make_call(world)
    application = make_application(world, call)
    criteria = list(call.criteria.all())
    scores = {criteria[0]: (4, "Good"), criteria[1]: (2, "")}
    with pytest.raises(services.PilotError, match="after the deadline"):
        services.scores_save(actor=world["reviewer"], application=application, scores=scores)
    past_deadline(call)
    client.force_login(world["reviewer"])
    data = {f"score_{c.pk}": s for c, (s, _comment) in scores.items()}
    data[f"score_{criteria[0].pk}"] = "9"
    response = client.post(f"/en/partners/pilots/{application.pk}/score/", data)
    assert "Select a valid choice" in response.content.decode()
    data[f"score_{criteria[0].pk}"] = "4"
    client.post(f"/en/partners/pilots/{application.pk}/score/", data)
    assert sorted(Score.objects.values_list("score", flat=True)) == [2, 4]
    insider = member(world["town"], R.ADVISOR)
    call.reviewers.add(insider)
    with pytest.raises(services.PilotError, match="own organisation"):
        services.scores_save(actor=insider, application=application, scores=scores)


def test_the_ranked_list_weighs_the_mean_scores(client, world):
    call = make_call(world, criteria=((3, 5), (1, 10)))
    strong = make_application(world, call, title="Strong")
    weak = make_application(world, call, title="Weak")
    unscored = make_application(world, call, title="Unscored")
    make_application(world, call, status=A.DRAFT, title="Never sent")
    past_deadline(call)
    first, second = call.criteria.all()
    other = member(OrganisationFactory(), R.ADVISOR)
    call.reviewers.add(other)
    services.scores_save(
        actor=world["reviewer"], application=strong, scores={first: (5, ""), second: (10, "")}
    )
    services.scores_save(actor=other, application=strong, scores={first: (3, ""), second: (6, "")})
    services.scores_save(
        actor=world["reviewer"], application=weak, scores={first: (1, ""), second: (5, "")}
    )
    client.force_login(world["manager"])
    rows = client.get(f"/en/partners/pilots/calls/{call.pk}/ranking/").context["rows"]
    assert [(row["rank"], row["application"].title) for row in rows] == [
        (1, "Strong"),
        (2, "Weak"),
        (None, "Unscored"),
    ]
    # Strong: (3 * 4/5 + 1 * 8/10) / 4 * 100 = 80; Weak: (3 * 1/5 + 1 * 5/10) / 4 * 100 = 27.5
    assert [row["total"] for row in rows[:2]] == [pytest.approx(80), pytest.approx(27.5)]
    assert rows[0]["application"].reviewers == 2
    export = client.get(f"/en/partners/pilots/calls/{call.pk}/ranking/", {"format": "csv"})
    table = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert table[1][:5] == ["1", "Strong", strong.lead.name, "30000.00", "80.0"]
    assert unscored.pk


def test_the_ranked_list_csv_neutralises_titles_and_keeps_scores_as_numbers(client, world):
    call = make_call(world, criteria=((1, 3),))
    application = make_application(world, call, title="-1+cmd|' /C calc'!A0")
    past_deadline(call)
    services.scores_save(
        actor=world["reviewer"], application=application, scores={call.criteria.get(): (2, "")}
    )
    client.force_login(world["manager"])
    export = client.get(f"/en/partners/pilots/calls/{call.pk}/ranking/", {"format": "csv"})
    table = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert table[1][:2] == ["1", "'-1+cmd|' /C calc'!A0"]
    # 2 of 3 points: 66.7 out of 100, and the criterion's mean 2.00.
    assert table[1][4] == "66.7" and table[1][6] == "2.00"


def test_the_organiser_decides_and_the_applicant_hears(client, world):
    call = make_call(world)
    application = make_application(world, call)
    client.force_login(world["manager"])
    url = f"/en/partners/pilots/{application.pk}/decide/"
    response = client.post(url, {"decision": "funded", "note": "Strong group"})
    assert "past" not in response.content.decode()
    application.refresh_from_db()
    assert application.status == A.SUBMITTED  # the form is only there after the deadline
    past_deadline(call)
    response = client.post(url, {"decision": "funded", "note": "Strong group"})
    assert "Give the amount granted." in response.content.decode()
    assert "Strong group" in response.content.decode()
    client.post(url, {"decision": "funded", "granted": "28000", "note": "Strong group"})
    application.refresh_from_db()
    assert (application.status, application.granted) == (A.FUNDED, Decimal("28000"))
    note = Notification.objects.get(
        recipient=world["applicant"], kind="partners.pilot_decision", channel="in_app"
    )
    assert note.context["funded"] is True
    response = client.post(url, {"decision": "rejected", "note": "Changed mind"}, follow=True)
    application.refresh_from_db()
    assert application.status == A.FUNDED
    client.post(f"/en/partners/pilots/calls/{call.pk}/close/")
    call.refresh_from_db()
    assert call.phase == "closed"


def test_a_call_is_closed_only_when_every_application_is_decided(world):
    call = make_call(world)
    make_application(world, call)
    past_deadline(call)
    with pytest.raises(services.PilotError, match="Decide on every application"):
        services.call_close(actor=world["manager"], call=call)


def test_funded_pilots_report_progress(client, world):
    call = make_call(world)
    application = make_application(world, call, status=A.REJECTED)
    client.force_login(world["applicant"])
    data = {"period": "Autumn 2027", "text": "Six companies joined.", "next_steps": ""}
    response = client.post(f"/en/partners/pilots/{application.pk}/progress/", data)
    assert "funded pilots" in response.content.decode()
    PilotApplication.objects.filter(pk=application.pk).update(status=A.FUNDED)
    client.post(f"/en/partners/pilots/{application.pk}/progress/", data)
    report = ProgressReport.objects.get()
    assert (report.period, report.submitted_by) == ("Autumn 2027", world["applicant"])
    assert Notification.objects.filter(
        recipient=world["manager"], kind="partners.pilot_progress"
    ).exists()


def test_unsent_drafts_are_reminded_once_before_the_deadline(world):
    call = make_call(world, deadline=timezone.now() + datetime.timedelta(days=2))
    make_application(world, call, status=A.DRAFT)
    make_application(world, call, status=A.SUBMITTED)
    far = make_call(world, deadline=timezone.now() + datetime.timedelta(days=20))
    make_application(world, far, status=A.DRAFT)
    assert services.send_deadline_reminders() == 1
    services.send_deadline_reminders()
    assert (
        Notification.objects.filter(kind="partners.pilot_deadline", channel="in_app").count() == 1
    )


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("applicant", 200),
        ("manager", 200),
        ("reviewer", 200),
        ("partner_coordinator", 200),
        ("staff", 200),
        ("outsider", 404),
        ("anonymous", 302),
    ],
)
def test_who_sees_an_application(client, world, who, status):
    application = make_application(world, make_call(world))
    people = {
        "applicant": world["applicant"],
        "manager": world["manager"],
        "reviewer": world["reviewer"],
        "partner_coordinator": member(world["town"], R.COORDINATOR),
        "staff": staff(),
        "outsider": member(OrganisationFactory(), R.COORDINATOR),
    }
    if who in people:
        client.force_login(people[who])
    assert client.get(f"/en/partners/pilots/{application.pk}/").status_code == status


@pytest.mark.parametrize("count", [5, 50])
def test_call_list_query_count_is_fixed(client, world, count, django_assert_num_queries):
    for _n in range(count):
        make_application(world, make_call(world))
    client.force_login(world["applicant"])
    client.get("/en/partners/pilots/")
    with django_assert_num_queries(6):
        response = client.get("/en/partners/pilots/")
    assert len(response.context["calls"]) == count


@pytest.mark.parametrize("count", [5, 50])
def test_ranking_query_count_is_fixed(client, world, count, django_assert_num_queries):
    call = make_call(world)
    applications = [make_application(world, call, title=f"P{n}") for n in range(count)]
    past_deadline(call)
    for application in applications:
        services.scores_save(
            actor=world["reviewer"],
            application=application,
            scores=dict.fromkeys(call.criteria.all(), (3, "")),
        )
    client.force_login(world["manager"])
    client.get(f"/en/partners/pilots/calls/{call.pk}/ranking/")
    with django_assert_num_queries(10):
        client.get(f"/en/partners/pilots/calls/{call.pk}/ranking/")
