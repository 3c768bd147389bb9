"""Matching rounds: the coordinator previews the best assignment, trims it and publishes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import require
from partners.models import lead_organisation_id

from .. import matching, rules
from ..errors import IllegalMove, MentoringError
from ..models import Enrolment, MatchingRound, Pair, Programme
from .pairs import busy_mentees, create_pair, places_taken

if TYPE_CHECKING:
    from accounts.models import User


@transaction.atomic
def round_preview(*, actor: User, programme: Programme) -> MatchingRound:
    require(rules.coordinates(actor, programme))
    enrolments = list(Enrolment.objects.filter(programme=programme).prefetch_related("sectors"))
    busy = busy_mentees(programme)
    pairs = matching.optimal_assignment(
        [matching.person(e) for e in enrolments if e.as_mentor],
        [matching.person(e) for e in enrolments if e.as_mentee and e.pk not in busy],
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


def _lock_preview(actor: User, round_: MatchingRound) -> MatchingRound:
    round_ = MatchingRound.objects.select_for_update().get(pk=round_.pk)
    require(rules.coordinates(actor, round_.programme))
    if round_.status != MatchingRound.Status.PREVIEW:
        raise IllegalMove(_("This round has already been published."), code="published")
    return round_


@transaction.atomic
def round_remove(*, actor: User, round_: MatchingRound, mentee_id: int) -> MatchingRound:
    """The coordinator takes a proposed pair out of the preview."""
    round_ = _lock_preview(actor, round_)
    round_.proposals = [p for p in round_.proposals if p["mentee"] != mentee_id]
    round_.total_score = sum(p["score"] for p in round_.proposals)
    round_.save(update_fields=["proposals", "total_score"])
    return round_


@transaction.atomic
def round_publish(*, actor: User, round_: MatchingRound) -> int:
    round_ = _lock_preview(actor, round_)
    enrolments = Enrolment.objects.in_bulk(
        [p["mentor"] for p in round_.proposals] + [p["mentee"] for p in round_.proposals]
    )
    created = 0
    for proposal in round_.proposals:
        mentor, mentee = enrolments[proposal["mentor"]], enrolments[proposal["mentee"]]
        try:
            create_pair(actor=actor, mentor=mentor, mentee=mentee, origin=Pair.Origin.ROUND)
        except MentoringError:
            continue  # something changed since the preview; the pair is left out
        created += 1
    round_.status, round_.published_at = MatchingRound.Status.PUBLISHED, timezone.now()
    round_.save(update_fields=["status", "published_at"])
    log_action(
        actor=actor,
        action="mentoring.round.published",
        target=round_.programme,
        organisation=lead_organisation_id(round_.programme.organisers),
        data={"pairs": created},
    )
    return created
