"""The application workflow: create, edit, move between states, comment."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import fragments
from core.audit import log_action
from notifications.services import notify_many

from .. import period, rules
from ..errors import AlreadyApplied, ExchangeError, IllegalMove, NoSeats, NotAllowed
from ..models import (
    Application,
    ApplicationAttachment,
    ApplicationComment,
    ApplicationEvent,
    MobilityRecord,
    PlacementOffer,
)
from ..workflow import TRANSITIONS
from .common import application_link, home_coordinators, host_staff

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.core.files.uploadedfile import UploadedFile
    from django.db.models import QuerySet

    from accounts.models import User
    from partners.models import Organisation

S = Application.Status
EDITABLE_FIELDS = ("motivation", "language_skills", "start_date", "end_date", "proposal")


def _check_dates(start: datetime.date, end: datetime.date) -> None:
    if end < start:
        raise ExchangeError(_("The end date cannot be before the start date."), code="dates_order")


@transaction.atomic
def application_create(
    *,
    actor: User,
    kind: str,
    home: Organisation,
    offer: PlacementOffer | None = None,
    host: Organisation | None = None,
    data: dict,
) -> Application:
    """A draft application to ``offer``, or a proposal to ``host`` without an offer.

    One application per person and offer counts at a time: a second one is refused with
    ``AlreadyApplied``, which names the first."""
    if home.pk not in rules.home_organisations_for(actor, kind):
        raise NotAllowed(_("You cannot apply from this organisation."))
    if offer is not None:
        offer = PlacementOffer.objects.select_related("host").get(pk=offer.pk)
        _check_not_applied(actor, offer)
        if not offer.is_open:
            raise ExchangeError(_("This offer no longer takes applications."), code="closed")
        host = offer.host
    elif host is None or not (data.get("proposal") or "").strip():
        raise ExchangeError(
            _("Without an offer, choose a host and describe what you propose."),
            code="proposal",
        )
    _check_dates(data["start_date"], data["end_date"])
    try:
        with transaction.atomic():
            application = Application.objects.create(
                applicant=actor,
                kind=kind,
                offer=offer,
                home=home,
                host=host,
                **{field: data.get(field, "") for field in EDITABLE_FIELDS},
            )
    except IntegrityError:
        if offer is None:
            raise
        _check_not_applied(actor, offer)  # the same form sent twice at once
        raise
    log_action(
        actor=actor,
        action="exchanges.application.created",
        target=application,
        organisation=home,
    )
    return application


def _check_not_applied(actor: User, offer: PlacementOffer) -> None:
    existing = (
        Application.objects.filter(applicant=actor, offer=offer)
        .exclude(status__in=Application.ENDED_STATES)
        .first()
    )
    if existing is not None:
        raise AlreadyApplied(existing)


@transaction.atomic
def application_update(*, actor: User, application: Application, data: dict) -> Application:
    application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    if application.applicant_id != actor.pk:
        raise NotAllowed
    if application.status not in (S.DRAFT, S.RETURNED):
        raise IllegalMove(
            _("A submitted application can no longer be changed."), code="not_editable"
        )
    changed = [f for f in EDITABLE_FIELDS if f in data and getattr(application, f) != data[f]]
    for field in changed:
        setattr(application, field, data[field])
    _check_dates(application.start_date, application.end_date)
    if changed:
        application.save(update_fields=changed)
        log_action(
            actor=actor,
            action="exchanges.application.updated",
            target=application,
            organisation=application.home,
            data={"fields": changed},
        )
    return application


@transaction.atomic
def attachment_add(
    *, actor: User, application: Application, file: UploadedFile, name: str = ""
) -> ApplicationAttachment:
    if application.applicant_id != actor.pk or application.status not in (S.DRAFT, S.RETURNED):
        raise NotAllowed
    attachment = ApplicationAttachment(
        application=application, file=file, name=name or file.name or ""
    )
    attachment.full_clean()
    attachment.save()
    return attachment


def overlapping(application: Application) -> QuerySet[Application]:
    """The applicant's other active applications whose periods overlap this one."""
    return Application.objects.filter(
        applicant_id=application.applicant_id,
        status__in=Application.ACTIVE_STATES,
        start_date__lte=application.end_date,
        end_date__gte=application.start_date,
    ).exclude(pk=application.pk)


