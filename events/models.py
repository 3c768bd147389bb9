import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import acting_user
from core.uploads import UploadValidator
from partners.models import Organisation, Sector


class Event(models.Model):
    class Kind(models.TextChoices):
        SEMINAR = "seminar", _("Seminar")
        WORKSHOP = "workshop", _("Workshop")
        INFO_SESSION = "info_session", _("Info session")
        INFO_POINT = "info_point", _("Info point")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    organisers = models.ManyToManyField(
        Organisation, verbose_name=_("organisers"), related_name="events"
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("places"), validators=[MinValueValidator(1)])
    registered = models.PositiveIntegerField(_("registered"), default=0, editable=False)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    badge = models.ForeignKey(
        "worklife_passport.Badge",
        verbose_name=_("participation badge"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    checkin_token = models.CharField(
        max_length=43, default=secrets.token_urlsafe, unique=True, editable=False
    )
    is_published = models.BooleanField(_("published"), default=True)
    created_by = acting_user()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        constraints = [
            # The backstop under the row lock: never more confirmed places than capacity.
            models.CheckConstraint(
                condition=Q(registered__lte=F("capacity")), name="event_not_overbooked"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")), name="event_dates_in_order"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event_detail", kwargs={"pk": self.pk})

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.registered, 0)

    @property
    def registration_open(self) -> bool:
        closes = self.registration_closes or self.starts_at
        return self.is_published and timezone.now() < closes


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", pgettext_lazy("event registration", "Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~Q(status="cancelled"),
                name="one_registration_per_event",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status", "created_at"]),
            # The admin's list, in the order people registered.
            models.Index(fields=["created_at", "id"], name="registration_order"),
        ]

    def __str__(self):
        return f"{self.user} · {self.event}"


def material_path(instance, filename):
    return f"event-materials/{instance.event_id}/{secrets.token_hex(8)}-{filename}"


class Material(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"),
        upload_to=material_path,
        validators=[
            UploadValidator(["pdf", "pptx", "docx", "odt", "odp", "png", "jpg"], 20 * 1024 * 1024)
        ],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("event material")
        verbose_name_plural = _("event materials")

    def __str__(self):
        return self.title


class CalendarFeed(models.Model):
    """A private, revocable address of the events a person registered for, as iCalendar.

    Only a hash of the address's token is kept; the address is shown once, when made.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_calendar"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        verbose_name = _("event calendar feed")
        verbose_name_plural = _("event calendar feeds")

    def __str__(self):
        return str(self.user)
