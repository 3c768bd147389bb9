"""Claims: a student's evidence for a badge, its files and its history."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import HistoryEvent, acting_user
from core.uploads import UploadValidator

from .badges import Badge


class Claim(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        RESUBMITTED = "resubmitted", _("Resubmitted")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    OPEN_STATES = (Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.RESUBMITTED)
    EDITABLE_STATES = (Status.DRAFT, Status.RETURNED)
    WAITING_STATES = (Status.SUBMITTED, Status.RESUBMITTED)

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("student"),
        on_delete=models.CASCADE,
        related_name="claims",
    )
    badge = models.ForeignKey(
        Badge, verbose_name=_("badge"), on_delete=models.PROTECT, related_name="claims"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    narrative = models.TextField(_("what you did"), blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    supervisor_name = models.CharField(_("workplace supervisor"), max_length=200, blank=True)
    supervisor_email = models.EmailField(_("supervisor's e-mail"), blank=True)
    supervisor_confirmed_at = models.DateTimeField(
        _("confirmed by the supervisor"), null=True, blank=True
    )
    supervisor_statement = models.TextField(_("supervisor's statement"), blank=True)
    supervisor_link_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    assessor = acting_user(_("assessor"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["badge", "status"]),
            # The newest first, as the admin lists them.
            models.Index(fields=["-created_at", "-id"], name="claim_newest"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "badge"],
                condition=Q(status__in=["draft", "submitted", "returned", "resubmitted"]),
                name="one_open_claim_per_badge",
                violation_error_message=_("You already have an open claim for this badge."),
            )
        ]

    def __str__(self):
        return f"{self.student} · {self.badge}"

    def get_absolute_url(self):
        return reverse("passport:claim_detail", kwargs={"pk": self.pk})


def evidence_path(instance, filename):
    return f"evidence/{instance.claim_id}/{secrets.token_hex(8)}-{filename}"


class EvidenceFile(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(
        _("file"),
        upload_to=evidence_path,
        validators=[
            UploadValidator(
                ["pdf", "png", "jpg", "jpeg", "mp4", "docx", "odt", "pptx"], "EVIDENCE_MAX_BYTES"
            )
        ],
    )
    name = models.CharField(_("name"), max_length=200)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self):
        return self.name


class ClaimEvent(HistoryEvent):
    """One move of a claim (``core.workflow.perform`` writes it)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(_("from"), max_length=16, choices=Claim.Status.choices)
    to_status = models.CharField(_("to"), max_length=16, choices=Claim.Status.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("claim event")
        verbose_name_plural = _("claim history")

    def __str__(self):
        return f"{self.claim_id}: {self.from_status} → {self.to_status}"
