"""What a list page shows for its text query: the rows found, those of the nearest
spelling where the query as typed finds nothing, and where nothing is found at all, the
ways out: the same query without one of the filters, or without any.

Nothing is read until the page asks, so a kept fragment of the list costs no query, and
a fragment that shows the notice reads what decides it while it is rendered."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
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


class ListSearch(Generic[M]):
    """The rows a list shows for ``filters``, found by ``search(filters)``; a misspelt
    text query is searched again with the nearest spelling that finds something."""

    def __init__(
        self,
        request: HttpRequest,
        form: FilterForm,
        filters: dict[str, Any],
        search: Callable[[dict[str, Any]], QuerySet[M]],
    ) -> None:
        self.request = request
        self.form = form
        self.filters = filters
        self.search = search
        #: The text query as asked, "" for none.
        self.text = (filters.get(QUERY) or "").strip()

    @cached_property
    def _found(self) -> tuple[QuerySet[M], str | None]:
        return with_correction(lambda text: self.search({**self.filters, QUERY: text}), self.text)

    @property
    def rows(self) -> QuerySet[M]:
        return self._found[0]

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


def list_search(
    request: HttpRequest, form: FilterForm, search: Callable[[dict[str, Any]], QuerySet[M]]
) -> ListSearch[M]:
    """The search of a list whose filters ``form`` reads from ``request``; ``search`` is
    the list's selector as a function of the filters."""
    filters = form.filters() if request.GET else {}
    return ListSearch(request, form, filters, search)
