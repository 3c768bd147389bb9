"""Badges: the achievements of the passport, their alignments, endorsements and goals."""

import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import acting_user
from core.uploads import public_storage, validate_raster_image
from partners.models import Membership, Organisation, Sector

from ..imagery import BadgeImageField
from ..validators import validate_badge_image

if TYPE_CHECKING:
    # The translated models' managers are swapped for this one when the app registry loads.
    import modeltranslation.manager  # noqa: F401


# A PNG badge image larger than this on its long side is drawn again at this size.
BADGE_IMAGE_MAX_SIDE = 512


class Badge(models.Model):
    """An achievement of the passport. Each row is one version of a badge: changing the
    criteria of a badge that has been awarded makes a new row, and awards keep theirs."""

    class Category(models.TextChoices):
        WORK_LIFE = "work_life", _("Work-life skills")
        ENTREPRENEURSHIP = "entrepreneurship", _("Entrepreneurship")
        LOCAL_BUSINESS = "local_business", _("Local business knowledge")
        SECTOR = "sector", _("Sector skills")
        LANGUAGE_CULTURE = "language_culture", _("Language and culture")
        MENTORING = "mentoring", _("Mentoring")

    class AchievementType(models.TextChoices):
        # The Open Badges 3.0 achievement type vocabulary (a selection): the values go
        # into the credentials as they are, the labels are for people.
        BADGE = "Badge", pgettext_lazy("achievement type", "Badge")
        COMPETENCY = "Competency", pgettext_lazy("achievement type", "Competency")
        FIELDWORK = "Fieldwork", pgettext_lazy("achievement type", "Fieldwork")
        APPRENTICESHIP = (
            "ApprenticeshipCertificate",
            pgettext_lazy("achievement type", "Apprenticeship certificate"),
        )
        MICRO_CREDENTIAL = "MicroCredential", pgettext_lazy("achievement type", "Micro-credential")
        CERTIFICATE = "Certificate", pgettext_lazy("achievement type", "Certificate")
        COURSE = "Course", pgettext_lazy("achievement type", "Course")
        ASSIGNMENT = "Assignment", pgettext_lazy("achievement type", "Assignment")
        COCURRICULAR = "CoCurricular", pgettext_lazy("achievement type", "Co-curricular activity")

    class Evidence(models.TextChoices):
        TEXT = "text", _("A written description")
        FILE = "file", _("A file")
        LINK = "link", _("A link")
        SUPERVISOR = "supervisor", _("Confirmation by a workplace supervisor")

    family = models.UUIDField(_("badge"), default=uuid.uuid4, editable=False, db_index=True)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    is_current = models.BooleanField(_("current version"), default=True)
    issuer = models.ForeignKey(
        Organisation, verbose_name=_("issuer"), on_delete=models.PROTECT, related_name="badges"
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"))
    criteria = models.TextField(_("criteria"))
    image = BadgeImageField(
        _("image"),
        upload_to="badges/",
        storage=public_storage,
        max_side=BADGE_IMAGE_MAX_SIDE,
        blank=True,
        validators=[
            FileExtensionValidator(["png", "svg"]),
            validate_badge_image,
            validate_raster_image,
        ],
        help_text=_("PNG or SVG, square, at most 1 MB. Left empty, one is drawn for you."),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    achievement_type = models.CharField(
        _("achievement type"),
        max_length=32,
        choices=AchievementType.choices,
        default=AchievementType.BADGE,
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), blank=True)
    tags = models.CharField(_("tags"), max_length=300, blank=True, help_text=_("Comma-separated."))
    valid_days = models.PositiveIntegerField(
        _("valid for (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Empty: the badge does not expire."),
    )
    evidence_required = models.JSONField(_("evidence required"), default=list, blank=True)
    assessor_roles = models.JSONField(
        _("who may assess"),
        default=list,
        blank=True,
        help_text=_("Roles in the issuing organisation: teacher, coordinator."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        ordering = ["name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["family", "version"], name="unique_badge_version"),
            models.UniqueConstraint(
                fields=["family"], condition=Q(is_current=True), name="one_current_badge_version"
            ),
        ]

    def __str__(self):
        return self.name if self.version == 1 else f"{self.name} (v{self.version})"

    def get_absolute_url(self):
        return reverse("passport:badge_detail", kwargs={"pk": self.pk})

    @property
    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]

    def needs(self, evidence: str) -> bool:
        return evidence in self.evidence_required


class Alignment(models.Model):
    badge = models.ForeignKey(Badge, on_delete=models.CASCADE, related_name="alignments")
    framework = models.CharField(
        _("framework"), max_length=120, help_text=_("e.g. EntreComp, ESCO")
    )
    code = models.CharField(_("code"), max_length=60, blank=True)
    target_name = models.CharField(_("target name"), max_length=200)
    target_url = models.URLField(_("target URL"), blank=True)

    class Meta:
        verbose_name = _("alignment")
        verbose_name_plural = _("alignments")

    def __str__(self):
        return f"{self.framework}: {self.target_name}"


class Endorsement(models.Model):
    badge = models.ForeignKey(Badge, on_delete=models.CASCADE, related_name="endorsements")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("endorser"), on_delete=models.CASCADE, related_name="+"
    )
    comment = models.TextField(_("comment"))
    created_by = acting_user()
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("endorsed"), auto_now_add=True)

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [
            models.UniqueConstraint(
                fields=["badge", "organisation"], name="one_endorsement_per_org"
            )
        ]

    def __str__(self):
        return f"{self.organisation} → {self.badge}"


class Goal(models.Model):
    """A badge a student has chosen to collect."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="passport_goals"
    )
    badge = models.ForeignKey(Badge, on_delete=models.CASCADE, related_name="goals")
    created_at = models.DateTimeField(_("chosen"), auto_now_add=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [models.UniqueConstraint(fields=["user", "badge"], name="unique_goal")]

    def __str__(self):
        return f"{self.user} · {self.badge}"


#: Roles that may assess badges, by the badge's setting.
ASSESSOR_ROLES = (Membership.Role.TEACHER, Membership.Role.COORDINATOR)
