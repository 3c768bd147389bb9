"""Company visits (yrityskäynnit): what an advisor mapped at a company, and what follows.
Each table keeps the name it had when the visits lived in the partners app."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import acting_user
from partners.models import Organisation


class Visit(models.Model):
    class Opportunity(models.TextChoices):
        TRAINING_AGREEMENT = "training_agreement", _("Workplace learning (training agreement)")
        APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
        EXCHANGE = "exchange", _("Hosting students from abroad")
        JOB_SHADOWING = "job_shadowing", _("Teacher job shadowing")
        STAFF_TRAINING = "staff_training", _("Training for the company's staff")
        RECRUITMENT = "recruitment", _("Recruiting graduates")
        MENTORING = "mentoring", _("Mentoring or reverse mentoring")

    company = models.ForeignKey(
        Organisation,
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="visits",
        limit_choices_to={"kind": Organisation.Kind.COMPANY},
    )
    visited_on = models.DateField(_("date of the visit"), db_index=True)
    school = models.ForeignKey(
        Organisation,
        verbose_name=_("visiting organisation"),
        on_delete=models.PROTECT,
        related_name="company_visits",
    )
    visitors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("visitors"), related_name="company_visits"
    )
    joint_with = models.ManyToManyField(
        Organisation,
        verbose_name=_("visited jointly with"),
        blank=True,
        related_name="joint_company_visits",
        help_text=_("For example the municipality's business services."),
    )
    met = models.CharField(_("people met"), max_length=300, blank=True)
    guidance_needs = models.TextField(
        _("guidance skills the workplace needs"),
        blank=True,
        help_text=_("How ready the workplace is to instruct and assess students."),
    )
    cooperation_needs = models.TextField(_("cooperation needs"), blank=True)
    opportunities = models.JSONField(
        _("opportunities"),
        default=list,
        blank=True,
        help_text=_("Training agreements, apprenticeships and other openings the company has."),
    )
    skill_needs = models.TextField(_("skill needs"), blank=True)
    notes = models.TextField(_("other notes"), blank=True)
    created_by = acting_user(_("logged by"))
    created_at = models.DateTimeField(_("logged"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        db_table = "partners_visit"
        verbose_name = _("company visit")
        verbose_name_plural = _("company visits")
        ordering = ["-visited_on", "-pk"]

    def __str__(self):
        return f"{self.company} · {self.visited_on:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("partners:visit_detail", kwargs={"pk": self.pk})

    def opportunity_labels(self) -> list[str]:
        labels = dict(self.Opportunity.choices)
        return [str(labels[code]) for code in self.opportunities if code in labels]


class FollowUpQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)


class FollowUp(models.Model):
    """An action agreed at a visit, with an owner and a due date."""

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    action = models.CharField(_("action"), max_length=300)
    owner = acting_user(_("owner"), related_name="follow_ups")
    due_on = models.DateField(_("due"), db_index=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = acting_user(_("marked done by"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        db_table = "partners_followup"
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.action

    @property
    def is_overdue(self) -> bool:
        return self.done_at is None and self.due_on < timezone.localdate()
