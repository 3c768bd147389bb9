from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import HistoryEvent, acting_user
from partners.models import Organisation, Sector

if TYPE_CHECKING:
    # The translated models' managers are swapped for this one when the app registry loads.
    import modeltranslation.manager  # noqa: F401


DEFAULT_WEIGHTS = {"skills": 40, "sector": 20, "region": 15, "availability": 15, "diversity": 10}


def default_weights():
    return dict(DEFAULT_WEIGHTS)


class Programme(models.Model):
    class Kind(models.TextChoices):
        ONE_TO_ONE = "one_to_one", _("One-to-one mentoring")
        REVERSE = "reverse", _("Reverse mentoring")
        GROUP = "group", _("Group mentoring")

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    organisers = models.ManyToManyField(
        Organisation, verbose_name=_("organisers"), related_name="mentoring_programmes"
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinators"),
        related_name="coordinated_programmes",
        blank=True,
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    enrol_from = models.DateField(_("enrolment opens"))
    enrol_until = models.DateField(_("enrolment closes"))
    default_capacity = models.PositiveSmallIntegerField(
        _("mentees per mentor"), default=1, validators=[MinValueValidator(1)]
    )
    max_capacity = models.PositiveSmallIntegerField(
        _("most mentees a mentor may take"), default=3, validators=[MinValueValidator(1)]
    )
    weights = models.JSONField(_("matching weights"), default=default_weights)
    prefer_diversity = models.BooleanField(_("prefer pairs across organisations"), default=False)
    goal_template = models.TextField(_("goal template"), blank=True)
    badge = models.ForeignKey(
        "worklife_passport.Badge",
        verbose_name=_("badge for completed mentoring"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("mentoring programme")
        verbose_name_plural = _("mentoring programmes")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="programme_dates_in_order"
            ),
            models.CheckConstraint(
                condition=Q(enrol_until__gte=F("enrol_from")), name="programme_enrolment_in_order"
            ),
            models.CheckConstraint(
                condition=Q(max_capacity__gte=F("default_capacity")),
                name="programme_capacity_in_order",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("mentoring:programme_detail", kwargs={"pk": self.pk})

    @property
    def enrolment_open(self) -> bool:
        return self.is_active and self.enrol_from <= timezone.localdate() <= self.enrol_until


class Enrolment(models.Model):
    """A person's place in a programme: as mentor, mentee or both."""

    #: What a person answers when enrolling, in the order the form asks it.
    ANSWERS = (
        "as_mentor",
        "as_mentee",
        "organisation",
        "skills_offered",
        "skills_wanted",
        "sectors",
        "languages",
        "region",
        "remote_ok",
        "months",
        "capacity",
        "goals",
        "introduction",
    )

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="enrolments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentoring_enrolments"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    as_mentor = models.BooleanField(_("as a mentor"), default=False)
    as_mentee = models.BooleanField(_("as a mentee"), default=False)
    skills_offered = models.JSONField(_("skills offered"), default=list, blank=True)
    skills_wanted = models.JSONField(_("skills wanted"), default=list, blank=True)
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), blank=True)
    languages = models.JSONField(_("languages"), default=list)
    region = models.CharField(_("region"), max_length=120, blank=True)
    remote_ok = models.BooleanField(_("remote meetings are fine"), default=True)
    months = models.JSONField(_("available months"), default=list, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("mentees I can take"), default=1, validators=[MaxValueValidator(20)]
    )
    goals = models.TextField(_("goals"), blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    created_at = models.DateTimeField(_("enrolled"), auto_now_add=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "user"], name="one_enrolment_per_programme"
            ),
            models.CheckConstraint(
                condition=Q(as_mentor=True) | Q(as_mentee=True), name="enrolment_has_a_role"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.programme}"


class Pair(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted by both")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        ENDED = "ended", _("Ended early")
        DECLINED = "declined", _("Declined")

    #: States in which the pair takes one of the mentor's places.
    HOLDING = (Status.PROPOSED, Status.ACCEPTED, Status.ACTIVE)

    class Origin(models.TextChoices):
        ROUND = "round", _("Matching round")
        REQUEST = "request", _("Mentee's request")
        INVITATION = "invitation", _("Mentor's invitation")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="pairs")
    mentor = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="as_mentor_pairs")
    mentee = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="as_mentee_pairs")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices)
    score = models.PositiveIntegerField(_("score"), default=0)
    explanation = models.JSONField(_("explanation"), default=dict)
    mentor_accepted_at = models.DateTimeField(_("mentor accepted"), null=True, blank=True)
    mentee_accepted_at = models.DateTimeField(_("mentee accepted"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    end_reason = models.TextField(_("reason for ending"), blank=True)
    badge_awarded = models.BooleanField(_("badge awarded"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("mentoring pair")
        verbose_name_plural = _("mentoring pairs")
        ordering = ["-created_at"]
        # The admin's list, the newest first.
        indexes = [models.Index(fields=["-created_at", "-id"], name="pair_newest")]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=Q(status__in=["proposed", "accepted", "active"]),
                name="one_open_pair_per_couple",
            ),
            models.CheckConstraint(condition=~Q(mentor=F("mentee")), name="pair_not_self"),
        ]

    def __str__(self):
        return f"{self.mentor.user} → {self.mentee.user}"

    def get_absolute_url(self):
        return reverse("mentoring:pair_detail", kwargs={"pk": self.pk})


class PairEvent(HistoryEvent):
    """One move of a pair (``mentoring.services.pairs.PAIRS``), or its proposal."""

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(_("from"), max_length=16, choices=Pair.Status.choices)
    to_status = models.CharField(_("to"), max_length=16, choices=Pair.Status.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("pair event")
        verbose_name_plural = _("pair history")

    def __str__(self):
        return f"{self.pair_id}: {self.from_status} → {self.to_status}"


class Goal(models.Model):
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(_("goal"), max_length=300)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["pk"]

    def __str__(self):
        return self.text


class Meeting(models.Model):
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("date"))
    minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(600)]
    )
    notes = models.TextField(_("notes (only the two of you see them)"), blank=True)
    logged_by = acting_user()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.pair} · {self.date}"


class Feedback(models.Model):
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="feedback")
    author = acting_user()
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    text = models.TextField(_("feedback"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.UniqueConstraint(fields=["pair", "author"], name="one_feedback_per_person")
        ]

    def __str__(self):
        return f"{self.pair} · {self.rating}"


class Evaluation(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="evaluations")
    user = acting_user()
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    text = models.TextField(_("what should change"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("programme evaluation")
        verbose_name_plural = _("programme evaluations")
        constraints = [
            models.UniqueConstraint(fields=["programme", "user"], name="one_evaluation_each")
        ]

    def __str__(self):
        return f"{self.programme} · {self.rating}"


class MatchingRound(models.Model):
    class Status(models.TextChoices):
        PREVIEW = "preview", _("Preview")
        PUBLISHED = "published", _("Published")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="rounds")
    created_by = acting_user()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PREVIEW)
    proposals = models.JSONField(default=list)  # [{"mentor": id, "mentee": id, "score": n}]
    total_score = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("matching round")
        verbose_name_plural = _("matching rounds")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.programme} · {self.created_at:%Y-%m-%d}"
