"""Reads for peer review pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, Q, QuerySet

from partners.models import Membership
from partners.rules import organisations_with_role

from .models import (
    Finding,
    PeerReview,
    PeerReviewer,
    QualityCriterion,
    ReviewAction,
    ReviewRound,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


def rounds() -> QuerySet[ReviewRound]:
    return (
        ReviewRound.objects.select_related("organiser")
        .annotate(review_count=Count("reviews"))
        .order_by("-starts_on", "-pk")
    )


def my_reviews(*, viewer: User | AnonymousUser) -> QuerySet[PeerReview]:
    """Reviews of the viewer's schools (as coordinator) and those they review."""
    schools = organisations_with_role(viewer, Membership.Role.COORDINATOR)
    return (
        PeerReview.objects.filter(Q(school__in=schools) | Q(team__user=viewer))
        .distinct()
        .select_related("round", "school")
        .order_by("-round__starts_on", "school__name")
    )


def published_reports() -> QuerySet[PeerReview]:
    return (
        PeerReview.objects.filter(status__in=[PeerReview.Status.REPORTED, PeerReview.Status.CLOSED])
        .select_related("round", "school")
        .order_by("-reported_at", "-pk")
    )


def round_reviews(review_round: ReviewRound) -> QuerySet[PeerReview]:
    return (
        review_round.reviews.select_related("school")
        .prefetch_related(Prefetch("team", queryset=PeerReviewer.objects.select_related("user")))
        .order_by("school__name")
    )


def review_for_page(pk: int) -> PeerReview:
    return (
        PeerReview.objects.select_related("round__organiser", "school")
        .prefetch_related(
            Prefetch("team", queryset=PeerReviewer.objects.select_related("user")),
            Prefetch("findings", queryset=Finding.objects.select_related("area")),
            Prefetch("actions", queryset=ReviewAction.objects.select_related("recommendation")),
            "round__areas",
        )
        .get(pk=pk)
    )


def criteria_of(review_round: ReviewRound) -> list[QualityCriterion]:
    return list(
        QualityCriterion.objects.filter(area__in=review_round.areas.all())
        .select_related("area")
        .order_by("area__position", "area__pk", "position", "pk")
    )


def self_assessments(review: PeerReview) -> dict:
    return {item.criterion_id: item for item in review.self_assessments.all()}
