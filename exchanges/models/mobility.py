"""Learning agreements, their signatures and the mobility record of the period."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from core.models import acting_user

from .applications import Application


class LearningAgreement(models.Model):
    """One version of an application's learning agreement. Changing a signed version
    makes a new one; earlier versions stay readable."""

    class Party(models.TextChoices):
        STUDENT = "student", _("Participant")
        HOME = "home", _("Home coordinator")
        HOST = "host", _("Host")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="agreements"
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    learning_outcomes = models.TextField(_("learning outcomes or units"))
    tasks = models.TextField(_("tasks"))
    assessment = models.TextField(_("assessment method"))
    instructor = models.CharField(_("workplace instructor"), max_length=200)
    mentor = models.CharField(_("mentor"), max_length=200, blank=True)
    monitoring = models.TextField(_("monitoring"), blank=True)
    recognition = models.TextField(_("recognition at home"))
    created_by = acting_user(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    host_link_used_at = models.DateTimeField(_("host link used"), null=True, blank=True)

    CONTENT_FIELDS = (
        "learning_outcomes",
        "tasks",
        "assessment",
        "instructor",
        "mentor",
        "monitoring",
        "recognition",
    )

    class Meta:
        verbose_name = _("learning agreement")
        verbose_name_plural = _("learning agreements")
        ordering = ["application", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "version"], name="unique_agreement_version"
            )
        ]

    def __str__(self):
        return f"{self.application} · v{self.version}"


class Signature(models.Model):
    agreement = models.ForeignKey(
        LearningAgreement, on_delete=models.CASCADE, related_name="signatures"
    )
    party = models.CharField(_("party"), max_length=8, choices=LearningAgreement.Party.choices)
    signed_by = acting_user(_("signed by"), blank=True)
    signer_name = models.CharField(_("name"), max_length=200)
    signed_at = models.DateTimeField(_("signed"), default=timezone.now)
    via_link = models.BooleanField(_("signed through a link"), default=False)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "party"], name="one_signature_per_party")
        ]

    def __str__(self):
        return f"{self.get_party_display()}: {self.signer_name}"


def _rating(label: StrOrPromise) -> models.PositiveSmallIntegerField:
    """A rating from 1 to 5, given after the period."""
    return models.PositiveSmallIntegerField(
        label, null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class MobilityRecord(models.Model):
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="mobility"
    )
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    arrival_confirmed_at = models.DateTimeField(_("arrival confirmed"), null=True, blank=True)
    departure_confirmed_at = models.DateTimeField(_("departure confirmed"), null=True, blank=True)
    arrival_reason = models.TextField(
        _("why the arrival differs from the agreed start"), blank=True
    )
    departure_reason = models.TextField(
        _("why the departure differs from the agreed end"), blank=True
    )
    interruptions = models.TextField(_("interruptions"), blank=True)
    part_time_percent = models.PositiveSmallIntegerField(
        _("part-time percentage"),
        default=100,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    instructor = models.CharField(_("workplace instructor"), max_length=200, blank=True)
    skills_acquired = models.TextField(_("skills acquired"), blank=True)
    participant_rating = _rating(_("participant's rating"))
    participant_feedback = models.TextField(_("participant's feedback"), blank=True)
    host_rating = _rating(_("host's rating"))
    host_feedback = models.TextField(_("host's feedback"), blank=True)
    credits = models.DecimalField(
        _("credits recognised"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    units_recognised = models.TextField(_("units recognised"), blank=True)
    recognised_at = models.DateTimeField(_("recognised"), null=True, blank=True)

    class Meta:
        verbose_name = _("mobility record")
        verbose_name_plural = _("mobility records")
        constraints = [
            models.CheckConstraint(
                condition=Q(actual_end__isnull=True)
                | Q(actual_start__isnull=True)
                | Q(actual_end__gte=F("actual_start")),
                name="mobility_dates_in_order",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self):
        return str(self.application)
