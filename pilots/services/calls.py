"""Writes on calls for pilots: the call, its criteria, publishing and closing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.records import save_data
from core.rounds import require, save_rows

from .. import rules
from ..models import (
    CallCriterion,
    PilotCall,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from accounts.models import User


from .common import (
    A,
    P,
    PilotError,
    _locked_call,
    _log,
)

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
