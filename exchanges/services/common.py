from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model

from partners.models import Membership

from .. import rules

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User
    from exchanges.models import Application


def people_with_roles(organisation_id: int, *roles: str) -> QuerySet[User]:
    return (
        get_user_model()
        .objects.filter(
            memberships__organisation_id=organisation_id,
            memberships__role__in=roles,
            is_active=True,
        )
        .distinct()
    )


def home_coordinators(application: Application) -> QuerySet[User]:
    return people_with_roles(application.home_id, Membership.Role.COORDINATOR)


def host_staff(application: Application) -> QuerySet[User]:
    return people_with_roles(application.host_id, *rules.HOST_ROLES)


def application_link(application: Application) -> dict:
    return {"name": "exchanges:application_detail", "kwargs": {"pk": application.pk}}
