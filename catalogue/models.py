import secrets
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import acting_user
from core.uploads import DOCUMENTS, IMAGES, MEDIA, UploadValidator
from partners.models import Organisation, Sector

if TYPE_CHECKING:
    # The translated models' managers are swapped for this one when the app registry loads.
    import modeltranslation.manager  # noqa: F401


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
    # The catalogue's own word: "form" alone is the form of a mobility elsewhere.
    form = models.CharField(
        pgettext_lazy("training service", "form"), max_length=16, choices=Form.choices
    )
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
    advisor = acting_user(_("advisor"), related_name="advised_services")
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
    answered_by = acting_user(blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    #: The key of the form the question was sent from: the same form sent twice (a
    #: double click, a reload) is one enquiry.
    submission_key = models.CharField(max_length=64, blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["asked_by", "submission_key"],
                condition=~Q(submission_key=""),
                name="one_enquiry_per_submission",
            )
        ]

    def __str__(self):
        return f"{self.service}: {self.question[:40]}"


class EnquiryReply(models.Model):
    """A message after the first answer, from either side of the enquiry."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="replies")
    author = acting_user(_("author"))
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("reply to an enquiry")
        verbose_name_plural = _("replies to enquiries")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]


class Topic(models.Model):
    """A subject of the shared learning materials: a translated taxonomy."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), unique=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


MATERIAL_MAX_BYTES = 50 * 1024 * 1024
MATERIAL_TYPES = (*DOCUMENTS, *IMAGES, *MEDIA, "odp", "epub", "zip")


def material_path(instance, filename):
    return f"materials/{secrets.token_hex(8)}/{filename}"


class Material(models.Model):
    """An item of the network's shared library: a file or a link."""

    class Licence(models.TextChoices):
        CC_BY = "CC-BY-4.0", "CC BY 4.0"
        CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
        CC_BY_NC = "CC-BY-NC-4.0", "CC BY-NC 4.0"
        CC_BY_NC_SA = "CC-BY-NC-SA-4.0", "CC BY-NC-SA 4.0"
        CC_BY_ND = "CC-BY-ND-4.0", "CC BY-ND 4.0"
        CC0 = "CC0-1.0", _("CC0 1.0 (public domain)")
        NETWORK = "network", _("All rights reserved, for the network's own use")

    MULTILINGUAL = "mul"
    LANGUAGES = [*settings.LANGUAGES, (MULTILINGUAL, _("Several languages"))]

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    file = models.FileField(
        _("file"),
        upload_to=material_path,
        blank=True,
        validators=[UploadValidator(MATERIAL_TYPES, MATERIAL_MAX_BYTES)],
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.SET_NULL, null=True, blank=True
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="materials"
    )
    licence = models.CharField(_("licence"), max_length=16, choices=Licence.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="materials",
    )
    uploaded_by = acting_user(_("added by"))
    is_public = models.BooleanField(
        _("open to everyone"),
        default=True,
        help_text=_("Otherwise only people with a role in a network organisation see it."),
    )
    downloads = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("learning material")
        verbose_name_plural = _("learning materials")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="material_is_a_file_or_a_link",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("catalogue:material_detail", kwargs={"pk": self.pk})

    @property
    def is_link(self) -> bool:
        return not self.file

    @property
    def extension(self) -> str:
        return self.file.name.rsplit(".", 1)[-1].lower() if self.file.name else ""

    @property
    def licence_url(self) -> str:
        """The licence deed, for the Creative Commons licences."""
        if self.licence == self.Licence.CC0:
            return "https://creativecommons.org/publicdomain/zero/1.0/"
        if self.licence.startswith("CC-BY"):
            kind = self.licence.removeprefix("CC-").removesuffix("-4.0").lower()
            return f"https://creativecommons.org/licenses/{kind}/4.0/"
        return ""
