from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.forms import DATETIME, FilterForm, ServiceSavedForm
from core.search import in_every_language
from partners.forms.filters import sector_filter
from partners.models import Organisation, Sector

from .models import ASSESSOR_ROLES, Badge, Claim, SkillNeed

if TYPE_CHECKING:
    from worklife_passport.models import Award


class CatalogueFilterForm(FilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All categories")), *Badge.Category.choices],
    )
    sector = sector_filter()
    issuer = forms.ModelChoiceField(
        label=_("Issuer"),
        required=False,
        queryset=Organisation.objects.filter(badges__isnull=False).distinct().order_by("name"),
        to_field_name="slug",
        empty_label=_("All issuers"),
    )
    asked_for = forms.BooleanField(label=_("Asked for by local companies"), required=False)


class BadgeForm(ServiceSavedForm):
    evidence_required = forms.MultipleChoiceField(
        label=_("Evidence needed"),
        choices=Badge.Evidence.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    assessor_roles = forms.MultipleChoiceField(
        label=_("Who may assess"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(role.value, role.label) for role in ASSESSOR_ROLES],
    )

    class Meta:
        model = Badge
        fields = [
            *in_every_language("name", "description", "criteria"),
            "image",
            "category",
            "achievement_type",
            "sectors",
            "tags",
            "valid_days",
            "evidence_required",
            "assessor_roles",
            "is_active",
        ]
        widgets = {"sectors": forms.CheckboxSelectMultiple}

    def __init__(self, *args, issuers=None, **kwargs):
        super().__init__(*args, **kwargs)
        for field in ("name", "description", "criteria"):
            verbose_name = Badge._meta.get_field(field).verbose_name
            for code, language in settings.LANGUAGES:
                form_field = self.fields[build_localized_fieldname(field, code)]
                form_field.label = f"{verbose_name} ({language})"
                if field != "name":
                    form_field.widget = forms.Textarea(attrs={"rows": 3})
        for field in ("name", "criteria"):
            self.fields[build_localized_fieldname(field, settings.LANGUAGE_CODE)].required = True
        self.fields["sectors"].queryset = Sector.objects.order_by("name")
        if issuers is not None:
            self.fields["issuer"] = forms.ModelChoiceField(
                label=_("Issuer"),
                queryset=Organisation.objects.filter(pk__in=issuers),
                empty_label=None,
            )


class ClaimForm(ServiceSavedForm):
    links_text = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One address per line, e.g. a video or a portfolio."),
    )
    file = forms.FileField(
        label=_("Add a file"),
        required=False,
        help_text=_("PDF, image, video, DOCX, ODT or PPTX, at most 10 MB."),
    )

    class Meta:
        model = Claim
        fields = ["narrative", "supervisor_name", "supervisor_email"]
        widgets = {"narrative": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["links_text"].initial = "\n".join(self.instance.links)

    def clean_links_text(self):
        validator = forms.URLField(assume_scheme="https")
        lines = self.cleaned_data["links_text"].splitlines()
        return [validator.clean(line.strip()) for line in lines if line.strip()]


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CodeForm(forms.Form):
    label = forms.CharField(label=_("For"), max_length=200, help_text=_("e.g. the event"))
    max_uses = forms.IntegerField(label=_("How many may use it"), min_value=1, max_value=10000)
    expires_at = forms.DateTimeField(label=_("Expires"), widget=DATETIME)


class RedeemForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20)


class BulkForm(forms.Form):
    file = forms.FileField(
        label=_("Recipients (CSV)"),
        help_text=_("One recipient per line: e-mail address, then name. UTF-8."),
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if not file.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Upload a CSV file."), code="type")
        if file.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The file is too large. The limit is 2 MB."), code="size")
        return file


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Reason for revoking"), max_length=300)


class ShareForm(forms.Form):
    label = forms.CharField(label=_("For whom"), max_length=100)
    days = forms.IntegerField(label=_("Open for (days)"), min_value=1, max_value=365, initial=30)
    awards: forms.ModelMultipleChoiceField[Award] = forms.ModelMultipleChoiceField(
        label=_("Badges to show"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, awards, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["awards"].queryset = awards
        self.fields["awards"].label_from_instance = lambda award: award.badge.name


class VerifyForm(forms.Form):
    image = forms.FileField(label=_("A baked badge image (PNG or SVG)"), required=False)
    text = forms.CharField(
        label=_("Or paste the badge: JSON or a JWT"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    url = forms.URLField(label=_("Or give its address"), required=False, assume_scheme="https")

    def clean(self):
        data = super().clean()
        if not (data.get("image") or data.get("text") or data.get("url")):
            raise forms.ValidationError(
                _("Give an image, the badge text or its address."), code="empty"
            )
        return data


class EndorseForm(forms.Form):
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=None, empty_label=None
    )
    comment = forms.CharField(
        label=_("Why you endorse this badge"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=organisations)


class SkillNeedForm(ServiceSavedForm):
    class Meta:
        model = SkillNeed
        fields = ["text", "sector", "badges"]
        widgets = {"badges": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["badges"].queryset = Badge.objects.filter(is_current=True, is_active=True)


class AssessorQueueForm(forms.Form):
    q = forms.CharField(label=_("Student"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("All waiting")),
            *[(s, Claim.Status(s).label) for s in Claim.WAITING_STATES],
        ],
    )
