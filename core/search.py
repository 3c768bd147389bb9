"""Free-text search shared by the portal's lists."""

import operator
from functools import reduce
from typing import TypeVar

from django.conf import settings
from django.db import connection, models
from django.db.models import Q, QuerySet
from modeltranslation.utils import build_localized_fieldname

M = TypeVar("M", bound=models.Model)


def filtered(queryset: QuerySet[M], filters: dict, **lookups: str) -> QuerySet[M]:
    """``queryset`` narrowed by each filter given: ``name=lookup`` filters ``lookup`` by
    the value of the filter ``name``; a filter left empty narrows nothing."""
    for name, lookup in lookups.items():
        if filters.get(name):
            queryset = queryset.filter(**{lookup: filters[name]})
    return queryset


def in_every_language(*fields: str) -> list[str]:
    """The per-language columns of translated fields: content written in one language
    is found whatever language the reader uses."""
    return [
        build_localized_fieldname(field, code)
        for field in fields
        for code, _name in settings.LANGUAGES
    ]


def _any_contains(fields: list[str], text: str) -> Q:
    return reduce(operator.or_, (Q(**{f"{field}__icontains": text}) for field in fields), Q())


def text_search(
    queryset: QuerySet, text: str | None, fields: list[str], *, prefix_fields: list[str]
) -> QuerySet:
    """Rows matching ``text``: on PostgreSQL a full-text match over ``fields`` (config
    "simple": the content mixes six languages, so no one language's stemming) or a
    substring of one of ``prefix_fields`` (a name typed half-way); elsewhere every word
    must appear in one of the fields."""
    text = (text or "").strip()
    if not text:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector(*fields, config="simple")
        query = SearchQuery(text, search_type="websearch", config="simple")
        prefix = _any_contains(prefix_fields, text)
        return queryset.annotate(search=vector).filter(Q(search=query) | prefix)
    return queryset.filter(*(_any_contains(fields, word) for word in text.split()))
