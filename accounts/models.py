from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra_fields)


#: What a person fills in about themselves on their profile.
PROFILE_FIELDS = ("full_name", "language", "gender", "birth_year", "labour_market_status")


def validate_birth_year(value):
    this_year = timezone.localdate().year
    if not (this_year - 110 <= value <= this_year - 10):
        raise ValidationError(
            _("Enter a year between %(first)s and %(last)s."),
            params={"first": this_year - 110, "last": this_year - 10},
            code="birth_year",
        )


class User(AbstractBaseUser, PermissionsMixin):
    """A person who uses the portal. Logs in with an e-mail address."""

    class Gender(models.TextChoices):
        FEMALE = "female", _("Woman")
        MALE = "male", _("Man")
        OTHER = "other", _("Other")
        UNDISCLOSED = "undisclosed", _("Prefer not to say")

    class LabourMarketStatus(models.TextChoices):
        STUDENT = "student", _("Student")
        EMPLOYED = "employed", _("Employed")
        UNEMPLOYED = "unemployed", _("Unemployed")
        OTHER = "other", _("Other")

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The portal and its e-mails use this language."),
    )
    gender = models.CharField(
        _("gender"),
        max_length=16,
        choices=Gender.choices,
        blank=True,
        help_text=_(
            "Optional. Used only in anonymous statistics that the network reports to its "
            "funder (participants by gender)."
        ),
    )
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"),
        null=True,
        blank=True,
        validators=[validate_birth_year],
        help_text=_(
            "Optional. Used only in anonymous statistics that the network reports to its "
            "funder (participants by age group)."
        ),
    )
    labour_market_status = models.CharField(
        _("labour-market status"),
        max_length=16,
        choices=LabourMarketStatus.choices,
        blank=True,
        help_text=_(
            "Optional. Used only in anonymous statistics that the network reports to its "
            "funder (participants by labour-market status)."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("network admin"),
        default=False,
        help_text=_("Network admins can use the admin site."),
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]
        indexes = [
            # People are found by their address whatever its case (a bulk award's file).
            models.Index(Lower("email"), name="user_email_lower"),
        ]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()
