"""Placement offers posted by companies and schools."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.models import acting_user
from partners.models import Organisation, Sector

from .agreements import MobilityForm


class OfferQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PlacementOffer.Status.PUBLISHED)


class PlacementOffer(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("Waiting for review")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")
        FILLED = "filled", _("Filled")
        ARCHIVED = "archived", _("Archived")

    #: What the host writes into an offer (its badges aside), in the form's order.
    CONTENT_FIELDS = (
        "title",
        "description",
        "sector",
        "form",
        "city",
        "country",
        "start_date",
        "end_date",
        "duration_weeks",
        "seats",
        "languages",
        "tasks",
        "learning_outcomes",
        "instructor",
        "accommodation_help",
        "accommodation_notes",
        "deadline",
    )

    host = models.ForeignKey(
        Organisation, verbose_name=_("host"), on_delete=models.CASCADE, related_name="offers"
    )
    posted_by = acting_user(_("posted by"), related_name="offers_posted")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="offers"
    )
    form = models.CharField(_("form"), max_length=32, choices=MobilityForm.choices)
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"), db_index=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    duration_weeks = models.PositiveSmallIntegerField(
        _("duration in weeks"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(104)],
        help_text=_("For flexible dates: how long the period lasts."),
    )
    seats = models.PositiveSmallIntegerField(
        _("seats"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    seats_taken = models.PositiveSmallIntegerField(_("seats taken"), default=0, editable=False)
    languages = models.JSONField(_("languages needed"), default=list, blank=True)
    tasks = models.TextField(_("tasks"), blank=True)
    learning_outcomes = models.TextField(_("learning outcomes offered"), blank=True)
    instructor = models.CharField(_("workplace instructor"), max_length=200, blank=True)
    accommodation_help = models.BooleanField(_("help with accommodation"), default=False)
    accommodation_notes = models.CharField(_("about accommodation"), max_length=300, blank=True)
    deadline = models.DateField(_("application deadline"))
    badges = models.ManyToManyField(
        "worklife_passport.Badge",
        verbose_name=_("passport badges for the learning outcomes"),
        blank=True,
        related_name="offers",
        help_text=_("Awarded in one step by the home coordinator when the period is completed."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("placement offer")
        verbose_name_plural = _("placement offers")
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["status", "country", "deadline"]),
            # The newest open offers, on the home page.
            models.Index(fields=["status", "-published_at"], name="exchanges_offer_newest_idx"),
        ]
        constraints = [
            # The backstop under the row lock: never more accepted than seats.
            models.CheckConstraint(
                condition=Q(seats_taken__lte=F("seats")),
                name="offer_seats_not_exceeded",
                violation_error_message=_("All seats of this offer are taken."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="offer_dates_in_order",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("exchanges:offer_detail", kwargs={"pk": self.pk})

    @property
    def seats_free(self) -> int:
        return max(self.seats - self.seats_taken, 0)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.deadline >= timezone.localdate()
