"""Mentoring pairs and their feedback."""

from __future__ import annotations

from django.db.models import Avg, Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _

from mentoring.models import Pair

from .base import Period, Scope, Section


def mentoring(period: Period, scope: Scope) -> Section:
    start, after = period.moments
    pairs = Pair.objects.all()
    organisers = scope.organisations()
    if organisers is not None:
        pairs = pairs.filter(Exists(organisers.filter(mentoring_programmes=OuterRef("programme"))))
    given = period.moment_q("feedback__created_at")
    # Joined with the feedback, so the pairs are counted distinct.
    figures = pairs.aggregate(
        active=Count(
            "pk",
            distinct=True,
            filter=Q(started_at__lt=after)
            & (Q(ended_at__isnull=True) | Q(ended_at__gte=start))
            & Q(status__in=[Pair.Status.ACTIVE, Pair.Status.COMPLETED, Pair.Status.ENDED]),
        ),
        started=Count("pk", distinct=True, filter=period.moment_q("started_at")),
        completed=Count(
            "pk",
            distinct=True,
            filter=Q(status=Pair.Status.COMPLETED) & period.moment_q("ended_at"),
        ),
        mean=Avg("feedback__rating", filter=given),
        feedback=Count("feedback", filter=given),
    )
    mean = round(figures["mean"], 2) if figures["mean"] is not None else "–"
    return Section(
        key="mentoring",
        title=_("Mentoring"),
        figures=[
            (_("Pairs active"), figures["active"]),
            (_("Pairs started"), figures["started"]),
            (_("Pairs completed"), figures["completed"]),
            (_("Average feedback (1–5)"), mean),
            (_("Feedback given"), figures["feedback"]),
        ],
    )
