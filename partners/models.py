"""The partners app's models: organisations, sectors, memberships and invitations."""

import hashlib
import secrets
from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.models import acting_user
from core.uploads import ShrunkImageField, UploadValidator, public_storage

from .validators import normalise_business_id, validate_business_id

if TYPE_CHECKING:
    # The translated models' managers are swapped for this one when the app registry loads.
    import modeltranslation.manager  # noqa: F401


# Logos are shown small; a larger one is drawn again at this size when it is kept.
LOGO_MAX_SIDE = 512


class Sector(models.Model):
    """A field of working life (toimiala), e.g. construction or health and social care."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["name"]

    def __str__(self):
        return self.name


#: Addresses under /partners/ that are pages, not organisations.
RESERVED_SLUGS = frozenset(
    {"outreach", "visits", "follow-ups", "surveys", "reviews", "pilots", "invitations"}
)


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


if TYPE_CHECKING:
    # Registering the model for translation swaps its manager for a class made at run time,
    # which the type checker cannot see; this is the manager it stands in for.
    OrganisationManager = models.Manager.from_queryset(OrganisationQuerySet)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        VOCATIONAL_SCHOOL = "vocational_school", _("Vocational school")
        HIGHER_EDUCATION = "higher_education", _("Higher-education institution")
        COMPANY = "company", _("Company")
        PUBLIC_BODY = "public_body", _("Public body")
        ASSOCIATION = "association", _("Association")

    class SizeClass(models.TextChoices):
        MICRO = "micro", _("Micro (under 10 staff)")
        SMALL = "small", _("Small (under 50 staff)")
        MEDIUM = "medium", _("Medium (under 250 staff)")
        LARGE = "large", _("Large (250 staff or more)")

    SCHOOL_KINDS = (Kind.VOCATIONAL_SCHOOL, Kind.HIGHER_EDUCATION)
    SME_SIZES = (SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM)

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, db_index=True)
    country = CountryField(_("country"), db_index=True)
    region = models.CharField(_("region"), max_length=120, blank=True)
    municipality = models.CharField(_("municipality"), max_length=120, blank=True)
    business_id = models.CharField(
        _("business ID"),
        max_length=50,
        blank=True,
        help_text=_(
            "Finland: Y-tunnus (1234567-8). Estonia: registry code (8 digits). "
            "Lithuania: company code (9 digits)."
        ),
    )
    size_class = models.CharField(
        _("size class"), max_length=8, choices=SizeClass.choices, blank=True, db_index=True
    )
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("sectors"), blank=True, related_name="organisations"
    )
    website = models.URLField(_("website"), blank=True)
    logo = ShrunkImageField(
        _("logo"),
        upload_to="logos/",
        storage=public_storage,
        max_side=LOGO_MAX_SIDE,
        blank=True,
        validators=[UploadValidator(["png", "jpg", "jpeg", "webp"], "LOGO_MAX_BYTES")],
        help_text=_("PNG, JPEG or WebP, at most 2 MB."),
    )
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects: ClassVar["OrganisationManager[Organisation]"] = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "business_id"],
                condition=~Q(business_id=""),
                name="unique_business_id_per_country",
                violation_error_message=_(
                    "Another organisation in this country already has this business ID."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:organisation_detail", kwargs={"slug": self.slug})

    @property
    def is_school(self):
        return self.kind in self.SCHOOL_KINDS

    @property
    def is_company(self):
        return self.kind == self.Kind.COMPANY

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This address is taken by a page of the portal.")}, code="reserved"
            )
        self.business_id = normalise_business_id(self.business_id)
        try:
            validate_business_id(self.country, self.business_id)
        except ValidationError as error:
            raise ValidationError({"business_id": error.messages}) from error
        if self.size_class and self.kind != self.Kind.COMPANY:
            raise ValidationError(
                {"size_class": _("Only companies have a size class.")}, code="size_class"
            )


def lead_organisation_id(
    organisations: "models.QuerySet[Organisation] | models.Manager[Organisation]",
) -> int | None:
    """The first listed of ``organisations`` (say an event's organisers): the one whose
    audit log records what concerns them all."""
    return organisations.order_by("pk").values_list("pk", flat=True).first()


class Membership(models.Model):
    """A person's role in an organisation. A person may hold several."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        TEACHER = "teacher", _("Teacher")
        STUDENT = "student", _("Student")
        GRADUATE = "graduate", _("Graduate")
        COMPANY_CONTACT = "company_contact", _("Company contact")
        MENTOR = "mentor", _("Mentor")
        ADVISOR = "advisor", _("Training advisor")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "role"]
        # The admin's list, the newest first.
        indexes = [models.Index(fields=["-created_at", "-id"], name="membership_newest")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"],
                name="unique_membership_role",
                violation_error_message=_("This person already has this role here."),
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.organisation}"


R = Membership.Role
K = Organisation.Kind

#: Which roles an organisation of each kind can give.
ROLES_BY_KIND: dict[str, list[str]] = {
    K.VOCATIONAL_SCHOOL: [R.COORDINATOR, R.TEACHER, R.STUDENT, R.GRADUATE, R.ADVISOR, R.MENTOR],
    K.HIGHER_EDUCATION: [R.COORDINATOR, R.TEACHER, R.STUDENT, R.GRADUATE, R.ADVISOR, R.MENTOR],
    K.COMPANY: [R.COMPANY_CONTACT, R.MENTOR],
    K.PUBLIC_BODY: [R.COORDINATOR, R.ADVISOR, R.MENTOR],
    K.ASSOCIATION: [R.COORDINATOR, R.ADVISOR, R.MENTOR],
}

#: The role that manages an organisation of each kind (edits it, invites people).
MANAGER_ROLE_BY_KIND: dict[str, str] = {
    kind: R.COMPANY_CONTACT if kind == K.COMPANY else R.COORDINATOR for kind in K
}


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """An e-mailed, single-use, expiring link that gives its holder a membership.

    Only a hash of the token is stored: a leaked database does not leak usable links.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=24, choices=Membership.Role.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = acting_user(_("invited by"), blank=True, related_name="invitations_sent")
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = acting_user(_("accepted by"), blank=True, related_name="invitations_accepted")
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["email"])]

    def __str__(self):
        return f"{self.email} → {self.organisation} ({self.get_role_display()})"

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)

    @property
    def state(self) -> str:
        if self.accepted_at:
            return self.State.ACCEPTED
        if self.revoked_at:
            return self.State.REVOKED
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.PENDING

    def get_state_display(self):
        return self.State(self.state).label
