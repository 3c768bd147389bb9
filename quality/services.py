"""Writes on peer reviews: rounds, teams, self-reports, visits, reports and actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import DomainError, NotAllowed
from notifications.services import notify
from partners.models import Membership

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

    from django import forms
    from django.db.models import QuerySet

    from accounts.models import User

    from .models import QualityArea

S = PeerReview.Status

#: The moves a review can make: (from, to) -> (who may, audit action).
TRANSITIONS: dict[tuple[str, str], tuple[set[str], str]] = {
    (S.PREPARATION, S.SELF_REPORTED): ({"school"}, "partners.review.self_reported"),
    (S.SELF_REPORTED, S.VISITED): ({"lead", "organiser"}, "partners.review.visited"),
    (S.VISITED, S.REPORTED): ({"lead"}, "partners.review.reported"),
    (S.REPORTED, S.CLOSED): ({"school", "organiser"}, "partners.review.closed"),
}


class ReviewError(DomainError):
    pass


def _require(allowed: object) -> None:
    if not allowed:
        raise NotAllowed


def _link(review: PeerReview) -> dict:
    return {"name": "partners:review_detail", "kwargs": {"pk": review.pk}}


def _tell(users: Iterable[User], review: PeerReview, *, kind: str, key: str) -> None:
    for user in users:
        notify(
            kind=kind,
            key=f"{kind}:{review.pk}:{key}:{user.pk}",
            recipient=user,
            context={
                "school": review.school.name,
                "round": review.round.title,
                "visit_on": review.visit_on.isoformat() if review.visit_on else "",
                "link": _link(review),
            },
        )


def _school_coordinators(review: PeerReview) -> QuerySet[User]:
    return get_user_model().objects.filter(
        memberships__organisation=review.school_id,
        memberships__role=Membership.Role.COORDINATOR,
        is_active=True,
    )


def _locked(review: PeerReview) -> PeerReview:
    return (
        PeerReview.objects.select_for_update(of=("self",))
        .select_related("round", "school")
        .prefetch_related("team")
        .get(pk=review.pk)
    )


def _roles(actor: User, review: PeerReview) -> frozenset[str]:
    return rules.review_roles(actor, review)


# --- Rounds and teams -------------------------------------------------------------------


@transaction.atomic
def round_save(*, actor: User, form: forms.ModelForm) -> ReviewRound:
    created = form.instance.pk is None
    if created:
        _require(form.cleaned_data["organiser"].pk in rules.round_organisations(actor))
    else:
        _require(rules.can_manage_round(actor, form.instance))
    review_round = form.save(commit=False)
    if created:
        review_round.created_by = actor
    review_round.save()
    form.save_m2m()
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
def review_save(*, actor: User, review_round: ReviewRound, form: forms.ModelForm) -> PeerReview:
    """Add a school to the round, or change its visit date and team."""
    _require(rules.can_manage_round(actor, review_round))
    created = form.instance.pk is None
    review = form.save(commit=False)
    review.round = review_round
    if not created and review.status == S.CLOSED:
        raise ReviewError(_("This review is closed."), code="closed")
    review.save()
    added = _set_team(review, form.cleaned_data["lead"], form.cleaned_data["members"])
    log_action(
        actor=actor,
        action="partners.review.created" if created else "partners.review.updated",
        target=review,
        organisation=review.school,
        data={"team": [user.pk for user in added]},
    )
    _tell(added, review, kind="partners.review_team", key="team")
    if created:
        _tell(_school_coordinators(review), review, kind="partners.review_started", key="start")
    return review


# --- The reviewed school's self-report --------------------------------------------------


@transaction.atomic
def self_report_save(*, actor: User, review: PeerReview, entries: dict, submit: bool) -> PeerReview:
    """Save the self-assessment, ``entries`` mapping criteria to (level, description);
    ``submit`` hands it to the peer team, after which it no longer changes."""
    review = _locked(review)
    _require("school" in _roles(actor, review))
    if review.status != S.PREPARATION:
        raise ReviewError(_("The self-report has already been submitted."), code="submitted")
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
    log_action(
        actor=actor,
        action="partners.review.self_report_saved",
        target=review,
        organisation=review.school,
    )
    if submit:
        review = _move(actor, review, S.SELF_REPORTED)
    return review


# --- Visit and report -------------------------------------------------------------------


@transaction.atomic
def finding_add(
    *, actor: User, review: PeerReview, area: QualityArea, kind: str, text: str
) -> Finding:
    review = _locked(review)
    _require(_roles(actor, review) & {"lead", "member"})
    if review.status != S.VISITED:
        raise ReviewError(_("Findings are written after the visit."), code="not_visited")
    if not review.round.areas.filter(pk=area.pk).exists():
        raise ReviewError(_("This area is not part of the round."), code="area")
    finding = Finding.objects.create(review=review, area=area, kind=kind, text=text.strip())
    log_action(
        actor=actor,
        action="partners.review.finding_added",
        target=review,
        organisation=review.school,
    )
    return finding


@transaction.atomic
def finding_delete(*, actor: User, finding: Finding) -> None:
    review = _locked(finding.review)
    _require(_roles(actor, review) & {"lead", "member"})
    if review.status != S.VISITED:
        raise ReviewError(_("The report is published; findings no longer change."), code="fixed")
    finding.delete()


@transaction.atomic
def summary_save(*, actor: User, review: PeerReview, summary: str) -> PeerReview:
    review = _locked(review)
    _require(_roles(actor, review) & {"lead", "member"})
    if review.status != S.VISITED:
        raise ReviewError(_("The report is published; it no longer changes."), code="fixed")
    review.summary = summary.strip()
    review.save(update_fields=["summary"])
    return review


# --- Moves ------------------------------------------------------------------------------


def _move(actor: User, review: PeerReview, to: str) -> PeerReview:
    allowed = TRANSITIONS.get((review.status, to))
    if allowed is None:
        raise ReviewError(
            _("A review that is “%(status)s” cannot be moved there.")
            % {"status": review.get_status_display()},
            code="illegal_move",
        )
    who, action = allowed
    _require(_roles(actor, review) & who)
    now = timezone.now()
    if to == S.SELF_REPORTED:
        review.self_reported_at = now
    elif to == S.VISITED:
        if review.visit_on is None or review.visit_on > timezone.localdate():
            raise ReviewError(
                _("The visit date must be set and not in the future."), code="visit_date"
            )
    elif to == S.REPORTED:
        if not review.summary or not review.findings.exists():
            raise ReviewError(
                _("Write the summary and at least one finding first."), code="report_empty"
            )
        review.reported_at = now
    elif to == S.CLOSED and review.actions.exclude(state=ReviewAction.State.DONE).exists():
        raise ReviewError(
            _("Close the review when every development action is done."), code="open_actions"
        )
    before = review.status
    review.status = to
    review.save(update_fields=["status", "self_reported_at", "reported_at"])
    log_action(
        actor=actor,
        action=action,
        target=review,
        organisation=review.school,
        data={"from": before, "to": to},
    )
    team = [reviewer.user for reviewer in review.team.select_related("user")]
    if to == S.SELF_REPORTED:
        _tell(team, review, kind="partners.review_progress", key=to)
    elif to == S.REPORTED:
        _tell(_school_coordinators(review), review, kind="partners.review_report", key=to)
    elif to in (S.VISITED, S.CLOSED):
        _tell(_school_coordinators(review), review, kind="partners.review_progress", key=to)
    return review


@transaction.atomic
def review_transition(*, actor: User, review: PeerReview, to: str) -> PeerReview:
    return _move(actor, _locked(review), to)


# --- The school's development actions ---------------------------------------------------


@transaction.atomic
def action_save(*, actor: User, review: PeerReview, form: forms.ModelForm) -> ReviewAction:
    review = _locked(review)
    _require("school" in _roles(actor, review))
    if review.status != S.REPORTED:
        raise ReviewError(
            _("Development actions are planned once the report is published."),
            code="not_reported",
        )
    action = form.save(commit=False)
    action.review = review
    action.save()
    log_action(
        actor=actor,
        action="partners.review.action_saved",
        target=review,
        organisation=review.school,
        data={"action": action.text, "state": action.state},
    )
    return action


@transaction.atomic
def action_set_state(*, actor: User, action: ReviewAction, state: str) -> ReviewAction:
    review = _locked(action.review)
    _require("school" in _roles(actor, review))
    if state not in ReviewAction.State.values:
        raise ReviewError(_("Unknown state."), code="state")
    if review.status != S.REPORTED:
        raise ReviewError(_("This review is closed."), code="closed")
    before = action.state
    action.state = state
    action.save(update_fields=["state", "updated_at"])
    log_action(
        actor=actor,
        action="partners.review.action_state",
        target=review,
        organisation=review.school,
        data={"action": action.text, "from": before, "to": state},
    )
    return action
