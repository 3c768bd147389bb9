"""What every indicator shares: the period, the scope, the shape of a report."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db.models import BooleanField, Exists, ExpressionWrapper, Q, Value
from django.db.models.expressions import Combinable
from django.utils.translation import gettext as _
from django_countries import countries

from exchanges.models import Application
from partners.models import Membership, Organisation

HELSINKI = ZoneInfo("Europe/Helsinki")

R = Membership.Role
A = Application.Status
#: A mobility has started once it is under way; these are its states from then on.
STARTED = (A.IN_PROGRESS, A.COMPLETED, A.RECOGNISED)
STAFF_ROLES = (R.TEACHER, R.COORDINATOR, R.ADVISOR)


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    @property
    def moments(self) -> tuple[datetime.datetime, datetime.datetime]:
        """The period as [start, end) in aware datetimes, Finnish midnights."""
        start = datetime.datetime.combine(self.start, datetime.time(), HELSINKI)
        after = datetime.datetime.combine(
            self.end + datetime.timedelta(days=1), datetime.time(), HELSINKI
        )
        return start, after

    def moment_q(self, path: str) -> Q:
        start, after = self.moments
        return Q(**{f"{path}__gte": start, f"{path}__lt": after})

    def date_q(self, path: str) -> Q:
        return Q(**{f"{path}__gte": self.start, f"{path}__lte": self.end})

    def months(self) -> list[datetime.date]:
        month = self.start.replace(day=1)
        result = []
        while month <= self.end:
            result.append(month)
            month = (month + datetime.timedelta(days=32)).replace(day=1)
        return result

    def __str__(self):
        return f"{self.start:%d.%m.%Y}–{self.end:%d.%m.%Y}"


@dataclass(frozen=True)
class Scope:
    """The whole network, one country, or one organisation."""

    country: str = ""
    organisation: Organisation | None = None

    @property
    def key(self) -> str:
        if self.organisation is not None:
            return f"organisation:{self.organisation.pk}"
        if self.country:
            return f"country:{self.country}"
        return "network"

    def q(self, path: str) -> Q:
        """Rows whose organisation at ``path`` lies in the scope."""
        if self.organisation is not None:
            return Q(**{path: self.organisation.pk})
        if self.country:
            return Q(**{f"{path}__country": self.country})
        return Q()

    def flag(self, path: str):
        """True for rows whose organisation at ``path`` lies in the scope."""
        if self.key == "network":
            return Value(True)
        return ExpressionWrapper(self.q(path), output_field=BooleanField())

    def organisations(self):
        """The scope's organisations, or None for the whole network."""
        if self.organisation is not None:
            return Organisation.objects.filter(pk=self.organisation.pk)
        if self.country:
            return Organisation.objects.filter(country=self.country)
        return None

    def __str__(self):
        if self.organisation is not None:
            return self.organisation.name
        if self.country:
            return str(countries.name(self.country))
        return _("Whole network")


@dataclass
class Table:
    """One table of a report: a title, column headings and rows of cells."""

    key: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    #: How to draw the table: "bars" (first column the labels, second the values),
    #: "lines" (one line per numeric column), or "" for no chart.
    chart: str = ""


@dataclass
class Section:
    key: str
    title: str
    figures: Sequence[tuple[str, object]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def first_within(period: Period, sources) -> Q | Combinable:
    """True for a row whose earliest entry among ``sources`` falls in ``period``: it has
    one in the period and none before it. Each source is a correlated queryset with the
    date of its entries (a field or an expression) and whether that date is a moment.

    Written as EXISTS and NOT EXISTS, which the database runs as (anti-)joins over the
    whole table, rather than as one "earliest entry" subquery per row.
    """
    start, _after = period.moments
    within: Q | Combinable = Q()
    before: Q | Combinable = Q()
    for queryset, on, moment in sources:
        dated, path = (queryset, on) if isinstance(on, str) else (queryset.annotate(on=on), "on")
        in_period = period.moment_q(path) if moment else period.date_q(path)
        within |= Exists(dated.filter(in_period))
        before |= Exists(dated.filter(**{f"{path}__lt": start if moment else period.start}))
    return within & ~before


def choice_label(choices, value) -> str:
    if value in (None, ""):
        return _("Not given")
    return str(dict(choices).get(value, value))


def country_name(code) -> str:
    return str(countries.name(code)) if code else _("Not given")
