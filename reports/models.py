"""Report exports: a file the reports worker builds, shown with its progress."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from partners.models import Organisation

from .indicators import Period, Scope


def export_path(instance, filename):
    # Exports are named by their period: the token keeps one from being found by its name.
    return f"reports/{secrets.token_hex(16)}/{filename}"


class ReportExport(models.Model):
    class Format(models.TextChoices):
        XLSX = "xlsx", _("Excel workbook (XLSX)")
        CSV = "csv", _("CSV")
        PDF = "pdf", _("PDF")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for a worker")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="report_exports",
    )
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    country = CountryField(_("country"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(_("file"), upload_to=export_path, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), db_index=True)

    class Meta:
        verbose_name = _("report export")
        verbose_name_plural = _("report exports")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="report_export_period_in_order",
            )
        ]

    def __str__(self):
        return f"{self.get_format_display()} · {self.period_start}–{self.period_end}"

    def get_absolute_url(self):
        return reverse("reports:export", kwargs={"pk": self.pk})

    @property
    def period(self):
        return Period(self.period_start, self.period_end)

    @property
    def scope(self):
        return Scope(country=self.country.code or "", organisation=self.organisation)

    @property
    def expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def filename(self) -> str:
        return f"network-report-{self.period_start:%Y%m%d}-{self.period_end:%Y%m%d}.{self.format}"
