"""Reads for partner pages (each selector owns the joins its page needs), and the people of
the network by their roles: whom a notice goes to, whom a form may pick."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django_countries.fields import Country

from core.models import AuditEntry
from core.search import filtered, ranked, text_search
from core.search.lists import counts

from . import rules
from .models import Invitation, InvitationQuerySet, Membership, Organisation, Sector, hash_token

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


def organisation_directory(*, filters: dict) -> QuerySet[Organisation]:
    """Active organisations matching the directory's filters (all but country)."""
    queryset = Organisation.objects.active()
    queryset = text_search(queryset, filters.get("q"))
    return filtered(queryset, filters, kind="kind", sector="sectors", size_class="size_class")


def organisation_page_rows(
    queryset: QuerySet[Organisation], *, country: str = ""
) -> QuerySet[Organisation]:
    if country:
        queryset = queryset.filter(country=country)
    return ranked(
        queryset.prefetch_related(Prefetch("sectors", queryset=Sector.objects.order_by("name"))),
        "name",
        "pk",
    )


def country_counts(counts: dict[str, int]) -> list[dict]:
    """Organisations per country (``counts``), the most first."""
    rows = sorted(counts.items(), key=lambda row: (-row[1], row[0]))
    return [{"country": code, "count": count, "name": Country(code).name} for code, count in rows]


def organisation_for_viewer(*, viewer: User | AnonymousUser, slug: str) -> Organisation:
    """An organisation page: active ones for everyone, inactive ones only for admins."""
    queryset = Organisation.objects.prefetch_related(
        Prefetch("sectors", queryset=Sector.objects.order_by("name"))
    )
    if not rules.is_staff(viewer):
        queryset = queryset.filter(is_active=True)
    return get_object_or_404(queryset, slug=slug)


def organisation_members(
    *, viewer: User | AnonymousUser, organisation: Organisation
) -> list[Membership]:
    if not rules.can_view_members(viewer, organisation):
        return []
    return list(
        Membership.objects.filter(organisation=organisation, user__is_active=True)
        .select_related("user")
        .order_by("role", "user__full_name")
    )


def pending_invitations(*, organisation: Organisation) -> QuerySet[Invitation]:
    return (
        Invitation.objects.pending()
        .filter(organisation=organisation)
        .select_related("invited_by")
        .order_by("-created_at")
    )


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )


def invitations_sent_to(*, user: User) -> InvitationQuerySet:
    """Invitations, in any state, sent to one of ``user``'s verified addresses."""
    from allauth.account.models import EmailAddress

    addresses = EmailAddress.objects.filter(user=user, verified=True).values("email")
    return (
        Invitation.objects.filter(email__in=addresses)
        .select_related("organisation")
        .order_by("-created_at")
    )


def audit_entries(*, organisation: Organisation) -> QuerySet[AuditEntry]:
    return (
        AuditEntry.objects.filter(organisation=organisation)
        .select_related("actor")
        .order_by("-created_at", "-pk")
    )


def network_counts() -> dict:
    """Live counts for the home page: organisations by country and by sector."""
    active = Organisation.objects.active()
    by_country = country_counts(counts(active, "country"))
    by_sector = list(
        Sector.objects.annotate(
            count=Count("organisations", filter=Q(organisations__is_active=True))
        )
        .filter(count__gt=0)
        .order_by("-count", "name")
    )
    return {
        "total": sum(row["count"] for row in by_country),
        "by_country": by_country,
        "by_sector": by_sector,
    }


def members_with_roles(organisation_id: int, *roles: str) -> QuerySet[User]:
    """The active people who have one of ``roles`` at the organisation, each once."""
    return (
        get_user_model()
        .objects.filter(
            memberships__organisation_id=organisation_id,
            memberships__role__in=roles,
            is_active=True,
        )
        .distinct()
    )


def people_with_roles(roles: Iterable[str], **organisation: Any) -> QuerySet[User]:
    """Active people holding one of ``roles`` in an active organisation that matches the
    ``organisation`` lookups (e.g. ``kind__in=...``), each once, by name."""
    lookups = {f"memberships__organisation__{name}": value for name, value in organisation.items()}
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__role__in=list(roles),
            memberships__organisation__is_active=True,
            **lookups,
        )
        .distinct()
        .order_by("full_name")
    )
