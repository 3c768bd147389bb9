"""Writes on peer reviews: rounds, teams, self-reports, visits, reports and actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import DomainError, require
from core.records import save_data
from core.rounds import move_to
from core.workflow import Change, Move, Workflow, perform
from notifications.services import notify_many
from partners.models import Membership
from partners.selectors import members_with_roles

from . import rules
from .models import (
    Finding,
    PeerReview,
    PeerReviewer,
    ReviewAction,
    ReviewRound,
    SelfAssessment,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db.models import QuerySet
    from django_stubs_ext import StrOrPromise

    from accounts.models import User

    from .models import QualityArea

S = PeerReview.Status
#: The peer team's parts in a review.
TEAM = {"lead", "member"}


class ReviewError(DomainError):
    pass


def _tell(users: Iterable[User], review: PeerReview, *, kind: str, key: str) -> None:
    notify_many(
        users,
        kind=kind,
        key=f"{kind}:{review.pk}:{key}",
        context={
            "school": review.school.name,
            "round": review.round.title,
            "visit_on": review.visit_on.isoformat() if review.visit_on else "",
            "link": {"name": "partners:review_detail", "kwargs": {"pk": review.pk}},
        },
    )


def _school_coordinators(review: PeerReview) -> QuerySet[User]:
    return members_with_roles(review.school_id, Membership.Role.COORDINATOR)


def _log(actor: User, review: PeerReview, action: str, data: dict | None = None) -> None:
    log_action(
        actor=actor,
        action=f"partners.review.{action}",
        target=review,
        organisation=review.school,
        data=data,
    )


def _locked(review: PeerReview) -> PeerReview:
    return (
        PeerReview.objects.select_for_update(of=("self",))
        .select_related("round", "school")
        .prefetch_related("team")
        .get(pk=review.pk)
    )


def _taking_part(
    actor: User, review: PeerReview, parts: set[str], status: str, refusal: StrOrPromise, code: str
) -> PeerReview:
    """The review, locked, when ``actor`` takes part in it (in one of ``parts``) and it is
    at ``status``; otherwise refused (with ``refusal`` for another status)."""
    review = _locked(review)
    require(rules.review_roles(actor, review) & parts)
    if review.status != status:
        raise ReviewError(refusal, code=code)
    return review


# --- Rounds and teams -------------------------------------------------------------------


@transaction.atomic
def round_save(*, actor: User, review_round: ReviewRound | None, data: dict) -> ReviewRound:
    """Save a round (new when ``review_round`` is None) from ``data``, its fields with
    ``areas`` as a list."""
    allowed, created = set(rules.round_organisations(actor)), review_round is None
    if review_round is None:
        review_round = ReviewRound(created_by=actor)
    else:
        review_round = ReviewRound.objects.select_for_update().get(pk=review_round.pk)
        require(rules.can_manage_round(actor, review_round))
        allowed.add(review_round.organiser_id)
    require(data["organiser"].pk in allowed)
    save_data(review_round, data, created=created)
    log_action(
        actor=actor,
        action="partners.review_round.created" if created else "partners.review_round.updated",
        target=review_round,
        organisation=review_round.organiser,
    )
    return review_round


def _set_team(review: PeerReview, lead: User, members: Iterable[User]) -> list:
    """Make the team ``lead`` plus ``members``; return the people new to it."""
    wanted = {lead.pk: PeerReviewer.Role.LEAD}
    for member in members:
        wanted.setdefault(member.pk, PeerReviewer.Role.MEMBER)
    current = {reviewer.user_id: reviewer for reviewer in review.team.all()}
    for user_id, reviewer in current.items():
        if user_id not in wanted:
            reviewer.delete()
        elif reviewer.role != wanted[user_id]:
            reviewer.role = wanted[user_id]
            reviewer.save(update_fields=["role"])
    added = [user_id for user_id in wanted if user_id not in current]
    PeerReviewer.objects.bulk_create(
        [PeerReviewer(review=review, user_id=user_id, role=wanted[user_id]) for user_id in added]
    )
    return list(get_user_model().objects.filter(pk__in=added))


@transaction.atomic
def review_save(
    *, actor: User, review_round: ReviewRound, review: PeerReview | None = None, data: dict
) -> PeerReview:
    """Add a school to the round (``review`` None), or change its visit date and team:
    ``data`` has ``school``, ``visit_on``, ``lead`` and ``members``."""
    require(rules.can_manage_round(actor, review_round))
    if review is None:
        review = PeerReview(round=review_round, school=data["school"])
    else:
        review = PeerReview.objects.select_for_update().get(pk=review.pk, round=review_round)
        if review.status == S.CLOSED:
            raise ReviewError(_("This review is closed."), code="closed")
    created = review.pk is None
    review.visit_on = data["visit_on"]
    review.save()
    added = _set_team(review, data["lead"], data["members"])
    _log(actor, review, "created" if created else "updated", {"team": [user.pk for user in added]})
    _tell(added, review, kind="partners.review_team", key="team")
    if created:
        _tell(_school_coordinators(review), review, kind="partners.review_started", key="start")
    return review


# --- The reviewed school's self-report --------------------------------------------------


@transaction.atomic
def self_report_save(*, actor: User, review: PeerReview, entries: dict, submit: bool) -> PeerReview:
    """Save the self-assessment, ``entries`` mapping criteria to (level, description);
    ``submit`` hands it to the peer team, after which it no longer changes."""
    review = _taking_part(
        actor,
        review,
        {"school"},
        S.PREPARATION,
        _("The self-report has already been submitted."),
        "submitted",
    )
    if submit and any(not level for level, _text in entries.values()):
        raise ReviewError(
            _("Give a level for every criterion before submitting."), code="incomplete"
        )
    for criterion, (level, description) in entries.items():
        SelfAssessment.objects.update_or_create(
            review=review,
            criterion=criterion,
            defaults={"level": level, "description": description},
        )
    _log(actor, review, "self_report_saved")
    if submit:
        review = perform(REVIEW_WORKFLOW, actor=actor, obj=review, action="self_reported")
    return review


# --- Visit and report -------------------------------------------------------------------


@transaction.atomic
def finding_add(
    *, actor: User, review: PeerReview, area: QualityArea, kind: str, text: str
) -> Finding:
    review = _taking_part(
        actor, review, TEAM, S.VISITED, _("Findings are written after the visit."), "not_visited"
    )
    if not review.round.areas.filter(pk=area.pk).exists():
        raise ReviewError(_("This area is not part of the round."), code="area")
    finding = Finding.objects.create(review=review, area=area, kind=kind, text=text.strip())
    _log(actor, review, "finding_added")
    return finding


@transaction.atomic
def finding_delete(*, actor: User, finding: Finding) -> None:
    refusal = _("The report is published; findings no longer change.")
    _taking_part(actor, finding.review, TEAM, S.VISITED, refusal, "fixed")
    finding.delete()


@transaction.atomic
def summary_save(*, actor: User, review: PeerReview, summary: str) -> PeerReview:
    refusal = _("The report is published; it no longer changes.")
    review = _taking_part(actor, review, TEAM, S.VISITED, refusal, "fixed")
    review.summary = summary.strip()
    review.save(update_fields=["summary"])
    return review


# --- Moves ------------------------------------------------------------------------------


def _visited(change: Change[PeerReview]) -> None:
    visit_on = change.obj.visit_on
    if visit_on is None or visit_on > timezone.localdate():
        raise ReviewError(_("The visit date must be set and not in the future."), code="visit_date")


def _reported(change: Change[PeerReview]) -> None:
    review = change.obj
    if not review.summary or not review.findings.exists():
        raise ReviewError(
            _("Write the summary and at least one finding first."), code="report_empty"
        )
    change.set(reported_at=change.now)


def _closed(change: Change[PeerReview]) -> None:
    if change.obj.actions.exclude(state=ReviewAction.State.DONE).exists():
        raise ReviewError(
            _("Close the review when every development action is done."), code="open_actions"
        )


def _tell_of_move(change: Change[PeerReview]) -> None:
    review, to = change.obj, change.target
    if to == S.SELF_REPORTED:
        team = [reviewer.user for reviewer in review.team.select_related("user")]
        _tell(team, review, kind="partners.review_progress", key=to)
    elif to == S.REPORTED:
        _tell(_school_coordinators(review), review, kind="partners.review_report", key=to)
    else:
        _tell(_school_coordinators(review), review, kind="partners.review_progress", key=to)


#: The moves a review makes; each is audited as ``partners.review.<move>``.
REVIEW_WORKFLOW: Workflow[PeerReview] = Workflow(
    name="partners.review",
    moves={
        "self_reported": Move(
            "self_reported",
            _("Submit to the peer team"),
            S.SELF_REPORTED,
            {S.PREPARATION: frozenset({"school"})},
            prepare=lambda change: change.set(self_reported_at=change.now),
        ),
        "visited": Move(
            "visited",
            _("The visit is done"),
            S.VISITED,
            {S.SELF_REPORTED: frozenset({"lead", "organiser"})},
            prepare=_visited,
        ),
        "reported": Move(
            "reported",
            _("Publish the report"),
            S.REPORTED,
            {S.VISITED: frozenset({"lead"})},
            prepare=_reported,
        ),
        "closed": Move(
            "closed",
            _("Close the review"),
            S.CLOSED,
            {S.REPORTED: frozenset({"school", "organiser"})},
            button_style="button-secondary",
            prepare=_closed,
        ),
    },
    lock=_locked,
    parties=rules.review_roles,
    organisation=lambda review: review.school_id,
    illegal=_("A review that is “%(status)s” cannot be moved there."),
    notify=_tell_of_move,
)


def review_transition(*, actor: User, review: PeerReview, to: str) -> PeerReview:
    """Move ``review`` to the state ``to`` (see ``core.rounds.move_to``)."""
    return move_to(REVIEW_WORKFLOW, actor=actor, obj=review, to=to, error=ReviewError)


# --- The school's development actions ---------------------------------------------------


@transaction.atomic
def action_save(*, actor: User, review: PeerReview, data: dict) -> ReviewAction:
    """Plan a development action: ``data`` has ``recommendation``, ``text``,
    ``responsible`` and ``due_on``."""
    refusal = _("Development actions are planned once the report is published.")
    review = _taking_part(actor, review, {"school"}, S.REPORTED, refusal, "not_reported")
    recommendation = data.get("recommendation")
    require(recommendation is None or recommendation.review_id == review.pk)
    action = ReviewAction.objects.create(
        review=review,
        recommendation=recommendation,
        text=data["text"],
        responsible=data["responsible"],
        due_on=data["due_on"],
    )
    _log(actor, review, "action_saved", {"action": action.text, "state": action.state})
    return action


@transaction.atomic
def action_set_state(*, actor: User, action: ReviewAction, state: str) -> ReviewAction:
    review = _locked(action.review)
    require("school" in rules.review_roles(actor, review))
    if state not in ReviewAction.State.values:
        raise ReviewError(_("Unknown state."), code="state")
    if review.status != S.REPORTED:
        raise ReviewError(_("This review is closed."), code="closed")
    before = action.state
    action.state = state
    action.save(update_fields=["state", "updated_at"])
    _log(actor, review, "action_state", {"action": action.text, "from": before, "to": state})
    return action
