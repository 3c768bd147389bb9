"""The student's passport: share links, pathways to recognition, company skill needs."""

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import acting_user
from partners.models import Organisation, Sector

from .awards import Award
from .badges import Badge


class ShareLink(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="passport_shares"
    )
    token = models.CharField(max_length=43, unique=True, default=secrets.token_urlsafe)
    label = models.CharField(_("for whom"), max_length=100)
    awards = models.ManyToManyField(Award, verbose_name=_("badges shown"), related_name="+")
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    view_count = models.PositiveIntegerField(_("views"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created_at"]

    def __str__(self):
        return self.label

    @property
    def is_open(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class Pathway(models.Model):
    """A set of badges that leads to a recognition at a higher-education organisation."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    recognised_by = models.ForeignKey(
        Organisation,
        verbose_name=_("recognised by"),
        on_delete=models.CASCADE,
        related_name="pathways",
    )
    recognition = models.CharField(
        _("what is recognised"),
        max_length=300,
        help_text=_("e.g. 5 ECTS credits in the business programme, or direct admission"),
    )
    credits = models.DecimalField(
        _("credits"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("pathway")
        verbose_name_plural = _("pathways")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PathwayRule(models.Model):
    class Kind(models.TextChoices):
        ALL = "all", _("All of these")
        SOME = "some", _("At least N of these")

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(_("rule"), max_length=4, choices=Kind.choices, default=Kind.ALL)
    required = models.PositiveSmallIntegerField(
        _("N"), default=1, validators=[MinValueValidator(1)]
    )
    badges = models.ManyToManyField(Badge, verbose_name=_("badges"), related_name="+")

    class Meta:
        verbose_name = _("pathway rule")
        verbose_name_plural = _("pathway rules")

    def __str__(self):
        return f"{self.pathway}: {self.get_kind_display()}"


class RecognitionAgreement(models.Model):
    """A higher-education organisation agrees to recognise the passport's badges."""

    higher_education = models.ForeignKey(
        Organisation,
        verbose_name=_("higher-education organisation"),
        on_delete=models.CASCADE,
        related_name="recognition_agreements",
    )
    issuers = models.ManyToManyField(
        Organisation, verbose_name=_("badge issuers"), related_name="+"
    )
    what = models.TextField(_("what is recognised"))
    credits = models.DecimalField(
        _("credits"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))

    class Meta:
        verbose_name = _("recognition agreement")
        verbose_name_plural = _("recognition agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("valid_from")), name="recognition_dates_in_order"
            )
        ]

    def __str__(self):
        return f"{self.higher_education}: {self.what[:60]}"


class RecognitionRequest(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recognition_requests"
    )
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="requests")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    decided_by = acting_user(blank=True)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("recognition request")
        verbose_name_plural = _("recognition requests")
        constraints = [
            models.UniqueConstraint(
                fields=["student", "pathway"],
                condition=Q(status__in=["requested", "confirmed"]),
                name="one_open_recognition_request",
            )
        ]

    def __str__(self):
        return f"{self.student} · {self.pathway}"


class SkillNeed(models.Model):
    """A skill a company says it needs; feeds badge suggestions and the catalogue."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="skill_needs",
    )
    text = models.CharField(_("skill needed"), max_length=300)
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.SET_NULL, null=True, blank=True
    )
    badges = models.ManyToManyField(
        Badge, verbose_name=_("related badges"), blank=True, related_name="skill_needs"
    )
    created_by = acting_user()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("skill need")
        verbose_name_plural = _("skill needs")
        ordering = ["-created_at"]

    def __str__(self):
        return self.text
