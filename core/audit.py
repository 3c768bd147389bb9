"""The audit log: one helper that services call inside their transaction.

Actions are namespaced (``partners.membership.created``); each has a display text
registered here or by the app that owns it, so the log reads well in every language.
"""

from collections.abc import Sequence
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from .models import AuditEntry

_labels: dict[str, StrOrPromise] = {}


def register_actions(labels: dict[str, StrOrPromise]) -> None:
    _labels.update(labels)


def action_label(action: str) -> str:
    return str(_labels.get(action, action))


def log_action(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    action: str,
    target: models.Model | None = None,
    organisation: models.Model | int | None,
    data: dict | None = None,
) -> AuditEntry:
    """Record a change. ``organisation`` is the one it concerns (or its key): the entry
    shows on that organisation's audit page. It is always given, and ``None`` only for
    what concerns no organisation (a person's own profile, share links, erasure)."""
    return AuditEntry.objects.create(**_entry(actor, action, target, organisation, data))


def log_actions(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    action: str,
    targets: Sequence[models.Model],
    organisation: models.Model | int | None,
    data: dict | None = None,
) -> None:
    """Record the same change to each of ``targets`` (one entry each, as
    :func:`log_action` writes it) in one insert: a badge awarded to a list of people."""
    AuditEntry.objects.bulk_create(
        [AuditEntry(**_entry(actor, action, target, organisation, data)) for target in targets]
    )


def _entry(
    actor: AbstractBaseUser | AnonymousUser | None,
    action: str,
    target: models.Model | None,
    organisation: models.Model | int | None,
    data: dict | None,
) -> dict[str, Any]:
    # An anonymous visitor (or a worker, None) is recorded as no one.
    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    return {
        "actor_id": actor_id,
        "action": action,
        "target_type": ContentType.objects.get_for_model(target) if target is not None else None,
        "target_id": str(target.pk) if target is not None else "",
        "target_repr": str(target)[:300] if target is not None else "",
        "organisation_id": getattr(organisation, "pk", organisation),
        "data": data or {},
    }


register_actions(
    {
        "partners.organisation.created": _("Organisation created"),
        "partners.organisation.updated": _("Organisation details changed"),
        "partners.organisation.deleted": _("Organisation deleted"),
        "partners.membership.created": _("Member added"),
        "partners.membership.updated": _("Member's role changed"),
        "partners.membership.deleted": _("Member removed"),
        "partners.invitation.created": _("Invitation sent"),
        "partners.invitation.accepted": _("Invitation accepted"),
        "partners.invitation.revoked": _("Invitation revoked"),
        "accounts.user.profile_updated": _("Profile changed"),
        "accounts.user.erased": _("Account deleted"),
    }
)
