import hashlib
import json
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.uploads import UploadValidator
from partners.models import Organisation, Sector


class MobilityForm(models.TextChoices):
    TRAINING_AGREEMENT = "training_agreement", _("Training agreement (workplace learning)")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
    INTERNATIONAL_EXCHANGE = "international_exchange", _("International exchange")
    TEACHER_JOB_SHADOWING = "teacher_job_shadowing", _("Teacher job shadowing")


def agreement_path(instance, filename):
    return f"agreements/{secrets.token_hex(8)}-{filename}"


class PartnershipAgreement(models.Model):
    """A memorandum of understanding between organisations."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired")
        TERMINATED = "terminated", _("Terminated")

    title = models.CharField(_("title"), max_length=200)
    parties = models.ManyToManyField(
        Organisation, verbose_name=_("parties"), related_name="partnership_agreements"
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), blank=True)
    qualifications = models.TextField(_("qualifications or units"), blank=True)
    mobility_forms = models.JSONField(_("mobility types"), default=list, blank=True)
    yearly_quota = models.PositiveIntegerField(_("yearly quota"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    document = models.FileField(
        _("signed document"),
        upload_to=agreement_path,
        blank=True,
        validators=[UploadValidator(["pdf"], "ATTACHMENT_MAX_BYTES")],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("partnership agreement")
        verbose_name_plural = _("partnership agreements")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("valid_from")),
                name="agreement_dates_in_order",
                violation_error_message=_("The agreement cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.title

    def is_in_force(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.status == self.Status.ACTIVE and self.valid_from <= on <= self.valid_until


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

    host = models.ForeignKey(
        Organisation, verbose_name=_("host"), on_delete=models.CASCADE, related_name="offers"
    )
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="offers_posted",
    )
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


class Application(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        APPROVED = "approved", _("Approved by the home school")
        ACCEPTED = "accepted", _("Accepted by the host")
        AGREEMENT_SIGNED = "agreement_signed", _("Learning agreement signed")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        RECOGNISED = "recognised", _("Recognised at home")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CANCELLED = "cancelled", _("Cancelled")

    class Kind(models.TextChoices):
        STUDENT = "student", _("Student mobility")
        STAFF = "staff", _("Staff mobility")

    #: States in which the applicant holds (or is about to hold) a period.
    ACTIVE_STATES = (
        Status.SUBMITTED,
        Status.RETURNED,
        Status.APPROVED,
        Status.ACCEPTED,
        Status.AGREEMENT_SIGNED,
        Status.IN_PROGRESS,
    )
    #: States after which the applicant may apply for the same offer again.
    ENDED_STATES = (Status.WITHDRAWN, Status.CANCELLED, Status.REJECTED)
    #: States that occupy one of the offer's seats.
    SEAT_STATES = (
        Status.ACCEPTED,
        Status.AGREEMENT_SIGNED,
        Status.IN_PROGRESS,
        Status.COMPLETED,
        Status.RECOGNISED,
    )

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.STUDENT)
    offer = models.ForeignKey(
        PlacementOffer,
        verbose_name=_("offer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
    )
    home = models.ForeignKey(
        Organisation,
        verbose_name=_("home organisation"),
        on_delete=models.PROTECT,
        related_name="outgoing_applications",
    )
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("host organisation"),
        on_delete=models.PROTECT,
        related_name="incoming_applications",
    )
    proposal = models.TextField(
        _("proposal"),
        blank=True,
        help_text=_("Without an offer: what you propose to do at the partner."),
    )
    motivation = models.TextField(_("motivation"))
    language_skills = models.TextField(_("language skills"))
    start_date = models.DateField(_("preferred start"))
    end_date = models.DateField(_("preferred end"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    overlap_allowed = models.BooleanField(
        _("overlap allowed"),
        default=False,
        help_text=_("A coordinator allowed this period to overlap another active one."),
    )
    student_rank = models.PositiveSmallIntegerField(
        _("applicant's preference"), null=True, blank=True, help_text=_("1 = first choice.")
    )
    host_rank = models.PositiveSmallIntegerField(
        _("host's ranking"), null=True, blank=True, help_text=_("1 = the host's first choice.")
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved by the home school"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["home", "status"]),
            models.Index(fields=["host", "status"]),
            models.Index(fields=["applicant", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="application_dates_in_order",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.UniqueConstraint(
                fields=["applicant", "offer"],
                condition=Q(offer__isnull=False)
                & ~Q(status__in=["withdrawn", "cancelled", "rejected"]),
                name="one_live_application_per_offer",
                violation_error_message=_("You have already applied for this offer."),
            ),
        ]

    def __str__(self):
        target = self.offer.title if self.offer_id else self.host.name
        return f"{self.applicant} → {target}"

    def get_absolute_url(self):
        return reverse("exchanges:application_detail", kwargs={"pk": self.pk})

    @property
    def holds_seat(self) -> bool:
        return self.status in self.SEAT_STATES

    @property
    def duration_days(self) -> int:
        return (self.end_date - self.start_date).days + 1


def attachment_path(instance, filename):
    return f"applications/{instance.application_id}/{secrets.token_hex(8)}-{filename}"


class ApplicationAttachment(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(
        _("file"),
        upload_to=attachment_path,
        validators=[
            UploadValidator(["pdf", "png", "jpg", "jpeg", "docx", "odt"], "ATTACHMENT_MAX_BYTES")
        ],
    )
    name = models.CharField(_("name"), max_length=200)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name


class ApplicationEvent(models.Model):
    """One move of an application: the history shown on its page."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=32)
    from_status = models.CharField(_("from"), max_length=16, choices=Application.Status.choices)
    to_status = models.CharField(_("to"), max_length=16, choices=Application.Status.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("application event")
        verbose_name_plural = _("application history")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.application_id}: {self.from_status} → {self.to_status}"


