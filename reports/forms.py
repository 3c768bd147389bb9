import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.forms import DATE
from partners import rules
from partners.models import Membership, Organisation

from .indicators import Period, Scope
from .models import ReportExport

MAX_DAYS = 366 * 10


def scope_options(user) -> tuple[list[tuple[str, str]], dict[int, Organisation]]:
    """The scopes ``user`` may see, and their organisations: staff see everything, a
    coordinator their organisations and those organisations' countries (country figures
    are network-wide aggregates). Companies are not scopes: they have no coordinators."""
    if rules.is_staff(user):
        organisations = list(
            Organisation.objects.exclude(kind=Organisation.Kind.COMPANY).order_by("name")
        )
        choices = [("network", str(_("Whole network")))]
    else:
        organisations = list(
            Organisation.objects.filter(
                pk__in=rules.organisations_with_role(user, Membership.Role.COORDINATOR)
            ).order_by("name")
        )
        choices = []
    # CountryField gives a Country; the Django plugin types it as its base CharField's str.
    codes = sorted({organisation.country.code for organisation in organisations})  # type: ignore[attr-defined]
    choices += [(f"country:{code}", str(countries.name(code))) for code in codes]
    choices += [(f"organisation:{o.pk}", o.name) for o in organisations]
    return choices, {organisation.pk: organisation for organisation in organisations}


class ReportForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("To"), widget=DATE)
    scope = forms.ChoiceField(
        label=_("Scope"),
        error_messages={"invalid_choice": _("You may not see reports for this scope.")},
    )

    def __init__(self, data=None, *, user, options=None, **kwargs):
        today = timezone.localdate()
        choices, self.organisations = options or scope_options(user)
        self.options = (choices, self.organisations)
        default = choices[0][0] if choices else ""
        if not rules.is_staff(user):
            # A coordinator starts from their own organisation.
            default = next((key for key, _label in choices if key.startswith("org")), default)
        initial = {"start": today.replace(month=1, day=1), "end": today, "scope": default}
        if data is not None:
            data = {**initial, **{k: v for k, v in data.items() if v not in ("", None)}}
            for key in ("start", "end"):
                if isinstance(data[key], datetime.date):
                    data[key] = data[key].isoformat()
        super().__init__(data, initial=initial, **kwargs)
        self.fields["scope"].choices = choices

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The period ends before it starts."))
            elif (end - start).days > MAX_DAYS:
                self.add_error("end", _("A report covers at most ten years."))
        return data

    def chosen_period(self) -> Period:
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])

    def chosen_scope(self) -> Scope:
        kind, _sep, rest = self.cleaned_data["scope"].partition(":")
        if kind == "organisation":
            return Scope(organisation=self.organisations[int(rest)])
        if kind == "country":
            return Scope(country=rest)
        return Scope()


class ExportForm(ReportForm):
    format = forms.ChoiceField(
        label=_("Format"),
        choices=ReportExport.Format.choices,
        error_messages={"invalid_choice": _("Unknown export format. Choose XLSX, CSV or PDF.")},
    )
