"""The core's models: the audit log, the history every workflow keeps and the search index."""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


def acting_user(
    verbose_name: StrOrPromise | None = None, *, blank: bool = False, related_name: str = "+"
) -> models.ForeignKey:
    """The person who made, owns or decided a row; the row stays when their account goes."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.SET_NULL,
        null=True,
        blank=blank,
        related_name=related_name,
    )


class AuditEntry(models.Model):
    """Who did what, to what, when. Written by services inside their transaction."""

    actor = acting_user(_("actor"), blank=True, related_name="audit_entries")
    action = models.CharField(_("action"), max_length=100, db_index=True)
    target_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    target_id = models.CharField(_("target ID"), max_length=64, blank=True)
    target_repr = models.CharField(_("target"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        # The table it had when the audit log lived in the organisations app.
        db_table = "partners_auditentry"
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "-created_at"]),
            models.Index(fields=["target_type", "target_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_repr}"

    @property
    def action_display(self) -> str:
        from .audit import action_label

        return action_label(self.action)


class HistoryEvent(models.Model):
    """One move of a workflow: who made it, from which state to which, and why. Each
    workflow's history model adds the foreign key to its object (``perform`` fills it)."""

    actor = acting_user(_("by"), blank=True)
    action = models.CharField(_("action"), max_length=32)
    from_status = models.CharField(_("from"), max_length=16)
    to_status = models.CharField(_("to"), max_length=16)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]


class TermsField(models.TextField):
    """Search terms, separated by spaces; the ``matches`` lookup finds rows holding the
    terms a query asks for (core/search/lookups.py). On PostgreSQL a trigger keeps the
    same terms as a ``tsvector`` in the column ``vector_column`` names, which the
    lookup reads there (and a GIN index serves)."""

    def __init__(self, *args: Any, vector_column: str = "", **kwargs: Any) -> None:
        self.vector_column = vector_column
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["vector_column"] = self.vector_column
        return name, path, args, kwargs


class WordField(models.CharField):
    """A word; the ``similar`` lookup finds words spelled alike (trigram similarity)."""


class SearchEntry(models.Model):
    """What one object is found by: the terms of its title and of all its text in each
    language, as ``core.search.analysis`` makes them, each marked with its language
    ("fi:hitsaus"). Written whenever the object is saved."""

    model = models.CharField(_("model"), max_length=100)
    object_id = models.PositiveBigIntegerField(_("object"))
    title_terms = TermsField(_("title terms"), vector_column="title_vector")
    terms = TermsField(_("terms"), vector_column="vector")
    # Written by the database (PostgreSQL only, see the migration); empty on SQLite.
    title_vector = SearchVectorField(null=True, editable=False)
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        # The full-text index on PostgreSQL comes with the migration that made the table.
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id"], name="core_search_object")
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.object_id}"


class SearchWord(models.Model):
    """A word that indexed text uses, as written: where a query finds nothing, the nearest
    of these is offered as its spelling."""

    word = WordField(_("word"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.word
