"""The network's indicators for a period and a scope, computed by the database.

Every figure is an aggregate query (``COUNT``/``SUM``/``AVG`` grouped by a column); the
Python code only arranges the few grouped rows into tables. Days are Finnish days: a
period runs from 00:00 on its first day to 24:00 on its last day in Europe/Helsinki, and
moments (a badge issued at 23:30 UTC) count on the Finnish date they fall on.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Avg,
    BooleanField,
    Case,
    CharField,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce, NullIf, TruncDate, TruncMonth
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries import countries
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from events.models import Event, Registration
from exchanges.models import Application, MobilityForm, PartnershipAgreement, PlacementOffer
from mentoring.models import Pair
from outreach.models import Visit
from partners.models import Membership, Organisation
from worklife_passport.models import Award, Badge, RecognitionRequest

HELSINKI = ZoneInfo("Europe/Helsinki")
#: Stands in for "never" when the earliest of several dates is taken.
NEVER = datetime.date(9999, 12, 31)

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


def _date(path: str):
    return TruncDate(path, tzinfo=HELSINKI)


def _first_within(period: Period, sources) -> Q | Combinable:
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
        if moment:
            within |= Exists(dated.filter(period.moment_q(path)))
            before |= Exists(dated.filter(**{f"{path}__lt": start}))
        else:
            within |= Exists(dated.filter(period.date_q(path)))
            before |= Exists(dated.filter(**{f"{path}__lt": period.start}))
    return within & ~before


def _label(choices, value) -> str:
    if value in (None, ""):
        return _("Not given")
    return str(dict(choices).get(value, value))


def _country(code) -> str:
    return str(countries.name(code)) if code else _("Not given")


# --- Participants -------------------------------------------------------------------


def participant_sources(person):
    """What counts as taking part: a mobility started, a mentoring pair started, an
    event attended, a badge received."""
    return [
        (
            Application.objects.filter(applicant=person, status__in=STARTED),
            Coalesce("mobility__actual_start", "start_date"),
            False,
        ),
        # Two lookups rather than one with OR, so each can use the enrolment's index.
        (Pair.objects.filter(mentor__user=person), "started_at", True),
        (Pair.objects.filter(mentee__user=person), "started_at", True),
        (Registration.objects.filter(user=person), "checked_in_at", True),
        (Award.objects.filter(recipient=person, revoked_at__isnull=True), "issued_on", True),
    ]


def _member(roles, scope: Scope):
    return Exists(
        Membership.objects.filter(scope.q("organisation"), user=OuterRef("pk"), role__in=roles)
    )


def participants(period: Period, scope: Scope) -> Section:
    year = period.end.year
    people = User.objects.filter(_first_within(period, participant_sources(OuterRef("pk"))))
    if scope.key != "network":
        people = people.filter(
            Exists(Membership.objects.filter(scope.q("organisation"), user=OuterRef("pk")))
        )
    rows = (
        people.annotate(
            group=Case(
                When(_member(STAFF_ROLES, scope), then=Value("staff")),
                When(_member([R.STUDENT], scope), then=Value("student")),
                When(_member([R.GRADUATE], scope), then=Value("graduate")),
                default=Value("other"),
                output_field=CharField(),
            ),
            band=Case(
                When(birth_year__isnull=True, then=Value("")),
                When(birth_year__gt=year - 25, then=Value("under_25")),
                When(birth_year__gte=year - 54, then=Value("25_54")),
                default=Value("over_54"),
                output_field=CharField(),
            ),
        )
        .values("group", "gender", "band", "labour_market_status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    groups = {
        "student": _("Students"),
        "graduate": _("Graduates"),
        "staff": _("Teachers and staff"),
        "other": _("Others (companies, mentors)"),
    }
    bands = {
        "under_25": _("Under 25"),
        "25_54": _("25–54"),
        "over_54": _("Over 54"),
        "": _("Not given"),
    }
    genders = [*User.Gender.values, ""]
    statuses = [*User.LabourMarketStatus.values, ""]
    by_gender: defaultdict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_band: defaultdict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_status: defaultdict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
    totals: defaultdict[str, int] = defaultdict(int)
    for row in rows:
        group = row["group"]
        by_gender[group][row["gender"]] += row["n"]
        by_band[group][row["band"]] += row["n"]
        by_status[group][row["labour_market_status"]] += row["n"]
        totals[group] += row["n"]

    def table(key, title, values, label, counts):
        return Table(
            key=key,
            title=title,
            columns=[_("Participants"), *[label(v) for v in values], _("Total")],
            rows=[
                [name, *[counts[group][v] for v in values], totals[group]]
                for group, name in groups.items()
            ]
            + [
                [
                    _("Total"),
                    *[sum(counts[g][v] for g in groups) for v in values],
                    sum(totals.values()),
                ]
            ],
        )

    return Section(
        key="participants",
        title=_("Participants who started"),
        figures=[(_("Participants who started"), sum(totals.values()))]
        + [(name, totals[group]) for group, name in groups.items()],
        tables=[
            table(
                "participants_gender",
                _("Participants by gender"),
                genders,
                lambda v: _label(User.Gender.choices, v),
                by_gender,
            ),
            table(
                "participants_age",
                _("Participants by age band"),
                list(bands),
                lambda v: bands[v],
                by_band,
            ),
            table(
                "participants_status",
                _("Participants by labour-market status"),
                statuses,
                lambda v: _label(User.LabourMarketStatus.choices, v),
                by_status,
            ),
        ],
    )


# --- Mobilities and offers ----------------------------------------------------------


def started_mobilities(period: Period):
    return (
        Application.objects.filter(status__in=STARTED)
        .annotate(
            began=Coalesce("mobility__actual_start", "start_date"),
            finished=Coalesce("mobility__actual_end", "end_date"),
        )
        .filter(began__gte=period.start, began__lte=period.end)
    )


def _localized(path: str):
    """A translated column in the current language, falling back to the default one."""
    language = get_language() or settings.LANGUAGE_CODE
    return Coalesce(
        NullIf(F(build_localized_fieldname(path, language.split("-")[0])), Value("")),
        F(path),
    )


def mobility_rows(period: Period, scope: Scope) -> list[dict]:
    """Started mobilities touching the scope, grouped by month, both countries, sector,
    form and direction: one query, whose rows every mobility table is summed from."""
    return list(
        started_mobilities(period)
        .filter(scope.q("home") | scope.q("host"))
        .annotate(
            month=TruncMonth("began"),
            outgoing=scope.flag("home"),
            incoming=scope.flag("host"),
            sector_name=_localized("offer__sector__name"),
        )
        .values(
            "month",
            "host__country",
            "home__country",
            "sector_name",
            "offer__form",
            "outgoing",
            "incoming",
        )
        .annotate(
            n=Count("pk"),
            length=Sum(ExpressionWrapper(F("finished") - F("began"), output_field=DurationField())),
        )
        .order_by()
    )


def _mobility_table(rows, key, title, heading, label) -> Table:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        # Both ends of a mobility are days of it.
        days = (row["length"] or datetime.timedelta()).days + row["n"]
        entry = counts[label(row)]
        entry[0] += row["n"]
        entry[1] += days
    table = Table(
        key=key,
        title=title,
        columns=[heading, _("Mobilities"), _("Days in all"), _("Average days")],
        chart="bars",
    )
    for name, (n, days) in sorted(counts.items(), key=lambda item: (-item[1][0], item[0])):
        table.rows.append([name, n, days, round(days / n, 1)])
    return table


def mobilities(period: Period, scope: Scope, rows: list[dict] | None = None) -> Section:
    rows = mobility_rows(period, scope) if rows is None else rows
    outgoing = [row for row in rows if row["outgoing"]]
    incoming = [row for row in rows if row["incoming"]]
    forms = dict(MobilityForm.choices)
    own_proposal = _("No offer (own proposal)")
    offers = PlacementOffer.objects.filter(
        period.moment_q("published_at"), scope.q("host")
    ).aggregate(n=Count("pk"), seats=Sum("seats"), filled=Sum("seats_taken"))
    return Section(
        key="mobilities",
        title=_("Mobilities and offers"),
        figures=[
            (_("Outgoing mobilities started"), sum(row["n"] for row in outgoing)),
            (_("Incoming mobilities started"), sum(row["n"] for row in incoming)),
            (_("Offers published"), offers["n"]),
            (_("Seats offered"), offers["seats"] or 0),
            (_("Seats filled"), offers["filled"] or 0),
        ],
        tables=[
            _mobility_table(
                outgoing,
                "outgoing_country",
                _("Outgoing mobilities by host country"),
                _("Country"),
                lambda row: _country(row["host__country"]),
            ),
            _mobility_table(
                incoming,
                "incoming_country",
                _("Incoming mobilities by home country"),
                _("Country"),
                lambda row: _country(row["home__country"]),
            ),
            _mobility_table(
                rows,
                "mobility_sector",
                _("Mobilities by sector"),
                _("Sector"),
                lambda row: row["sector_name"] or own_proposal,
            ),
            _mobility_table(
                rows,
                "mobility_form",
                _("Mobilities by form"),
                _("Form"),
                lambda row: str(forms.get(row["offer__form"], "")) or own_proposal,
            ),
        ],
    )


# --- New work-life partners ----------------------------------------------------------


def partner_sources(scope: Scope, partner):
    """What makes a work-life organisation a partner: its first agreement, offer,
    placement or company visit (with the scope's organisation, when it is one)."""
    organisation = scope.organisation
    agreements = PartnershipAgreement.objects.filter(parties=partner)
    placements = Application.objects.filter(host=partner, status__in=STARTED)
    visits = Visit.objects.filter(company=partner)
    sources = []
    if organisation is not None:
        agreements = agreements.filter(parties=organisation)
        placements = placements.filter(home=organisation)
        visits = visits.filter(school=organisation)
    else:
        sources.append((PlacementOffer.objects.filter(host=partner), "published_at", True))
    return [
        *sources,
        (agreements, "valid_from", False),
        (placements, Coalesce("mobility__actual_start", "start_date"), False),
        (visits, "visited_on", False),
    ]


def partner_organisations(scope: Scope):
    queryset = Organisation.objects.exclude(kind__in=Organisation.SCHOOL_KINDS)
    if scope.country and scope.organisation is None:
        queryset = queryset.filter(country=scope.country)
    return queryset


def partners(period: Period, scope: Scope) -> Section:
    """New work-life partners and SMEs reached, by kind of organisation, in one query."""
    partner = OuterRef("pk")
    # Reached: a work-life organisation with any contact in the period, new or not.
    visits = Visit.objects.filter(period.date_q("visited_on"), company=partner)
    placements = started_mobilities(period).filter(host=partner)
    agreements = PartnershipAgreement.objects.filter(period.date_q("valid_from"), parties=partner)
    contact: Q | Combinable = Exists(visits) | Exists(placements) | Exists(agreements)
    if scope.organisation is not None:
        contact = (
            Exists(visits.filter(school=scope.organisation))
            | Exists(placements.filter(home=scope.organisation))
            | Exists(agreements.filter(parties=scope.organisation))
        )
    else:
        contact |= Exists(
            PlacementOffer.objects.filter(period.moment_q("published_at"), host=partner)
        )
    sme = Q(size_class__in=Organisation.SME_SIZES)
    new = Q(is_new=True)
    grouped = (
        partner_organisations(scope)
        .annotate(
            reached=ExpressionWrapper(contact, output_field=BooleanField()),
            is_new=ExpressionWrapper(
                _first_within(period, partner_sources(scope, partner)),
                output_field=BooleanField(),
            ),
        )
        .values("kind")
        .annotate(
            new=Count("pk", filter=new),
            new_sme=Count("pk", filter=new & sme),
            reached_sme=Count("pk", filter=Q(reached=True) & sme),
        )
        .order_by("-new", "kind")
    )
    kinds = dict(Organisation.Kind.choices)
    by_kind = Table(
        key="partners_kind",
        title=_("New work-life partners by kind"),
        columns=[_("Kind"), _("New partners"), _("Of which SMEs")],
        chart="bars",
    )
    totals = {"new": 0, "new_sme": 0, "reached_sme": 0}
    for row in grouped:
        for key in totals:
            totals[key] += row[key]
        if row["new"]:
            by_kind.rows.append(
                [str(kinds.get(row["kind"], row["kind"])), row["new"], row["new_sme"]]
            )
    return Section(
        key="partners",
        title=_("Work-life partners"),
        figures=[
            (_("New work-life partners"), totals["new"]),
            (_("Of which SMEs"), totals["new_sme"]),
            (_("SMEs reached"), totals["reached_sme"]),
        ],
        tables=[by_kind],
    )


# --- Badges and recognition ----------------------------------------------------------


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


# --- Mentoring ----------------------------------------------------------------------


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


# --- Events ---------------------------------------------------------------------------


def events(period: Period, scope: Scope) -> Section:
    held = Event.objects.filter(period.moment_q("starts_at"), is_published=True)
    organisers = scope.organisations()
    if organisers is not None:
        held = held.filter(Exists(organisers.filter(events=OuterRef("pk"))))
    attended = Q(registrations__checked_in_at__isnull=False)
    kinds = dict(Event.Kind.choices)
    table = Table(
        key="events_kind",
        title=_("Events by kind"),
        columns=[_("Kind"), _("Events"), _("Attendees")],
        chart="bars",
    )
    events_total = attendees_total = 0
    for row in (
        held.values("kind")
        .annotate(
            n=Count("pk", distinct=True),
            attendees=Count("registrations", filter=attended),
        )
        .order_by("-n", "kind")
    ):
        events_total += row["n"]
        attendees_total += row["attendees"]
        table.rows.append([str(kinds.get(row["kind"], "")), row["n"], row["attendees"]])
    return Section(
        key="events",
        title=_("Events"),
        figures=[(_("Events held"), events_total), (_("Attendees"), attendees_total)],
        tables=[table],
    )


# --- Month by month ---------------------------------------------------------------------


def _month(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def monthly(
    period: Period, mobility: Sequence[Mapping[str, Any]], awards: Sequence[Mapping[str, Any]]
) -> Table:
    """Mobilities started and badges awarded month by month (drawn as lines)."""
    started: dict[datetime.date, int] = defaultdict(int)
    awarded: dict[datetime.date, int] = defaultdict(int)
    for row in mobility:
        started[_month(row["month"])] += row["n"]
    for row in awards:
        awarded[_month(row["month"])] += row["n"]
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
