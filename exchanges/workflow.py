"""The application workflow: one table of allowed moves, made through ``core.workflow``.

Each move lists, per state it may start from, which parties may make it. Anything not
in the table is an illegal move and is refused with a message. What is particular to a
move (a submission's checks, the offer's seats, the period's days) is in its hooks
(``exchanges.services.application_moves``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from core.workflow import Move, Workflow, from_states

from . import period, rules
from .models import Application, ApplicationEvent
from .rules import APPLICANT, HOME, HOST
from .services import application_moves as hooks

if TYPE_CHECKING:
    from accounts.models import User

S = Application.Status
#: The system: who makes the move the last signature of the learning agreement causes.
SYSTEM = "system"


def _lock(application: Application) -> Application:
    # The organisations are not joined: the moves need their keys only, and the join
    # of two wide rows was a sixth of an approval's time.
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("offer", "applicant")
        .get(pk=application.pk)
    )


def _parties(user: User | None, application: Application) -> frozenset[str]:
    # A host signing through the e-mailed link has no account: the system moves then.
    return rules.parties(user, application) if user is not None else frozenset({SYSTEM})


_MOVES: list[Move[Application]] = [
    Move(
        "submit",
        _("Submit"),
        S.SUBMITTED,
        from_states([S.DRAFT, S.RETURNED], [APPLICANT]),
        prepare=hooks.submit,
    ),
    Move(
        "return",
        _("Return for changes"),
        S.RETURNED,
        from_states([S.SUBMITTED], [HOME]),
        needs_comment=True,
        button_style="secondary",
    ),
    Move(
        "approve",
        _("Approve"),
        S.APPROVED,
        from_states([S.SUBMITTED], [HOME]),
        prepare=hooks.approve,
    ),
    Move(
        "reject",
        _("Reject"),
        S.REJECTED,
        {S.SUBMITTED: frozenset([HOME]), S.APPROVED: frozenset([HOST])},
        needs_comment=True,
        button_style="danger",
    ),
    Move(
        "accept",
        _("Accept"),
        S.ACCEPTED,
        from_states([S.APPROVED], [HOST]),
        prepare=hooks.take_seat,
    ),
    # Made when the last of the three parties signs the learning agreement; never a button.
    Move(
        "sign",
        _("Sign the agreement"),
        S.AGREEMENT_SIGNED,
        from_states([S.ACCEPTED], [APPLICANT, HOME, HOST, SYSTEM]),
        prepare=hooks.check_signed,
        offered=lambda application: False,
    ),
    # Made when a signed agreement changes: the new version needs all three signatures.
    Move(
        "reopen_agreement",
        _("Learning agreement saved"),
        S.ACCEPTED,
        from_states([S.AGREEMENT_SIGNED], [HOME, HOST]),
        prepare=hooks.check_new_version,
        offered=lambda application: False,
    ),
    Move(
        "arrive",
        _("Confirm arrival"),
        S.IN_PROGRESS,
        from_states([S.AGREEMENT_SIGNED], [HOME, HOST]),
        dated=True,
        prepare=hooks.check_arrival,
        after=hooks.record_arrival,
        # Offered only once the agreed period has begun.
        offered=period.arrival_open,
    ),
    Move(
        "depart",
        _("Confirm departure"),
        S.COMPLETED,
        from_states([S.IN_PROGRESS], [HOME, HOST]),
        dated=True,
        prepare=hooks.check_departure,
        after=hooks.record_departure,
    ),
    Move("recognise", _("Record recognition"), S.RECOGNISED, from_states([S.COMPLETED], [HOME])),
    Move(
        "withdraw",
        _("Withdraw"),
        S.WITHDRAWN,
        from_states([S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED, S.ACCEPTED], [APPLICANT]),
        button_style="danger",
        prepare=hooks.release_seat,
    ),
    Move(
        "cancel",
        _("Cancel the exchange"),
        S.CANCELLED,
        from_states([S.APPROVED, S.ACCEPTED, S.AGREEMENT_SIGNED], [HOME]),
        needs_comment=True,
        button_style="danger",
        prepare=hooks.release_seat,
    ),
]

APPLICATION_WORKFLOW: Workflow[Application] = Workflow(
    name="exchanges.application",
    moves={move.action: move for move in _MOVES},
    lock=_lock,
    parties=_parties,
    organisation=lambda application: application.home_id,
    illegal=_("This cannot be done while the application is “%(status)s”."),
    history=ApplicationEvent,
    history_field="application",
    notify=hooks.notify,
    changed_at_field="status_changed_at",
)
