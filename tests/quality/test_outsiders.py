"""A review round or a peer review outside the viewer's scope, or outside their part in
it, answers 404, and a POST on it changes nothing: no row, no audit entry, no notice."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from partners.models import Membership
from quality.models import (
    Finding,
    PeerReview,
    PeerReviewer,
    QualityArea,
    ReviewAction,
    ReviewRound,
    SelfAssessment,
)
from tests.factories import OrganisationFactory, UserFactory, member
from tests.partners.test_outsiders import snapshot

pytestmark = pytest.mark.django_db
R = Membership.Role
S = PeerReview.Status
MODELS = (ReviewRound, PeerReview, PeerReviewer, SelfAssessment, Finding, ReviewAction)


@pytest.fixture
def world():
    organiser = OrganisationFactory(kind="association")
    school = OrganisationFactory()
    peer_school = OrganisationFactory()
    review_round = ReviewRound.objects.create(
        title_en="Peer review 2027",
        organiser=organiser,
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
    )
    review_round.areas.set(QualityArea.objects.filter(slug="guidance"))
    people = {
        "organiser": member(organiser, R.COORDINATOR),
        "school_coordinator": member(school, R.COORDINATOR),
        "lead": member(peer_school, R.COORDINATOR),
        "peer": member(peer_school, R.TEACHER),
        "other_coordinator": member(OrganisationFactory(), R.COORDINATOR),
    }
    return {"round": review_round, "school": school, "peer_school": peer_school, **people}


def make_review(world, status, school=None):
    review = PeerReview.objects.create(
        round=world["round"], school=school or world["school"], status=status
    )
    PeerReviewer.objects.create(review=review, user=world["lead"], role="lead")
    PeerReviewer.objects.create(review=review, user=world["peer"], role="member")
    return review


@pytest.mark.parametrize("who", ["other_coordinator", "school_coordinator", "lead"])
def test_only_the_organiser_edits_a_round_or_adds_schools_to_it(client, world, who):
    review_round = world["round"]
    edit = reverse("partners:round_edit", args=[review_round.pk])
    detail = reverse("partners:review_round", args=[review_round.pk])
    data = {
        "title": "Taken over",
        "organiser": review_round.organiser_id,
        "areas": list(review_round.areas.values_list("pk", flat=True)),
        "starts_on": "2027-01-01",
        "ends_on": "2027-12-31",
        "school": world["peer_school"].pk,
        "lead": world["lead"].pk,
    }
    before = snapshot(*MODELS)
    client.force_login(world[who])
    assert client.get(edit).status_code == 404
    assert client.post(edit, data).status_code == 404
    assert client.post(detail, data).status_code == 404
    assert snapshot(*MODELS) == before


def test_a_round_is_a_404_for_someone_outside_the_network(client, world):
    client.force_login(UserFactory())
    url = reverse("partners:review_round", args=[world["round"].pk])
    assert client.get(url).status_code == 404


def _posts(world, review):
    area = world["round"].areas.get()
    finding = Finding.objects.create(review=review, area=area, kind="strength", text="Good")
    action = ReviewAction.objects.create(
        review=review, text="Plan", responsible="Sini", due_on=datetime.date(2027, 6, 1)
    )
    criterion = area.criteria.first()
    return {
        "review_self_report": ([], {f"level_{criterion.pk}": "3", "submit": "1"}),
        "review_team": ([], {"visit_on": "2027-03-10", "lead": world["peer"].pk}),
        "review_finding": ([], {"area": area.pk, "kind": "strength", "text": "Taken over"}),
        "review_finding_delete": ([finding.pk], {}),
        "review_summary": ([], {"summary": "Taken over"}),
        "review_status": ([], {"to": S.SELF_REPORTED}),
        "review_action": ([], {"text": "Taken", "responsible": "Me", "due_on": "2027-06-01"}),
        "review_action_state": ([action.pk], {"state": ReviewAction.State.DONE}),
    }


#: Each POST, the status in which its rightful party could make it, and the people who
#: take no part in the review or not the part the POST needs.
CASES = [
    ("review_self_report", S.PREPARATION, ["other_coordinator", "lead", "peer", "organiser"]),
    ("review_team", S.PREPARATION, ["other_coordinator", "school_coordinator", "lead"]),
    ("review_finding", S.VISITED, ["other_coordinator", "school_coordinator", "organiser"]),
    ("review_finding_delete", S.VISITED, ["other_coordinator", "school_coordinator"]),
    ("review_summary", S.VISITED, ["other_coordinator", "school_coordinator", "organiser"]),
    ("review_status", S.PREPARATION, ["other_coordinator"]),
    ("review_action", S.REPORTED, ["other_coordinator", "lead", "peer", "organiser"]),
    ("review_action_state", S.REPORTED, ["other_coordinator", "lead", "peer"]),
]


@pytest.mark.parametrize(
    ("name", "status", "who"),
    [(name, status, who) for name, status, people in CASES for who in people],
)
def test_a_post_outside_ones_part_in_a_review_is_a_404(client, world, name, status, who):
    review = make_review(world, status)
    extra, data = _posts(world, review)[name]
    before = snapshot(*MODELS)
    client.force_login(world[who])
    assert (
        client.post(reverse(f"partners:{name}", args=[review.pk, *extra]), data).status_code == 404
    )
    assert snapshot(*MODELS) == before
    assert not mail.outbox


@pytest.mark.parametrize("name", ["review_finding_delete", "review_action_state"])
def test_a_row_of_another_review_is_a_404_through_ones_own(client, world, name):
    own = make_review(world, S.VISITED if name == "review_finding_delete" else S.REPORTED)
    elsewhere = make_review(world, own.status, school=OrganisationFactory())
    extra, data = _posts(world, elsewhere)[name]
    before = snapshot(*MODELS)
    client.force_login(world["lead" if name == "review_finding_delete" else "school_coordinator"])
    assert client.post(reverse(f"partners:{name}", args=[own.pk, *extra]), data).status_code == 404
    assert snapshot(*MODELS) == before


def test_a_review_in_preparation_is_a_404_for_someone_outside_it(client, world):
    review = make_review(world, S.PREPARATION)
    client.force_login(world["other_coordinator"])
    assert client.get(reverse("partners:review_detail", args=[review.pk])).status_code == 404
