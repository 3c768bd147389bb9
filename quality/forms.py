from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DATE
from core.rounds import offer_only
from partners.models import Membership, Organisation
from partners.selectors import people_with_roles

from . import rules
from .models import (
    Finding,
    PeerReview,
    QualityArea,
    ReviewAction,
    ReviewRound,
    SelfAssessment,
)

if TYPE_CHECKING:
    from accounts.models import User


class RoundForm(forms.ModelForm):
    class Meta:
        model = ReviewRound
        fields = ["title", "description", "organiser", "areas", "starts_on", "ends_on"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "areas": forms.CheckboxSelectMultiple,
            "starts_on": DATE,
            "ends_on": DATE,
        }

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        offer_only(self.fields["organiser"], organisations)
        self.fields["areas"].queryset = QualityArea.objects.order_by("position", "name")

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end cannot be before the start."))
        return data


def eligible_reviewers():
    """Staff of the network's schools: coordinators, teachers and advisors."""
    return people_with_roles(rules.REVIEWER_ROLES, kind__in=Organisation.SCHOOL_KINDS)


class ReviewForm(forms.ModelForm):
    lead: forms.ModelChoiceField[User] = forms.ModelChoiceField(label=_("Team lead"), queryset=None)
    members: forms.ModelMultipleChoiceField[User] = forms.ModelMultipleChoiceField(
        label=_("Other team members"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Peers from other schools; nobody from the reviewed school."),
    )

    class Meta:
        model = PeerReview
        fields = ["school", "visit_on"]
        widgets = {"visit_on": DATE}

    def __init__(self, *args, review_round, **kwargs):
        super().__init__(*args, **kwargs)
        self.review_round = review_round
        self.fields["school"].queryset = (
            Organisation.objects.active()
            .filter(kind__in=Organisation.SCHOOL_KINDS)
            .order_by("name")
        )
        self.fields["lead"].queryset = eligible_reviewers()
        self.fields["members"].queryset = eligible_reviewers()
        if self.instance.pk:
            self.fields["school"].disabled = True
            team = list(self.instance.team.all())
            self.fields["lead"].initial = next((r.user_id for r in team if r.role == "lead"), None)
            self.fields["members"].initial = [r.user_id for r in team if r.role == "member"]

    def clean(self):
        data = super().clean()
        school, lead = data.get("school"), data.get("lead")
        members = list(data.get("members") or [])
        if school and not self.instance.pk:
            taken = PeerReview.objects.filter(round=self.review_round, school=school)
            if taken.exists():
                self.add_error("school", _("This school is already reviewed in the round."))
        if school and lead:
            insiders = set(
                Membership.objects.filter(
                    organisation=school, user__in=[lead, *members]
                ).values_list("user_id", flat=True)
            )
            if lead.pk in insiders:
                self.add_error("lead", _("A reviewer cannot come from the reviewed school."))
            names = [member.full_name for member in members if member.pk in insiders]
            if names:
                self.add_error(
                    "members",
                    _("These people work at the reviewed school: %(names)s")
                    % {"names": ", ".join(names)},
                )
        return data


class SelfReportForm(forms.Form):
    """A level and a description for each criterion of the round's areas."""

    def __init__(self, *args, criteria, existing, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            current = existing.get(criterion.pk)
            self.fields[f"level_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.text,
                choices=SelfAssessment.Level.choices,
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.RadioSelect,
                initial=current.level if current else None,
            )
            self.fields[f"text_{criterion.pk}"] = forms.CharField(
                label=_("What we do and how we know"),
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=current.description if current else "",
            )

    def rows(self):
        """(area, criterion, level field, text field) in order, for the template."""
        for criterion in self.criteria:
            yield (
                criterion.area,
                criterion,
                self[f"level_{criterion.pk}"],
                self[f"text_{criterion.pk}"],
            )

    def entries(self) -> dict:
        return {
            criterion: (
                self.cleaned_data[f"level_{criterion.pk}"],
                self.cleaned_data[f"text_{criterion.pk}"].strip(),
            )
            for criterion in self.criteria
        }


class FindingForm(forms.ModelForm):
    class Meta:
        model = Finding
        fields = ["area", "kind", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = review.round.areas.order_by("position", "name")


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary of the report"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
    )


class ActionForm(forms.ModelForm):
    class Meta:
        model = ReviewAction
        fields = ["recommendation", "text", "responsible", "due_on"]
        widgets = {"due_on": DATE}

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommendation"].queryset = review.findings.filter(
            kind=Finding.Kind.RECOMMENDATION
        )
        self.fields["recommendation"].label_from_instance = lambda finding: finding.text[:120]
