"""Peer review of quality (vertaisarviointi): partner schools review each other. Each
table keeps the name it had when peer review lived in the partners app."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import acting_user
from partners.models import Organisation

if TYPE_CHECKING:
    # The translated models' managers are swapped for this one when the app registry loads.
    import modeltranslation.manager  # noqa: F401


class QualityArea(models.Model):
    """A part of a school's work that peers review, e.g. workplace learning."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    slug = models.SlugField(_("slug"), unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        db_table = "partners_qualityarea"
        verbose_name = _("quality area")
        verbose_name_plural = _("quality areas")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class QualityCriterion(models.Model):
    area = models.ForeignKey(
        QualityArea, verbose_name=_("area"), on_delete=models.CASCADE, related_name="criteria"
    )
    text = models.CharField(_("criterion"), max_length=500)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        db_table = "partners_qualitycriterion"
        verbose_name = _("quality criterion")
        verbose_name_plural = _("quality criteria")
        ordering = ["area__position", "position", "pk"]

    def __str__(self):
        return self.text


class ReviewRound(models.Model):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="review_rounds",
    )
    areas = models.ManyToManyField(QualityArea, verbose_name=_("quality areas"))
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    created_by = acting_user(_("created by"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "partners_reviewround"
        verbose_name = _("peer review round")
        verbose_name_plural = _("peer review rounds")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="review_round_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partners:review_round", kwargs={"pk": self.pk})


class PeerReview(models.Model):
    class Status(models.TextChoices):
        PREPARATION = "preparation", _("Self-report in preparation")
        SELF_REPORTED = "self_reported", _("Self-report submitted")
        VISITED = "visited", _("Visit done, report in writing")
        REPORTED = "reported", _("Report published, follow-up under way")
        CLOSED = "closed", pgettext_lazy("peer review", "Closed")

    round = models.ForeignKey(
        ReviewRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="reviews"
    )
    school = models.ForeignKey(
        Organisation,
        verbose_name=_("reviewed school"),
        on_delete=models.PROTECT,
        related_name="peer_reviews",
    )
    visit_on = models.DateField(_("visit date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.PREPARATION,
        db_index=True,
    )
    summary = models.TextField(
        _("summary of the report"),
        blank=True,
        help_text=_("The team's overall view; the findings follow by area."),
    )
    self_reported_at = models.DateTimeField(_("self-report submitted"), null=True, blank=True)
    reported_at = models.DateTimeField(_("report published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "partners_peerreview"
        verbose_name = _("peer review")
        verbose_name_plural = _("peer reviews")
        ordering = ["round", "school__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "school"], name="one_review_per_school")
        ]

    def __str__(self):
        return f"{self.round} · {self.school}"

    def get_absolute_url(self):
        return reverse("partners:review_detail", kwargs={"pk": self.pk})


class PeerReviewer(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Team lead")
        MEMBER = "member", _("Team member")

    review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="peer_reviews",
    )
    role = models.CharField(_("role"), max_length=8, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        db_table = "partners_peerreviewer"
        verbose_name = _("peer reviewer")
        verbose_name_plural = _("peer reviewers")
        ordering = ["review", "role", "user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["review", "user"], name="one_place_in_a_team")
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()}"


class SelfAssessment(models.Model):
    class Level(models.IntegerChoices):
        INITIAL = 1, _("1 – Initial: done case by case")
        DEVELOPING = 2, _("2 – Developing: agreed, not yet everywhere")
        ESTABLISHED = 3, _("3 – Established: systematic and followed up")
        EXCELLENT = 4, _("4 – Excellent: improved on evidence, shared with others")

    review = models.ForeignKey(
        PeerReview, on_delete=models.CASCADE, related_name="self_assessments"
    )
    criterion = models.ForeignKey(QualityCriterion, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(
        _("level"),
        choices=Level.choices,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    description = models.TextField(_("what we do and how we know"), blank=True)

    class Meta:
        db_table = "partners_selfassessment"
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "criterion"], name="one_self_assessment_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.review} · {self.criterion}"


class Finding(models.Model):
    class Kind(models.TextChoices):
        STRENGTH = "strength", _("Strength")
        DEVELOPMENT = "development", _("Area to develop")
        RECOMMENDATION = "recommendation", _("Recommendation")

    review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="findings")
    area = models.ForeignKey(
        QualityArea, verbose_name=_("area"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    text = models.TextField(_("finding"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "partners_finding"
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["area__position", "kind", "pk"]

    def __str__(self):
        return self.text[:80]


class ReviewAction(models.Model):
    """What the reviewed school does about a recommendation."""

    class State(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="actions")
    recommendation = models.ForeignKey(
        Finding,
        verbose_name=_("answers the recommendation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        limit_choices_to={"kind": Finding.Kind.RECOMMENDATION},
    )
    text = models.CharField(_("action"), max_length=500)
    responsible = models.CharField(_("responsible"), max_length=200)
    due_on = models.DateField(_("due"))
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.PLANNED
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        db_table = "partners_reviewaction"
        verbose_name = _("development action")
        verbose_name_plural = _("development actions")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.text
