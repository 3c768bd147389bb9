from __future__ import annotations

from typing import TYPE_CHECKING

from core import fragments
from partners.models import Membership
from partners.selectors import members_with_roles

from .. import rules

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db.models import QuerySet

    from accounts.models import User
    from exchanges.models import Application


def home_coordinators(application: Application) -> QuerySet[User]:
    return members_with_roles(application.home_id, Membership.Role.COORDINATOR)


def host_staff(application: Application) -> QuerySet[User]:
    return members_with_roles(application.host_id, *rules.HOST_ROLES)


def application_link(application: Application) -> dict:
    return {"name": "exchanges:application_detail", "kwargs": {"pk": application.pk}}


def queue_names(
    *, homes: Iterable[int] = (), hosts: Iterable[int] = (), everything: bool = False
) -> list[str]:
    """The data a coordinator queue is kept under: the applications of its schools and
    hosts (``fragments``)."""
    if everything:
        return ["applications"]
    return [f"applications:{pk}" for pk in sorted({*homes, *hosts})]


def applications_changed(*applications: Application) -> None:
    """Retire the kept coordinator queues that show ``applications``."""
    organisations = {pk for a in applications for pk in (a.home_id, a.host_id) if pk}
    fragments.changed(*queue_names(everything=True), *queue_names(homes=organisations))
