"""Applications, their attachments, history and comments."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import HistoryEvent, acting_user
from core.uploads import UploadValidator
from partners.models import Organisation

from .offers import PlacementOffer


class Application(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        APPROVED = "approved", _("Approved by the home school")
        ACCEPTED = "accepted", _("Accepted by the host")
        AGREEMENT_SIGNED = "agreement_signed", _("Learning agreement signed")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        RECOGNISED = "recognised", _("Recognised at home")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CANCELLED = "cancelled", _("Cancelled")

    class Kind(models.TextChoices):
        STUDENT = "student", _("Student mobility")
        STAFF = "staff", _("Staff mobility")

    #: States in which the applicant holds (or is about to hold) a period.
    ACTIVE_STATES = (
        Status.SUBMITTED,
        Status.RETURNED,
        Status.APPROVED,
        Status.ACCEPTED,
        Status.AGREEMENT_SIGNED,
        Status.IN_PROGRESS,
    )
    #: States after which the applicant may apply for the same offer again.
    ENDED_STATES = (Status.WITHDRAWN, Status.CANCELLED, Status.REJECTED)
    #: States that occupy one of the offer's seats.
    SEAT_STATES = (
        Status.ACCEPTED,
        Status.AGREEMENT_SIGNED,
        Status.IN_PROGRESS,
        Status.COMPLETED,
        Status.RECOGNISED,
    )

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.STUDENT)
    offer = models.ForeignKey(
        PlacementOffer,
        verbose_name=_("offer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
    )
    home = models.ForeignKey(
        Organisation,
        verbose_name=_("home organisation"),
        on_delete=models.PROTECT,
        related_name="outgoing_applications",
    )
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("host organisation"),
        on_delete=models.PROTECT,
        related_name="incoming_applications",
    )
    proposal = models.TextField(
        _("proposal"),
        blank=True,
        help_text=_("Without an offer: what you propose to do at the partner."),
    )
    motivation = models.TextField(_("motivation"))
    language_skills = models.TextField(_("language skills"))
    start_date = models.DateField(_("preferred start"))
    end_date = models.DateField(_("preferred end"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    overlap_allowed = models.BooleanField(
        _("overlap allowed"),
        default=False,
        help_text=_("A coordinator allowed this period to overlap another active one."),
    )
    student_rank = models.PositiveSmallIntegerField(
        _("applicant's preference"), null=True, blank=True, help_text=_("1 = first choice.")
    )
    host_rank = models.PositiveSmallIntegerField(
        _("host's ranking"), null=True, blank=True, help_text=_("1 = the host's first choice.")
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved by the home school"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["home", "status"]),
            models.Index(fields=["host", "status"]),
            models.Index(fields=["applicant", "status"]),
            # The admin's list, the newest first.
            models.Index(fields=["-created_at", "-id"], name="application_newest"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="application_dates_in_order",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.UniqueConstraint(
                fields=["applicant", "offer"],
                condition=Q(offer__isnull=False)
                & ~Q(status__in=["withdrawn", "cancelled", "rejected"]),
                name="one_live_application_per_offer",
                violation_error_message=_("You have already applied for this offer."),
            ),
        ]

    def __str__(self):
        target = self.offer.title if self.offer_id else self.host.name
        return f"{self.applicant} → {target}"

    def get_absolute_url(self):
        return reverse("exchanges:application_detail", kwargs={"pk": self.pk})


def attachment_path(instance, filename):
    return f"applications/{instance.application_id}/{secrets.token_hex(8)}-{filename}"


class ApplicationAttachment(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(
        _("file"),
        upload_to=attachment_path,
        validators=[
            UploadValidator(["pdf", "png", "jpg", "jpeg", "docx", "odt"], "ATTACHMENT_MAX_BYTES")
        ],
    )
    name = models.CharField(_("name"), max_length=200)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name


class ApplicationEvent(HistoryEvent):
    """One move of an application: the history shown on its page."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(_("from"), max_length=16, choices=Application.Status.choices)
    to_status = models.CharField(_("to"), max_length=16, choices=Application.Status.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("application event")
        verbose_name_plural = _("application history")

    def __str__(self):
        return f"{self.application_id}: {self.from_status} → {self.to_status}"


class ApplicationComment(models.Model):
    class Visibility(models.TextChoices):
        ALL = "all", _("Everyone in the exchange")
        STAFF = "staff", _("Coordinators and host only")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="comments")
    author = acting_user(_("author"))
    body = models.TextField(_("comment"))
    visibility = models.CharField(
        _("visible to"), max_length=8, choices=Visibility.choices, default=Visibility.ALL
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]
