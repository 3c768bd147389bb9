"""Calls for pilots (pilottihaku): the network opens a call, groups apply, reviewers
score, the organiser decides, funded pilots report progress. Each table keeps the name
it had when the calls lived in the partners app."""

import secrets
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import acting_user
from core.uploads import DOCUMENTS, IMAGES, UploadValidator
from partners.models import Organisation

if TYPE_CHECKING:
    # The translated models' managers are swapped for this one when the app registry loads.
    import modeltranslation.manager  # noqa: F401


class PilotCall(models.Model):
    class Phase(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for applications")
        REVIEW = "review", _("Deadline passed, in review")
        CLOSED = "closed", _("Decided")

    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("call text"))
    eligibility = models.TextField(
        _("who may apply"), help_text=_("The eligibility rules, as applicants should read them.")
    )
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="pilot_calls",
    )
    deadline = models.DateTimeField(
        _("deadline"),
        help_text=_("Finnish time (Europe/Helsinki). Applications close at this moment."),
    )
    budget = models.CharField(_("funding available"), max_length=200, blank=True)
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewers"),
        blank=True,
        related_name="pilot_calls_to_review",
    )
    created_by = acting_user(_("created by"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    closed_at = models.DateTimeField(_("decisions made"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "partners_pilotcall"
        verbose_name = _("call for pilots")
        verbose_name_plural = _("calls for pilots")
        ordering = ["-deadline"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partners:pilot_call", kwargs={"pk": self.pk})

    @property
    def phase(self) -> str:
        if self.published_at is None:
            return self.Phase.DRAFT
        if self.closed_at is not None:
            return self.Phase.CLOSED
        if timezone.now() < self.deadline:
            return self.Phase.OPEN
        return self.Phase.REVIEW

    def get_phase_display(self) -> str:
        return str(self.Phase(self.phase).label)

    @property
    def is_open(self) -> bool:
        return self.phase == self.Phase.OPEN


class CallCriterion(models.Model):
    call = models.ForeignKey(PilotCall, on_delete=models.CASCADE, related_name="criteria")
    text = models.CharField(_("criterion"), max_length=300)
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("How much this criterion counts relative to the others."),
    )
    max_score = models.PositiveSmallIntegerField(
        _("highest score"), default=5, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        db_table = "partners_callcriterion"
        verbose_name = _("call criterion")
        verbose_name_plural = _("call criteria")
        ordering = ["call", "position", "pk"]

    def __str__(self):
        return self.text


class PilotApplication(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        FUNDED = "funded", _("Funded")
        REJECTED = "rejected", _("Not funded")

    call = models.ForeignKey(
        PilotCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="applications"
    )
    title = models.CharField(_("name of the pilot"), max_length=200)
    lead = models.ForeignKey(
        Organisation,
        verbose_name=_("lead applicant"),
        on_delete=models.PROTECT,
        related_name="pilot_applications",
    )
    partners = models.ManyToManyField(
        Organisation,
        verbose_name=_("partners in the group"),
        blank=True,
        related_name="pilot_partnerships",
        help_text=_("The other municipalities, schools and organisations in the group."),
    )
    contact = acting_user(_("contact person"), related_name="pilot_applications")
    summary = models.TextField(_("summary"))
    objectives = models.TextField(_("objectives and expected results"))
    work_plan = models.TextField(_("work plan and timetable"))
    budget = models.DecimalField(
        _("budget applied for (EUR)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    granted = models.DecimalField(
        _("amount granted (EUR)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    decision_note = models.TextField(_("reasons for the decision"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = acting_user(_("decided by"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "partners_pilotapplication"
        verbose_name = _("pilot application")
        verbose_name_plural = _("pilot applications")
        ordering = ["call", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partners:pilot_application", kwargs={"pk": self.pk})

    def organisations(self) -> list:
        return [self.lead, *self.partners.all()]


ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


def attachment_path(instance, filename):
    return f"pilots/{instance.application_id}/{secrets.token_hex(8)}-{filename}"


class PilotAttachment(models.Model):
    application = models.ForeignKey(
        PilotApplication, on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"),
        upload_to=attachment_path,
        validators=[UploadValidator((*DOCUMENTS, *IMAGES), ATTACHMENT_MAX_BYTES)],
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        db_table = "partners_pilotattachment"
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.title


class Score(models.Model):
    application = models.ForeignKey(
        PilotApplication, on_delete=models.CASCADE, related_name="scores"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="pilot_scores",
    )
    criterion = models.ForeignKey(CallCriterion, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "partners_score"
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer", "criterion"], name="one_score_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.application} · {self.criterion}: {self.score}"


class ProgressReport(models.Model):
    application = models.ForeignKey(
        PilotApplication, on_delete=models.CASCADE, related_name="progress_reports"
    )
    period = models.CharField(
        _("period"), max_length=100, help_text=_("For example “spring 2027”.")
    )
    text = models.TextField(_("what was done and achieved"))
    next_steps = models.TextField(_("next steps"), blank=True)
    submitted_by = acting_user(_("submitted by"))
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        db_table = "partners_progressreport"
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.application} · {self.period}"
