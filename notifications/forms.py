from django import forms

from . import kinds
from .models import Preference


class PreferencesForm(forms.Form):
    """One choice per kind of notice a person may tune."""

    def __init__(self, *args, current: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds.configurable():
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                choices=Preference.Delivery.choices,
                initial=current.get(kind.key, Preference.Delivery.IMMEDIATE),
                widget=forms.RadioSelect,
                required=False,  # a kind left out keeps its setting
            )
