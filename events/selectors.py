"""Reads for the events pages."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from core.search import filtered, ranked, text_search

from .models import Event


def event_search(*, filters: dict) -> QuerySet[Event]:
    """Published events not yet over, matching the filters: those whose title matches a
    text search first, then the soonest first."""
    queryset = Event.objects.filter(is_published=True, ends_at__gte=timezone.now())
    queryset = text_search(queryset, filters.get("q"))
    queryset = filtered(queryset, filters, kind="kind")
    return ranked(queryset.prefetch_related("organisers"), "starts_at", "pk")
