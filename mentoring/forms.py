from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.forms import DATE, FilterForm, ServiceSavedForm
from partners.models import Organisation, Sector

from .models import Enrolment, Pair

MONTHS = [(m, m) for m in range(1, 13)]


class ListField(forms.CharField):
    """A comma-separated list of short texts."""

    def clean(self, value):
        value = super().clean(value)
        return [item.strip() for item in (value or "").split(",") if item.strip()][:30]

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value


class EnrolmentForm(ServiceSavedForm):
    skills_offered = ListField(
        label=_("Skills you can offer"),
        required=False,
        help_text=_("Separate with commas, e.g. Excel, customer service"),
    )
    skills_wanted = ListField(
        label=_("Skills you want to learn"), required=False, help_text=_("Separate with commas.")
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you can use"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
    )
    months = forms.TypedMultipleChoiceField(
        label=_("Months you are available"),
        choices=MONTHS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    capacity = forms.IntegerField(
        label=_("Mentees you can take (as a mentor)"), required=False, initial=1
    )

    class Meta:
        model = Enrolment
        fields = Enrolment.ANSWERS
        widgets = {
            "sectors": forms.CheckboxSelectMultiple,
            "goals": forms.Textarea(attrs={"rows": 3}),
            "introduction": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=organisations)
        self.fields["organisation"].required = False
        self.fields["sectors"].queryset = Sector.objects.order_by("name")

    def clean_capacity(self):
        value = self.cleaned_data.get("capacity")
        if value is not None and value < 0:
            raise forms.ValidationError(
                _("The number of mentees cannot be below zero."), code="min_value"
            )
        return value


class MeetingForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE)
    minutes = forms.IntegerField(label=_("Duration (minutes)"), min_value=5, max_value=600)
    notes = forms.CharField(
        label=_("Notes (only the two of you see them)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class GoalForm(forms.Form):
    text = forms.CharField(label=_("Goal"), max_length=300)
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100, initial=0)


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How did the mentoring go?"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("5 = very well, 1 = badly"),
    )
    text = forms.CharField(
        label=_("Your feedback"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ProfileSearchForm(forms.Form):
    """The text query that narrows the profiles the programme page suggests."""

    q = forms.CharField(label=_("Search profiles"), required=False, max_length=200)


class CoordinationFilterForm(FilterForm):
    """What narrows the coordination page's lists: a name narrows both the round's
    proposals and the programme's pairs, a status the pairs."""

    q = forms.CharField(label=_("Mentor's or mentee's name"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status of the pairs"),
        required=False,
        choices=[("", _("Any status")), *Pair.Status.choices],
    )
