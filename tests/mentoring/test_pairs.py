import datetime

import pytest
from django.core import mail
from django.utils import timezone

from core.errors import DomainError
from core.workflow import perform
from mentoring import services
from mentoring.errors import IllegalMove, MentoringError, NotAllowed
from mentoring.models import MatchingRound, Meeting, Pair, Programme
from mentoring.services import PAIRS

pytestmark = pytest.mark.django_db
P = Pair.Status


def pair_in(world, status, **fields):
    values = {
        "programme": world.programme,
        "mentor": world.mentor,
        "mentee": world.mentee,
        "status": status,
        "origin": Pair.Origin.ROUND,
    }
    values.update(fields)
    if status in (P.ACTIVE, P.COMPLETED):
        values.setdefault("started_at", timezone.now() - datetime.timedelta(days=30))
    return Pair.objects.create(**values)


def test_a_mentee_requests_and_the_mentor_accepts(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pair = services.pair_request(actor=world.mentee_user, mentor=world.mentor)
    assert pair.status == P.PROPOSED and pair.mentee_accepted_at is not None
    assert [m.to for m in mail.outbox] == [[world.mentor_user.email]]
    assert pair.explanation["skills"] == 40
    pair = perform(PAIRS, actor=world.mentor_user, obj=pair, action="accept")
    assert pair.status == P.ACCEPTED


def test_a_mentor_invites_and_the_mentee_accepts(world):
    pair = services.pair_invite(actor=world.mentor_user, mentee=world.mentee)
    assert perform(PAIRS, actor=world.mentee_user, obj=pair, action="accept").status == P.ACCEPTED


def test_a_round_proposal_needs_both_to_accept(world):
    pair = pair_in(world, P.PROPOSED)
    pair = perform(PAIRS, actor=world.mentor_user, obj=pair, action="accept")
    assert pair.status == P.PROPOSED
    pair = perform(PAIRS, actor=world.mentee_user, obj=pair, action="accept")
    assert pair.status == P.ACCEPTED


def test_a_request_to_a_mentor_at_capacity_is_refused(world):
    pair_in(world, P.ACTIVE, mentee=world.other)
    with pytest.raises(MentoringError) as error:
        services.pair_request(actor=world.mentee_user, mentor=world.mentor)
    assert error.value.code == "capacity"
    assert Pair.objects.count() == 1


def test_no_shared_language_is_refused(world):
    world.mentee.languages = ["lt"]
    world.mentee.save()
    with pytest.raises(MentoringError) as error:
        services.pair_request(actor=world.mentee_user, mentor=world.mentor)
    assert error.value.code == "language"


LEGAL = [
    ("decline", P.PROPOSED, "mentee", P.DECLINED),
    ("start", P.ACCEPTED, "coordinator", P.ACTIVE),
    ("complete", P.ACTIVE, "mentor", P.COMPLETED),
    ("end", P.ACTIVE, "staff", P.ENDED),
    ("end", P.ACCEPTED, "mentee", P.ENDED),
]


@pytest.mark.parametrize(("action", "start", "who", "end"), LEGAL)
def test_legal_moves(world, action, start, who, end):
    pair = pair_in(world, start)
    moved = perform(PAIRS, actor=world.person(who), obj=pair, action=action, comment="Moved away")
    assert moved.status == end
    assert moved.events.get().to_status == end


ILLEGAL = [
    (action, status)
    for action, sources in ((a, m.sources) for a, m in PAIRS.moves.items())
    for status in P.values
    if status not in sources
]


@pytest.mark.parametrize(("action", "start"), ILLEGAL)
def test_illegal_moves_are_refused(world, action, start):
    pair = pair_in(world, start)
    with pytest.raises(IllegalMove):
        perform(
            PAIRS,
            actor=world.staff if action not in ("accept", "decline") else world.mentor_user,
            obj=pair,
            action=action,
            comment="x",
        )


@pytest.mark.parametrize("who", ["other", "other_coordinator"])
def test_outsiders_cannot_move_a_pair(world, who):
    pair = pair_in(world, P.ACTIVE)
    with pytest.raises(NotAllowed):
        perform(PAIRS, actor=world.person(who), obj=pair, action="complete")


def test_only_the_pair_accepts_or_declines(world):
    pair = pair_in(world, P.PROPOSED)
    with pytest.raises(NotAllowed):
        perform(PAIRS, actor=world.coordinator, obj=pair, action="accept")


def test_a_side_that_has_accepted_cannot_accept_again(world):
    pair = pair_in(world, P.PROPOSED, mentor_accepted_at=timezone.now())
    with pytest.raises(NotAllowed):
        perform(PAIRS, actor=world.mentor_user, obj=pair, action="accept")
    assert not pair.events.exists()


def test_ending_early_needs_a_reason(world):
    pair = pair_in(world, P.ACTIVE)
    with pytest.raises(DomainError):
        perform(PAIRS, actor=world.mentor_user, obj=pair, action="end")


def test_the_first_meeting_starts_the_relationship(world):
    pair = pair_in(world, P.ACCEPTED)
    services.meeting_log(
        actor=world.mentee_user,
        pair=pair,
        date=timezone.localdate(),
        minutes=45,
        notes="Talked about welding.",
    )
    pair.refresh_from_db()
    assert pair.status == P.ACTIVE


def test_meetings_are_logged_by_the_pair_only_and_not_in_the_future(world):
    pair = pair_in(world, P.ACTIVE)
    with pytest.raises(NotAllowed):
        services.meeting_log(
            actor=world.coordinator, pair=pair, date=timezone.localdate(), minutes=30, notes=""
        )
    with pytest.raises(MentoringError):
        services.meeting_log(
            actor=world.mentor_user,
            pair=pair,
            date=timezone.localdate() + datetime.timedelta(days=1),
            minutes=30,
            notes="",
        )


def test_enrolment_after_the_window_is_refused(world):
    Programme.objects.filter(pk=world.programme.pk).update(
        enrol_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    world.programme.refresh_from_db()
    with pytest.raises(MentoringError) as error:
        services.enrol(
            actor=world.new_user(),
            programme=world.programme,
            data={"as_mentee": True, "languages": ["fi"]},
        )
    assert error.value.code == "closed"


@pytest.mark.parametrize("capacity", [-1, 0, 4])
def test_a_mentor_capacity_outside_the_programmes_limits_is_refused(world, capacity):
    with pytest.raises(MentoringError) as error:
        services.enrol(
            actor=world.new_user(),
            programme=world.programme,
            data={"as_mentor": True, "languages": ["fi"], "capacity": capacity},
        )
    assert error.value.code == "capacity"


def test_enrolling_needs_a_language_and_a_role(world):
    with pytest.raises(MentoringError):
        services.enrol(
            actor=world.new_user(),
            programme=world.programme,
            data={"as_mentor": True, "languages": []},
        )
    with pytest.raises(MentoringError):
        services.enrol(
            actor=world.new_user(), programme=world.programme, data={"languages": ["fi"]}
        )


def test_suggestions_rank_mentors_with_free_places(world):
    better = world.enrol(
        world.new_user(),
        as_mentor=True,
        skills_offered=["welding"],
        capacity=1,
        organisation=world.company,
    )
    world.enrol(world.new_user(), as_mentor=True, languages=["lt"])  # no shared language
    full = world.enrol(world.new_user(), as_mentor=True, skills_offered=["welding"], capacity=1)
    pair_in(world, P.ACTIVE, mentor=full, mentee=world.other)
    suggested = [mentor for mentor, _points in services.suggestions(world.mentee)]
    assert full not in suggested
    assert set(suggested) == {world.mentor, better}


def test_a_round_previews_the_optimum_and_publishes_proposals(world):
    round_ = services.round_preview(actor=world.coordinator, programme=world.programme)
    assert {(p["mentor"], p["mentee"]) for p in round_.proposals} == {
        (world.mentor.pk, world.mentee.pk)
    }
    assert services.round_publish(actor=world.coordinator, round_=round_) == 1
    assert Pair.objects.get().status == P.PROPOSED
    round_.refresh_from_db()
    assert round_.status == MatchingRound.Status.PUBLISHED
    with pytest.raises(IllegalMove):
        services.round_publish(actor=world.coordinator, round_=round_)


def test_the_coordinator_takes_a_pair_out_of_the_preview(world):
    round_ = services.round_preview(actor=world.coordinator, programme=world.programme)
    services.round_remove(actor=world.coordinator, round_=round_, mentee_id=world.mentee.pk)
    assert services.round_publish(actor=world.coordinator, round_=round_) == 0


def test_other_coordinators_cannot_run_rounds(world):
    with pytest.raises(NotAllowed):
        services.round_preview(actor=world.other_coordinator, programme=world.programme)


def test_quiet_pairs_alert_the_coordinators_once_a_week(world):
    from notifications.models import Notification

    pair = pair_in(world, P.ACTIVE)
    Meeting.objects.create(
        pair=pair, date=timezone.localdate() - datetime.timedelta(days=25), minutes=30
    )
    assert services.alert_quiet_pairs() >= 1
    services.alert_quiet_pairs()
    alerts = Notification.objects.filter(kind="mentoring.quiet_pair", channel="in_app")
    assert [n.recipient for n in alerts] == [world.coordinator]
    Meeting.objects.create(pair=pair, date=timezone.localdate(), minutes=30)
    assert not services.quiet_pairs().exists()


def test_reverse_mentoring_badge_and_endorsement(world):
    from worklife_passport.models import Award, Badge, Endorsement

    badge = Badge.objects.create(
        issuer=world.school, name_fi="Käänteinen mentori", criteria_fi="x", category="mentoring"
    )
    Programme.objects.filter(pk=world.programme.pk).update(kind="reverse", badge=badge)
    pair = pair_in(world, P.COMPLETED)
    with pytest.raises(NotAllowed):
        services.pair_endorse_badge(actor=world.mentee_user, pair=pair, comment="Great")
    services.pair_award_badge(actor=world.coordinator, pair=pair)
    assert Award.objects.get(badge=badge).recipient == world.mentor_user
    with pytest.raises(IllegalMove):
        services.pair_award_badge(actor=world.coordinator, pair=pair)
    services.pair_endorse_badge(actor=world.mentee_user, pair=pair, comment="Learnt a lot")
    assert Endorsement.objects.get(badge=badge).organisation == world.school


def test_feedback_comes_at_the_end(world):
    pair = pair_in(world, P.ACTIVE)
    with pytest.raises(IllegalMove):
        services.feedback_give(actor=world.mentor_user, pair=pair, rating=5, text="")
    pair = perform(PAIRS, actor=world.mentor_user, obj=pair, action="complete")
    services.feedback_give(actor=world.mentor_user, pair=pair, rating=5, text="Great")
    assert pair.feedback.get().rating == 5
