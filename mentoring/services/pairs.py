"""Pairs: how they are proposed (a request, an invitation, a round) and the workflow they
move through (``PAIRS``: accepted by both, started, completed or ended early)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import search
from core.audit import log_action
from core.workflow import Change, Move, Workflow, from_states
from notifications.services import notify, notify_many
from partners.models import lead_organisation_id

from .. import matching, rules
from ..errors import MentoringError
from ..models import Enrolment, Goal, Pair, PairEvent, Programme

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db.models import QuerySet

    from accounts.models import User

P = Pair.Status
PARTY = ("mentor", "mentee")
EITHER = ("mentor", "mentee", "coordinator")
#: The party of a side that has not accepted the proposal yet: only it can still accept.
AWAITED = "awaited"


def about(pair: Pair, **more: str) -> dict:
    """A notice's context: the pair's programme, its page and ``more``."""
    link = {"name": "mentoring:pair_detail", "kwargs": {"pk": pair.pk}}
    return {"programme": pair.programme.name, **more, "link": link}


# --- Proposing a pair ------------------------------------------------------------------


def places_taken(programme: Programme) -> dict[int, int]:
    return dict(
        Pair.objects.filter(programme=programme, status__in=Pair.HOLDING)
        .values_list("mentor_id")
        .annotate(count=Count("pk"))
    )


def busy_mentees(programme: Programme) -> set[int]:
    """The mentees who have a pair in the programme already."""
    return set(
        Pair.objects.filter(programme=programme, status__in=Pair.HOLDING).values_list(
            "mentee_id", flat=True
        )
    )


def check_pairable(mentor: Enrolment, mentee: Enrolment) -> dict:
    if mentor.programme_id != mentee.programme_id:
        raise MentoringError(_("Both must be in the same programme."), code="programme")
    if not mentor.as_mentor or not mentee.as_mentee:
        raise MentoringError(_("One must mentor and the other be mentored."), code="roles")
    points = matching.enrolment_points(mentor.programme, mentor, mentee)
    if points is None:
        raise MentoringError(
            _("You have no language in common, so you cannot be a pair."), code="language"
        )
    taken = Pair.objects.filter(mentor=mentor, status__in=Pair.HOLDING).count()
    if taken >= mentor.capacity:
        raise MentoringError(_("This mentor has no free places."), code="capacity")
    if Pair.objects.filter(mentor=mentor, mentee=mentee, status__in=Pair.HOLDING).exists():
        raise MentoringError(_("You are already a pair."), code="duplicate")
    return points


def create_pair(
    *, actor: User, mentor: Enrolment, mentee: Enrolment, origin: str, **accepted: Any
) -> Pair:
    """Propose the pair, if it can be one (``check_pairable``); ``accepted`` says who has
    accepted already."""
    points = check_pairable(mentor, mentee)
    pair = Pair.objects.create(
        programme=mentor.programme,
        mentor=mentor,
        mentee=mentee,
        origin=origin,
        score=matching.score(points),
        explanation=points,
        **accepted,
    )
    # A proposal is where the workflow begins, not a move: its history row is written here.
    PairEvent.objects.create(
        pair=pair, actor=actor, action="proposed", from_status=P.PROPOSED, to_status=P.PROPOSED
    )
    log_action(
        actor=actor,
        action="mentoring.pair.proposed",
        target=pair,
        organisation=lead_organisation_id(pair.programme.organisers),
        data={"from": P.PROPOSED, "to": P.PROPOSED},
    )
    for person in (mentor.user, mentee.user):
        if person.pk != getattr(actor, "pk", None):
            notify(
                kind="mentoring.pair_proposed",
                key=f"mentoring.proposed:{pair.pk}:{person.pk}",
                recipient=person,
                context=about(
                    pair, other=(mentee if person == mentor.user else mentor).user.full_name
                ),
            )
    return pair


def _ranked(
    enrolment: Enrolment, others: Iterable[Enrolment], *, mentors: bool, limit: int
) -> list[tuple[Enrolment, dict]]:
    """``others`` with the points of their pair with ``enrolment``, best first: as its
    mentors (``mentors``) or as its mentees."""
    programme = enrolment.programme
    me = matching.person(enrolment)
    ranked = []
    for other in others:
        them = matching.person(other)
        mentor, mentee = (them, me) if mentors else (me, them)
        points = matching.explain(mentor, mentee, programme.weights, programme.prefer_diversity)
        if points is not None:
            ranked.append((other, points))
    ranked.sort(key=lambda item: (-matching.score(item[1]), item[0].user.full_name))
    return ranked[:limit]


def _others(enrolment: Enrolment, text: str = "") -> QuerySet[Enrolment]:
    """The programme's other enrolments, narrowed in the query to those ``text`` finds."""
    return (
        search.text_search(
            Enrolment.objects.filter(programme=enrolment.programme).exclude(pk=enrolment.pk),
            text,
        )
        .select_related("user", "organisation")
        .prefetch_related("sectors")
    )


def suggestions(
    enrolment: Enrolment, limit: int = 3, text: str = ""
) -> list[tuple[Enrolment, dict]]:
    """The mentee's best possible mentors with free places, best first; with ``text``,
    only those whose profile it finds."""
    taken = places_taken(enrolment.programme)
    mentors = [
        mentor
        for mentor in _others(enrolment, text).filter(as_mentor=True)
        if taken.get(mentor.pk, 0) < mentor.capacity
    ]
    return _ranked(enrolment, mentors, mentors=True, limit=limit)


