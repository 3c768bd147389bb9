"""Registration with capacity and a waiting list, check-in, reminders."""

from __future__ import annotations

import datetime
import secrets
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import DomainError, require
from core.records import save_data
from notifications.services import notify
from partners.models import hash_token, lead_organisation_id

from . import rules
from .models import CalendarFeed, Event, Material, Registration

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from accounts.models import User

S = Registration.Status


class EventError(DomainError):
    pass


def _log(actor: User | None, action: str, target: Event | Registration, event: Event) -> None:
    """The audit entry of a change to an event, in the log of its lead organiser."""
    organisation = lead_organisation_id(event.organisers)
    log_action(actor=actor, action=action, target=target, organisation=organisation)


@transaction.atomic
def event_save(*, actor: User, event: Event | None, data: dict) -> Event:
    """Create an event (``event`` is ``None``) or change one the actor manages."""
    if event is not None:
        event = Event.objects.select_for_update().get(pk=event.pk)
        require(rules.can_manage_event(actor, event))
    mine = set(rules.organiser_organisations(actor))
    organisers = data.get("organisers") or []
    require(actor.is_staff or all(o.pk in mine for o in organisers))
    capacity = data.get("capacity")
    if event is not None and capacity is not None and capacity < event.registered:
        raise EventError(
            _("There are already %(count)s confirmed participants.") % {"count": event.registered},
            code="capacity",
        )
    saved = event if event is not None else Event(created_by=actor)
    save_data(saved, data, created=event is None)
    _log(actor, "events.event.updated" if event else "events.event.created", saved, saved)
    return saved


@transaction.atomic
def material_add(*, actor: User, event: Event, title: str, file: UploadedFile) -> Material:
    """Add a file (slides, a handout) to an event the actor manages."""
    require(rules.can_manage_event(actor, event))
    material = Material.objects.create(event=event, title=title, file=file)
    _log(actor, "events.material.added", event, event)
    return material


def _about(event: Event, **more: str) -> dict:
    """A notice's context: the event, when it starts, its page and ``more``."""
    link = {"name": "events:event_detail", "kwargs": {"pk": event.pk}}
    return {"event": event.title, "starts_at": event.starts_at.isoformat(), **more, "link": link}


def _notify_registration(registration: Registration, event: Event, key: str) -> None:
    """Tell the person where their registration stands."""
    notify(
        kind="events.registration",
        key=key,
        recipient=registration.user,
        context=_about(event, status=registration.status),
    )


@transaction.atomic
def register(*, actor: User, event: Event) -> Registration:
    """A confirmed place if one is left, otherwise a place on the waiting list."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not event.registration_open:
        raise EventError(_("Registration for this event is closed."), code="closed")
    if Registration.objects.filter(event=event, user=actor).exclude(status=S.CANCELLED).exists():
        raise EventError(_("You are already registered."), code="registered")
    # A conditional update: however many register at once, only free places confirm.
    confirmed = Event.objects.filter(pk=event.pk, registered__lt=F("capacity")).update(
        registered=F("registered") + 1
    )
    registration = Registration.objects.create(
        event=event, user=actor, status=S.CONFIRMED if confirmed else S.WAITING
    )
    _log(actor, f"events.registration.{registration.status}", registration, event)
    _notify_registration(registration, event, f"events.registration:{registration.pk}")
    return registration


@transaction.atomic
def cancel(*, actor: User, registration: Registration) -> Registration:
    registration = (
        Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)
    )
    if registration.user_id != actor.pk and not rules.can_manage_event(actor, registration.event):
        raise EventError(_("You may not do this."), code="forbidden")
    if registration.status == S.CANCELLED:
        raise EventError(_("This registration was already cancelled."), code="cancelled")
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    was_confirmed = registration.status == S.CONFIRMED
    registration.status = S.CANCELLED
    registration.save(update_fields=["status"])
    _log(actor, "events.registration.cancelled", registration, registration.event)
    if was_confirmed:
        Event.objects.filter(pk=event.pk).update(registered=F("registered") - 1)
        _promote(event)
    return registration


def _promote(event: Event) -> None:
    """The first on the waiting list takes the freed place."""
    waiting = (
        Registration.objects.select_for_update()
        .filter(event=event, status=S.WAITING)
        .order_by("created_at", "pk")
        .first()
    )
    if waiting is None:
        return
    if not Event.objects.filter(pk=event.pk, registered__lt=F("capacity")).update(
        registered=F("registered") + 1
    ):
        return
    waiting.status = S.CONFIRMED
    waiting.save(update_fields=["status"])
    _log(None, "events.registration.promoted", waiting, waiting.event)
    _notify_registration(waiting, event, f"events.promoted:{waiting.pk}")


@transaction.atomic
def check_in(*, actor: User, event: Event, token: str) -> Registration:
    if token != event.checkin_token:
        raise EventError(_("This check-in code is not valid."), code="token")
    registration = (
        Registration.objects.select_for_update()
        .filter(event=event, user=actor, status=S.CONFIRMED)
        .first()
    )
    if registration is None:
        raise EventError(_("You have no confirmed place at this event."), code="no_place")
    now = timezone.now()
    if not (event.starts_at - datetime.timedelta(hours=2) <= now <= event.ends_at):
        raise EventError(_("Check-in is open only around the event."), code="not_now")
    if registration.checked_in_at is None:
        registration.checked_in_at = now
        registration.save(update_fields=["checked_in_at"])
        _log(actor, "events.checked_in", registration, event)
        if event.badge is not None:
            from worklife_passport.models import Award
            from worklife_passport.services.awards import award_create, holds

            if not holds(actor, event.badge):
                award_create(
                    actor=event.created_by,
                    badge=event.badge,
                    source=Award.Source.EVENT,
                    recipient=actor,
                    evidence=str(_("Took part in %(event)s") % {"event": event.title}),
                )
    return registration


def send_reminders(*, now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    upcoming = Event.objects.filter(
        starts_at__gt=now, starts_at__lte=now + datetime.timedelta(days=1)
    )
    registrations = Registration.objects.filter(
        event__in=upcoming, status=S.CONFIRMED
    ).select_related("event", "user")
    for registration in registrations:
        event = registration.event
        notify(
            kind="events.reminder",
            key=f"events.reminder:{registration.pk}",
            recipient=registration.user,
            context=_about(event, venue=event.venue or event.online_url),
        )
    return len(registrations)


@transaction.atomic
def calendar_feed_renew(*, user: User) -> str:
    """Give ``user`` a new private address of their events, retiring the old one, and
    return its token. This is the only time the token is known: only its hash is kept."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(user=user, defaults={"token_hash": hash_token(token)})
    return token


def calendar_feed_by_token(token: str) -> CalendarFeed | None:
    return CalendarFeed.objects.select_related("user").filter(token_hash=hash_token(token)).first()
