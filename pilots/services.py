"""Writes on calls for pilots: the calls and their criteria, applications (editing,
attachments, the workflow: submit, withdraw, decide), scores and progress reports."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import DomainError, require
from core.records import save_data
from core.rounds import save_rows
from core.workflow import Change, Move, Workflow, from_states, perform
from notifications.services import notify, notify_many
from partners.models import Membership
from partners.selectors import members_with_roles

from . import rules
from .models import (
    CallCriterion,
    PilotApplication,
    PilotAttachment,
    PilotCall,
    ProgressReport,
    Score,
)

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from django.core.files.uploadedfile import UploadedFile
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


# --- Calls ------------------------------------------------------------------------------


def _save_criteria(call: PilotCall, rows: Iterable[dict]) -> None:
    """Write the changed criterion rows (``id``: the stored criterion or ``None``,
    ``DELETE``, ``text``, ``weight``, ``max_score``) and number them in order."""
    save_rows(
        rows,
        stored=lambda existing: call.criteria.get(pk=existing.pk),
        new=lambda: CallCriterion(call=call),
        fields=("text", "weight", "max_score"),
    )
    for position, criterion_pk in enumerate(
        call.criteria.order_by("position", "pk").values_list("pk", flat=True)
    ):
        call.criteria.filter(pk=criterion_pk).update(position=position)


@transaction.atomic
def call_save(
    *, actor: User, call: PilotCall | None, data: dict, criteria: Iterable[dict] = ()
) -> PilotCall:
    """Save a call (new when ``call`` is None) from ``data``, its fields with
    ``reviewers`` as a list, and its changed criterion rows. Once published the criteria
    are fixed, and the deadline can only move later."""
    values, rows, created = dict(data), list(criteria), call is None
    if call is None:
        require(values["organiser"].pk in rules.call_organisations(actor))
        call = PilotCall(created_by=actor)
    else:
        call = _managed_call(actor, call)
        values.pop("organiser", None)
        if call.published_at is not None:
            if values["deadline"] < call.deadline:
                raise PilotError(
                    _("A published call's deadline can be extended, not brought forward."),
                    code="deadline_earlier",
                )
            if rows:
                raise PilotError(
                    _("The criteria are fixed once the call is published."), code="criteria"
                )
    save_data(call, values, created=created)
    _save_criteria(call, rows)
    _log(actor, call, "created" if created else "updated")
    return call


def _managed_call(actor: User, call: PilotCall) -> PilotCall:
    call = _locked_call(call)
    require(rules.can_manage_call(actor, call))
    return call


@transaction.atomic
def call_publish(*, actor: User, call: PilotCall) -> PilotCall:
    call = _managed_call(actor, call)
    if call.published_at is not None:
        raise PilotError(_("The call is already published."), code="published")
    if not call.criteria.exists():
        raise PilotError(_("Give the call at least one criterion."), code="no_criteria")
    if call.deadline <= timezone.now():
        raise PilotError(_("The deadline must be in the future."), code="deadline_past")
    call.published_at = timezone.now()
    call.save(update_fields=["published_at"])
    _log(actor, call, "published")
    return call


@transaction.atomic
def call_close(*, actor: User, call: PilotCall) -> PilotCall:
    call = _managed_call(actor, call)
    if call.phase != P.REVIEW:
        raise PilotError(_("A call is closed after its deadline, once."), code="not_review")
    if call.applications.filter(status=A.SUBMITTED).exists():
        raise PilotError(_("Decide on every application first."), code="undecided")
    call.closed_at = timezone.now()
    call.save(update_fields=["closed_at"])
    _log(actor, call, "closed")
    return call


# --- Applications -----------------------------------------------------------------------


def _require_editable(actor: User, application: PilotApplication) -> None:
    require(rules.can_edit_application(actor, application))
    if application.status not in (A.DRAFT, A.SUBMITTED):
        raise PilotError(_("This application can no longer be changed."), code="locked")
    _require_open(application.call)


@transaction.atomic
def application_save(
    *, actor: User, call: PilotCall, application: PilotApplication | None = None, data: dict
) -> PilotApplication:
    """Save a new application to ``call`` (``application`` None) or change one, from
    ``data``, its fields with ``partners`` as a list; only before the deadline."""
    call = _locked_call(call)
    values = dict(data)
    allowed = set(rules.applicant_organisations(actor))
    if application is None:
        require(values["lead"].pk in allowed)
        _require_open(call)
        application = PilotApplication(call=call, contact=actor)
    else:
        # The guard reads the stored row, not what the form copied onto it.
        application = _locked_application(application)
        require(application.call_id == call.pk)
        _require_editable(actor, application)
        allowed.add(application.lead_id)
        require(values["lead"].pk in allowed)
    created = application.pk is None
    partners = values.pop("partners", None)
    for name, value in values.items():
        setattr(application, name, value)
    application.save()
    if partners is not None:
        application.partners.set(partners)
    _log(actor, application, "created" if created else "updated")
    return application


def application_submit(*, actor: User, application: PilotApplication) -> PilotApplication:
    stored = PilotApplication.objects.get(pk=application.pk)
    if stored.status != A.DRAFT:
        raise PilotError(_("Only a draft can be submitted."), code="not_draft")
    return perform(PILOT_WORKFLOW, actor=actor, obj=stored, action="submitted")


def application_withdraw(*, actor: User, application: PilotApplication) -> PilotApplication:
    return perform(PILOT_WORKFLOW, actor=actor, obj=application, action="withdrawn")


@transaction.atomic
def attachment_add(
    *, actor: User, application: PilotApplication, title: str, file: UploadedFile
) -> PilotAttachment:
    application = _locked_application(application)
    _require_editable(actor, application)
    attachment = PilotAttachment.objects.create(application=application, title=title, file=file)
    _log(actor, application, "attachment_added", title=title)
    return attachment


@transaction.atomic
def attachment_delete(*, actor: User, attachment: PilotAttachment) -> None:
    application = _locked_application(attachment.application)
    _require_editable(actor, application)
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


# --- Review and decision ----------------------------------------------------------------


@transaction.atomic
def scores_save(*, actor: User, application: PilotApplication, scores: dict) -> None:
    """Save the reviewer's scores, ``scores`` mapping criteria to (score, comment)."""
    application = _locked_application(application)
    require(rules.is_call_reviewer(actor, application.call))
    if rules.has_conflict(actor, application):
        raise PilotError(
            _("You cannot score an application your own organisation takes part in."),
            code="conflict",
        )
    if application.call.phase != P.REVIEW or application.status != A.SUBMITTED:
        raise PilotError(
            _("Applications are scored after the deadline, before the decision."),
            code="not_review",
        )
    for criterion, (score, comment) in scores.items():
        if criterion.call_id != application.call_id or not 0 <= score <= criterion.max_score:
            raise PilotError(_("A score is out of range."), code="range")
        Score.objects.update_or_create(
            application=application,
            reviewer=actor,
            criterion=criterion,
            defaults={"score": score, "comment": comment},
        )
    log_action(
        actor=actor,
        action="partners.pilot.scored",
        target=application,
        organisation=application.call.organiser,
    )


