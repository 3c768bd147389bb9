"""What is particular to the moves of an application: the hooks of its workflow.

``exchanges.workflow`` declares the moves; these check a submission, take and release
the offer's seat, record the arrival and the departure, and queue the notices.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications.services import notify_many

from .. import period
from ..errors import ExchangeError, IllegalMove, NoSeats
from ..models import Application, LearningAgreement, MobilityRecord, PlacementOffer
from .common import home_coordinators, host_staff, notice_context

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User
    from core.workflow import Change

    AppChange = Change[Application]


def overlapping(application: Application) -> QuerySet[Application]:
    """The applicant's other active applications whose periods overlap this one."""
    return Application.objects.filter(
        applicant_id=application.applicant_id,
        status__in=Application.ACTIVE_STATES,
        start_date__lte=application.end_date,
        end_date__gte=application.start_date,
    ).exclude(pk=application.pk)


def submit(change: AppChange) -> None:
    application = change.obj
    if application.offer is not None and not application.offer.is_open:
        raise ExchangeError(_("This offer no longer takes applications."), code="closed")
    if not application.overlap_allowed and overlapping(application).exists():
        raise ExchangeError(
            _(
                "You already have an active application for an overlapping period. "
                "Withdraw it, change the dates, or ask your coordinator to allow the overlap."
            ),
            code="overlap",
        )
    change.set(submitted_at=change.now)


def approve(change: AppChange) -> None:
    change.set(approved_at=change.now)


def take_seat(change: AppChange) -> None:
    application = change.obj
    if not application.offer_id:
        return
    # A conditional update: of many simultaneous accepts, only as many as there are
    # free seats succeed. The check constraint on the offer is the backstop.
    taken = PlacementOffer.objects.filter(
        pk=application.offer_id, seats_taken__lt=F("seats")
    ).update(seats_taken=F("seats_taken") + 1)
    if not taken:
        raise NoSeats(_("All seats of this offer are taken."), code="no_seats")
    PlacementOffer.objects.filter(
        pk=application.offer_id,
        seats_taken=F("seats"),
        status=PlacementOffer.Status.PUBLISHED,
    ).update(status=PlacementOffer.Status.FILLED)


def release_seat(change: AppChange) -> None:
    application = change.obj
    if not application.offer_id or application.status not in Application.SEAT_STATES:
        return
    PlacementOffer.objects.filter(pk=application.offer_id, seats_taken__gt=0).update(
        seats_taken=F("seats_taken") - 1
    )
    PlacementOffer.objects.filter(
        pk=application.offer_id,
        status=PlacementOffer.Status.FILLED,
        seats_taken__lt=F("seats"),
        deadline__gte=timezone.localdate(),
    ).update(status=PlacementOffer.Status.PUBLISHED)


def _day(change: AppChange) -> datetime.date:
    return change.extra.get("on") or period.today()


def check_arrival(change: AppChange) -> None:
    period.check_arrival(change.obj, _day(change), change.comment)


def record_arrival(change: AppChange) -> None:
    application, day = change.obj, _day(change)
    MobilityRecord.objects.update_or_create(
        application=application,
        defaults={
            "arrival_confirmed_at": change.now,
            "actual_start": day,
            "arrival_reason": change.comment if day != application.start_date else "",
        },
    )


def check_departure(change: AppChange) -> None:
    record = MobilityRecord.objects.filter(application=change.obj).first()
    period.check_departure(
        change.obj,
        _day(change),
        change.comment,
        arrival=record.actual_start if record else None,
    )


def record_departure(change: AppChange) -> None:
    application, day = change.obj, _day(change)
    MobilityRecord.objects.filter(application=application).update(
        departure_confirmed_at=change.now,
        actual_end=day,
        departure_reason=change.comment if day != application.end_date else "",
    )


def _fully_signed(application: Application) -> bool:
    current = application.agreements.order_by("-version").first()
    parties = len(LearningAgreement.Party.values)
    return current is not None and current.signatures.count() == parties


def check_signed(change: AppChange) -> None:
    """The last of the three signatures of the current version moves the application."""
    if not _fully_signed(change.obj):
        raise IllegalMove(_("The learning agreement is not signed by all parties."), code="sign")


def check_new_version(change: AppChange) -> None:
    """Only a new version of a signed agreement, not yet signed by all, moves it back."""
    if _fully_signed(change.obj):
        raise IllegalMove(_("The learning agreement is signed by all parties."), code="signed")


def notify(change: AppChange) -> None:
    """The parties hear of the move (the agreement's own notices tell of its signing and
    of its changes)."""
    application, action, actor = change.obj, change.move.action, change.actor
    if action in ("sign", "reopen_agreement"):
        return
    context = notice_context(
        application,
        applicant=application.applicant.full_name,
        status=application.status,
        comment=change.comment,
    )
    key = f"exchanges.application:{application.pk}:{action}:{application.status_changed_at:%s%f}"
    people: list[User] = []
    if action in ("submit", "withdraw"):
        people += home_coordinators(application)
    if action in ("approve", "withdraw", "cancel") and application.approved_at:
        people += host_staff(application)
    people.append(application.applicant)
    # One notice each, written together, however many people there are; not to the actor.
    unique = {person.pk: person for person in people}.values()
    notify_many(unique, kind="exchanges.application_moved", key=key, context=context, skip=actor)
