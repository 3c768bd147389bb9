"""Reads for outreach: visits, follow-ups and the companies nobody has reached yet."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from core.search import filtered
from partners.models import Membership, Organisation
from partners.rules import organisations_with_role

from ..models import FollowUp, Visit

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


def visit_list(*, viewer: User, filters: dict) -> QuerySet[Visit]:
    queryset = filtered(
        Visit.objects.all(),
        filters,
        q="company__name__icontains",
        school="school",
        sector="company__sectors",
        region="company__region__icontains",
    )
    if filters.get("opportunity"):
        # A JSON list of codes; the quoted code matches one whole element.
        queryset = queryset.filter(opportunities__icontains=f'"{filters["opportunity"]}"')
    if filters.get("mine"):
        queryset = queryset.filter(visitors=viewer)
    return (
        queryset.select_related("company", "school")
        .annotate(open_follow_ups=Count("follow_ups", filter=Q(follow_ups__done_at__isnull=True)))
        .order_by("-visited_on", "-pk")
    )


def visit_detail(pk: int) -> Visit:
    return (
        Visit.objects.select_related("company", "school", "created_by")
        .prefetch_related("visitors", "joint_with", "company__sectors")
        .get(pk=pk)
    )


def follow_ups_due(*, viewer: User | AnonymousUser) -> QuerySet[FollowUp]:
    """Open follow-ups the viewer owns, and for a coordinator those of their organisation's
    visits, soonest first."""
    coordinated = organisations_with_role(viewer, Membership.Role.COORDINATOR)
    return (
        FollowUp.objects.open()
        .filter(Q(owner=viewer) | Q(visit__school__in=coordinated))
        .select_related("visit__company", "owner")
        .order_by("due_on", "pk")
    )


def unreached_companies(*, filters: dict) -> QuerySet[Organisation]:
    """Active companies with no visit, placement offer, partnership agreement or placement:
    the ones the network has not reached yet."""
    offer = apps.get_model("exchanges", "PlacementOffer")
    agreement = apps.get_model("exchanges", "PartnershipAgreement")
    application = apps.get_model("exchanges", "Application")
    company = OuterRef("pk")
    queryset = (
        Organisation.objects.active()
        .filter(kind=Organisation.Kind.COMPANY)
        .exclude(Exists(Visit.objects.filter(company=company)))
        .exclude(Exists(offer.objects.filter(host=company)))
        .exclude(Exists(agreement.objects.filter(parties=company)))
        .exclude(
            Exists(application.objects.filter(host=company, status__in=application.SEAT_STATES))
        )
    )
    return filtered(
        queryset,
        filters,
        country="country",
        region="region",
        sector="sectors",
        size_class="size_class",
    )


def unreached_by_region(queryset: QuerySet[Organisation]) -> list[Mapping[str, Any]]:
    """How many unreached companies each region has, most first."""
    return list(
        queryset.order_by()
        .values("country", "region")
        .annotate(count=Count("pk"))
        .order_by("-count", "country", "region")
    )
