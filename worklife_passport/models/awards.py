"""Awards: awarded badges, the issuers' signing keys and status lists, claim codes and
bulk awards."""

import secrets
import uuid

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import acting_user
from partners.models import Organisation

from .badges import Badge
from .claims import Claim


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
    recipient = acting_user(_("recipient"), blank=True, related_name="awards")
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
    awarded_by = acting_user(_("awarded by"), blank=True)
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
            # Who holds a badge already, asked by address (a bulk award's file).
            models.Index(Lower("recipient_email"), name="award_recipient_email_lower"),
            # The newest first, as the admin lists them.
            models.Index(fields=["-issued_on", "-id"], name="award_newest"),
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
    created_by = acting_user()
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
    created_by = acting_user()
    rows = models.JSONField(default=list)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PREVIEW)
    #: The rows without a problem, counted once: its progress is read without the rows.
    valid_count = models.PositiveIntegerField(default=0)
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
