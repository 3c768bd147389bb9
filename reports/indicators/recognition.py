"""Badges awarded and recognitions granted."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from worklife_passport.models import Award, Badge, RecognitionRequest

from .base import HELSINKI, Period, Scope, Section, Table


def badge_rows(period: Period, scope: Scope) -> list[Mapping[str, Any]]:
    """Badges awarded, grouped by category and Finnish month."""
    return list(
        Award.objects.filter(
            period.moment_q("issued_on"), scope.q("badge__issuer"), revoked_at__isnull=True
        )
        .annotate(month=TruncMonth("issued_on", tzinfo=HELSINKI))
        .values("badge__category", "month")
        .annotate(n=Count("pk"))
        .order_by()
    )


def badges(
    period: Period, scope: Scope, rows: Sequence[Mapping[str, Any]] | None = None
) -> Section:
    rows = badge_rows(period, scope) if rows is None else rows
    categories = dict(Badge.Category.choices)
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row["badge__category"]] += row["n"]
    table = Table(
        key="badges_category",
        title=_("Badges awarded by category"),
        columns=[_("Category"), _("Badges awarded")],
        chart="bars",
        rows=[
            [str(categories.get(category, category)), n]
            for category, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        ],
    )
    recognitions = RecognitionRequest.objects.filter(
        period.moment_q("decided_at"),
        scope.q("pathway__recognised_by"),
        status=RecognitionRequest.Status.CONFIRMED,
    ).count()
    return Section(
        key="badges",
        title=_("Badges and recognition"),
        figures=[
            (_("Badges awarded"), sum(counts.values())),
            (_("Recognitions granted"), recognitions),
        ],
        tables=[table],
    )
