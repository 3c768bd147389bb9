"""The partners' forms: the directory's filters, an organisation's details, an invitation."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.forms import CountryFilter, FilterForm
from core.search import in_every_language

from ..models import Membership, Organisation, Sector
from .filters import network_countries, sector_filter


class DirectoryFilterForm(FilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *Organisation.Kind.choices],
    )
    country = CountryFilter(present=network_countries)
    sector = sector_filter()
    size_class = forms.ChoiceField(
        label=_("Company size"),
        required=False,
        choices=[("", _("All sizes")), *Organisation.SizeClass.choices],
    )


class OrganisationForm(forms.ModelForm):
    """What an organisation's own managers may edit. Kind and activity stay with admins."""

    class Meta:
        model = Organisation
        fields = [
            *in_every_language("name", "description"),
            "country",
            "region",
            "municipality",
            "business_id",
            "size_class",
            "sectors",
            "website",
            "email",
            "phone",
            "logo",
        ]
        widgets = {"sectors": forms.CheckboxSelectMultiple}

    website = forms.URLField(
        label=Organisation._meta.get_field("website").verbose_name,
        required=False,
        assume_scheme="https",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in ("name", "description"):
            for code, language in settings.LANGUAGES:
                name = build_localized_fieldname(field, code)
                base = Organisation._meta.get_field(field).verbose_name
                self.fields[name].label = f"{base} ({language})"
                if field == "description":
                    self.fields[name].widget = forms.Textarea(attrs={"rows": 4})
        default_name = build_localized_fieldname("name", settings.LANGUAGE_CODE)
        self.fields[default_name].required = True
        self.fields["sectors"].queryset = Sector.objects.order_by("name")
        if not self.instance.is_company:
            del self.fields["size_class"]

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        image = getattr(logo, "image", None)
        if image is not None and image.format not in ("PNG", "JPEG", "WEBP"):
            raise forms.ValidationError(
                _("Upload a PNG, JPEG or WebP image."), code="invalid_image"
            )
        return logo


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"))

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        assert isinstance(self.fields["role"], forms.ChoiceField)
        self.fields["role"].choices = [(r, Membership.Role(r).label) for r in roles]
