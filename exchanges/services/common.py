from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.audit import log_action
from partners.models import Membership
from partners.selectors import members_with_roles

from .. import rules

if TYPE_CHECKING:
    from django.db.models import Model, QuerySet

    from accounts.models import User
    from exchanges.models import Application


def home_coordinators(application: Application) -> QuerySet[User]:
    return members_with_roles(application.home_id, Membership.Role.COORDINATOR)


def host_staff(application: Application) -> QuerySet[User]:
    return members_with_roles(application.host_id, *rules.HOST_ROLES)


def notice_context(application: Application, **context: Any) -> dict:
    """A notice's context about ``application``: its title, ``context``, the link to it."""
    return {
        "title": str(application.offer or application.host),
        **context,
        "link": {"name": "exchanges:application_detail", "kwargs": {"pk": application.pk}},
    }


def log_for_home(
    actor: User | None,
    action: str,
    application: Application,
    target: Model | None = None,
    **data: Any,
) -> None:
    """Record ``action`` on ``target`` (the application by default) with ``data`` in the
    audit log of the application's home organisation."""
    log_action(
        actor=actor,
        action=action,
        target=target or application,
        organisation=application.home,
        data=data,
    )
