import secrets

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import User
from core.forms import FilterForm, language_filter
from partners.forms.filters import sector_filter
from partners.models import Organisation, Sector

from .models import MATERIAL_MAX_BYTES, Material, Need, Service, Topic
from .rules import STAFF_ROLES


def new_submission_key() -> str:
    return secrets.token_urlsafe(24)


class ServiceFilterForm(FilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    need = forms.ModelChoiceField(
        label=_("Work-life need"),
        required=False,
        queryset=Need.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All needs"),
    )
    sector = sector_filter()
    language = language_filter()
    form = forms.ChoiceField(
        label=pgettext_lazy("training service", "Form"),
        required=False,
        choices=[("", _("All forms")), *Service.Form.choices],
    )


class MaterialFilterForm(FilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        required=False,
        queryset=Topic.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All topics"),
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *Material.LANGUAGES]
    )
    sector = sector_filter()
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Files and links")), ("file", _("Files")), ("link", _("Links"))],
    )
    licence = forms.ChoiceField(
        label=_("Licence"),
        required=False,
        choices=[("", _("Any licence")), *Material.Licence.choices],
    )


class EnquiryForm(forms.Form):
    question = forms.CharField(label=_("Your question"), widget=forms.Textarea(attrs={"rows": 4}))
    # A new key each time the form is shown: sending the same form twice sends one question.
    submission_key = forms.CharField(
        required=False, max_length=64, widget=forms.HiddenInput, initial=new_submission_key
    )


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 4}))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 4}))


class ServiceForm(forms.ModelForm):
    class Meta:
        model = Service
        fields = [
            "title",
            "description",
            "provider",
            "form",
            "sector",
            "needs",
            "language",
            "place",
            "online",
            "price",
            "advisor",
            "is_active",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "needs": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "price": _("For example “free for network companies” or “EUR 120 per person”."),
            "is_active": _("Inactive services are hidden from the catalogue."),
        }

    def __init__(self, *args, providers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = Organisation.objects.filter(pk__in=providers)
        self.fields["sector"].queryset = Sector.objects.order_by("name")
        self.fields["needs"].queryset = Need.objects.order_by("name")
        self.fields["advisor"].required = False
        self.fields["advisor"].queryset = (
            User.objects.filter(
                memberships__organisation__in=providers, memberships__role__in=STAFF_ROLES
            )
            .distinct()
            .order_by("full_name")
        )

    def clean(self):
        data = super().clean()
        provider, advisor = data.get("provider"), data.get("advisor")
        if (
            provider
            and advisor
            and not advisor.memberships.filter(organisation=provider, role__in=STAFF_ROLES).exists()
        ):
            self.add_error(
                "advisor", _("The advisor must be an advisor or coordinator of the provider.")
            )
        if data.get("online") is False and not (data.get("place") or "").strip():
            self.add_error("place", _("Give the place, or mark the service as online."))
        return data


class MaterialForm(forms.ModelForm):
    class Meta:
        model = Material
        fields = [
            "title",
            "description",
            "file",
            "url",
            "language",
            "topics",
            "sector",
            "licence",
            "organisation",
            "is_public",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "topics": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "url": _("Or a link to the material elsewhere, instead of a file."),
            "licence": _("On what terms others may use the material."),
        }

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=organisations
        ).order_by("name")
        self.fields["topics"].queryset = Topic.objects.order_by("name")
        self.fields["file"].help_text = _(
            "Up to %(limit)s: documents, presentations, images, audio or video."
        ) % {"limit": filesizeformat(MATERIAL_MAX_BYTES)}
        self.fields["sector"].queryset = Sector.objects.order_by("name")
        if len(organisations) == 1 and not self.instance.pk:
            self.fields["organisation"].initial = organisations[0]

    def clean(self):
        data = super().clean()
        has_file = bool(data.get("file"))
        has_link = bool(data.get("url"))
        if "file" in self.errors or "url" in self.errors:
            return data
        if has_file and has_link:
            self.add_error(
                "url",
                _("Give a file or a link, not both (clear the file to use a link)."),
            )
        elif not has_file and not has_link:
            self.add_error("file", _("Choose a file or give a link."))
        return data
