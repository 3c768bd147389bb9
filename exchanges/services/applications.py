"""The application workflow: create, edit, move between states, comment."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from core.errors import require
from core.workflow import perform
from notifications.services import notify_many

from .. import rules, selectors
from ..errors import AlreadyApplied, ExchangeError, IllegalMove, NotAllowed
from ..models import Application, ApplicationAttachment, ApplicationComment, PlacementOffer
from ..workflow import APPLICATION_WORKFLOW
from .common import home_coordinators, host_staff, log_for_home, notice_context

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

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
    attachment: UploadedFile | None = None,
) -> Application:
    """A draft application to ``offer``, or a proposal to ``host`` without an offer, with
    its first ``attachment`` if one is given (a file that fails the upload checks raises
    ``ValidationError`` and nothing is saved).

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
        if offer is not None:
            _check_not_applied(actor, offer)  # the same form sent twice at once
        raise
    log_for_home(actor, "exchanges.application.created", application)
    if attachment:
        attachment_add(actor=actor, application=application, file=attachment)
    return application


def _check_not_applied(actor: User, offer: PlacementOffer) -> None:
    existing = selectors.own_application(viewer=actor, offer=offer)
    if existing is not None:
        raise AlreadyApplied(existing)


@transaction.atomic
def application_update(
    *, actor: User, application: Application, data: dict, attachment: UploadedFile | None = None
) -> Application:
    """Change a draft (or returned) application and add an ``attachment`` if one is given,
    all or nothing."""
    application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    require(application.applicant_id == actor.pk)
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
        log_for_home(actor, "exchanges.application.updated", application, fields=changed)
    if attachment:
        attachment_add(actor=actor, application=application, file=attachment)
    return application


@transaction.atomic
def attachment_add(
    *, actor: User, application: Application, file: UploadedFile
) -> ApplicationAttachment:
    require(application.applicant_id == actor.pk and application.status in (S.DRAFT, S.RETURNED))
    attachment = ApplicationAttachment(application=application, file=file, name=file.name or "")
    attachment.full_clean()
    attachment.save()
    return attachment


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
    return perform(
        APPLICATION_WORKFLOW, actor=actor, obj=application, action=action, comment=comment, on=on
    )


@transaction.atomic
def application_allow_overlap(*, actor: User, application: Application) -> Application:
    require(rules.HOME in rules.parties(actor, application))
    Application.objects.filter(pk=application.pk).update(overlap_allowed=True)
    application.overlap_allowed = True
    log_for_home(actor, "exchanges.application.overlap_allowed", application)
    return application


@transaction.atomic
def application_comment(
    *, actor: User, application: Application, body: str, visibility: str
) -> ApplicationComment:
    found = rules.parties(actor, application)
    require(rules.can_view_application(actor, application))
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
        context=notice_context(application, author=actor.full_name, body=body[:500]),
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
    given = {"host_rank": (host_rank, rules.HOST), "student_rank": (student_rank, rules.APPLICANT)}
    fields = []
    for field, (rank, party) in given.items():
        if rank is not None:
            require(party in found)
            setattr(application, field, rank)
            fields.append(field)
    if fields:
        application.save(update_fields=fields)
        ranks = {field: getattr(application, field) for field in fields}
        log_for_home(actor, "exchanges.application.ranked", application, **ranks)
    return application
