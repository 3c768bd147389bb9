import datetime

import pytest
from django.utils import timezone

from core.errors import DomainError
from core.models import AuditEntry
from notifications.models import Notification
from partners.models import Membership
from quality import services
from quality.models import (
    Finding,
    PeerReview,
    PeerReviewer,
    QualityArea,
    QualityCriterion,
    ReviewAction,
    ReviewRound,
    SelfAssessment,
)
from tests.factories import OrganisationFactory, member, staff

pytestmark = pytest.mark.django_db
R = Membership.Role
S = PeerReview.Status


@pytest.fixture
def world():
    organiser = OrganisationFactory(slug="network", kind="association")
    school = OrganisationFactory(slug="reviewed-school")
    peer_school = OrganisationFactory(slug="peer-school")
    review_round = ReviewRound.objects.create(
        title_en="Peer review 2027",
        organiser=organiser,
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
    )
    review_round.areas.set(
        QualityArea.objects.filter(slug__in=["guidance", "internationalisation"])
    )
    return {
        "round": review_round,
        "organiser": member(organiser, R.COORDINATOR, full_name="Olga Organiser"),
        "school": school,
        "school_coordinator": member(school, R.COORDINATOR, full_name="Sini Koulu"),
        "school_teacher": member(school, R.TEACHER),
        "lead": member(peer_school, R.COORDINATOR, full_name="Leo Lead"),
        "peer": member(peer_school, R.TEACHER, full_name="Pia Peer"),
    }


def make_review(world, status=S.PREPARATION, visit_on=None):
    review = PeerReview.objects.create(
        round=world["round"], school=world["school"], status=status, visit_on=visit_on
    )
    PeerReviewer.objects.create(review=review, user=world["lead"], role="lead")
    PeerReviewer.objects.create(review=review, user=world["peer"], role="member")
    return review


def criteria(world):
    return list(QualityCriterion.objects.filter(area__in=world["round"].areas.all()).order_by("pk"))


def test_the_network_has_quality_areas_with_criteria_in_six_languages():
    area = QualityArea.objects.get(slug="workplace-learning")
    assert area.name_lt == "Mokymasis darbo vietoje"
    assert area.criteria.count() == 3
    assert all(criterion.text_ru for criterion in area.criteria.all())


def test_a_coordinator_opens_a_round(client, world):
    client.force_login(world["organiser"])
    organiser = world["round"].organiser
    areas = list(QualityArea.objects.values_list("pk", flat=True)[:2])
    data = {
        "title": "Round 2028",
        "organiser": organiser.pk,
        "areas": areas,
        "starts_on": "2028-01-01",
        "ends_on": "2027-12-01",
        "description": "Kept text",
    }
    response = client.post("/en/partners/reviews/rounds/new/", data)
    assert "The end cannot be before the start." in response.content.decode()
    assert "Kept text" in response.content.decode()
    response = client.post("/en/partners/reviews/rounds/new/", {**data, "ends_on": "2028-12-31"})
    created = ReviewRound.objects.get(title_en="Round 2028")
    assert response["Location"] == created.get_absolute_url()
    assert sorted(created.areas.values_list("pk", flat=True)) == sorted(areas)


def test_the_organiser_adds_a_school_and_its_peer_team(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["organiser"])
    url = f"/en/partners/reviews/rounds/{world['round'].pk}/"
    data = {
        "school": world["school"].pk,
        "visit_on": "2027-03-10",
        "lead": world["lead"].pk,
        "members": [world["peer"].pk, world["school_teacher"].pk],
    }
    response = client.post(url, data)
    assert "work at the reviewed school" in response.content.decode()
    assert not PeerReview.objects.exists()
    data["members"] = [world["peer"].pk]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    review = PeerReview.objects.get()
    assert response["Location"] == review.get_absolute_url()
    assert sorted(review.team.values_list("user__full_name", "role")) == [
        ("Leo Lead", "lead"),
        ("Pia Peer", "member"),
    ]
    told = set(
        Notification.objects.filter(channel="in_app").values_list("recipient__full_name", "kind")
    )
    assert ("Leo Lead", "partners.review_team") in told
    assert ("Sini Koulu", "partners.review_started") in told
    again = client.post(url, data)
    assert "already reviewed in the round" in again.content.decode()