def mentees_to_invite(
    enrolment: Enrolment, limit: int = 5, text: str = ""
) -> list[tuple[Enrolment, dict]]:
    """For a mentor with free places: the best mentees who have no pair yet; with
    ``text``, only those whose profile it finds."""
    programme = enrolment.programme
    if places_taken(programme).get(enrolment.pk, 0) >= enrolment.capacity:
        return []
    mentees = (
        _others(enrolment, text).filter(as_mentee=True).exclude(pk__in=busy_mentees(programme))
    )
    return _ranked(enrolment, mentees, mentors=False, limit=limit)


@transaction.atomic
def pair_request(*, actor: User, mentor: Enrolment) -> Pair:
    """A mentee asks a mentor; the mentor still has to accept."""
    mentor = Enrolment.objects.select_for_update().select_related("programme").get(pk=mentor.pk)
    mentee = Enrolment.objects.filter(
        programme=mentor.programme, user=actor, as_mentee=True
    ).first()
    if mentee is None:
        raise MentoringError(_("Enrol as a mentee first."), code="not_enrolled")
    return create_pair(
        actor=actor,
        mentor=mentor,
        mentee=mentee,
        origin=Pair.Origin.REQUEST,
        mentee_accepted_at=timezone.now(),
    )


@transaction.atomic
def pair_invite(*, actor: User, mentee: Enrolment) -> Pair:
    """A mentor invites a mentee; the mentee still has to accept."""
    mentee = Enrolment.objects.select_related("programme").get(pk=mentee.pk)
    mentor = (
        Enrolment.objects.select_for_update()
        .filter(programme=mentee.programme, user=actor, as_mentor=True)
        .first()
    )
    if mentor is None:
        raise MentoringError(_("Enrol as a mentor first."), code="not_enrolled")
    return create_pair(
        actor=actor,
        mentor=mentor,
        mentee=mentee,
        origin=Pair.Origin.INVITATION,
        mentor_accepted_at=timezone.now(),
    )


# --- The workflow ------------------------------------------------------------------------

#: After an acceptance: one side has accepted and the other has not yet, or both have.
WAITING, BOTH = "waiting", "both"


def acceptance_outcome(pair: Pair) -> str:
    return BOTH if pair.mentor_accepted_at and pair.mentee_accepted_at else WAITING


def _lock(pair: Pair) -> Pair:
    return (
        Pair.objects.select_for_update(of=("self",))
        .select_related("programme", "mentor__user", "mentee__user")
        .get(pk=pair.pk)
    )


def _parties(actor: User | None, pair: Pair) -> frozenset[str]:
    parties = set()
    side = rules.side(actor, pair)
    if side is not None:
        parties.add(side)
        if getattr(pair, f"{side}_accepted_at") is None:
            parties.add(AWAITED)
    if rules.coordinates(actor, pair.programme):
        parties.add("coordinator")
    return frozenset(parties)


def _accept(change: Change[Pair]) -> None:
    """The acceptance needs both sides: the pair is accepted once the second one accepts."""
    pair = change.obj
    side = "mentor" if "mentor" in change.parties else "mentee"
    field = f"{side}_accepted_at"
    change.set(**{field: getattr(pair, field) or change.now})
    change.target = P.ACCEPTED if acceptance_outcome(pair) == BOTH else P.PROPOSED


def _started(change: Change[Pair]) -> None:
    change.set(started_at=change.now)


def _ended(change: Change[Pair]) -> None:
    change.set(ended_at=change.now, end_reason=change.comment)


def _first_goals(change: Change[Pair]) -> None:
    """Once both have accepted, the pair starts from the programme's goal template."""
    pair = change.obj
    if change.target != P.ACCEPTED or not pair.programme.goal_template:
        return
    for line in pair.programme.goal_template.splitlines():
        if line.strip():
            Goal.objects.create(pair=pair, text=line.strip()[:300])


def _notify(change: Change[Pair]) -> None:
    """The other side hears of the move (not when a first meeting started the pair)."""
    if change.extra.get("first_meeting"):
        return
    pair, action, actor = change.obj, change.move.action, change.actor
    notify_many(
        (pair.mentor.user, pair.mentee.user),
        kind="mentoring.pair_moved",
        key=f"mentoring.moved:{pair.pk}:{action}:{change.now:%s%f}",
        context=about(
            pair,
            status=pair.status,
            outcome=acceptance_outcome(pair) if action == "accept" else "",
            actor=actor.full_name if actor is not None else "",
            comment=change.comment,
        ),
        skip=actor,
    )


PAIRS: Workflow[Pair] = Workflow(
    name="mentoring.pair",
    moves={
        move.action: move
        for move in (
            Move(
                "accept",
                _("Accept"),
                None,
                from_states([P.PROPOSED], (AWAITED,)),
                prepare=_accept,
                after=_first_goals,
            ),
            Move(
                "decline",
                _("Decline"),
                P.DECLINED,
                from_states([P.PROPOSED], PARTY),
                button_style="button-secondary",
                prepare=_ended,
            ),
            Move(
                "start",
                _("Start"),
                P.ACTIVE,
                from_states([P.ACCEPTED], EITHER),
                button_style="button-secondary",
                prepare=_started,
            ),
            Move(
                "complete",
                _("Complete the mentoring"),
                P.COMPLETED,
                from_states([P.ACTIVE], EITHER),
                prepare=_ended,
            ),
            Move(
                "end",
                _("End early"),
                P.ENDED,
                from_states([P.ACCEPTED, P.ACTIVE], EITHER),
                needs_comment=True,
                comment_message=_("Please write the reason for ending."),
                button_style="button-danger",
                prepare=_ended,
            ),
        )
    },
    lock=_lock,
    parties=_parties,
    organisation=lambda pair: lead_organisation_id(pair.programme.organisers),
    illegal=_("This cannot be done while the pair is “%(status)s”."),
    history=PairEvent,
    history_field="pair",
    notify=_notify,
)
