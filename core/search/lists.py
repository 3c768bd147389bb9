"""What a list page shows for its text query: the rows found, those of the nearest
spelling where the query as typed finds nothing, and where nothing is found at all, the
ways out: the same query without one of the filters, or without any.

Nothing is read until the page asks, so a kept fragment of the list costs no query, and
a fragment that shows the notice reads what decides it while it is rendered.

A text query is searched once per page: the keys of every row found are read in the
list's order (:class:`Found`), and whether anything was found, how many, the counts of a
facet and which rows are on the page all come from them; only the page's own rows are
read whole. A query rarely finds thousands, and never asked before, nothing kept
rendered can answer it; without a text query the list is read from the database as
usual (a count, a page), as it is kept rendered for everyone who asks the same."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.utils.formats import date_format
from django_countries import countries

from core.forms import CountryFilter, FilterForm

from . import with_correction

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest

M = TypeVar("M", bound=models.Model)

#: The name of the text query among a list's filters.
QUERY = "q"


@dataclass(frozen=True)
class Relaxed:
    """A link to the same list without some filter: its text and its query string."""

    label: str
    query_string: str


class Found(Sequence[M]):
    """The rows of ``queryset``, read once as their primary keys and ``facets`` in its
    order; sliced (a page), the rows of the slice are read whole, in that order.

    For a paginator it is a list whose length is known, so counting costs no query."""

    def __init__(self, queryset: QuerySet[M], facets: tuple[str, ...] = ()) -> None:
        self.queryset = queryset
        self.facets = facets

    @cached_property
    def keys(self) -> list[tuple[Any, ...]]:
        rows = self.queryset.values_list("pk", *self.facets, named=True)
        # A filter through a many-to-many table can name a row twice.
        return list({row[0]: row for row in rows}.values())

    def exists(self) -> bool:
        return bool(self.keys)

    def __len__(self) -> int:
        return len(self.keys)

    def counts(self, facet: str) -> dict[Any, int]:
        """How many rows found have each value of ``facet``."""
        column = 1 + self.facets.index(facet)
        return dict(Counter(row[column] for row in self.keys))

    @overload
    def __getitem__(self, index: int) -> M: ...
    @overload
    def __getitem__(self, index: slice) -> list[M]: ...
    def __getitem__(self, index: int | slice) -> M | list[M]:
        if isinstance(index, int):
            return self[index : index + 1 or None][0]
        pks = [row[0] for row in self.keys[index]]
        if not pks:
            return []
        by_pk = {row.pk: row for row in self.queryset.filter(pk__in=pks)}
        return [by_pk[pk] for pk in pks if pk in by_pk]

    def __iter__(self) -> Iterator[M]:
        return iter(self[:])


class ListSearch(Generic[M]):
    """The rows a list shows for ``filters``, found by ``search(filters)``; a misspelt
    text query is searched again with the nearest spelling that finds something.
    ``facets``: the fields whose values the list counts (:meth:`counts`)."""

    def __init__(
        self,
        request: HttpRequest,
        form: FilterForm,
        filters: dict[str, Any],
        search: Callable[[dict[str, Any]], QuerySet[M]],
        facets: tuple[str, ...] = (),
    ) -> None:
        self.request = request
        self.form = form
        self.filters = filters
        self.search = search
        self.facets = facets
        #: The text query as asked, "" for none.
        self.text = (filters.get(QUERY) or "").strip()

    def _search(self, text: str) -> QuerySet[M] | Found[M]:
        rows = self.search({**self.filters, QUERY: text})
        return Found(rows, self.facets) if text.strip() else rows

    @cached_property
    def _found(self) -> tuple[QuerySet[M] | Found[M], str | None]:
        return with_correction(self._search, self.text)

    @property
    def rows(self) -> QuerySet[M] | Found[M]:
        """The rows found, in the list's order: for a text query read once (see
        :class:`Found`), otherwise the queryset."""
        return self._found[0]

    @cached_property
    def queryset(self) -> QuerySet[M]:
        """The list as a queryset without its text query, to read the rows found by their
        keys: reading them then reads nothing of the search index, so a row kept rendered
        is not retired by every write to it (``{% kept_rows %}``)."""
        rows = self.rows
        return self.search({**self.filters, QUERY: ""}) if isinstance(rows, Found) else rows

    @property
    def keys(self) -> Sequence[Any] | QuerySet[Any]:
        """The primary key and ``facets`` of each row found, in order (``pk`` and each
        facet by name), for a list that draws its rows kept (``{% kept_rows %}``)."""
        rows = self.rows
        if isinstance(rows, Found):
            return rows.keys
        return rows.values_list("pk", *self.facets, named=True)

    def counts(self, facet: str) -> dict[Any, int]:
        """How many rows found have each value of ``facet`` (one of ``facets``)."""
        return counts(self.rows, facet)

    @property
    def spelling(self) -> str | None:
        """The spelling whose rows are shown instead of the query's own, if any."""
        return self._found[1]

    @property
    def marked(self) -> str:
        """The words to mark in the rows: those that found them."""
        return self.spelling or self.text

    @cached_property
    def relaxed(self) -> list[Relaxed]:
        """The same list without each active filter but the text query, one at a time."""
        links = []
        for name in self.form.fields:
            if name == QUERY or self.filters.get(name) in (None, "", False, [], ()):
                continue
            query = self.request.GET.copy()
            query.pop(name, None)
            query.pop("page", None)
            links.append(Relaxed(self._label(name), query.urlencode()))
        return links

    @property
    def cleared(self) -> str:
        """The query string of the list with the text query alone."""
        query = self.request.GET.copy()
        for name in list(query):
            if name != QUERY:
                query.pop(name)
        return query.urlencode()

    def _label(self, name: str) -> str:
        field = self.form.fields[name]
        label = str(field.label or name)
        if isinstance(field, forms.BooleanField):
            return label
        return f"{label}: {self._shown(field, self.filters[name], self.form[name].data)}"

    @staticmethod
    def _shown(field: forms.Field, value: Any, raw: Any) -> str:
        if isinstance(field, forms.ModelChoiceField):
            # Read again here: a kept fragment with this text learns the table it is from.
            try:
                value = field.to_python(raw)
            except ValidationError:
                return str(raw)
        elif isinstance(field, CountryFilter):
            return str(countries.name(value) or value)
        elif isinstance(field, forms.ChoiceField):
            return str(dict(field.choices).get(value, value))  # type: ignore[arg-type]
        elif isinstance(value, datetime.date):
            return date_format(value, "SHORT_DATE_FORMAT")
        return str(value)


def counts(rows: QuerySet[M] | Found[M], facet: str) -> dict[Any, int]:
    """How many of ``rows`` have each value of ``facet``: counted in the keys read once,
    or by the database."""
    if isinstance(rows, Found):
        return rows.counts(facet)
    grouped = rows.order_by().values(facet).annotate(count=Count("pk", distinct=True))
    return {row[facet]: row["count"] for row in grouped}


def list_search(
    request: HttpRequest,
    form: FilterForm,
    search: Callable[[dict[str, Any]], QuerySet[M]],
    *,
    facets: tuple[str, ...] = (),
) -> ListSearch[M]:
    """The search of a list whose filters ``form`` reads from ``request``; ``search`` is
    the list's selector as a function of the filters, ordered as the list shows its
    rows, with what a row shows (related rows, annotations)."""
    filters = form.filters() if request.GET else {}
    return ListSearch(request, form, filters, search, facets)