def _check_submit(application: Application) -> None:
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


def _take_seat(application: Application) -> None:
    if not application.offer_id:
        return
    # A conditional update: of many simultaneous accepts, only as many as there are
    # free seats succeed. The check constraint on the offer is the backstop.
    taken = PlacementOffer.objects.filter(
        pk=application.offer_id, seats_taken__lt=F("seats")
    ).update(seats_taken=F("seats_taken") + 1)
    if not taken:
        raise NoSeats(_("All seats of this offer are taken."), code="no_seats")
    fragments.changed("offers")  # the lists show the free seats
    PlacementOffer.objects.filter(
        pk=application.offer_id,
        seats_taken=F("seats"),
        status=PlacementOffer.Status.PUBLISHED,
    ).update(status=PlacementOffer.Status.FILLED)


def _release_seat(application: Application) -> None:
    if not application.offer_id:
        return
    PlacementOffer.objects.filter(pk=application.offer_id, seats_taken__gt=0).update(
        seats_taken=F("seats_taken") - 1
    )
    fragments.changed("offers")
    PlacementOffer.objects.filter(
        pk=application.offer_id,
        status=PlacementOffer.Status.FILLED,
        seats_taken__lt=F("seats"),
        deadline__gte=timezone.localdate(),
    ).update(status=PlacementOffer.Status.PUBLISHED)


def _notify_move(application: Application, action: str, actor: User, comment: str) -> None:
    context = {
        "title": str(application.offer or application.host),
        "applicant": application.applicant.full_name,
        "status": application.status,
        "comment": comment,
        "link": application_link(application),
    }
    key = f"exchanges.application:{application.pk}:{action}:{application.status_changed_at:%s%f}"
    people: list[User] = []
    if action in ("submit", "withdraw"):
        people += home_coordinators(application)
    if action in ("approve", "withdraw", "cancel") and application.approved_at:
        people += host_staff(application)
    people.append(application.applicant)
    # One notice each, written together, however many people there are; not to the actor.
    unique = {person.pk: person for person in people if person.pk != actor.pk}
    notify_many(unique.values(), kind="exchanges.application_moved", key=key, context=context)


