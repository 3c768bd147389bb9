"""List filters shared by the admins of every app."""

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import lookup_spawns_duplicates
from django.db.models import QuerySet
from django.http import HttpRequest
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