class ApplicationComment(models.Model):
    class Visibility(models.TextChoices):
        ALL = "all", _("Everyone in the exchange")
        STAFF = "staff", _("Coordinators and host only")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    body = models.TextField(_("comment"))
    visibility = models.CharField(
        _("visible to"), max_length=8, choices=Visibility.choices, default=Visibility.ALL
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]


class LearningAgreement(models.Model):
    """One version of an application's learning agreement. Changing a signed version
    makes a new one; earlier versions stay readable."""

    class Party(models.TextChoices):
        STUDENT = "student", _("Participant")
        HOME = "home", _("Home coordinator")
        HOST = "host", _("Host")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="agreements"
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    learning_outcomes = models.TextField(_("learning outcomes or units"))
    tasks = models.TextField(_("tasks"))
    assessment = models.TextField(_("assessment method"))
    instructor = models.CharField(_("workplace instructor"), max_length=200)
    mentor = models.CharField(_("mentor"), max_length=200, blank=True)
    monitoring = models.TextField(_("monitoring"), blank=True)
    recognition = models.TextField(_("recognition at home"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    host_link_used_at = models.DateTimeField(_("host link used"), null=True, blank=True)

    CONTENT_FIELDS = (
        "learning_outcomes",
        "tasks",
        "assessment",
        "instructor",
        "mentor",
        "monitoring",
        "recognition",
    )

    class Meta:
        verbose_name = _("learning agreement")
        verbose_name_plural = _("learning agreements")
        ordering = ["application", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "version"], name="unique_agreement_version"
            )
        ]

    def __str__(self):
        return f"{self.application} · v{self.version}"


class Signature(models.Model):
    agreement = models.ForeignKey(
        LearningAgreement, on_delete=models.CASCADE, related_name="signatures"
    )
    party = models.CharField(_("party"), max_length=8, choices=LearningAgreement.Party.choices)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    signer_name = models.CharField(_("name"), max_length=200)
    signed_at = models.DateTimeField(_("signed"), default=timezone.now)
    via_link = models.BooleanField(_("signed through a link"), default=False)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "party"], name="one_signature_per_party")
        ]

    def __str__(self):
        return f"{self.get_party_display()}: {self.signer_name}"


class MobilityRecord(models.Model):
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="mobility"
    )
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    arrival_confirmed_at = models.DateTimeField(_("arrival confirmed"), null=True, blank=True)
    departure_confirmed_at = models.DateTimeField(_("departure confirmed"), null=True, blank=True)
    arrival_reason = models.TextField(
        _("why the arrival differs from the agreed start"), blank=True
    )
    departure_reason = models.TextField(
        _("why the departure differs from the agreed end"), blank=True
    )
    interruptions = models.TextField(_("interruptions"), blank=True)
    part_time_percent = models.PositiveSmallIntegerField(
        _("part-time percentage"),
        default=100,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    instructor = models.CharField(_("workplace instructor"), max_length=200, blank=True)
    skills_acquired = models.TextField(_("skills acquired"), blank=True)
    participant_rating = models.PositiveSmallIntegerField(
        _("participant's rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    participant_feedback = models.TextField(_("participant's feedback"), blank=True)
    host_rating = models.PositiveSmallIntegerField(
        _("host's rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    host_feedback = models.TextField(_("host's feedback"), blank=True)
    credits = models.DecimalField(
        _("credits recognised"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    units_recognised = models.TextField(_("units recognised"), blank=True)
    recognised_at = models.DateTimeField(_("recognised"), null=True, blank=True)

    class Meta:
        verbose_name = _("mobility record")
        verbose_name_plural = _("mobility records")
        constraints = [
            models.CheckConstraint(
                condition=Q(actual_end__isnull=True)
                | Q(actual_start__isnull=True)
                | Q(actual_end__gte=F("actual_start")),
                name="mobility_dates_in_order",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self):
        return str(self.application)


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
