"""The filters every list of organisations' things shares: sector and country."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import countries_in_use

from ..models import Organisation, Sector


def sector_filter() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Sector"),
        required=False,
        queryset=Sector.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All sectors"),
    )


def network_countries() -> set[str]:
    """The countries the network's active organisations are in (cached)."""
    return countries_in_use(Organisation.objects.active(), "country", key="network:countries")
