"""An allocation round: preview the stable matching of approved applicants to offers,
then accept the matched applications."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import require

from .. import rules
from ..allocation import stable_allocation
from ..errors import ExchangeError
from ..models import Application, PlacementOffer
from .applications import application_transition

if TYPE_CHECKING:
    from collections.abc import Hashable, Sequence

    from accounts.models import User

_LAST = 10_000


@dataclass
class Proposal:
    application: Application
    matched: bool


def allocation_preview(*, actor: User, offers: list[PlacementOffer]) -> list[Proposal]:
    for offer in offers:
        require(rules.can_manage_offer(actor, offer))
    applications = list(
        Application.objects.filter(offer__in=offers, status=Application.Status.APPROVED)
        .select_related("applicant", "offer", "home")
        .order_by("submitted_at", "pk")
    )
    by_student: dict[int, list[Application]] = {}
    for application in applications:
        by_student.setdefault(application.applicant_id, []).append(application)
    student_prefs: dict[Hashable, Sequence[Hashable]] = {
        student: [
            a.offer_id
            for a in sorted(apps, key=lambda a: (a.student_rank or _LAST, a.submitted_at))
        ]
        for student, apps in by_student.items()
    }
    offer_prefs: dict[Hashable, Sequence[Hashable]] = {
        offer.pk: [
            a.applicant_id
            for a in sorted(
                (a for a in applications if a.offer_id == offer.pk),
                key=lambda a: (a.host_rank or _LAST, a.submitted_at),
            )
        ]
        for offer in offers
    }
    capacity: dict[Hashable, int] = {offer.pk: offer.seats_free for offer in offers}
    result = stable_allocation(student_prefs, offer_prefs, capacity)
    return [
        Proposal(application, result.get(application.applicant_id) == application.offer_id)
        for application in applications
    ]


@transaction.atomic
def allocation_apply(*, actor: User, offers: list[PlacementOffer], expected: set[int]) -> int:
    """Accept the matched applications, if the preview the coordinator saw still holds."""
    proposals = allocation_preview(actor=actor, offers=offers)
    matched = {p.application.pk for p in proposals if p.matched}
    if matched != expected:
        raise ExchangeError(
            _("The applications changed since the preview. Look at the new preview."),
            code="stale",
        )
    for proposal in proposals:
        if proposal.matched:
            application_transition(
                actor=actor,
                application=proposal.application,
                action="accept",
                comment=str(_("Accepted in an allocation round.")),
            )
    log_action(
        actor=actor,
        action="exchanges.allocation.applied",
        organisation=offers[0].host if offers else None,
        data={"offers": [o.pk for o in offers], "accepted": sorted(matched)},
    )
    return len(matched)