def test_the_school_drafts_then_submits_its_self_report(client, world):
    review = make_review(world)
    client.force_login(world["school_coordinator"])
    items = criteria(world)
    draft = {f"text_{c.pk}": f"About {c.pk}" for c in items}
    draft[f"level_{items[0].pk}"] = "3"
    url = f"/en/partners/reviews/{review.pk}/self-report/"
    client.post(url, {**draft, "save": ""})
    assert SelfAssessment.objects.get(review=review, criterion=items[0]).level == 3
    response = client.post(url, {**draft, "submit": ""})
    assert "Give a level for every criterion" in response.content.decode()
    assert f"About {items[-1].pk}" in response.content.decode()
    review.refresh_from_db()
    assert review.status == S.PREPARATION
    complete = {**draft, **{f"level_{c.pk}": "2" for c in items}}
    client.post(url, {**complete, "submit": ""})
    review.refresh_from_db()
    assert review.status == S.SELF_REPORTED and review.self_reported_at
    assert Notification.objects.filter(
        recipient=world["lead"], kind="partners.review_progress"
    ).exists()
    response = client.post(url, {**complete, "save": ""})
    assert "already been submitted" in response.content.decode()


def test_the_peer_team_reads_but_cannot_write_the_self_report(client, world):
    review = make_review(world)
    client.force_login(world["peer"])
    assert client.get(f"/en/partners/reviews/{review.pk}/").status_code == 200
    response = client.post(f"/en/partners/reviews/{review.pk}/self-report/", {"save": ""})
    assert response.status_code == 404


def test_the_visit_can_be_marked_done_by_the_lead_once_it_has_happened(client, world):
    review = make_review(world, status=S.SELF_REPORTED, visit_on=timezone.localdate())
    url = f"/en/partners/reviews/{review.pk}/status/"
    client.force_login(world["peer"])
    client.post(url, {"to": "visited"})
    review.refresh_from_db()
    assert review.status == S.SELF_REPORTED
    PeerReview.objects.filter(pk=review.pk).update(
        visit_on=timezone.localdate() + datetime.timedelta(days=1)
    )
    client.force_login(world["lead"])
    response = client.post(url, {"to": "visited"}, follow=True)
    assert "not in the future" in response.content.decode()
    PeerReview.objects.filter(pk=review.pk).update(visit_on=timezone.localdate())
    client.post(url, {"to": "visited"})
    review.refresh_from_db()
    assert review.status == S.VISITED


def test_the_team_writes_and_publishes_the_report(client, world):
    review = make_review(world, status=S.VISITED, visit_on=timezone.localdate())
    area = world["round"].areas.first()
    client.force_login(world["peer"])
    client.post(
        f"/en/partners/reviews/{review.pk}/findings/",
        {"area": area.pk, "kind": "recommendation", "text": "Write a welcome pack."},
    )
    outside = QualityArea.objects.exclude(pk__in=world["round"].areas.all()).first()
    response = client.post(
        f"/en/partners/reviews/{review.pk}/findings/",
        {"area": outside.pk, "kind": "strength", "text": "Kept finding"},
    )
    assert "Kept finding" in response.content.decode()
    assert review.findings.count() == 1
    client.force_login(world["lead"])
    response = client.post(
        f"/en/partners/reviews/{review.pk}/status/", {"to": "reported"}, follow=True
    )
    assert "Write the summary and at least one finding first." in response.content.decode()
    client.post(f"/en/partners/reviews/{review.pk}/summary/", {"summary": "Strong overall."})
    client.post(f"/en/partners/reviews/{review.pk}/status/", {"to": "reported"})
    review.refresh_from_db()
    assert review.status == S.REPORTED and review.reported_at
    assert Notification.objects.filter(
        recipient=world["school_coordinator"], kind="partners.review_report"
    ).exists()
    finding = review.findings.get()
    client.post(f"/en/partners/reviews/{review.pk}/findings/{finding.pk}/delete/")
    assert Finding.objects.filter(pk=finding.pk).exists()


