"""Admin pieces the apps share: a workflow's history (read only) and moves, the admin of
rows only the services make, and the admin of tables with up to millions of rows."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import reduce
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path, lookup_spawns_duplicates
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Model, Q, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import smart_split, unescape_string_literal
from django_stubs_ext import StrOrPromise

from .admin_actions import workflow_action
from .admin_filters import AutocompleteFilter
from .workflow import Workflow, perform


class ReadOnlyInline(admin.TabularInline[Any, Any]):
    """Rows kept as they were written (history, signatures, answers, scores): shown with every
    field read-only, never added or deleted here."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> list[str]:
        return [name for name in self.fields or () if isinstance(name, str)]

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class HistoryInline(ReadOnlyInline):
    """A workflow object's history rows (``HistoryEvent``)."""

    fields = ["created_at", "actor", "action", "from_status", "to_status", "comment"]


class MadeByServicesAdmin(admin.ModelAdmin[Any]):
    """The admin of rows only the services make: it shows them but never adds one."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


def move_action(
    workflow: Workflow[Any], action: str, description: StrOrPromise
) -> Callable[[admin.ModelAdmin[Any], HttpRequest, QuerySet[Any]], HttpResponse | None]:
    """The admin action making the move ``action`` of ``workflow`` on each selected row
    (named ``<entity>_<action>``); it asks the reason when the move needs a comment."""
    return workflow_action(
        f"{workflow.name.rsplit('.', 1)[-1]}_{action}",
        description,
        lambda *, actor, obj, comment: perform(
            workflow, actor=actor, obj=obj, action=action, comment=comment
        ),
        needs_comment=workflow.move(action).needs_comment,
    )


# --- Tables with up to millions of rows -------------------------------------------------

#: Below this many rows (by the planner's estimate) a list counts its rows exactly.
ESTIMATE_FROM = 100_000
#: A filtered list counts its rows up to this many: each one counted is a row read.
COUNT_AT_MOST = 10_000
#: How many related rows a word may find before the search asks the database for them
#: in a subquery instead of a list of keys (slower, never wrong).
RELATED_KEYS_AT_MOST = 5_000


def estimated_count(queryset: QuerySet[Any]) -> int | None:
    """The planner's row count of the table behind an unfiltered ``queryset`` (PostgreSQL's
    ``pg_class.reltuples``, kept by ``ANALYZE`` and autovacuum), or ``None`` where it does
    not apply: a filter, a ``DISTINCT``, a small or never analysed table, another
    database."""
    query = queryset.query
    connection = connections[queryset.db]
    if connection.vendor != "postgresql" or query.where or query.distinct or query.combinator:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(%s)",
            [connection.ops.quote_name(queryset.model._meta.db_table)],
        )
        row = cursor.fetchone()
    estimate = row[0] if row else None
    return estimate if estimate is not None and estimate >= ESTIMATE_FROM else None


class EstimatedCountPaginator(Paginator):
    """A changelist's pages without ``COUNT(*)`` over a whole big table: the unfiltered
    list takes the planner's estimate (``estimated``: the page says "about"); a filtered
    or searched list counts its rows up to ``COUNT_AT_MOST`` (``capped``: the page says
    "more than", and its pages go as far as that)."""

    estimated = False
    capped = False

    @cached_property
    def count(self) -> int:
        rows = self.object_list
        if not isinstance(rows, QuerySet):
            return super().count
        estimate = estimated_count(rows)
        if estimate is not None:
            self.estimated = True
            return estimate
        count = rows.order_by()[: COUNT_AT_MOST + 1].count()
        if count > COUNT_AT_MOST:
            self.capped = True
            return COUNT_AT_MOST
        return count


def person_matches(word: str) -> Q:
    """A person found by one word of a search: the start of their e-mail address (stored in
    lower case, so the unique index serves it) or a part of their name."""
    return Q(email__startswith=word.lower()) | Q(full_name__icontains=word)


def name_matches(*fields: str) -> Callable[[str], Q]:
    """Rows found by a part of any of ``fields`` (a small table: titles of offers, badges,
    events, names of organisations)."""

    def matches(word: str) -> Q:
        found = Q()
        for field in fields:
            found |= Q(**{f"{field}__icontains": word})
        return found

    return matches


def via(field: str, matches: Callable[[str], Q]) -> Callable[[str], Q]:
    """``matches`` asked through ``field``: a mentor's enrolment by the person enrolled
    (``via("user", person_matches)``), so the big table is filtered by its own key."""

    def prefixed(condition: Q) -> Q:
        children: list[Any] = [
            prefixed(child) if isinstance(child, Q) else (f"{field}__{child[0]}", child[1])  # type: ignore[index]
            for child in condition.children
        ]
        return Q(*children, _connector=condition.connector, _negated=condition.negated)

    return lambda word: prefixed(matches(word))


def _words(search_term: str) -> Iterator[str]:
    for word in smart_split(search_term):
        if word[:1] in {'"', "'"} and word[-1:] == word[:1] and len(word) > 1:
            word = unescape_string_literal(word)
        if word:
            yield word


class AutocompleteFiltersAdmin(admin.ModelAdmin[Any]):
    """An admin with an ``AutocompleteFilter`` in its ``list_filter``: its page loads the
    bundled select2 and the admin's autocomplete script (the filters' boxes need them)."""

    @property
    def media(self) -> forms.Media:
        media = super().media
        if any(
            isinstance(entry, tuple) and issubclass(entry[1], AutocompleteFilter)
            for entry in self.list_filter
        ):
            media += AutocompleteSelect(None, self.admin_site).media
            media += forms.Media(js=["js/admin_list_filter.js"])
        return media


class LargeTableAdmin(AutocompleteFiltersAdmin):
    """The admin of a table with up to millions of rows (notices, awards, applications):
    each list answers with the same few queries whatever the number of rows.

    - 50 rows a page, no full count, no facet counts; the unfiltered count is estimated
      on PostgreSQL, a filtered one counted up to ``COUNT_AT_MOST``;
    - ``search_fields`` are lookups as written, each one an index can answer
      (``email__iexact``, ``kind__startswith``, ``public_id``); a word that one of them
      cannot hold (not a UUID) is not looked for there;
    - a name in ``search_fields`` that is a key of ``search_matches`` is searched by what
      that says a word finds. For a foreign key (or a path to one) it is a condition on
      the related table (``person_matches``, ``name_matches("title")``): those rows are
      found first, then the big table is read through its index on the key, never
      joined and scanned. For a column it is a condition on this table;
    - an ``AutocompleteFilter`` in ``list_filter`` brings its scripts;
    - the admin using it sets an ordering that an index serves and limits
      ``sortable_by`` to such columns, and has no ``date_hierarchy`` (each view would read
      the dates of every row).
    """

    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 50
    paginator = EstimatedCountPaginator
    search_matches: Mapping[str, Callable[[str], Q]] = {}
    #: ``RELATED_KEYS_AT_MOST`` for this table; 0 for one small enough (tens of
    #: thousands of rows) that the database's own join of the related rows is cheaper.
    related_keys_at_most: int | None = None

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        fields = self.get_search_fields(request)
        duplicates = any(
            lookup_spawns_duplicates(self.model._meta, path)
            for path in fields
            if path in self.search_matches
        )
        for word in _words(search_term):
            found = [match for field in fields if (match := self._match(field, word))]
            if not found:
                return queryset.none(), False
            queryset = queryset.filter(reduce(operator.or_, found))
        return queryset, bool(search_term) and duplicates

    def _match(self, field: str, word: str) -> Q | None:
        if field in self.search_matches:
            match = self.search_matches[field](word)
            if get_fields_from_path(self.model, field)[-1].is_relation:
                return self._related_match(field, match)
            return match
        match = Q(**{field: word})
        try:
            self.model._default_manager.filter(match)
        except (ValidationError, ValueError):
            return None  # a word this column cannot hold: not looked for there
        return match

    def _related_match(self, path: str, matches: Q) -> Q:
        related: Any = get_fields_from_path(self.model, path)[-1].related_model
        rows = related._default_manager.filter(matches).order_by().values("pk")
        most = (
            RELATED_KEYS_AT_MOST if self.related_keys_at_most is None else self.related_keys_at_most
        )
        keys = list(rows.values_list("pk", flat=True)[: most + 1]) if most else []
        return Q(**{f"{path}__in": rows if len(keys) > most or not most else keys})


class KnownChoicesForm(forms.ModelForm):
    """A model form whose autocomplete boxes show the row already read with the instance
    (``select_related``) instead of reading it again: no query per row of an inline."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            # The admin wraps the box in its add and change links.
            widget = getattr(field.widget, "widget", field.widget)
            if isinstance(widget, RowAutocomplete) and widget.field.is_cached(self.instance):
                widget.chosen = getattr(self.instance, name)


