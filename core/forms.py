"""Pieces shared by the portal's forms: list filters and model forms the services save."""

from collections.abc import Callable, Iterable
from typing import Any, cast

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_stubs_ext import StrOrPromise

from . import fragments

#: The browser's own date and date-and-time pickers.
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ServiceSavedForm(forms.ModelForm):
    """A model form that checks only the input: the services fill in the object, check the
    model's constraints and save it, not the form."""

    def _post_clean(self) -> None:
        pass


class FilterForm(forms.Form):
    """A GET form of list filters."""

    def filters(self) -> dict[str, Any]:
        """The valid filters; a bad value in one field does not drop the others."""
        if self.is_bound:
            self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) for name in self.fields if name not in self.errors}


#: How long a new organisation's country may be missing from the country filters.
COUNTRIES_CACHE_SECONDS = 300


def countries_in_use(queryset: QuerySet[Any], field: str, *, key: str) -> set[str]:
    """The distinct country codes in ``field`` of ``queryset``, cached under ``key``."""
    # The cache gives back what the function made: never None, since the set is not None.
    return cast(
        "set[str]",
        fragments.cached(
            key,
            lambda: set(
                queryset.exclude(**{field: ""}).order_by().values_list(field, flat=True).distinct()
            ),
            COUNTRIES_CACHE_SECONDS,
        ),
    )


def named_countries(codes: Iterable[str]) -> list[tuple[str, str]]:
    """``codes`` as (code, name) pairs in the reader's language, sorted by name."""
    return [(code, name) for code, name in countries if code in codes]


class CountryFilter(forms.ChoiceField):
    """A country to filter by. The list offers, in the reader's language, only the
    countries ``present()`` names (e.g. those of the network's organisations): a
    list of every country would mostly offer what no page has. Any country stays a valid
    filter, so a saved search for a country with nothing in it today keeps its meaning,
    and a chosen country is always shown as chosen."""

    def __init__(self, *, present: Callable[[], set[str]], **kwargs: Any) -> None:
        self.present = present
        kwargs.setdefault("label", _("Country"))
        super().__init__(required=False, choices=self.choices_with, **kwargs)

    def choices_with(self, chosen: str = "") -> list[tuple[str, StrOrPromise]]:
        codes = self.present() | ({chosen} if chosen else set())
        return [("", _("All countries")), *named_countries(codes)]

    def valid_value(self, value: Any) -> bool:
        return value in countries

    def get_bound_field(self, form: forms.BaseForm, field_name: str) -> forms.BoundField:
        # The list is only read to show the field: then the chosen country joins it.
        if form.is_bound:
            chosen = form.data.get(form.add_prefix(field_name))
            if isinstance(chosen, str) and self.valid_value(chosen):
                self.choices = self.choices_with(chosen)
        return super().get_bound_field(form, field_name)


def language_filter() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *settings.LANGUAGES]
    )
