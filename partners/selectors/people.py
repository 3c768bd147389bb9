"""The people of the network by their roles: whom a notice goes to, whom a form may pick."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User


def members_with_roles(organisation_id: int, *roles: str) -> QuerySet[User]:
    """The active people who have one of ``roles`` at the organisation, each once."""
    return (
        get_user_model()
        .objects.filter(
            memberships__organisation_id=organisation_id,
            memberships__role__in=roles,
            is_active=True,
        )
        .distinct()
    )


def people_with_roles(roles: Iterable[str], **organisation: Any) -> QuerySet[User]:
    """Active people holding one of ``roles`` in an active organisation that matches the
    ``organisation`` lookups (e.g. ``kind__in=...``), each once, by name."""
    lookups = {f"memberships__organisation__{name}": value for name, value in organisation.items()}
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__role__in=list(roles),
            memberships__organisation__is_active=True,
            **lookups,
        )
        .distinct()
        .order_by("full_name")
    )
