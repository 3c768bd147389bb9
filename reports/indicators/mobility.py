"""Mobilities started, by country, sector and form, and the offers published."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import Count, DurationField, ExpressionWrapper, F, Sum, Value
from django.db.models.functions import Coalesce, NullIf, TruncMonth
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from exchanges.models import Application, MobilityForm, PlacementOffer

from .base import STARTED, Period, Scope, Section, Table, country_name


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
                lambda row: country_name(row["host__country"]),
            ),
            _mobility_table(
                incoming,
                "incoming_country",
                _("Incoming mobilities by home country"),
                _("Country"),
                lambda row: country_name(row["home__country"]),
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
