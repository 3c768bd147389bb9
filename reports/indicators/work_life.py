"""New work-life partners and the SMEs reached."""

from __future__ import annotations

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from exchanges.models import Application, PartnershipAgreement, PlacementOffer
from outreach.models import Visit
from partners.models import Organisation

from .base import STARTED, Period, Scope, Section, Table, first_within
from .mobility import started_mobilities


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


def _contact(period: Period, scope: Scope, partner: OuterRef) -> Q | Combinable:
    """Reached: a work-life organisation with any contact in the period, new or not."""
    visits = Visit.objects.filter(period.date_q("visited_on"), company=partner)
    placements = started_mobilities(period).filter(host=partner)
    agreements = PartnershipAgreement.objects.filter(period.date_q("valid_from"), parties=partner)
    if scope.organisation is not None:
        visits = visits.filter(school=scope.organisation)
        placements = placements.filter(home=scope.organisation)
        agreements = agreements.filter(parties=scope.organisation)
    contact: Q | Combinable = Exists(visits) | Exists(placements) | Exists(agreements)
    if scope.organisation is None:
        offers = PlacementOffer.objects.filter(period.moment_q("published_at"), host=partner)
        contact |= Exists(offers)
    return contact


def partners(period: Period, scope: Scope) -> Section:
    """New work-life partners and SMEs reached, by kind of organisation, in one query."""
    partner = OuterRef("pk")
    contact = _contact(period, scope, partner)
    sme = Q(size_class__in=Organisation.SME_SIZES)
    new = Q(is_new=True)
    grouped = (
        partner_organisations(scope)
        .annotate(
            reached=ExpressionWrapper(contact, output_field=BooleanField()),
            is_new=ExpressionWrapper(
                first_within(period, partner_sources(scope, partner)),
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
    rows = list(grouped)
    totals = {key: sum(row[key] for row in rows) for key in ("new", "new_sme", "reached_sme")}
    by_kind = Table(
        key="partners_kind",
        title=_("New work-life partners by kind"),
        columns=[_("Kind"), _("New partners"), _("Of which SMEs")],
        chart="bars",
        rows=[
            [str(kinds.get(row["kind"], row["kind"])), row["new"], row["new_sme"]]
            for row in rows
            if row["new"]
        ],
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
