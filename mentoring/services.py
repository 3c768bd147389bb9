"""Writes in mentoring: enrolment, pairing, the relationship, matching rounds."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from notifications.services import notify
from partners import rules as partner_rules

from . import matching, rules
from .errors import IllegalMove, MentoringError, NotAllowed
from .models import (
    Enrolment,
    Evaluation,
    Feedback,
    Goal,
    MatchingRound,
    Meeting,
    Pair,
    PairEvent,
    Programme,
)

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from django.db.models import QuerySet

    from accounts.models import User
    from mentoring.matching import Person
    from partners.models import Sector
    from worklife_passport.models import Award, Endorsement

P = Pair.Status
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def _link(pair: Pair) -> dict:
    return {"name": "mentoring:pair_detail", "kwargs": {"pk": pair.pk}}


# --- Enrolment ---------------------------------------------------------------------


def _clean_enrolment(programme: Programme, data: dict) -> dict:
    if not (data.get("as_mentor") or data.get("as_mentee")):
        raise MentoringError(_("Enrol as a mentor, a mentee or both."), code="role")
    languages = [code for code in data.get("languages", []) if code]
    if not languages:
        raise MentoringError(_("Choose at least one language you can use."), code="languages")
    if set(languages) - LANGUAGE_CODES:
        raise MentoringError(_("Choose the languages from the list."), code="languages")
    capacity = data.get("capacity", programme.default_capacity)
    if capacity is None or capacity < 0:
        raise MentoringError(_("The number of mentees cannot be below zero."), code="capacity")
    if data.get("as_mentor") and not 1 <= capacity <= programme.max_capacity:
        raise MentoringError(
            _("A mentor takes from 1 to %(max)s mentees in this programme.")
            % {"max": programme.max_capacity},
            code="capacity",
        )
    months = [int(m) for m in data.get("months", [])]
    if any(not 1 <= m <= 12 for m in months):
        raise MentoringError(_("Months are numbered from 1 to 12."), code="months")
    return {**data, "languages": languages, "months": months, "capacity": capacity or 0}


_ENROLMENT_FIELDS = (
    "as_mentor",
    "as_mentee",
    "skills_offered",
    "skills_wanted",
    "languages",
    "region",
    "remote_ok",
    "months",
    "capacity",
    "goals",
    "introduction",
    "organisation",
)


@transaction.atomic
def enrol(
    *, actor: User, programme: Programme, data: dict, sectors: Iterable[Sector] = ()
) -> Enrolment:
    if not programme.enrolment_open:
        raise MentoringError(_("Enrolment to this programme is closed."), code="closed")
    if Enrolment.objects.filter(programme=programme, user=actor).exists():
        raise MentoringError(_("You are already enrolled in this programme."), code="enrolled")
    data = _clean_enrolment(programme, data)
    organisation = data.get("organisation")
    if organisation is not None and not partner_rules.is_member(actor, organisation):
        raise NotAllowed
    enrolment = Enrolment.objects.create(
        programme=programme,
        user=actor,
        **{f: data[f] for f in _ENROLMENT_FIELDS if f in data},
    )
    enrolment.sectors.set(sectors)
    log_action(
        actor=actor, action="mentoring.enrolled", target=enrolment, organisation=organisation
    )
    return enrolment


@transaction.atomic
def enrolment_update(
    *, actor: User, enrolment: Enrolment, data: dict, sectors: Iterable[Sector] | None = None
) -> Enrolment:
    if enrolment.user_id != actor.pk:
        raise NotAllowed
    data = _clean_enrolment(enrolment.programme, data)
    if data.get("as_mentor"):
        holding = enrolment.as_mentor_pairs.filter(status__in=Pair.HOLDING).count()
        if data["capacity"] < holding:
            raise MentoringError(
                _("You already have %(count)s mentees; the number cannot be lower.")
                % {"count": holding},
                code="capacity",
            )
    changed = [f for f in _ENROLMENT_FIELDS if f in data and getattr(enrolment, f) != data[f]]
    for field in changed:
        setattr(enrolment, field, data[field])
    if changed:
        enrolment.save(update_fields=changed)
    if sectors is not None:
        enrolment.sectors.set(sectors)
    return enrolment


# --- Pairing -------------------------------------------------------------------------


def places_taken(programme: Programme) -> dict[int, int]:
    return dict(
        Pair.objects.filter(programme=programme, status__in=Pair.HOLDING)
        .values_list("mentor_id")
        .annotate(count=Count("pk"))
    )


def _check_pairable(mentor: Enrolment, mentee: Enrolment) -> dict:
    if mentor.programme_id != mentee.programme_id:
        raise MentoringError(_("Both must be in the same programme."), code="programme")
    if not mentor.as_mentor or not mentee.as_mentee:
        raise MentoringError(_("One must mentor and the other be mentored."), code="roles")
    programme = mentor.programme
    points = matching.explain(
        matching.person(mentor),
        matching.person(mentee),
        programme.weights,
        programme.prefer_diversity,
    )
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


def _event(pair: Pair, actor: User, action: str, before: str, comment: str = "") -> None:
    PairEvent.objects.create(
        pair=pair,
        actor=actor,
        action=action,
        from_status=before,
        to_status=pair.status,
        comment=comment,
    )
    log_action(
        actor=actor,
        action=f"mentoring.pair.{action}",
        target=pair,
        organisation=pair.programme.lead_organiser_id(),
        data={"from": before, "to": pair.status},
    )


def _create_pair(
    *, actor: User, mentor: Enrolment, mentee: Enrolment, origin: str, points: dict, **accepted: Any
) -> Pair:
    pair = Pair.objects.create(
        programme=mentor.programme,
        mentor=mentor,
        mentee=mentee,
        origin=origin,
        score=matching.score(points),
        explanation=points,
        **accepted,
    )
    _event(pair, actor, "proposed", P.PROPOSED)
    for person in (mentor.user, mentee.user):
        if person.pk != getattr(actor, "pk", None):
            notify(
                kind="mentoring.pair_proposed",
                key=f"mentoring.proposed:{pair.pk}:{person.pk}",
                recipient=person,
                context={
                    "programme": mentor.programme.name,
                    "other": (mentee if person == mentor.user else mentor).user.full_name,
                    "link": _link(pair),
                },
            )
    return pair


def suggestions(enrolment: Enrolment, limit: int = 3) -> list[tuple[Enrolment, dict]]:
    """The mentee's best possible mentors with free places, best first."""
    programme = enrolment.programme
    taken = places_taken(programme)
    mentors = list(
        Enrolment.objects.filter(programme=programme, as_mentor=True)
        .exclude(pk=enrolment.pk)
        .select_related("user", "organisation")
        .prefetch_related("sectors")
    )
    me = matching.person(enrolment, [s.pk for s in enrolment.sectors.all()])
    ranked = []
    for mentor in mentors:
        if taken.get(mentor.pk, 0) >= mentor.capacity:
            continue
        points = matching.explain(
            matching.person(mentor, [s.pk for s in mentor.sectors.all()]),
            me,
            programme.weights,
            programme.prefer_diversity,
        )
        if points is not None:
            ranked.append((mentor, points))
    ranked.sort(key=lambda item: (-matching.score(item[1]), item[0].user.full_name))
    return ranked[:limit]


