from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DATETIME
from core.rounds import offer_only
from partners.models import Membership, Organisation
from partners.selectors import people_with_roles

from .models import (
    CallCriterion,
    PilotApplication,
    PilotAttachment,
    PilotCall,
    ProgressReport,
)


class CallForm(forms.ModelForm):
    class Meta:
        model = PilotCall
        fields = ["title", "text", "eligibility", "organiser", "deadline", "budget", "reviewers"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 8}),
            "eligibility": forms.Textarea(attrs={"rows": 4}),
            "deadline": DATETIME,
            "reviewers": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        offer_only(self.fields["organiser"], organisations)
        # Network staff who can score applications: coordinators, advisors and teachers.
        self.fields["reviewers"].queryset = people_with_roles(
            [Membership.Role.COORDINATOR, Membership.Role.ADVISOR, Membership.Role.TEACHER]
        )
        self.fields["reviewers"].required = False
        if self.instance.pk:
            del self.fields["organiser"]

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if "deadline" in self.changed_data and deadline <= timezone.now():
            raise forms.ValidationError(_("The deadline must be in the future."), code="past")
        return deadline


class CriterionForm(forms.ModelForm):
    class Meta:
        model = CallCriterion
        fields = ["text", "weight", "max_score"]


CriterionFormSet = forms.inlineformset_factory(
    PilotCall,
    CallCriterion,
    form=CriterionForm,
    extra=3,
    can_delete=True,
    min_num=1,
    validate_min=True,
)


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = PilotApplication
        fields = ["title", "lead", "partners", "summary", "objectives", "work_plan", "budget"]
        widgets = {
            "partners": forms.SelectMultiple(attrs={"size": 8}),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "objectives": forms.Textarea(attrs={"rows": 5}),
            "work_plan": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        offer_only(self.fields["lead"], organisations)
        self.fields["partners"].queryset = Organisation.objects.active().order_by("name")

    def clean(self):
        data = super().clean()
        lead, partners = data.get("lead"), data.get("partners")
        if lead and partners and lead in partners:
            self.add_error("partners", _("The lead applicant is not also a partner."))
        return data


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = PilotAttachment
        fields = ["title", "file"]


class ScoreForm(forms.Form):
    """A score and a comment for each criterion of the call."""

    def __init__(self, *args, criteria, existing, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            current = existing.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.text,
                choices=[(n, str(n)) for n in range(criterion.max_score + 1)],
                coerce=int,
                widget=forms.RadioSelect,
                initial=current.score if current else None,
                help_text=_("Weight %(weight)s, from 0 to %(max)s")
                % {"weight": criterion.weight, "max": criterion.max_score},
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                max_length=3000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=current.comment if current else "",
            )

    def rows(self):
        for criterion in self.criteria:
            yield criterion, self[f"score_{criterion.pk}"], self[f"comment_{criterion.pk}"]

    def scores(self) -> dict:
        return {
            criterion: (
                self.cleaned_data[f"score_{criterion.pk}"],
                self.cleaned_data[f"comment_{criterion.pk}"].strip(),
            )
            for criterion in self.criteria
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("funded", _("Fund the pilot")), ("rejected", _("Do not fund"))],
        widget=forms.RadioSelect,
    )
    granted = forms.DecimalField(
        label=_("Amount granted (EUR)"), required=False, min_value=0, decimal_places=2
    )
    note = forms.CharField(
        label=_("Reasons for the decision"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the applicant with the decision."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "funded" and data.get("granted") is None:
            self.add_error("granted", _("Give the amount granted."))
        return data


class ProgressForm(forms.ModelForm):
    class Meta:
        model = ProgressReport
        fields = ["period", "text", "next_steps"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 5}),
            "next_steps": forms.Textarea(attrs={"rows": 3}),
        }
