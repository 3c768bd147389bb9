"""Writes on calls for pilots: calls, applications, scores, decisions, progress."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import DomainError, NotAllowed
from notifications.services import notify
from partners.models import Membership

from . import rules
from .models import (
    PilotApplication,
    PilotAttachment,
    PilotCall,
    ProgressReport,
    Score,
)

if TYPE_CHECKING:
    from decimal import Decimal
    from typing import Any

    from django import forms
    from django.core.files.uploadedfile import UploadedFile
    from django.db.models import QuerySet
    from django.forms import BaseInlineFormSet

    from accounts.models import User

A = PilotApplication.Status
P = PilotCall.Phase

#: How many days before the deadline the owners of unsent drafts are reminded.
REMIND_DAYS_BEFORE = 3


class PilotError(DomainError):
    pass


def _require(allowed: object) -> None:
    if not allowed:
        raise NotAllowed


def _app_link(application: PilotApplication) -> dict:
    return {"name": "partners:pilot_application", "kwargs": {"pk": application.pk}}


def _context(application: PilotApplication, **extra: Any) -> dict:
    return {
        "call": application.call.title,
        "application": application.title,
        "lead": application.lead.name,
        "deadline": application.call.deadline.isoformat(),
        "link": _app_link(application),
        **extra,
    }


def _call_managers(call: PilotCall) -> QuerySet[User]:
    return get_user_model().objects.filter(
        memberships__organisation=call.organiser_id,
        memberships__role=Membership.Role.COORDINATOR,
        is_active=True,
    )


def _locked_call(call: PilotCall) -> PilotCall:
    return PilotCall.objects.select_for_update().get(pk=call.pk)


def _locked_application(application: PilotApplication) -> PilotApplication:
    return (
        PilotApplication.objects.select_for_update(of=("self",))
        .select_related("call", "lead")
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


@transaction.atomic
def call_save(*, actor: User, form: forms.ModelForm, criteria: BaseInlineFormSet) -> PilotCall:
    """Save a call and its criteria (bound, valid ``form`` and ``criteria`` formset).
    Once published the criteria are fixed, and the deadline can only move later."""
    created = form.instance.pk is None
    if created:
        _require(form.cleaned_data["organiser"].pk in rules.call_organisations(actor))
        before = None
    else:
        _require(rules.can_manage_call(actor, form.instance))
        before = PilotCall.objects.select_for_update().get(pk=form.instance.pk)
    call = form.save(commit=False)
    if created:
        call.created_by = actor
    if before is not None and before.published_at is not None:
        if call.deadline < before.deadline:
            raise PilotError(
                _("A published call's deadline can be extended, not brought forward."),
                code="deadline_earlier",
            )
        if criteria.has_changed():
            raise PilotError(
                _("The criteria are fixed once the call is published."), code="criteria"
            )
    call.save()
    form.save_m2m()
    criteria.instance = call
    for criterion in criteria.save(commit=False):
        criterion.call = call
        criterion.save()
    for removed in criteria.deleted_objects:
        removed.delete()
    for position, criterion_pk in enumerate(
        call.criteria.order_by("position", "pk").values_list("pk", flat=True)
    ):
        call.criteria.filter(pk=criterion_pk).update(position=position)
    log_action(
        actor=actor,
        action="partners.pilot_call.created" if created else "partners.pilot_call.updated",
        target=call,
        organisation=call.organiser,
    )
    return call


@transaction.atomic
def call_publish(*, actor: User, call: PilotCall) -> PilotCall:
    call = _locked_call(call)
    _require(rules.can_manage_call(actor, call))
    if call.published_at is not None:
        raise PilotError(_("The call is already published."), code="published")
    if not call.criteria.exists():
        raise PilotError(_("Give the call at least one criterion."), code="no_criteria")
    if call.deadline <= timezone.now():
        raise PilotError(_("The deadline must be in the future."), code="deadline_past")
    call.published_at = timezone.now()
    call.save(update_fields=["published_at"])
    log_action(
        actor=actor,
        action="partners.pilot_call.published",
        target=call,
        organisation=call.organiser,
    )
    return call


@transaction.atomic
def call_close(*, actor: User, call: PilotCall) -> PilotCall:
    call = _locked_call(call)
    _require(rules.can_manage_call(actor, call))
    if call.phase != P.REVIEW:
        raise PilotError(_("A call is closed after its deadline, once."), code="not_review")
    if call.applications.filter(status=A.SUBMITTED).exists():
        raise PilotError(_("Decide on every application first."), code="undecided")
    call.closed_at = timezone.now()
    call.save(update_fields=["closed_at"])
    log_action(
        actor=actor, action="partners.pilot_call.closed", target=call, organisation=call.organiser
    )
    return call


# --- Applications -----------------------------------------------------------------------


def _require_editable(actor: User, application: PilotApplication) -> None:
    _require(rules.can_edit_application(actor, application))
    if application.status not in (A.DRAFT, A.SUBMITTED):
        raise PilotError(_("This application can no longer be changed."), code="locked")
    _require_open(application.call)


@transaction.atomic
def application_save(*, actor: User, call: PilotCall, form: forms.ModelForm) -> PilotApplication:
    """Save a new or changed application; only before the deadline."""
    call = _locked_call(call)
    created = form.instance.pk is None
    if created:
        _require(form.cleaned_data["lead"].pk in rules.applicant_organisations(actor))
        _require_open(call)
    else:
        _require_editable(actor, _locked_application(form.instance))
    application = form.save(commit=False)
    application.call = call
    if created:
        application.contact = actor
    application.save()
    form.save_m2m()
    log_action(
        actor=actor,
        action="partners.pilot.created" if created else "partners.pilot.updated",
        target=application,
        organisation=application.lead,
    )
    return application


@transaction.atomic
def application_submit(*, actor: User, application: PilotApplication) -> PilotApplication:
    application = _locked_application(application)
    _require(rules.can_edit_application(actor, application))
    if application.status != A.DRAFT:
        raise PilotError(_("Only a draft can be submitted."), code="not_draft")
    _require_open(application.call)
    application.status, application.submitted_at = A.SUBMITTED, timezone.now()
    application.save(update_fields=["status", "submitted_at", "updated_at"])
    log_action(
        actor=actor,
        action="partners.pilot.submitted",
        target=application,
        organisation=application.lead,
    )
    for manager in _call_managers(application.call):
        notify(
            kind="partners.pilot_submitted",
            key=f"partners.pilot_submitted:{application.pk}:{manager.pk}",
            recipient=manager,
            context=_context(application),
        )
    return application


@transaction.atomic
def application_withdraw(*, actor: User, application: PilotApplication) -> PilotApplication:
    application = _locked_application(application)
    _require_editable(actor, application)
    before = application.status
    application.status = A.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    log_action(
        actor=actor,
        action="partners.pilot.withdrawn",
        target=application,
        organisation=application.lead,
        data={"from": before},
    )
    return application


@transaction.atomic
def attachment_add(
    *, actor: User, application: PilotApplication, title: str, file: UploadedFile
) -> PilotAttachment:
    application = _locked_application(application)
    _require_editable(actor, application)
    attachment = PilotAttachment.objects.create(application=application, title=title, file=file)
    log_action(
        actor=actor,
        action="partners.pilot.attachment_added",
        target=application,
        organisation=application.lead,
        data={"title": title},
    )
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
    _require(rules.is_call_reviewer(actor, application.call))
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


@transaction.atomic
def application_decide(
    *,
    actor: User,
    application: PilotApplication,
    funded: bool,
    granted: Decimal | None = None,
    note: str = "",
) -> PilotApplication:
    application = _locked_application(application)
    _require(rules.can_manage_call(actor, application.call))
    if application.call.phase != P.REVIEW:
        raise PilotError(_("Decisions are made after the deadline."), code="not_review")
    if application.status != A.SUBMITTED:
        raise PilotError(_("This application has already been decided."), code="decided")
    if funded and granted is None:
        raise PilotError(_("Give the amount granted."), code="granted")
    application.status = A.FUNDED if funded else A.REJECTED
    application.granted = granted if funded else None
    application.decision_note = note.strip()
    application.decided_at, application.decided_by = timezone.now(), actor
    application.save()
    log_action(
        actor=actor,
        action="partners.pilot.funded" if funded else "partners.pilot.rejected",
        target=application,
        organisation=application.call.organiser,
        data={"granted": str(granted) if funded else None},
    )
    if application.contact is None:
        return application
    notify(
        kind="partners.pilot_decision",
        key=f"partners.pilot_decision:{application.pk}",
        recipient=application.contact,
        context=_context(
            application,
            funded=funded,
            granted=str(granted) if funded else "",
            note=application.decision_note,
        ),
    )
    return application


# --- Funded pilots ----------------------------------------------------------------------


@transaction.atomic
def progress_report_add(
    *, actor: User, application: PilotApplication, form: forms.ModelForm
) -> ProgressReport:
    application = _locked_application(application)
    _require(rules.can_edit_application(actor, application))
    if application.status != A.FUNDED:
        raise PilotError(_("Progress is reported by funded pilots."), code="not_funded")
    report = form.save(commit=False)
    report.application, report.submitted_by = application, actor
    report.save()
    log_action(
        actor=actor,
        action="partners.pilot.progress_reported",
        target=application,
        organisation=application.lead,
        data={"period": report.period},
    )
    for manager in _call_managers(application.call):
        notify(
            kind="partners.pilot_progress",
            key=f"partners.pilot_progress:{report.pk}:{manager.pk}",
            recipient=manager,
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