def mentees_to_invite(enrolment: Enrolment, limit: int = 5) -> list[tuple[Enrolment, dict]]:
    """For a mentor with free places: the best mentees who have no pair yet."""
    programme = enrolment.programme
    if places_taken(programme).get(enrolment.pk, 0) >= enrolment.capacity:
        return []
    busy = set(
        Pair.objects.filter(programme=programme, status__in=Pair.HOLDING).values_list(
            "mentee_id", flat=True
        )
    )
    me = matching.person(enrolment, [s.pk for s in enrolment.sectors.all()])
    ranked = []
    for mentee in (
        Enrolment.objects.filter(programme=programme, as_mentee=True)
        .exclude(pk=enrolment.pk)
        .exclude(pk__in=busy)
        .select_related("user", "organisation")
        .prefetch_related("sectors")
    ):
        points = matching.explain(
            me,
            matching.person(mentee, [s.pk for s in mentee.sectors.all()]),
            programme.weights,
            programme.prefer_diversity,
        )
        if points is not None:
            ranked.append((mentee, points))
    ranked.sort(key=lambda item: (-matching.score(item[1]), item[0].user.full_name))
    return ranked[:limit]


@transaction.atomic
def pair_request(*, actor: User, mentor: Enrolment) -> Pair:
    """A mentee asks a mentor; the mentor still has to accept."""
    mentor = Enrolment.objects.select_for_update().select_related("programme").get(pk=mentor.pk)
    mentee = Enrolment.objects.filter(
        programme=mentor.programme, user=actor, as_mentee=True
    ).first()
    if mentee is None:
        raise MentoringError(_("Enrol as a mentee first."), code="not_enrolled")
    points = _check_pairable(mentor, mentee)
    return _create_pair(
        actor=actor,
        mentor=mentor,
        mentee=mentee,
        origin=Pair.Origin.REQUEST,
        points=points,
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
    points = _check_pairable(mentor, mentee)
    return _create_pair(
        actor=actor,
        mentor=mentor,
        mentee=mentee,
        origin=Pair.Origin.INVITATION,
        points=points,
        mentor_accepted_at=timezone.now(),
    )


MOVES = {
    # action: (from states, to state, who: "party" | "coordinator" | "either")
    "accept": ((P.PROPOSED,), None, "party"),
    "decline": ((P.PROPOSED,), P.DECLINED, "party"),
    "start": ((P.ACCEPTED,), P.ACTIVE, "either"),
    "complete": ((P.ACTIVE,), P.COMPLETED, "either"),
    "end": ((P.ACCEPTED, P.ACTIVE), P.ENDED, "either"),
}


#: After an acceptance: one side has accepted and the other has not yet, or both have.
WAITING, BOTH = "waiting", "both"


def acceptance_outcome(pair: Pair) -> str:
    return BOTH if pair.mentor_accepted_at and pair.mentee_accepted_at else WAITING


@transaction.atomic
def pair_transition(*, actor: User, pair: Pair, action: str, comment: str = "") -> Pair:
    if action not in MOVES:
        raise IllegalMove(_("Unknown action."), code="unknown")
    pair = (
        Pair.objects.select_for_update(of=("self",))
        .select_related("programme", "mentor__user", "mentee__user")
        .get(pk=pair.pk)
    )
    sources, target, who = MOVES[action]
    if pair.status not in sources:
        raise IllegalMove(
            _("This cannot be done while the pair is “%(status)s”.")
            % {"status": pair.get_status_display()},
            code="illegal",
        )
    mine = rules.side(actor, pair)
    if who == "party" and mine is None:
        raise NotAllowed
    if who == "either" and mine is None and not rules.coordinates(actor, pair.programme):
        raise NotAllowed
    if action == "end" and not comment.strip():
        raise MentoringError(_("Please write the reason for ending."), code="comment")
    before, now = pair.status, timezone.now()
    fields = ["status"]
    if action == "accept":
        if mine == "mentor":
            pair.mentor_accepted_at = pair.mentor_accepted_at or now
            fields.append("mentor_accepted_at")
        else:
            pair.mentee_accepted_at = pair.mentee_accepted_at or now
            fields.append("mentee_accepted_at")
        target = P.ACCEPTED if pair.mentor_accepted_at and pair.mentee_accepted_at else P.PROPOSED
    if target == P.ACTIVE:
        pair.started_at = now
        fields.append("started_at")
    if target in (P.COMPLETED, P.ENDED, P.DECLINED):
        pair.ended_at, pair.end_reason = now, comment.strip()
        fields += ["ended_at", "end_reason"]
    assert target is not None  # only an acceptance's target is left to be decided
    pair.status = target
    pair.save(update_fields=fields)
    _event(pair, actor, action, before, comment)
    for person in (pair.mentor.user, pair.mentee.user):
        if person.pk != actor.pk:
            notify(
                kind="mentoring.pair_moved",
                key=f"mentoring.moved:{pair.pk}:{action}:{person.pk}:{now:%s%f}",
                recipient=person,
                context={
                    "programme": pair.programme.name,
                    "status": pair.status,
                    "outcome": acceptance_outcome(pair) if action == "accept" else "",
                    "actor": actor.full_name,
                    "comment": comment,
                    "link": _link(pair),
                },
            )
    if target == P.ACCEPTED and pair.programme.goal_template:
        for line in pair.programme.goal_template.splitlines():
            if line.strip():
                Goal.objects.create(pair=pair, text=line.strip()[:300])
    return pair


# --- The relationship ---------------------------------------------------------------


def _party(actor: User, pair: Pair) -> None:
    if rules.side(actor, pair) is None:
        raise NotAllowed


@transaction.atomic
def meeting_log(
    *, actor: User, pair: Pair, date: datetime.date, minutes: int, notes: str
) -> Meeting:
    pair = (
        Pair.objects.select_for_update(of=("self",))
        .select_related("programme", "mentor__user", "mentee__user")
        .get(pk=pair.pk)
    )
    _party(actor, pair)
    if pair.status not in (P.ACCEPTED, P.ACTIVE):
        raise IllegalMove(_("Meetings are logged while the pair is active."), code="inactive")
    if date > timezone.localdate():
        raise MentoringError(_("A meeting cannot be in the future."), code="future")
    meeting = Meeting.objects.create(
        pair=pair, date=date, minutes=minutes, notes=notes, logged_by=actor
    )
    if pair.status == P.ACCEPTED:  # the first meeting starts the relationship
        before = pair.status
        pair.status, pair.started_at = P.ACTIVE, timezone.now()
        pair.save(update_fields=["status", "started_at"])
        _event(pair, actor, "start", before)
    log_action(
        actor=actor,
        action="mentoring.meeting.logged",
        target=pair,
        organisation=pair.programme.lead_organiser_id(),
    )
    return meeting


@transaction.atomic
def goal_save(
    *, actor: User, pair: Pair, text: str, progress: int = 0, goal: Goal | None = None
) -> Goal:
    _party(actor, pair)
    if not 0 <= progress <= 100:
        raise MentoringError(_("Progress is from 0 to 100 per cent."), code="progress")
    if goal is None:
        return Goal.objects.create(pair=pair, text=text.strip()[:300], progress=progress)
    goal.text, goal.progress = text.strip()[:300] or goal.text, progress
    goal.save(update_fields=["text", "progress"])
    return goal


@transaction.atomic
def feedback_give(*, actor: User, pair: Pair, rating: int, text: str) -> Feedback:
    _party(actor, pair)
    if pair.status not in (P.COMPLETED, P.ENDED):
        raise IllegalMove(_("Feedback is given at the end."), code="not_ended")
    feedback, _created = Feedback.objects.update_or_create(
        pair=pair, author=actor, defaults={"rating": rating, "text": text}
    )
    return feedback


@transaction.atomic
def evaluation_give(*, actor: User, programme: Programme, rating: int, text: str) -> Evaluation:
    if not Enrolment.objects.filter(programme=programme, user=actor).exists():
        raise NotAllowed
    evaluation, _created = Evaluation.objects.update_or_create(
        programme=programme, user=actor, defaults={"rating": rating, "text": text}
    )
    return evaluation


@transaction.atomic
def pair_award_badge(*, actor: User, pair: Pair) -> Award:
    """Reverse mentoring: the student who mentored earns the programme's badge."""
    from worklife_passport.models import Award
    from worklife_passport.services.awards import award_create

    pair = (
        Pair.objects.select_for_update(of=("self",))
        .select_related("programme__badge", "mentor__user")
        .get(pk=pair.pk)
    )
    badge = pair.programme.badge
    if badge is None or pair.status != P.COMPLETED or pair.badge_awarded:
        raise IllegalMove(_("There is no badge to award for this pair."), code="no_badge")
    if not rules.can_award_pair_badge(actor, pair):
        raise NotAllowed
    award = award_create(
        actor=actor,
        badge=badge,
        source=Award.Source.MENTORING,
        recipient=pair.mentor.user,
        evidence=str(
            _("Mentoring in the programme %(programme)s") % {"programme": pair.programme.name}
        ),
    )
    pair.badge_awarded = True
    pair.save(update_fields=["badge_awarded"])  # a save: the kept pair page is retired
    return award


@transaction.atomic
def pair_endorse_badge(*, actor: User, pair: Pair, comment: str) -> Endorsement:
    """The company mentee endorses the mentoring badge on behalf of their organisation."""
    from worklife_passport.models import Endorsement

    pair = Pair.objects.select_related("programme__badge", "mentee__organisation").get(pk=pair.pk)
    if rules.side(actor, pair) != "mentee" or not pair.badge_awarded:
        raise NotAllowed
    organisation = pair.mentee.organisation
    if organisation is None or not comment.strip():
        raise MentoringError(_("Write why your organisation endorses the badge."), code="comment")
    endorsement, _created = Endorsement.objects.update_or_create(
        badge=pair.programme.badge,
        organisation=organisation,
        defaults={"comment": comment.strip(), "created_by": actor},
    )
    log_action(
        actor=actor,
        action="passport.badge.endorsed",
        target=pair.programme.badge,
        organisation=organisation,
    )
    return endorsement


# --- Matching rounds -----------------------------------------------------------------


def _people(programme: Programme) -> tuple[list[Person], list[Person]]:
    enrolments = list(Enrolment.objects.filter(programme=programme).prefetch_related("sectors"))

    def build(e: Enrolment) -> Person:
        return matching.person(e, [s.pk for s in e.sectors.all()])

    busy_mentees = set(
        Pair.objects.filter(programme=programme, status__in=Pair.HOLDING).values_list(
            "mentee_id", flat=True
        )
    )
    mentors = [build(e) for e in enrolments if e.as_mentor]
    mentees = [build(e) for e in enrolments if e.as_mentee and e.pk not in busy_mentees]
    return mentors, mentees


@transaction.atomic
def round_preview(*, actor: User, programme: Programme) -> MatchingRound:
    if not rules.coordinates(actor, programme):
        raise NotAllowed
    mentors, mentees = _people(programme)
    pairs = matching.optimal_assignment(
        mentors,
        mentees,
        programme.weights,
        programme.prefer_diversity,
        taken=places_taken(programme),
    )
    return MatchingRound.objects.create(
        programme=programme,
        created_by=actor,
        proposals=[{"mentor": m, "mentee": e, "score": s} for m, e, s in pairs],
        total_score=sum(s for _m, _e, s in pairs),
    )


@transaction.atomic
def round_remove(*, actor: User, round_: MatchingRound, mentee_id: int) -> MatchingRound:
    """The coordinator takes a proposed pair out of the preview."""
    round_ = MatchingRound.objects.select_for_update().get(pk=round_.pk)
    if not rules.coordinates(actor, round_.programme):
        raise NotAllowed
    if round_.status != MatchingRound.Status.PREVIEW:
        raise IllegalMove(_("This round has already been published."), code="published")
    round_.proposals = [p for p in round_.proposals if p["mentee"] != mentee_id]
    round_.total_score = sum(p["score"] for p in round_.proposals)
    round_.save(update_fields=["proposals", "total_score"])
    return round_


@transaction.atomic
def round_publish(*, actor: User, round_: MatchingRound) -> int:
    round_ = MatchingRound.objects.select_for_update().get(pk=round_.pk)
    if not rules.coordinates(actor, round_.programme):
        raise NotAllowed
    if round_.status != MatchingRound.Status.PREVIEW:
        raise IllegalMove(_("This round has already been published."), code="published")
    enrolments = Enrolment.objects.in_bulk(
        [p["mentor"] for p in round_.proposals] + [p["mentee"] for p in round_.proposals]
    )
    created = 0
    for proposal in round_.proposals:
        mentor, mentee = enrolments[proposal["mentor"]], enrolments[proposal["mentee"]]
        try:
            points = _check_pairable(mentor, mentee)
        except MentoringError:
            continue  # something changed since the preview; the pair is left out
        _create_pair(
            actor=actor, mentor=mentor, mentee=mentee, origin=Pair.Origin.ROUND, points=points
        )
        created += 1
    round_.status, round_.published_at = MatchingRound.Status.PUBLISHED, timezone.now()
    round_.save(update_fields=["status", "published_at"])
    log_action(
        actor=actor,
        action="mentoring.round.published",
        target=round_.programme,
        organisation=round_.programme.lead_organiser_id(),
        data={"pairs": created},
    )
    return created


def quiet_pairs(*, today: datetime.date | None = None, days: int = 21) -> QuerySet[Pair]:
    """Active pairs with no meeting logged for ``days`` days."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=days)
    return (
        Pair.objects.filter(status=P.ACTIVE, started_at__date__lte=since)
        .exclude(meetings__date__gt=since)
        .select_related("programme", "mentor__user", "mentee__user")
    )


def alert_quiet_pairs(*, today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    week = today.isocalendar()
    sent = 0
    for pair in quiet_pairs(today=today):
        people = set(pair.programme.coordinators.all())
        from django.contrib.auth import get_user_model

        people |= set(
            get_user_model().objects.filter(
                memberships__organisation__in=pair.programme.organisers.all(),
                memberships__role="coordinator",
                is_active=True,
            )
        )
        for person in people:
            notify(
                kind="mentoring.quiet_pair",
                key=f"mentoring.quiet:{pair.pk}:{person.pk}:{week.year}-{week.week}",
                recipient=person,
                context={
                    "programme": pair.programme.name,
                    "mentor": pair.mentor.user.full_name,
                    "mentee": pair.mentee.user.full_name,
                    "link": _link(pair),
                },
            )
            sent += 1
    return sent