@transaction.atomic
def application_transition(
    *,
    actor: User,
    application: Application,
    action: str,
    comment: str = "",
    on: datetime.date | None = None,
) -> Application:
    """Make one move of the workflow, or refuse it with a reason.

    ``on`` is the day of an arrival or departure (today by default); ``comment`` is then
    the reason a day other than the agreed one needs (``exchanges.period``)."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise IllegalMove(_("Unknown action."), code="unknown")
    # The organisations are not joined: the moves need their keys only, and the join
    # of two wide rows was a sixth of an approval's time.
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("offer", "applicant")
        .get(pk=application.pk)
    )
    allowed = transition.sources.get(application.status)
    if allowed is None:
        raise IllegalMove(
            _("This cannot be done while the application is “%(status)s”.")
            % {"status": application.get_status_display()},
            code="illegal",
        )
    if not (rules.parties(actor, application) & allowed):
        raise NotAllowed
    comment = comment.strip()
    if transition.needs_comment and not comment:
        raise ExchangeError(_("Please write the reason in the comment."), code="comment")

    before = application.status
    now = timezone.now()
    if action == "submit":
        _check_submit(application)
        application.submitted_at = now
    elif action == "approve":
        application.approved_at = now
    elif action == "accept":
        _take_seat(application)
    elif action in ("withdraw", "cancel") and application.holds_seat:
        _release_seat(application)
    elif action == "arrive":
        day = on or period.today()
        period.check_arrival(application, day, comment)
        MobilityRecord.objects.update_or_create(
            application=application,
            defaults={
                "arrival_confirmed_at": now,
                "actual_start": day,
                "arrival_reason": comment if day != application.start_date else "",
            },
        )
    elif action == "depart":
        day = on or period.today()
        record = MobilityRecord.objects.filter(application=application).first()
        period.check_departure(
            application, day, comment, arrival=record.actual_start if record else None
        )
        MobilityRecord.objects.filter(application=application).update(
            departure_confirmed_at=now,
            actual_end=day,
            departure_reason=comment if day != application.end_date else "",
        )

    application.status = transition.target
    application.status_changed_at = now
    application.save(update_fields=["status", "status_changed_at", "submitted_at", "approved_at"])
    ApplicationEvent.objects.create(
        application=application,
        actor=actor,
        action=action,
        from_status=before,
        to_status=application.status,
        comment=comment,
        created_at=now,
    )
    log_action(
        actor=actor,
        action=f"exchanges.application.{action}",
        target=application,
        organisation=application.home_id,
        data={"from": before, "to": application.status},
    )
    _notify_move(application, action, actor, comment)
    return application


@transaction.atomic
def application_allow_overlap(*, actor: User, application: Application) -> Application:
    if rules.HOME not in rules.parties(actor, application):
        raise NotAllowed
    Application.objects.filter(pk=application.pk).update(overlap_allowed=True)
    application.overlap_allowed = True
    log_action(
        actor=actor,
        action="exchanges.application.overlap_allowed",
        target=application,
        organisation=application.home,
    )
    return application


@transaction.atomic
def application_comment(
    *, actor: User, application: Application, body: str, visibility: str
) -> ApplicationComment:
    found = rules.parties(actor, application)
    if not rules.can_view_application(actor, application):
        raise NotAllowed
    if visibility == ApplicationComment.Visibility.STAFF and not (found & {rules.HOME, rules.HOST}):
        raise NotAllowed(_("Only coordinators and the host can write staff-only comments."))
    body = body.strip()
    if not body:
        raise ExchangeError(_("The comment is empty."), code="empty")
    comment = ApplicationComment.objects.create(
        application=application, author=actor, body=body, visibility=visibility
    )
    readers = [application.applicant] if visibility == ApplicationComment.Visibility.ALL else []
    readers += list(home_coordinators(application))
    if application.approved_at:
        readers += list(host_staff(application))
    notify_many(
        {person.pk: person for person in readers}.values(),
        kind="exchanges.application_comment",
        key=f"exchanges.comment:{comment.pk}",
        context={
            "title": str(application.offer or application.host),
            "author": actor.full_name,
            "body": body[:500],
            "link": application_link(application),
        },
        skip=actor,
    )
    return comment


@transaction.atomic
def application_rank(
    *,
    actor: User,
    application: Application,
    host_rank: int | None = None,
    student_rank: int | None = None,
) -> Application:
    """Record the host's ranking or the applicant's own preference for allocation."""
    found = rules.parties(actor, application)
    if application.status != S.APPROVED:
        raise IllegalMove(
            _("Rankings are given while the application waits for the host."), code="rank"
        )
    fields = []
    if host_rank is not None:
        if rules.HOST not in found:
            raise NotAllowed
        application.host_rank = host_rank
        fields.append("host_rank")
    if student_rank is not None:
        if rules.APPLICANT not in found:
            raise NotAllowed
        application.student_rank = student_rank
        fields.append("student_rank")
    if fields:
        application.save(update_fields=fields)
        log_action(
            actor=actor,
            action="exchanges.application.ranked",
            target=application,
            organisation=application.home,
            data={field: getattr(application, field) for field in fields},
        )
    return application


def applications_waiting_at(organisation_ids: Iterable[int]) -> Q:
    return Q(home_id__in=organisation_ids, status=S.SUBMITTED)
