from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.models import Organisation, Sector


class Need(models.Model):
    """A work-life need a training service answers: a translated taxonomy."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), unique=True)

    class Meta:
        verbose_name = _("work-life need")
        verbose_name_plural = _("work-life needs")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Service(models.Model):
    class Form(models.TextChoices):
        COURSE = "course", _("Course")
        APPRENTICESHIP = "apprenticeship", _("Apprenticeship training")
        TAILORED = "tailored", _("Tailored company training")
        INFO_SESSION = "info_session", _("Info session")
        RECOGNITION = "recognition", _("Recognition of prior learning")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    provider = models.ForeignKey(
        Organisation,
        verbose_name=_("provider"),
        on_delete=models.CASCADE,
        related_name="training_services",
    )
    form = models.CharField(_("form"), max_length=16, choices=Form.choices)
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.SET_NULL, null=True, blank=True
    )
    needs = models.ManyToManyField(
        Need, verbose_name=_("needs it answers"), blank=True, related_name="services"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), default=False)
    price = models.CharField(_("price"), max_length=200, blank=True)
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("advisor"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="advised_services",
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("training service")
        verbose_name_plural = _("training services")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("catalogue:service_detail", kwargs={"pk": self.pk})


class Enquiry(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", pgettext_lazy("enquiry", "Closed")

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="enquiries")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enquiries"
    )
    company = models.ForeignKey(
        Organisation,
        verbose_name=_("company"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    question = models.TextField(_("question"))
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.service}: {self.question[:40]}"