def application_decide(
    *,
    actor: User,
    application: PilotApplication,
    funded: bool,
    granted: Decimal | None = None,
    note: str = "",
) -> PilotApplication:
    stored = PilotApplication.objects.select_related("call").get(pk=application.pk)
    if stored.call.phase != P.REVIEW:
        raise PilotError(_("Decisions are made after the deadline."), code="not_review")
    if stored.status != A.SUBMITTED:
        raise PilotError(_("This application has already been decided."), code="decided")
    return perform(
        PILOT_WORKFLOW,
        actor=actor,
        obj=stored,
        action="funded" if funded else "rejected",
        comment=note,
        granted=granted,
    )


# --- The applications' workflow ---------------------------------------------------------


def _submitted(change: Change[PilotApplication]) -> None:
    _require_open(change.obj.call)
    change.set(submitted_at=change.now, updated_at=change.now)


def _decision(change: Change[PilotApplication]) -> None:
    if change.obj.call.phase != P.REVIEW:
        raise PilotError(_("Decisions are made after the deadline."), code="not_review")
    funded = change.target == A.FUNDED
    granted = change.extra.get("granted") if funded else None
    if funded and granted is None:
        raise PilotError(_("Give the amount granted."), code="granted")
    change.set(
        granted=granted,
        decision_note=change.comment,
        decided_at=change.now,
        decided_by=change.actor,
        updated_at=change.now,
    )
    change.data["granted"] = str(granted) if funded else None


