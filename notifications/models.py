from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One notice on one channel: the outbox row.

    Written in the same transaction as the change that caused it, so a rolled-back
    change leaves no notice and a committed one is never lost: if the broker is down,
    the periodic sweep delivers what is still pending.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        IN_APP = "in_app", _("In the portal")

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        DIGEST = "digest", _("Waiting for the daily digest")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    email = models.EmailField(
        _("e-mail address"),
        blank=True,
        help_text=_("For people without an account, e.g. an invited person."),
    )
    kind = models.CharField(_("kind"), max_length=100, db_index=True)
    context = models.JSONField(_("context"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    idempotency_key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    #: When a worker last began handing the e-mail to the mail server; committed before
    #: it does, so a worker that dies in between leaves the notice marked.
    sending_at = models.DateTimeField(_("sending since"), null=True, blank=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["state", "next_attempt_at"],
                name="notification_due",
                condition=models.Q(state="pending"),
            ),
            models.Index(
                fields=["sending_at"],
                name="notification_sending",
                condition=models.Q(state="sending"),
            ),
            models.Index(fields=["recipient", "channel", "-created_at"], name="notification_inbox"),
            # The admin's outbox: the newest first, and the address of a person without an
            # account (its search matches it whatever the case).
            models.Index(fields=["-created_at", "-id"], name="notification_newest"),
            models.Index(fields=["state", "-created_at", "-id"], name="notification_by_state"),
            models.Index(Upper("email"), name="notification_email"),
            models.Index(
                fields=["recipient"],
                name="notification_unread",
                condition=models.Q(channel="in_app", read_at__isnull=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recipient__isnull=False) | ~models.Q(email=""),
                name="notification_has_an_address",
            )
        ]

    def __str__(self):
        return f"{self.kind} → {self.address} ({self.get_channel_display()})"

    @property
    def address(self) -> str:
        return self.recipient.email if self.recipient is not None else self.email


class Preference(models.Model):
    """How a person wants one kind of notice by e-mail."""

    class Delivery(models.TextChoices):
        IMMEDIATE = "immediate", _("E-mail at once")
        DIGEST = "digest", _("In a daily e-mail digest")
        IN_APP_ONLY = "in_app", _("Only in the portal")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=100)
    delivery = models.CharField(_("delivery"), max_length=12, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="unique_preference_per_kind")
        ]

    def __str__(self):
        return f"{self.user} · {self.kind} · {self.get_delivery_display()}"
