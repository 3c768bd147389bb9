"""A POST on a pair or a programme outside the viewer's scope answers 404 and changes
nothing."""

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.models import Evaluation, Goal, MatchingRound, Meeting, Pair, PairEvent

pytestmark = pytest.mark.django_db
P = Pair.Status


@pytest.fixture
def pair(world):
    return Pair.objects.create(
        programme=world.programme,
        mentor=world.mentor,
        mentee=world.mentee,
        status=P.ACTIVE,
        origin=Pair.Origin.ROUND,
        started_at=timezone.now(),
    )


@pytest.mark.parametrize("who", ["other", "other_coordinator"])
@pytest.mark.parametrize(
    ("name", "extra", "data"),
    [
        ("mentoring:pair_action", {"action": "complete"}, {}),
        ("mentoring:pair_action", {"action": "end"}, {"comment": "Taken over"}),
        ("mentoring:meeting_log", {}, {"date": "2026-01-05", "minutes": 30, "notes": "x"}),
        ("mentoring:goal_add", {}, {"text": "Taken over", "progress": 10}),
        ("mentoring:feedback", {}, {"rating": 1, "text": "x"}),
        ("mentoring:award_badge", {}, {}),
        ("mentoring:endorse_badge", {}, {"comment": "x"}),
    ],
)
def test_an_outsider_cannot_act_on_a_pair(client, world, pair, who, name, extra, data):
    goal = Goal.objects.create(pair=pair, text="Learn welding")
    client.force_login(world.person(who))
    response = client.post(reverse(name, kwargs={"pk": pair.pk, **extra}), data)
    assert response.status_code == 404
    pair.refresh_from_db()
    assert pair.status == P.ACTIVE and pair.ended_at is None
    assert not PairEvent.objects.exists() and not Meeting.objects.exists()
    assert list(Goal.objects.values_list("text", flat=True)) == [goal.text]
    assert not pair.feedback.exists()


def test_an_outsider_cannot_change_a_goal(client, world, pair):
    goal = Goal.objects.create(pair=pair, text="Learn welding", progress=20)
    client.force_login(world.other_user)
    url = reverse("mentoring:goal_update", kwargs={"pk": pair.pk, "goal_pk": goal.pk})
    assert client.post(url, {"text": "Taken over", "progress": 90}).status_code == 404
    goal.refresh_from_db()
    assert (goal.text, goal.progress) == ("Learn welding", 20)


def test_someone_not_enrolled_cannot_evaluate_the_programme(client, world):
    client.force_login(world.other_coordinator)
    url = reverse("mentoring:evaluation", kwargs={"pk": world.programme.pk})
    assert client.post(url, {"rating": 1, "text": "x"}).status_code == 404
    assert not Evaluation.objects.exists()


@pytest.mark.parametrize("who", ["mentor", "other", "other_coordinator"])
def test_only_the_programmes_coordinators_run_matching_rounds(client, world, who):
    round_ = MatchingRound.objects.create(
        programme=world.programme,
        created_by=world.coordinator,
        proposals=[{"mentor": world.mentor.pk, "mentee": world.mentee.pk, "score": 50}],
        total_score=50,
    )
    client.force_login(world.person(who))
    pk = world.programme.pk
    assert client.post(reverse("mentoring:round_create", kwargs={"pk": pk})).status_code == 404
    for name in ("mentoring:round_remove", "mentoring:round_publish"):
        url = reverse(name, kwargs={"pk": pk, "round_pk": round_.pk})
        assert client.post(url, {"mentee": world.mentee.pk}).status_code == 404
    assert MatchingRound.objects.get() == round_
    round_.refresh_from_db()
    assert round_.status == MatchingRound.Status.PREVIEW and len(round_.proposals) == 1
    assert not Pair.objects.exists()


def test_the_coordinator_still_runs_a_round(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("mentoring:round_create", kwargs={"pk": world.programme.pk}))
    assert response.status_code == 302
    assert MatchingRound.objects.filter(programme=world.programme).count() == 1
