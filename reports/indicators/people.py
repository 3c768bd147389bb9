"""Participants who started: by group, gender, age band and labour-market status."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Case, CharField, Count, Exists, OuterRef, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from accounts.models import User
from events.models import Registration
from exchanges.models import Application
from mentoring.models import Pair
from partners.models import Membership
from worklife_passport.models import Award

from .base import STAFF_ROLES, STARTED, Period, R, Scope, Section, Table, choice_label, first_within


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
    rows = list(participant_rows(period, scope))
    totals: defaultdict[str, int] = defaultdict(int)
    for row in rows:
        totals[row["group"]] += row["n"]

    def table(key, title, column, labels):
        """The rows summed by ``column`` within each group: one row per group and a total
        row, a column per value and a total column."""
        counts: defaultdict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
        for row in rows:
            counts[row["group"]][row[column]] += row["n"]
        return Table(
            key=key,
            title=title,
            columns=[_("Participants"), *labels.values(), _("Total")],
            rows=[
                [name, *[counts[group][v] for v in labels], totals[group]]
                for group, name in groups.items()
            ]
            + [
                [
                    _("Total"),
                    *[sum(counts[g][v] for g in groups) for v in labels],
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
                "participants_gender", _("Participants by gender"), "gender", _labels(User.Gender)
            ),
            table("participants_age", _("Participants by age band"), "band", bands),
            table(
                "participants_status",
                _("Participants by labour-market status"),
                "labour_market_status",
                _labels(User.LabourMarketStatus),
            ),
        ],
    )


def _labels(choices) -> dict[str, str]:
    """The labels of a choice field's values, "Not given" last."""
    return {value: choice_label(choices.choices, value) for value in [*choices.values, ""]}


def participant_rows(period: Period, scope: Scope):
    """Participants who started in the period, counted by group, gender, age band and
    labour-market status: one query."""
    year = period.end.year
    people = User.objects.filter(first_within(period, participant_sources(OuterRef("pk"))))
    if scope.key != "network":
        people = people.filter(
            Exists(Membership.objects.filter(scope.q("organisation"), user=OuterRef("pk")))
        )
    return (
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
