from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DATE, FilterForm, named_countries
from core.rounds import offer_only
from partners.forms.filters import sector_filter
from partners.models import Organisation
from partners.rules import OUTREACH_ROLES
from partners.selectors import people_with_roles

from ..models import FollowUp, Visit


def outreach_people():
    """Who can own a follow-up: the network's advisors and coordinators."""
    return people_with_roles(OUTREACH_ROLES)


class VisitForm(forms.ModelForm):
    opportunities = forms.MultipleChoiceField(
        label=_("Opportunities"),
        required=False,
        choices=Visit.Opportunity.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Visit
        fields = [
            "company",
            "visited_on",
            "school",
            "visitors",
            "joint_with",
            "met",
            "guidance_needs",
            "cooperation_needs",
            "opportunities",
            "skill_needs",
            "notes",
        ]
        widgets = {
            "visited_on": DATE,
            "joint_with": forms.CheckboxSelectMultiple,
            "guidance_needs": forms.Textarea(attrs={"rows": 3}),
            "cooperation_needs": forms.Textarea(attrs={"rows": 3}),
            "skill_needs": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, actor, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = Organisation.objects.active().filter(
            kind=Organisation.Kind.COMPANY
        )
        offer_only(self.fields["school"], organisations)
        self.fields["school"].label = _("On behalf of")
        self.fields["visitors"].queryset = outreach_people()
        self.fields["visitors"].help_text = _("You and the colleagues who were there.")
        if not self.instance.pk:
            self.fields["visitors"].initial = [actor.pk]
            self.fields["visited_on"].initial = timezone.localdate()
        self.fields["joint_with"].queryset = (
            Organisation.objects.active()
            .filter(kind__in=[Organisation.Kind.PUBLIC_BODY, Organisation.Kind.ASSOCIATION])
            .order_by("name")
        )

    def clean_visited_on(self):
        visited_on = self.cleaned_data["visited_on"]
        if visited_on > timezone.localdate():
            raise forms.ValidationError(
                _("Log a visit once it has happened; plan the next one as a follow-up action."),
                code="future",
            )
        return visited_on


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["action", "owner", "due_on"]
        widgets = {"due_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = outreach_people()

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        changed = self.instance.pk is None or "due_on" in self.changed_data
        if changed and due_on < timezone.localdate():
            raise forms.ValidationError(_("The due date cannot be in the past."), code="past")
        return due_on


FollowUpFormSet = forms.inlineformset_factory(
    Visit, FollowUp, form=FollowUpForm, extra=2, can_delete=True
)


class VisitFilterForm(FilterForm):
    q = forms.CharField(label=_("Company"), required=False, max_length=100)
    school = forms.ModelChoiceField(
        label=_("Visiting organisation"),
        required=False,
        queryset=Organisation.objects.none(),
        empty_label=_("All organisations"),
    )
    sector = sector_filter()
    region = forms.CharField(label=_("Region"), required=False, max_length=120)
    opportunity = forms.ChoiceField(
        label=_("Opportunity"),
        required=False,
        choices=[("", _("All opportunities")), *Visit.Opportunity.choices],
    )
    mine = forms.BooleanField(label=_("Only visits I took part in"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = (
            Organisation.objects.active()
            .filter(company_visits__isnull=False)
            .distinct()
            .order_by("name")
        )


class OutreachFilterForm(FilterForm):
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    sector = sector_filter()
    size_class = forms.ChoiceField(
        label=_("Company size"),
        required=False,
        choices=[("", _("All sizes")), *Organisation.SizeClass.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        companies = Organisation.objects.active().filter(kind=Organisation.Kind.COMPANY)
        present = set(companies.values_list("country", flat=True).distinct())
        self.fields["country"].choices = [("", _("All countries")), *named_countries(present)]
        regions = companies.exclude(region="").order_by("region").values_list("region", flat=True)
        self.fields["region"].choices = [
            ("", _("All regions")),
            *[(region, region) for region in dict.fromkeys(regions)],
        ]
