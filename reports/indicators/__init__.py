"""The network's indicators for a period and a scope, computed by the database, and the
whole report: every section, month by month, kept in the cache.

Every figure is an aggregate query (``COUNT``/``SUM``/``AVG`` grouped by a column); the
Python code only arranges the few grouped rows into tables. Days are Finnish days: a
period runs from 00:00 on its first day to 24:00 on its last day in Europe/Helsinki, and
moments (a badge issued at 23:30 UTC) count on the Finnish date they fall on.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.cache import cache

from .attendance import events
from .base import Period, Scope, Section, Table
from .mentorship import mentoring
from .mobility import mobilities, mobility_rows
from .people import participants
from .recognition import badge_rows, badges
from .work_life import partners


def _by_month(rows: Sequence[Mapping[str, Any]]) -> dict[datetime.date, int]:
    """The rows' counts summed by month, whether the database gave it as a date or a moment."""
    counts: dict[datetime.date, int] = defaultdict(int)
    for row in rows:
        month = row["month"]
        counts[month.date() if isinstance(month, datetime.datetime) else month] += row["n"]
    return counts


def monthly(
    period: Period, mobility: Sequence[Mapping[str, Any]], awards: Sequence[Mapping[str, Any]]
) -> Table:
    """Mobilities started and badges awarded month by month (drawn as lines)."""
    started, awarded = _by_month(mobility), _by_month(awards)
    return Table(
        key="monthly",
        title=_("Month by month"),
        columns=[_("Month"), _("Mobilities started"), _("Badges awarded")],
        rows=[
            [f"{month:%m/%Y}", started.get(month, 0), awarded.get(month, 0)]
            for month in period.months()
        ],
        chart="lines",
    )


SECTIONS = [participants, mobilities, partners, badges, mentoring, events]


def cache_key(period: Period, scope: Scope) -> str:
    return f"reports:{scope.key}:{period.start}:{period.end}:{get_language()}"


def build_cached(period: Period, scope: Scope) -> list[Section]:
    """``build``, kept in the cache (Redis in production) for ``REPORT_CACHE_SECONDS``:
    the dashboard is read far more often than its figures change, and over the whole
    network they take seconds to count. Exports always count afresh."""
    key = cache_key(period, scope)
    sections = cache.get(key)
    if sections is None:
        sections = build(period, scope)
        cache.set(key, sections, settings.REPORT_CACHE_SECONDS)
    return sections


def build(period: Period, scope: Scope, progress=None) -> list[Section]:
    """Every section of the report; ``progress(done, total)`` is told after each."""
    mobility = mobility_rows(period, scope)
    awards = badge_rows(period, scope)
    shared: dict[Callable[..., Section], dict[str, Any]] = {
        mobilities: {"rows": mobility},
        badges: {"rows": awards},
    }
    sections = []
    for done, compute in enumerate(SECTIONS, start=1):
        sections.append(compute(period, scope, **shared.get(compute, {})))
        if progress is not None:
            progress(done, len(SECTIONS) + 1)
    sections.append(
        Section(
            key="monthly",
            title=_("Month by month"),
            tables=[monthly(period, mobility, awards)],
        )
    )
    return sections
