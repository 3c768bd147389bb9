"""Pieces shared by the portal's list filters."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class FilterForm(forms.Form):
    """A GET form of list filters."""

    def filters(self) -> dict:
        """The valid filters; a bad value in one field does not drop the others."""
        if self.is_bound:
            self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) for name in self.fields if name not in self.errors}


def sector_filter() -> forms.ModelChoiceField:
    from partners.models import Sector

    return forms.ModelChoiceField(
        label=_("Sector"),
        required=False,
        queryset=Sector.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All sectors"),
    )


def language_filter() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *settings.LANGUAGES]
    )
