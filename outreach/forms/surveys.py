from django import forms
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DATE
from core.rounds import offer_only
from partners.models import Organisation

from ..models import Question, Survey


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title", "intro", "organisation", "closes_on"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 4}), "closes_on": DATE}

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        offer_only(self.fields["organisation"], organisations)
        if self.instance.pk:
            # The survey stays with the organisation that made it.
            del self.fields["organisation"]

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on and closes_on < timezone.localdate() and "closes_on" in self.changed_data:
            raise forms.ValidationError(_("The last day cannot be in the past."), code="past")
        return closes_on


class QuestionForm(forms.ModelForm):
    choice_lines = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One choice per line, for the choice questions."),
    )

    class Meta:
        model = Question
        fields = [
            "kind",
            "text",
            "help",
            "required",
            "choice_lines",
            "scale_max",
            "scale_min_label",
            "scale_max_label",
        ]
        help_texts = {"scale_max": _("For the scale questions: 1 is the low end.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.has_choices:
            self.fields["choice_lines"].initial = "\n".join(
                choice.text for choice in self.instance.choices.all()
            )

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        lines = [
            line.strip() for line in (data.get("choice_lines") or "").splitlines() if line.strip()
        ]
        if kind in Question.CHOICE_KINDS:
            if len(lines) < 2:
                self.add_error("choice_lines", _("Give at least two choices, one per line."))
            elif len({line.casefold() for line in lines}) != len(lines):
                self.add_error("choice_lines", _("Each choice must be different."))
            elif any(len(line) > 300 for line in lines):
                self.add_error("choice_lines", _("A choice can be at most 300 characters."))
        data["choice_lines"] = lines
        return data


class SendForm(forms.Form):
    companies = forms.ModelMultipleChoiceField(
        label=_("Companies"),
        required=False,
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Sent to the company's e-mail address, or to its contact people in the portal."
        ),
    )
    emails = forms.CharField(
        label=_("Other e-mail addresses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, or separated by commas."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["companies"].queryset = (
            Organisation.objects.active()
            .filter(kind=Organisation.Kind.COMPANY)
            .prefetch_related("memberships__user")
            .order_by("name")
        )

    def clean_emails(self):
        raw = self.cleaned_data["emails"].replace(",", "\n").replace(";", "\n")
        emails, bad = [], []
        for line in raw.splitlines():
            email = line.strip()
            if not email:
                continue
            try:
                validate_email(email)
            except forms.ValidationError:
                bad.append(email)
            else:
                emails.append(email)
        if bad:
            raise forms.ValidationError(
                _("These are not e-mail addresses: %(addresses)s"),
                params={"addresses": ", ".join(bad)},
                code="invalid",
            )
        return emails

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("companies") and not data.get("emails"):
            raise forms.ValidationError(
                _("Choose at least one company or give an address."), code="empty"
            )
        return data


def answer_form(questions, data=None):
    """A form with one field per question, named after the question."""
    form = forms.Form(data)
    for question in questions:
        common = {
            "label": question.text,
            "help_text": question.help,
            "required": question.required,
        }
        if question.kind == Question.Kind.TEXT:
            field = forms.CharField(
                widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, **common
            )
        elif question.kind == Question.Kind.SINGLE:
            field = forms.ModelChoiceField(
                queryset=question.choices.all(),
                widget=forms.RadioSelect,
                empty_label=None,
                **common,
            )
        elif question.kind == Question.Kind.MULTIPLE:
            field = forms.ModelMultipleChoiceField(
                queryset=question.choices.all(), widget=forms.CheckboxSelectMultiple, **common
            )
        else:
            field = forms.TypedChoiceField(
                choices=[(n, str(n)) for n in range(1, question.scale_max + 1)],
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "scale"}),
                **common,
            )
            field.scale_labels = (question.scale_min_label, question.scale_max_label)
        field.question = question
        form.fields[f"q{question.pk}"] = field
    return form
