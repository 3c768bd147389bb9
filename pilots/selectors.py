"""Reads for calls for pilots: the calls, the applications and the ranked list."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from django.db.models import Avg, Count, Q, QuerySet

from partners.models import Membership
from partners.rules import is_staff, organisations_with_role

from .models import PilotApplication, PilotCall, Score

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

A = PilotApplication.Status


def calls(*, viewer: User | AnonymousUser) -> QuerySet[PilotCall]:
    """Published calls for everyone, and the drafts of calls the viewer manages."""
    drafts = Q(published_at__isnull=True) & Q(
        organiser__in=organisations_with_role(viewer, Membership.Role.COORDINATOR)
    )
    queryset = PilotCall.objects.all()
    if not is_staff(viewer):
        queryset = queryset.filter(Q(published_at__isnull=False) | drafts)
    return (
        queryset.select_related("organiser")
        .annotate(
            submitted=Count(
                "applications",
                filter=Q(applications__status__in=[A.SUBMITTED, A.FUNDED, A.REJECTED]),
            )
        )
        .order_by("-deadline", "-pk")
    )


def my_applications(*, viewer: User | AnonymousUser) -> QuerySet[PilotApplication]:
    leads = organisations_with_role(viewer, Membership.Role.COORDINATOR)
    return (
        PilotApplication.objects.filter(Q(contact=viewer) | Q(lead__in=leads))
        .select_related("call", "lead")
        .order_by("-call__deadline", "title")
    )


def call_page(pk: int) -> PilotCall:
    return (
        PilotCall.objects.select_related("organiser")
        .prefetch_related("criteria", "reviewers")
        .get(pk=pk)
    )


def application_page(pk: int) -> PilotApplication:
    return (
        PilotApplication.objects.select_related("call__organiser", "lead", "contact")
        .prefetch_related("partners", "attachments", "progress_reports", "call__reviewers")
        .get(pk=pk)
    )


def my_scores(application: PilotApplication, reviewer: User) -> dict:
    return {
        score.criterion_id: score
        for score in Score.objects.filter(application=application, reviewer=reviewer)
    }


def ranking(call: PilotCall) -> list[dict]:
    """The applications in review or decided, best first. Each criterion's mean score
    (over the reviewers who gave one) is scaled to its highest score and weighted; the
    total is out of 100. A fixed number of queries."""
    criteria = list(call.criteria.all())
    total_weight = sum(criterion.weight for criterion in criteria) or 1
    applications = list(
        call.applications.filter(status__in=[A.SUBMITTED, A.FUNDED, A.REJECTED])
        .select_related("lead")
        .prefetch_related("partners")
        .annotate(reviewers=Count("scores__reviewer", distinct=True))
    )
    means: dict[int, dict[int, float]] = defaultdict(dict)
    for score in (
        Score.objects.filter(application__call=call)
        .values("application", "criterion")
        .annotate(mean=Avg("score"))
    ):
        means[score["application"]][score["criterion"]] = score["mean"]
    rows: list[dict[str, Any]] = []
    for application in applications:
        scored = means.get(application.pk, {})
        per_criterion = [
            {
                "criterion": criterion,
                "mean": scored.get(criterion.pk),
            }
            for criterion in criteria
        ]
        total = (
            100
            * sum(
                criterion.weight * scored[criterion.pk] / criterion.max_score
                for criterion in criteria
                if criterion.pk in scored
            )
            / total_weight
            if scored
            else None
        )
        rows.append(
            {
                "application": application,
                "criteria": per_criterion,
                "total": total,
                "complete": len(scored) == len(criteria),
            }
        )
    rows.sort(
        key=lambda row: (row["total"] is None, -(row["total"] or 0), row["application"].title)
    )
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank if row["total"] is not None else None
    return rows
