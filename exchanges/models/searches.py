"""Saved offer searches and private calendar feeds."""

import hashlib
import json

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def query_fingerprint(query: dict) -> str:
    """The same filters, in whatever order, give the same fingerprint."""
    canonical = json.dumps(query, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


class SavedSearch(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=100)
    query = models.JSONField(_("filters"), default=dict)
    #: The filters in one canonical form: the same search is saved once per person.
    fingerprint = models.CharField(max_length=64, blank=True, default="", editable=False)
    last_checked_at = models.DateTimeField(_("last checked"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "fingerprint"],
                condition=~Q(fingerprint=""),
                name="one_saved_search_per_filters",
            )
        ]

    def __str__(self):
        return self.name


class CalendarFeed(models.Model):
    """A private, revocable address of a person's own exchanges as iCalendar.

    Only a hash of the address's token is kept: the address is shown once, when it is
    made, and a leaked database does not leak anyone's calendar.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exchange_calendar"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)
