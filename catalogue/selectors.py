"""Reads for the catalogue's pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from core.search import filtered, ranked, text_search
from partners import rules as partner_rules

from .models import Material, Service

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


def service_search(*, filters: dict) -> QuerySet[Service]:
    """Active services matching the catalogue's filters, with what a result row shows:
    those whose title matches a text search first, then by title."""
    queryset = Service.objects.filter(is_active=True)
    queryset = text_search(queryset, filters.get("q"))
    queryset = filtered(
        queryset, filters, need="needs", sector="sector", language="language", form="form"
    )
    return ranked(
        queryset.select_related("provider", "sector").prefetch_related("needs"), "title", "pk"
    )


def material_search(*, viewer: User | AnonymousUser, filters: dict) -> QuerySet[Material]:
    """The library as ``viewer`` may see it, matching the filters: the materials whose
    title matches a text search first, then the newest first."""
    queryset = Material.objects.all()
    if not partner_rules.is_network_member(viewer):
        queryset = queryset.filter(is_public=True)
    queryset = text_search(queryset, filters.get("q"))
    queryset = filtered(
        queryset, filters, topic="topics", language="language", sector="sector", licence="licence"
    )
    if filters.get("kind") == "file":
        queryset = queryset.exclude(file="")
    elif filters.get("kind") == "link":
        queryset = queryset.filter(file="")
    return ranked(
        queryset.select_related("organisation", "sector").prefetch_related("topics"),
        "-created_at",
        "-pk",
    )
