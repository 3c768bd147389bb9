"""Reminders for work that is late: approvals, signatures, confirmations, feedback."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone

from core.workflow import perform
from notifications.services import notify_many

from ..models import Application, MobilityRecord, PartnershipAgreement
from .common import home_coordinators, host_staff, notice_context
from .partnerships import PARTNERSHIP_WORKFLOW

if TYPE_CHECKING:
    from collections.abc import Iterable

    from accounts.models import User

S = Application.Status


def _remind(
    people: Iterable[User], application: Application, reason: str, day: datetime.date
) -> int:
    notify_many(
        people,
        kind="exchanges.reminder",
        # One reminder per reason, application and day, however often the task runs.
        key=f"exchanges.reminder:{reason}:{application.pk}:{day.isoformat()}",
        context={
            "reason": reason,
            **notice_context(application, applicant=application.applicant.full_name),
        },
    )
    return 1


def send_all(*, today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    now = timezone.now()
    sent = 0
    base = Application.objects.select_related("applicant", "offer", "host", "home")

    waiting_since = now - datetime.timedelta(days=settings.EXCHANGE_APPROVAL_REMINDER_DAYS)
    for application in base.filter(status=S.SUBMITTED, status_changed_at__lte=waiting_since):
        sent += _remind(home_coordinators(application), application, "approval", today)

    soon = today + datetime.timedelta(days=14)
    for application in base.filter(status=S.ACCEPTED, start_date__lte=soon):
        people = [application.applicant, *home_coordinators(application)]
        sent += _remind(people, application, "unsigned", today)

    for application in base.filter(status=S.AGREEMENT_SIGNED, start_date__lt=today):
        people = [*home_coordinators(application), *host_staff(application)]
        sent += _remind(people, application, "arrival", today)

    for application in base.filter(status=S.IN_PROGRESS, end_date__lt=today):
        people = [*home_coordinators(application), *host_staff(application)]
        sent += _remind(people, application, "departure", today)

    after_a_week = now - datetime.timedelta(days=7)
    records = MobilityRecord.objects.filter(
        application__status__in=(S.COMPLETED, S.RECOGNISED),
        departure_confirmed_at__lte=after_a_week,
        participant_rating__isnull=True,
    ).select_related("application__applicant", "application__offer", "application__host")
    for record in records:
        sent += _remind([record.application.applicant], record.application, "feedback", today)
    return sent


def expire_agreements(*, today: datetime.date | None = None) -> int:
    """Active partnership agreements past their end date become expired."""
    today = today or timezone.localdate()
    ended = list(
        PartnershipAgreement.objects.filter(
            status=PartnershipAgreement.Status.ACTIVE, valid_until__lt=today
        )
    )
    for agreement in ended:
        perform(PARTNERSHIP_WORKFLOW, actor=None, obj=agreement, action="expire")
    return len(ended)