def test_the_school_follows_up_and_closes(client, world):
    review = make_review(world, status=S.REPORTED)
    recommendation = Finding.objects.create(
        review=review,
        area=world["round"].areas.first(),
        kind="recommendation",
        text="Welcome pack",
    )
    client.force_login(world["school_coordinator"])
    url = f"/en/partners/reviews/{review.pk}/actions/"
    response = client.post(url, {"text": "Make the pack", "responsible": "", "due_on": ""})
    assert "This field is required." in response.content.decode()
    assert "Make the pack" in response.content.decode()
    client.post(
        url,
        {
            "recommendation": recommendation.pk,
            "text": "Make the pack",
            "responsible": "Sini",
            "due_on": "2027-06-01",
        },
    )
    action = ReviewAction.objects.get()
    assert action.recommendation == recommendation and action.state == "planned"
    response = client.post(
        f"/en/partners/reviews/{review.pk}/status/", {"to": "closed"}, follow=True
    )
    assert "every development action is done" in response.content.decode()
    client.post(f"/en/partners/reviews/{review.pk}/actions/{action.pk}/state/", {"state": "done"})
    action.refresh_from_db()
    assert action.state == "done"
    client.post(f"/en/partners/reviews/{review.pk}/status/", {"to": "closed"})
    review.refresh_from_db()
    assert review.status == S.CLOSED
    assert AuditEntry.objects.filter(action="partners.review.closed").exists()


def test_a_peer_cannot_plan_the_schools_actions(world):
    review = make_review(world, status=S.REPORTED)
    action = ReviewAction.objects.create(
        review=review, text="x", responsible="y", due_on=datetime.date(2027, 1, 1)
    )
    with pytest.raises(DomainError):
        services.action_set_state(actor=world["lead"], action=action, state="done")


def test_illegal_moves_are_refused(world):
    review = make_review(world)
    with pytest.raises(services.ReviewError, match="cannot be moved there"):
        services.review_transition(actor=world["organiser"], review=review, to="reported")


@pytest.mark.parametrize(
    ("status", "who", "code", "sees_self_report"),
    [
        (S.PREPARATION, "school_coordinator", 200, True),
        (S.PREPARATION, "lead", 200, True),
        (S.PREPARATION, "organiser", 200, True),
        (S.PREPARATION, "staff", 200, True),
        (S.PREPARATION, "outsider", 404, False),
        (S.PREPARATION, "anonymous", 302, False),
        (S.REPORTED, "outsider", 200, False),
        (S.REPORTED, "company_contact", 200, False),
        (S.REPORTED, "anonymous", 302, False),
    ],
)
def test_who_sees_a_review(client, world, status, who, code, sees_self_report):
    review = make_review(world, status=status)
    SelfAssessment.objects.create(
        review=review, criterion=criteria(world)[0], level=3, description="Secret self-talk"
    )
    people = {
        "school_coordinator": world["school_coordinator"],
        "lead": world["lead"],
        "organiser": world["organiser"],
        "staff": staff(),
        "outsider": member(OrganisationFactory(), R.TEACHER),
        "company_contact": member(OrganisationFactory(company=True), R.COMPANY_CONTACT),
    }
    if who in people:
        client.force_login(people[who])
    response = client.get(f"/en/partners/reviews/{review.pk}/")
    assert response.status_code == code
    if code == 200:
        assert ("Secret self-talk" in response.content.decode()) is sees_self_report


@pytest.mark.parametrize("count", [5, 50])
def test_round_page_query_count_is_fixed(client, world, count, django_assert_num_queries):
    for _n in range(count):
        review = PeerReview.objects.create(round=world["round"], school=OrganisationFactory())
        PeerReviewer.objects.create(review=review, user=world["lead"], role="lead")
    client.force_login(world["organiser"])
    client.get(f"/en/partners/reviews/rounds/{world['round'].pk}/")
    # user, roles, second factor; the round, its areas and criteria; reviews, their teams
    # and schools; the two reviewer lists of the add form; the session (notices: cache)
    with django_assert_num_queries(12):
        response = client.get(f"/en/partners/reviews/rounds/{world['round'].pk}/")
    assert len(response.context["reviews"]) == count


@pytest.mark.parametrize("count", [5, 50])
def test_review_home_query_count_is_fixed(client, world, count, django_assert_num_queries):
    for n in range(count):
        review_round = ReviewRound.objects.create(
            title_en=f"R{n}",
            organiser=world["round"].organiser,
            starts_on=datetime.date(2027, 1, 1),
            ends_on=datetime.date(2027, 2, 1),
        )
        review = PeerReview.objects.create(
            round=review_round, school=world["school"], status=S.REPORTED
        )
        PeerReviewer.objects.create(review=review, user=world["lead"], role="lead")
    client.force_login(world["lead"])
    client.get("/en/partners/reviews/")
    # session, user, roles, second factor; my reviews, rounds, reports (notices: cache)
    with django_assert_num_queries(7):
        client.get("/en/partners/reviews/")
