from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DATETIME, FilterForm
from partners.models import Organisation, Sector

from .models import Event, Material


class EventFilterForm(FilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Event.Kind.choices]
    )


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "title",
            "description",
            "kind",
            "organisers",
            "sectors",
            "starts_at",
            "ends_at",
            "venue",
            "online_url",
            "capacity",
            "registration_closes",
            "badge",
            "is_published",
        ]
        widgets = {
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "registration_closes": DATETIME,
            "organisers": forms.CheckboxSelectMultiple,
            "sectors": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisers"].queryset = Organisation.objects.filter(pk__in=organisations)
        self.fields["sectors"].queryset = Sector.objects.order_by("name")
        self.fields["badge"].required = False
        from worklife_passport.models import Badge

        self.fields["badge"].queryset = Badge.objects.filter(
            is_current=True, is_active=True, issuer__in=organisations
        )

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The end cannot be before the start."))
        closes = data.get("registration_closes")
        if closes and starts and closes > starts:
            self.add_error(
                "registration_closes", _("Registration must close before the event starts.")
            )
        capacity = data.get("capacity")
        if self.instance.pk and capacity is not None and capacity < self.instance.registered:
            self.add_error(
                "capacity",
                _("There are already %(count)s confirmed participants.")
                % {"count": self.instance.registered},
            )
        return data


class MaterialForm(forms.ModelForm):
    class Meta:
        model = Material
        fields = ["title", "file"]
