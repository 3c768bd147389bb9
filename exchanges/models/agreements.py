"""Partnership agreements (memoranda of understanding) between organisations."""

import secrets

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.models import acting_user
from core.uploads import UploadValidator
from partners.models import Organisation, Sector


class MobilityForm(models.TextChoices):
    TRAINING_AGREEMENT = "training_agreement", _("Training agreement (workplace learning)")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
    INTERNATIONAL_EXCHANGE = "international_exchange", _("International exchange")
    TEACHER_JOB_SHADOWING = "teacher_job_shadowing", _("Teacher job shadowing")


def agreement_path(instance, filename):
    return f"agreements/{secrets.token_hex(8)}-{filename}"


class PartnershipAgreement(models.Model):
    """A memorandum of understanding between organisations."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired")
        TERMINATED = "terminated", _("Terminated")

    title = models.CharField(_("title"), max_length=200)
    parties = models.ManyToManyField(
        Organisation, verbose_name=_("parties"), related_name="partnership_agreements"
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), blank=True)
    qualifications = models.TextField(_("qualifications or units"), blank=True)
    mobility_forms = models.JSONField(_("mobility types"), default=list, blank=True)
    yearly_quota = models.PositiveIntegerField(_("yearly quota"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    document = models.FileField(
        _("signed document"),
        upload_to=agreement_path,
        blank=True,
        validators=[UploadValidator(["pdf"], "ATTACHMENT_MAX_BYTES")],
    )
    created_by = acting_user(_("created by"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("partnership agreement")
        verbose_name_plural = _("partnership agreements")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("valid_from")),
                name="agreement_dates_in_order",
                violation_error_message=_("The agreement cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.title