class RowAutocomplete(AutocompleteSelect):
    """Django's autocomplete box, told the row chosen when the form has it already."""

    chosen: Model | None = None

    def optgroups(self, name: str, value: Sequence[str], attr: Any = None) -> Any:
        chosen = self.chosen
        if chosen is None or {str(v) for v in value if v} != {str(chosen.pk)}:
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        label = self.choices.field.label_from_instance(chosen)
        options.append(self.create_option(name, chosen.pk, label, True, len(options)))
        return [(None, options, 0)]


class BoundedInlineFormSet(BaseInlineFormSet):
    """An inline's rows, the ``shown`` first of them only; a posted formset reads back the
    rows it was shown (by their keys), so a row added meanwhile changes nothing."""

    shown = 20

    def get_queryset(self) -> QuerySet[Any]:
        if not hasattr(self, "_bounded"):
            queryset = super().get_queryset()
            if self.is_bound:
                queryset = queryset.filter(pk__in=self._posted_keys())
            else:
                queryset = queryset[: self.shown]
            self._queryset = self._bounded = queryset
        return self._bounded

    def _posted_keys(self) -> list[Any]:
        pk = self._model._meta.pk
        keys = []
        for i in range(self.initial_form_count()):
            try:
                keys.append(pk.to_python(self.data.get(f"{self.add_prefix(i)}-{pk.name}")))
            except ValidationError:
                continue
        return [key for key in keys if key is not None]

    @cached_property
    def row_count(self) -> int:
        """How many rows there are in all (one query on the indexed key)."""
        return self._model._default_manager.filter(**{self.fk.name: self.instance}).count()

    @property
    def _model(self) -> Any:
        return self.model

    @property
    def full_list_url(self) -> str:
        opts = self._model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        lookup = f"{self.fk.name}__{self.fk.target_field.name}__exact"
        return f"{url}?{urlencode({lookup: self.instance.pk})}"


class BoundedInline(admin.TabularInline[Any, Any]):
    """An inline that may have hundreds of rows (an organisation's members): the ``shown``
    newest with their ``select_related`` rows read in one query, and under them how many
    there are with a link to the full list filtered to this object."""

    formset = BoundedInlineFormSet
    template = "admin/edit_inline/tabular_bounded.html"
    shown = 20
    select_related: tuple[str, ...] = ()
    ordering = ("-pk",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).select_related(*self.select_related)

    def get_formset(self, request: HttpRequest, obj: Model | None = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)
        formset.shown = self.shown  # type: ignore[attr-defined]
        return formset
