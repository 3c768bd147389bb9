"""Search shared by the portal's lists: filters, and free text matched in the language it
is written in (``analysis``) through one index (``index``). A model is searched once an
app registers it with :func:`register`; its list then narrows a queryset with
:func:`text_search` and orders it with :func:`ranked`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import Exists, FloatField, Func, OuterRef, Q, QuerySet, Value
from modeltranslation.utils import build_localized_fieldname

from core.models import SearchEntry, SearchWord

from .analysis import Query, parse
from .index import follow, register, searchable

__all__ = [
    "corrected",
    "edits",
    "filtered",
    "follow",
    "in_every_language",
    "parse",
    "ranked",
    "register",
    "searchable",
    "text_search",
    "with_correction",
]

M = TypeVar("M", bound=models.Model)

#: The annotation :func:`text_search` adds: whether the title matches too.
TITLE_HIT = "search_title_hit"


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


def _match(query: Query, field: str) -> Q:
    """Entries whose ``field`` holds, for every word of ``query``, one of its forms as
    some language reads it (the last word also as a prefix)."""
    return Q(**{f"{field}__matches": (query.groups, query.prefixes)})


def text_search(queryset: QuerySet[M], text: str | None) -> QuerySet[M]:
    """The rows of ``queryset`` whose indexed text matches ``text``, each word in any of
    its forms; an empty ``text`` narrows nothing, one of only signs finds nothing. The
    rows carry ``search_title_hit`` for :func:`ranked`."""
    if not (text or "").strip():
        return queryset
    query = parse(text)
    if query.empty:
        return queryset.none()
    entries = SearchEntry.objects.filter(model=queryset.model._meta.label_lower)
    in_title = entries.filter(object_id=OuterRef("pk")).filter(_match(query, "title_terms"))
    found = entries.filter(_match(query, "terms"))
    return queryset.filter(pk__in=found.values("object_id")).annotate(
        **{TITLE_HIT: Exists(in_title)}
    )


def ranked(queryset: QuerySet[M], *ordering: str) -> QuerySet[M]:
    """``queryset`` in ``ordering``, after the rows whose title matched a text search."""
    if TITLE_HIT in queryset.query.annotations:
        return queryset.order_by(f"-{TITLE_HIT}", *ordering)
    return queryset.order_by(*ordering)


def corrected(text: str | None) -> str | None:
    """``text`` with each word no indexed text uses replaced by the nearest one that is
    used (trigram similarity), or None where no word needed it or none was near."""
    query = parse(text)
    known = set(SearchWord.objects.filter(word__in=query.words).values_list("word", flat=True))
    changed = False
    words = []
    for word in query.words:
        nearest = None if word in known else _nearest(word)
        words.append(nearest or word)
        changed |= nearest is not None
    return " ".join(words) if changed else None


#: How many of the words nearest by trigrams are weighed by their edits.
_NEAREST = 8


def _nearest(word: str) -> str | None:
    """The indexed word nearest to ``word``: of those with the highest trigram similarity,
    the one fewest typing slips away (``edits``: "hitsuas" is one swap from "hitsaus",
    two letters from "hitsaat")."""
    candidates = list(
        SearchWord.objects.filter(word__similar=word)
        .annotate(score=Func("word", Value(word), function="similarity", output_field=FloatField()))
        .order_by("-score", "word")
        .values_list("word", "score")[:_NEAREST]
    )
    if not candidates:
        return None
    return min(candidates, key=lambda found: (edits(word, found[0]), -found[1], found[0]))[0]


def edits(a: str, b: str) -> int:
    """The typing slips between ``a`` and ``b``: letters added, left out, changed, or two
    neighbours swapped (the optimal string alignment distance)."""
    rows = [list(range(len(b) + 1))]
    for i, left in enumerate(a, 1):
        row = [i]
        for j, right in enumerate(b, 1):
            cost = left != right
            row.append(min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost))
            if i > 1 and j > 1 and left == b[j - 2] and a[i - 2] == right:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


class Rows(Protocol):
    """Rows that can tell whether there are any: a queryset, or rows read once."""

    def exists(self) -> bool: ...


R = TypeVar("R", bound=Rows)


def with_correction(search: Callable[[str], R], text: str | None) -> tuple[R, str | None]:
    """``search(text)``, or where it finds nothing, ``search`` of the nearest spelling
    that finds something, with that spelling (else None): what a list shows for a typo."""
    rows = search(text or "")
    if not (text or "").strip() or rows.exists():
        return rows, None
    better = corrected(text)
    if better:
        again = search(better)
        if again.exists():
            return again, better
    return rows, None