def _tell_of_move(change: Change[PilotApplication]) -> None:
    application = change.obj
    if change.target == A.SUBMITTED:
        notify_many(
            _call_managers(application.call),
            kind="partners.pilot_submitted",
            key=f"partners.pilot_submitted:{application.pk}",
            context=_context(application),
        )
    elif change.target in (A.FUNDED, A.REJECTED) and application.contact is not None:
        notify(
            kind="partners.pilot_decision",
            key=f"partners.pilot_decision:{application.pk}",
            recipient=application.contact,
            context=_context(
                application,
                funded=change.target == A.FUNDED,
                granted=str(application.granted) if change.target == A.FUNDED else "",
                note=application.decision_note,
            ),
        )


def _parties(actor: User | None, application: PilotApplication) -> frozenset[str]:
    parties = set()
    if rules.can_edit_application(actor, application):
        parties.add("applicant")
    if rules.can_manage_call(actor, application.call):
        parties.add("organiser")
    return frozenset(parties)


def _concerns(application: PilotApplication) -> int:
    """A decision is the call's organiser's; the applicant's moves are the lead's."""
    if application.status in (A.FUNDED, A.REJECTED):
        return application.call.organiser_id
    return application.lead_id


APPLICANT, ORGANISER = frozenset({"applicant"}), frozenset({"organiser"})

#: The moves an application makes; each is audited as ``partners.pilot.<move>``.
PILOT_WORKFLOW: Workflow[PilotApplication] = Workflow(
    name="partners.pilot",
    moves={
        "submitted": Move(
            "submitted",
            _("Submit the application"),
            A.SUBMITTED,
            {A.DRAFT: APPLICANT},
            prepare=_submitted,
        ),
        "withdrawn": Move(
            "withdrawn",
            _("Withdraw"),
            A.WITHDRAWN,
            from_states([A.DRAFT, A.SUBMITTED], APPLICANT),
            button_style="button-secondary",
            prepare=lambda change: _require_open(change.obj.call),
        ),
        "funded": Move(
            "funded", _("Fund the pilot"), A.FUNDED, {A.SUBMITTED: ORGANISER}, prepare=_decision
        ),
        "rejected": Move(
            "rejected", _("Do not fund"), A.REJECTED, {A.SUBMITTED: ORGANISER}, prepare=_decision
        ),
    },
    lock=_locked_application,
    parties=_parties,
    organisation=_concerns,
    illegal=_("This application can no longer be changed."),
    notify=_tell_of_move,
)


# --- Funded pilots ----------------------------------------------------------------------


@transaction.atomic
def progress_report_add(
    *, actor: User, application: PilotApplication, data: dict
) -> ProgressReport:
    """A funded pilot reports progress: ``data`` has ``period``, ``text``, ``next_steps``."""
    application = _locked_application(application)
    require(rules.can_edit_application(actor, application))
    if application.status != A.FUNDED:
        raise PilotError(_("Progress is reported by funded pilots."), code="not_funded")
    report = ProgressReport.objects.create(
        application=application,
        submitted_by=actor,
        period=data["period"],
        text=data["text"],
        next_steps=data.get("next_steps", ""),
    )
    _log(actor, application, "progress_reported", period=report.period)
    notify_many(
        _call_managers(application.call),
        kind="partners.pilot_progress",
        key=f"partners.pilot_progress:{report.pk}",
        context=_context(application, period=report.period),
    )
    return report


def send_deadline_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind the contacts of unsent drafts when their call closes within three days."""
    now = now or timezone.now()
    soon = now + datetime.timedelta(days=REMIND_DAYS_BEFORE)
    sent = 0
    for application in PilotApplication.objects.filter(
        status=A.DRAFT,
        call__published_at__isnull=False,
        call__closed_at__isnull=True,
        call__deadline__gt=now,
        call__deadline__lte=soon,
    ).select_related("call", "lead", "contact"):
        if application.contact is None:
            continue
        notify(
            kind="partners.pilot_deadline",
            key=f"partners.pilot_deadline:{application.pk}:{application.call.deadline:%Y%m%d%H%M}",
            recipient=application.contact,
            context=_context(application),
        )
        sent += 1
    return sent
