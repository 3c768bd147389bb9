"""Needs surveys (kartoitukset): a questionnaire sent to companies, answered by link.
Each table keeps the name it had when the surveys lived in the partners app."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import acting_user
from partners.models import Organisation

if TYPE_CHECKING:
    # The translated models' managers are swapped for this one when the app registry loads.
    import modeltranslation.manager  # noqa: F401


class Survey(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for answers")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown above the questions: why you ask and what you do with the answers."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="surveys",
    )
    created_by = acting_user(_("created by"))
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    closes_on = models.DateField(
        _("answers accepted until"),
        null=True,
        blank=True,
        help_text=_("The last day, Finnish time. Leave empty to close the survey by hand."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)

    class Meta:
        db_table = "partners_survey"
        verbose_name = _("needs survey")
        verbose_name_plural = _("needs surveys")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partners:survey_detail", kwargs={"pk": self.pk})

    @property
    def takes_answers(self) -> bool:
        if self.status != self.Status.OPEN:
            return False
        return self.closes_on is None or timezone.localdate() <= self.closes_on


class Question(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        SINGLE = "single", _("One choice")
        MULTIPLE = "multiple", _("Several choices")
        SCALE = "scale", _("Scale")

    CHOICE_KINDS = (Kind.SINGLE, Kind.MULTIPLE)

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=500)
    help = models.CharField(_("help text"), max_length=500, blank=True)
    required = models.BooleanField(_("an answer is required"), default=False)
    scale_max = models.PositiveSmallIntegerField(
        _("scale from 1 to"),
        default=5,
        validators=[MinValueValidator(2), MaxValueValidator(10)],
    )
    scale_min_label = models.CharField(_("label of the low end"), max_length=100, blank=True)
    scale_max_label = models.CharField(_("label of the high end"), max_length=100, blank=True)

    class Meta:
        db_table = "partners_question"
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["survey", "position", "pk"]

    def __str__(self):
        return self.text

    @property
    def has_choices(self) -> bool:
        return self.kind in self.CHOICE_KINDS


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("choice"), max_length=300)

    class Meta:
        db_table = "partners_choice"
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question", "position", "pk"]

    def __str__(self):
        return self.text


class Recipient(models.Model):
    """A company the survey was sent to; its link answers once."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="recipients")
    company = models.ForeignKey(
        Organisation,
        verbose_name=_("company"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_links",
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        db_table = "partners_recipient"
        verbose_name = _("survey recipient")
        verbose_name_plural = _("survey recipients")
        ordering = ["survey", "email"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "email"], name="one_link_per_address")
        ]

    def __str__(self):
        return self.email


class Response(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    recipient = models.OneToOneField(
        Recipient, on_delete=models.SET_NULL, null=True, blank=True, related_name="response"
    )
    company = models.ForeignKey(
        Organisation,
        verbose_name=_("company"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_responses",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    submitted_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        db_table = "partners_response"
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.survey} · {self.company or self.recipient or self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"), blank=True)
    scale = models.PositiveSmallIntegerField(_("scale value"), null=True, blank=True)
    choices = models.ManyToManyField(Choice, verbose_name=_("choices"), blank=True)

    class Meta:
        db_table = "partners_answer"
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]

    def __str__(self):
        return f"{self.question}: {self.text or self.scale or ''}"
