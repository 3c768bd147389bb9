from __future__ import annotations

from typing import TYPE_CHECKING

from partners.models import Membership
from partners.selectors import members_with_roles

from .. import rules

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User
    from exchanges.models import Application


def home_coordinators(application: Application) -> QuerySet[User]:
    return members_with_roles(application.home_id, Membership.Role.COORDINATOR)


def host_staff(application: Application) -> QuerySet[User]:
    return members_with_roles(application.host_id, *rules.HOST_ROLES)


def application_link(application: Application) -> dict:
    return {"name": "exchanges:application_detail", "kwargs": {"pk": application.pk}}
