import secrets
import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.uploads import (
    UploadValidator,
    public_storage,
    validate_raster_image,
)
from partners.models import Membership, Organisation, Sector

from .imagery import BadgeImageField
from .validators import validate_badge_image

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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
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


class Claim(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        RESUBMITTED = "resubmitted", _("Resubmitted")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    OPEN_STATES = (Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.RESUBMITTED)
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
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assessor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["badge", "status"])]
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


class ClaimEvent(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=20)
    from_status = models.CharField(_("from"), max_length=12, choices=Claim.Status.choices)
    to_status = models.CharField(_("to"), max_length=12, choices=Claim.Status.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("claim event")
        verbose_name_plural = _("claim history")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.claim_id}: {self.from_status} → {self.to_status}"


def new_salt() -> str:
    return secrets.token_hex(16)


class Award(models.Model):
    """An awarded badge: the Open Badges assertion and credential."""

    class Source(models.TextChoices):
        CLAIM = "claim", _("Assessed claim")
        CODE = "code", _("Claim code")
        BULK = "bulk", _("Bulk award")
        EXCHANGE = "exchange", _("Exchange")
        MENTORING = "mentoring", _("Mentoring")
        EVENT = "event", _("Event")
        DIRECT = "direct", _("Awarded directly")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    badge = models.ForeignKey(
        Badge, verbose_name=_("badge"), on_delete=models.PROTECT, related_name="awards"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="awards",
    )
    recipient_email = models.EmailField(_("recipient's e-mail"))
    recipient_name = models.CharField(_("recipient's name"), max_length=200, blank=True)
    salt = models.CharField(max_length=32, default=new_salt, editable=False)
    # Kept when the recipient's account is erased: the salted hash still identifies the
    # holder to whoever has the badge, while the plain e-mail and name are gone.
    recipient_identity = models.CharField(
        _("recipient's identity hash"), max_length=80, blank=True, editable=False
    )
    issued_on = models.DateTimeField(_("issued"), default=timezone.now)
    expires_on = models.DateTimeField(_("expires"), null=True, blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    source = models.CharField(_("source"), max_length=12, choices=Source.choices)
    claim = models.OneToOneField(
        Claim, on_delete=models.SET_NULL, null=True, blank=True, related_name="award"
    )
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("awarded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status_index = models.PositiveIntegerField(_("status list index"), editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revocation_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-issued_on"]
        indexes = [
            models.Index(fields=["recipient", "-issued_on"]),
            models.Index(fields=["badge", "revoked_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["badge", "status_index"], name="unique_status_index_per_badge"
            )
        ]

    def __str__(self):
        return f"{self.badge} → {self.recipient_name or self.recipient_email}"

    def get_absolute_url(self):
        return reverse("passport:award_detail", kwargs={"public_id": self.public_id})

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_on is not None and self.expires_on <= timezone.now()


class SigningAlgorithm(models.TextChoices):
    """The JWS algorithms an issuer may sign its Open Badges 3.0 credentials with. Every
    verifier must accept RS256; EdDSA gives shorter keys and tokens."""

    EDDSA = "EdDSA", _("EdDSA (Ed25519)")
    RS256 = "RS256", _("RS256 (RSA, 2048 bits)")


class IssuerSettings(models.Model):
    """How an organisation issues badges: the algorithm its credentials are signed with."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="issuer_settings",
    )
    signing_algorithm = models.CharField(
        _("signing algorithm"),
        max_length=8,
        choices=SigningAlgorithm.choices,
        default=SigningAlgorithm.EDDSA,
        help_text=_(
            "Open Badges 3.0 credentials are signed with a key of this kind. A change takes "
            "effect with the next credential; earlier ones keep verifying."
        ),
    )

    class Meta:
        verbose_name = _("badge issuer settings")
        verbose_name_plural = _("badge issuer settings")

    def __str__(self):
        return str(self.organisation)


class IssuerKey(models.Model):
    """A key an organisation signs credentials with (Ed25519 or RSA). The private half is
    stored encrypted; retired keys stay in the DID document so old credentials still
    verify."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="signing_keys"
    )
    kid = models.CharField(max_length=64, unique=True)
    algorithm = models.CharField(
        _("algorithm"),
        max_length=8,
        choices=SigningAlgorithm.choices,
        default=SigningAlgorithm.EDDSA,
    )
    public_jwk = models.JSONField()
    private_key_encrypted = models.TextField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")
        ordering = ["organisation", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(retired_at__isnull=True),
                name="one_active_key_per_organisation",
            )
        ]

    def __str__(self):
        return f"{self.organisation} · {self.kid}"


class StatusList(models.Model):
    """The revocation list of one issuer: the next free index of its bitstring."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="status_list"
    )
    next_index = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("status list")
        verbose_name_plural = _("status lists")

    def __str__(self):
        return str(self.organisation)


class ClaimCode(models.Model):
    badge = models.ForeignKey(Badge, on_delete=models.CASCADE, related_name="codes")
    code = models.CharField(_("code"), max_length=16, unique=True)
    label = models.CharField(_("for"), max_length=200, help_text=_("e.g. the event"))
    max_uses = models.PositiveIntegerField(
        _("how many may use it"), validators=[MinValueValidator(1)]
    )
    uses = models.PositiveIntegerField(_("used"), default=0)
    expires_at = models.DateTimeField(_("expires"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("claim code")
        verbose_name_plural = _("claim codes")
        constraints = [
            models.CheckConstraint(
                condition=Q(uses__lte=F("max_uses")), name="code_uses_within_limit"
            )
        ]

    def __str__(self):
        return self.code


class BulkAward(models.Model):
    class Status(models.TextChoices):
        PREVIEW = "preview", _("Waiting for confirmation")
        RUNNING = "running", _("Awarding")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    badge = models.ForeignKey(Badge, on_delete=models.CASCADE, related_name="bulk_awards")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    rows = models.JSONField(default=list)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PREVIEW)
    done_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bulk award")
        verbose_name_plural = _("bulk awards")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.badge} · {len(self.rows)}"

    @property
    def valid_rows(self):
        return [row for row in self.rows if not row.get("errors")]


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
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("skill need")
        verbose_name_plural = _("skill needs")
        ordering = ["-created_at"]

    def __str__(self):
        return self.text


#: Roles that may assess badges, by the badge's setting.
ASSESSOR_ROLES = (Membership.Role.TEACHER, Membership.Role.COORDINATOR)
