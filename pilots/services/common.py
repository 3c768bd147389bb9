"""What the calls' and the applications' services share: the error, locks, the deadline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import DomainError
from partners.models import Membership
from partners.selectors import members_with_roles

from ..models import (
    PilotApplication,
    PilotCall,
)

if TYPE_CHECKING:
    from typing import Any

    from django.db.models import QuerySet

    from accounts.models import User

A = PilotApplication.Status
P = PilotCall.Phase

#: How many days before the deadline the owners of unsent drafts are reminded.
REMIND_DAYS_BEFORE = 3


class PilotError(DomainError):
    pass


def _context(application: PilotApplication, **extra: Any) -> dict:
    return {
        "call": application.call.title,
        "application": application.title,
        "lead": application.lead.name,
        "deadline": application.call.deadline.isoformat(),
        "link": {"name": "partners:pilot_application", "kwargs": {"pk": application.pk}},
        **extra,
    }


def _call_managers(call: PilotCall) -> QuerySet[User]:
    return members_with_roles(call.organiser_id, Membership.Role.COORDINATOR)


def _log(actor: User, target: PilotCall | PilotApplication, action: str, **data: Any) -> None:
    """Audit ``partners.pilot_call.<action>`` on a call for its organiser, or
    ``partners.pilot.<action>`` on an application for its lead applicant."""
    if isinstance(target, PilotCall):
        prefix, organisation = "partners.pilot_call", target.organiser
    else:
        prefix, organisation = "partners.pilot", target.lead
    log_action(
        actor=actor,
        action=f"{prefix}.{action}",
        target=target,
        organisation=organisation,
        data=data,
    )


def _locked_call(call: PilotCall) -> PilotCall:
    return PilotCall.objects.select_for_update().get(pk=call.pk)


def _locked_application(application: PilotApplication) -> PilotApplication:
    return (
        PilotApplication.objects.select_for_update(of=("self",))
        .select_related("call", "lead", "contact")
        .get(pk=application.pk)
    )


def _require_open(call: PilotCall) -> None:
    """The deadline is checked here, on the server, against the clock in Helsinki time."""
    if call.phase != P.OPEN:
        if call.published_at is not None and timezone.now() >= call.deadline:
            deadline = timezone.localtime(call.deadline)
            raise PilotError(
                _("The deadline passed on %(date)s at %(time)s (Finnish time).")
                % {
                    "date": date_format(deadline, "SHORT_DATE_FORMAT"),
                    "time": date_format(deadline, "TIME_FORMAT"),
                },
                code="deadline",
            )
        raise PilotError(_("The call is not open for applications."), code="not_open")
