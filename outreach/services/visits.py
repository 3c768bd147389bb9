"""Writes on company visits and their follow-up actions."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import require
from core.rounds import save_rows
from notifications.services import notify

from .. import rules
from ..errors import OutreachError
from ..models import FollowUp, Visit

if TYPE_CHECKING:
    from collections.abc import Iterable

    from accounts.models import User

#: How many days before the due date the owner is reminded.
REMIND_DAYS_BEFORE = 2


def _tell_owner(follow_up: FollowUp, *, kind: str, key: str) -> None:
    if follow_up.owner is None:
        return
    notify(
        kind=kind,
        key=key,
        recipient=follow_up.owner,
        context={
            "action": follow_up.action,
            "company": follow_up.visit.company.name,
            "due_on": follow_up.due_on.isoformat(),
            "link": {"name": "partners:visit_detail", "kwargs": {"pk": follow_up.visit.pk}},
        },
    )


def _stored_visit(actor: User, visit: Visit | None) -> tuple[Visit, set[int]]:
    """The visit to write (the stored row, locked, or a new one) and the organisations
    it may be logged for."""
    allowed = set(rules.visiting_organisations(actor))
    if visit is None:
        return Visit(created_by=actor), allowed
    stored = Visit.objects.select_for_update().get(pk=visit.pk)
    require(rules.can_edit_visit(actor, stored))
    return stored, allowed | {stored.school_id}


def _save_follow_ups(actor: User, visit: Visit, rows: Iterable[dict]) -> int:
    """Write the changed follow-up rows (``id``: the stored follow-up or ``None``,
    ``DELETE``, ``action``, ``owner``, ``due_on``); new owners are told what they took on."""
    saved = 0
    for item, before in save_rows(
        rows,
        stored=lambda existing: FollowUp.objects.select_for_update().get(
            pk=existing.pk, visit=visit
        ),
        new=lambda: FollowUp(visit=visit),
        fields=("action", "owner", "due_on"),
    ):
        saved += 1
        if item.owner_id != actor.pk and before["owner"] != item.owner_id:
            _tell_owner(
                item,
                kind="partners.follow_up_assigned",
                key=f"partners.follow_up_assigned:{item.pk}:{item.owner_id}",
            )
    return saved


@transaction.atomic
def visit_save(
    *, actor: User, visit: Visit | None, data: dict, follow_ups: Iterable[dict] = ()
) -> Visit:
    """Save a visit (new when ``visit`` is None) from ``data`` (its fields; ``visitors``
    and ``joint_with`` as lists of people and organisations) with its follow-up rows."""
    visit, allowed = _stored_visit(actor, visit)
    created = visit.pk is None
    values = dict(data)
    require(values["school"].pk in allowed)
    related = {name: values.pop(name) for name in ("visitors", "joint_with") if name in values}
    for name, value in values.items():
        setattr(visit, name, value)
    visit.save()
    for name, value in related.items():
        getattr(visit, name).set(value)
    saved = _save_follow_ups(actor, visit, follow_ups)
    log_action(
        actor=actor,
        action="partners.visit.logged" if created else "partners.visit.updated",
        target=visit,
        organisation=visit.school,
        data={"company": visit.company_id, "follow_ups": saved},
    )
    return visit


@transaction.atomic
def follow_up_complete(*, actor: User, follow_up: FollowUp) -> FollowUp:
    follow_up = (
        FollowUp.objects.select_for_update(of=("self",))
        .select_related("visit__company", "owner")
        .get(pk=follow_up.pk)
    )
    require(rules.can_complete_follow_up(actor, follow_up))
    if follow_up.done_at is not None:
        raise OutreachError(_("This action is already done."), code="done")
    follow_up.done_at, follow_up.done_by = timezone.now(), actor
    follow_up.save(update_fields=["done_at", "done_by"])
    log_action(
        actor=actor,
        action="partners.follow_up.done",
        target=follow_up.visit,
        organisation=follow_up.visit.school,
        data={"follow_up": follow_up.pk, "action": follow_up.action},
    )
    if follow_up.owner_id != actor.pk:
        _tell_owner(
            follow_up,
            kind="partners.follow_up_done",
            key=f"partners.follow_up_done:{follow_up.pk}",
        )
    return follow_up


def send_follow_up_reminders(*, today: datetime.date | None = None) -> int:
    """Remind owners of actions due soon, and once of those overdue. The keys carry the
    due date, so a moved date is reminded of again."""
    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=REMIND_DAYS_BEFORE)
    sent = 0
    for follow_up in (
        FollowUp.objects.open()
        .filter(due_on__lte=soon, owner__is_active=True)
        .select_related("visit__company", "owner")
    ):
        overdue = follow_up.due_on < today
        stage = "overdue" if overdue else "soon"
        _tell_owner(
            follow_up,
            kind="partners.follow_up_due",
            key=f"partners.follow_up_due:{follow_up.pk}:{stage}:{follow_up.due_on:%Y-%m-%d}",
        )
        sent += 1
    return sent
