from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.forms import DATE, CountryFilter, FilterForm, ServiceSavedForm, language_filter
from partners.forms.filters import network_countries, sector_filter
from partners.models import Organisation, Sector

from .models import (
    Application,
    ApplicationComment,
    LearningAgreement,
    MobilityForm,
    MobilityRecord,
    PlacementOffer,
)
from .selectors import offer_countries

if TYPE_CHECKING:
    from worklife_passport.models import Badge


class OfferFilterForm(FilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    country = CountryFilter(present=offer_countries)
    sector = sector_filter()
    form = forms.ChoiceField(
        label=_("Form"), required=False, choices=[("", _("All forms")), *MobilityForm.choices]
    )
    language = language_filter()
    starts_after = forms.DateField(label=_("Starts on or after"), required=False, widget=DATE)
    starts_before = forms.DateField(label=_("Starts on or before"), required=False, widget=DATE)

    def query(self) -> dict:
        """The filters as plain values, to store in a saved search."""
        return {
            name: getattr(value, "slug", None) or str(value)
            for name, value in self.filters().items()
            if value not in (None, "")
        }


class InputForm(ServiceSavedForm):
    """A model form that checks only the input: the service checks the model's constraints."""

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        return data


def _organisation_field(label, queryset, **options) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(label=label, queryset=queryset.order_by("name"), **options)


class OfferForm(InputForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages needed"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = PlacementOffer
        fields = [*PlacementOffer.CONTENT_FIELDS, "badges"]
        widgets = {
            "badges": forms.CheckboxSelectMultiple,
            "start_date": DATE,
            "end_date": DATE,
            "deadline": DATE,
            "description": forms.Textarea(attrs={"rows": 5}),
            "tasks": forms.Textarea(attrs={"rows": 3}),
            "learning_outcomes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, hosts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = Sector.objects.order_by("name")
        from worklife_passport.models import Badge

        self.fields["badges"].queryset = Badge.objects.filter(is_current=True, is_active=True)
        if hosts is not None:
            self.fields["host"] = _organisation_field(
                _("Host organisation"), Organisation.objects.filter(pk__in=hosts), empty_label=None
            )
            self.order_fields(["host", *self.Meta.fields])

    def clean(self):
        data = super().clean()
        if not data.get("start_date") and not data.get("duration_weeks"):
            self.add_error(
                "duration_weeks",
                _("Give the dates, or the duration in weeks for a flexible period."),
            )
        return data


class ApplicationForm(InputForm):
    class Meta:
        model = Application
        fields = ["motivation", "language_skills", "start_date", "end_date"]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "motivation": forms.Textarea(attrs={"rows": 6}),
            "language_skills": forms.Textarea(attrs={"rows": 2}),
        }

    attachment = forms.FileField(
        label=_("Attachment (CV, certificate)"),
        required=False,
        help_text=_("PDF, image, DOCX or ODT, at most 5 MB."),
    )

    def __init__(self, *args, homes=None, proposal=False, **kwargs):
        super().__init__(*args, **kwargs)
        if homes is not None:
            self.fields["home"] = _organisation_field(
                _("Home organisation"), Organisation.objects.filter(pk__in=homes), empty_label=None
            )
        if proposal:
            self.fields["host"] = _organisation_field(
                _("Partner organisation"), Organisation.objects.active()
            )
            self.fields["proposal"] = forms.CharField(
                label=_("What you propose"), widget=forms.Textarea(attrs={"rows": 4})
            )


class TransitionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    on = forms.DateField(label=_("Date"), required=False, widget=DATE)


class CommentForm(forms.ModelForm):
    class Meta:
        model = ApplicationComment
        fields = ["body", "visibility"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}


class AgreementForm(forms.ModelForm):
    class Meta:
        model = LearningAgreement
        fields = list(LearningAgreement.CONTENT_FIELDS)
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ("learning_outcomes", "tasks", "assessment", "monitoring", "recognition")
        }


class HostLinkForm(forms.Form):
    email = forms.EmailField(label=_("The host's e-mail address"))


class LinkSignatureForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    confirm = forms.BooleanField(
        label=_("I have read the learning agreement and sign it for the host.")
    )


class MobilityRecordForm(InputForm):
    class Meta:
        model = MobilityRecord
        fields = [
            "actual_start",
            "actual_end",
            "part_time_percent",
            "instructor",
            "arrival_reason",
            "departure_reason",
            "interruptions",
            "skills_acquired",
        ]
        widgets = {
            "actual_start": DATE,
            "actual_end": DATE,
            "arrival_reason": forms.Textarea(attrs={"rows": 2}),
            "departure_reason": forms.Textarea(attrs={"rows": 2}),
        }


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Overall, how did the period go?"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("5 = very well, 1 = badly"),
    )
    text = forms.CharField(
        label=_("What went well, and what should change?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RecognitionForm(forms.Form):
    credits = forms.DecimalField(
        label=_("Credits recognised"),
        min_value=0,
        max_value=300,
        decimal_places=1,
        help_text=_("Competence points (osaamispisteet) or ECTS credits."),
    )
    units = forms.CharField(
        label=_("Units or modules recognised"), widget=forms.Textarea(attrs={"rows": 2})
    )


class SavedSearchForm(forms.Form):
    name = forms.CharField(label=_("Name of the search"), max_length=100)


class QueueFilterForm(FilterForm):
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Waiting for action")), *Application.Status.choices],
    )
    country = CountryFilter(present=network_countries, label=_("Host country"))
    form = forms.ChoiceField(
        label=_("Form"), required=False, choices=[("", _("All forms")), *MobilityForm.choices]
    )


class BadgeAwardForm(forms.Form):
    badges: forms.ModelMultipleChoiceField[Badge] = forms.ModelMultipleChoiceField(
        label=_("Badges to award"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, badges, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["badges"].queryset = badges
