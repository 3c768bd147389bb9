"""The application workflow: one table of allowed moves.

Each action lists, per state it may start from, which parties may take it. Anything
not in the table is an illegal move and is refused with a message.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from . import period
from .models import Application
from .rules import APPLICANT, HOME, HOST

S = Application.Status


@dataclass(frozen=True)
class Transition:
    action: str
    label: StrOrPromise
    target: str
    sources: dict[str, frozenset[str]]
    needs_comment: bool = False
    button_style: str = ""
    #: An arrival or departure: made for a day, with a reason if it is not the agreed one.
    dated: bool = False


def _from(states, parties):
    return {state: frozenset(parties) for state in states}


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition("submit", _("Submit"), S.SUBMITTED, _from([S.DRAFT, S.RETURNED], [APPLICANT])),
        Transition(
            "return",
            _("Return for changes"),
            S.RETURNED,
            _from([S.SUBMITTED], [HOME]),
            needs_comment=True,
            button_style="secondary",
        ),
        Transition("approve", _("Approve"), S.APPROVED, _from([S.SUBMITTED], [HOME])),
        Transition(
            "reject",
            _("Reject"),
            S.REJECTED,
            {S.SUBMITTED: frozenset([HOME]), S.APPROVED: frozenset([HOST])},
            needs_comment=True,
            button_style="danger",
        ),
        Transition("accept", _("Accept"), S.ACCEPTED, _from([S.APPROVED], [HOST])),
        # Reached when the last of the three parties signs the learning agreement.
        Transition("sign", _("Sign the agreement"), S.AGREEMENT_SIGNED, {}),
        Transition(
            "arrive",
            _("Confirm arrival"),
            S.IN_PROGRESS,
            _from([S.AGREEMENT_SIGNED], [HOME, HOST]),
            dated=True,
        ),
        Transition(
            "depart",
            _("Confirm departure"),
            S.COMPLETED,
            _from([S.IN_PROGRESS], [HOME, HOST]),
            dated=True,
        ),
        Transition(
            "recognise", _("Record recognition"), S.RECOGNISED, _from([S.COMPLETED], [HOME])
        ),
        Transition(
            "withdraw",
            _("Withdraw"),
            S.WITHDRAWN,
            _from([S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED, S.ACCEPTED], [APPLICANT]),
            button_style="danger",
        ),
        Transition(
            "cancel",
            _("Cancel the exchange"),
            S.CANCELLED,
            _from([S.APPROVED, S.ACCEPTED, S.AGREEMENT_SIGNED], [HOME]),
            needs_comment=True,
            button_style="danger",
        ),
    )
}


def available(application: Application, parties: frozenset[str]) -> list[Transition]:
    """The moves ``parties`` can make from the application's current state (an arrival
    only once the agreed period has begun)."""
    return [
        t
        for t in TRANSITIONS.values()
        if parties & t.sources.get(application.status, frozenset())
        and (t.action != "arrive" or period.arrival_open(application))
    ]
