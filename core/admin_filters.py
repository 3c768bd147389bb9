"""List filters shared by the admins of every app."""

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import lookup_spawns_duplicates
from django.contrib.admin.views.main import PAGE_VAR, ChangeList
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from .forms import countries_in_use, named_countries


class CountryListFilter(admin.SimpleListFilter):
    """A country filter that lists only the countries the rows have, not all 250.

    Use ``CountryListFilter.on("host__country")`` in ``list_filter``; the distinct values
    are read as the front-end filters read theirs, and kept for a few minutes.
    """

    title = _("country")
    field = "country"

    @classmethod
    def on(cls, field: str, title: StrOrPromise | None = None) -> type["CountryListFilter"]:
        return type(
            f"CountryListFilter_{field}",
            (cls,),
            {"field": field, "parameter_name": field, "title": title or cls.title},
        )

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]
    ) -> list[tuple[str, str]]:
        model = model_admin.model
        key = f"admin:countries:{model._meta.label_lower}:{self.field}"
        codes = countries_in_use(model._default_manager.all(), self.field, key=key)
        chosen = self.value()
        return named_countries(codes | ({chosen} if chosen else set()))

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if not self.value():
            return queryset
        queryset = queryset.filter(**{self.field: self.value()})
        if lookup_spawns_duplicates(queryset.model._meta, self.field):
            queryset = queryset.distinct()
        return queryset


class AutocompleteFilter(admin.RelatedFieldListFilter):
    """A filter by a related row (an organisation, an event) chosen by typing its name.

    Use ``("badge__issuer", AutocompleteFilter)`` in ``list_filter``. The sidebar holds one
    select2 box that asks the admin's own autocomplete view (the related model's admin
    search, 20 rows a page), not a link for each of thousands of rows; choosing a row
    reloads the list with the same parameter ``RelatedFieldListFilter`` uses. The
    changelist's admin adds the scripts (``AutocompleteFiltersAdmin.media``)."""

    template = "admin/filter_autocomplete.html"
    #: The rendered box, made with the choices.
    box: str = ""

    def field_choices(
        self, field: Any, request: HttpRequest, model_admin: admin.ModelAdmin[Any]
    ) -> list[tuple[str, StrOrPromise]]:
        # The rows are asked for as the admin types, never listed here.
        return []

    def has_output(self) -> bool:
        return True

    def choices(self, changelist: ChangeList) -> Iterator[Any]:
        # Read by the template after the choices, as the sidebar's tag reads them first.
        self.box = self.chooser(changelist)
        yield {
            "selected": self.lookup_val is None and not self.lookup_val_isnull,
            "query_string": changelist.get_query_string(
                remove=[self.lookup_kwarg, self.lookup_kwarg_isnull]
            ),
            "display": _("All"),
        }

    def chooser(self, changelist: ChangeList) -> SafeString:
        """The select2 box, showing the row chosen now; choosing another reloads the list
        without the page number."""
        remote: Any = self.field.remote_field.model  # type: ignore[union-attr]
        chooser = forms.ModelChoiceField(
            queryset=remote._default_manager.all(),
            required=False,
            widget=AutocompleteSelect(
                self.field,
                changelist.model_admin.admin_site,
                attrs={
                    "data-width": "100%",
                    "data-list-filter": self.lookup_kwarg,
                    "data-query": changelist.get_query_string(
                        remove=[self.lookup_kwarg, self.lookup_kwarg_isnull, PAGE_VAR]
                    ),
                    "aria-label": self.title,
                },
            ),
        )
        chosen = self.lookup_val[-1] if self.lookup_val else None
        return chooser.widget.render(self.lookup_kwarg, chosen, attrs={"id": self.chooser_id})

    @property
    def chooser_id(self) -> str:
        return f"list-filter-{self.lookup_kwarg}"


class RegisteredValuesFilter(admin.SimpleListFilter):
    """A filter by a column whose values the code registers (notice kinds, audit actions):
    the registry lists them, so the sidebar costs no ``SELECT DISTINCT`` over the table.

    Use ``RegisteredValuesFilter.on("kind", registered)`` where ``registered()`` returns
    ``{value: label}``; a value no longer registered still filters, shown as it is stored."""

    field = ""
    registered: Callable[[], Mapping[str, StrOrPromise]] = dict

    @classmethod
    def on(
        cls,
        field: str,
        registered: Callable[[], Mapping[str, StrOrPromise]],
        title: StrOrPromise,
    ) -> type["RegisteredValuesFilter"]:
        return type(
            f"RegisteredValuesFilter_{field}",
            (cls,),
            {
                "field": field,
                "parameter_name": field,
                "title": title,
                "registered": staticmethod(registered),
            },
        )

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]
    ) -> list[tuple[str, StrOrPromise]]:
        values = dict(self.registered())
        chosen = self.value()
        if chosen and chosen not in values:
            values[chosen] = chosen
        return sorted(values.items(), key=lambda item: str(item[1]))

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.filter(**{self.field: self.value()}) if self.value() else queryset
