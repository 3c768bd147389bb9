"""Partnership agreements (memoranda of understanding): their moves through the core
workflow. No history table: the audit entries are the agreement's history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from core.workflow import Change, Move, Workflow, from_states
from partners import rules as partner_rules
from partners.models import Membership, lead_organisation_id

from ..models import PartnershipAgreement

if TYPE_CHECKING:
    from accounts.models import User

PS = PartnershipAgreement.Status
#: A coordinator of one of the agreement's organisations, or a network admin.
COORDINATOR = "coordinator"
#: The nightly job that ends the agreements past their last day.
SYSTEM = "system"


def _lock(agreement: PartnershipAgreement) -> PartnershipAgreement:
    return PartnershipAgreement.objects.select_for_update().get(pk=agreement.pk)


def _parties(user: User | None, agreement: PartnershipAgreement) -> frozenset[str]:
    if user is None:
        return frozenset([SYSTEM])
    if partner_rules.is_staff(user):
        return frozenset([COORDINATOR])
    organisations = agreement.parties.values_list("pk", flat=True)
    if any(partner_rules.has_role(user, pk, Membership.Role.COORDINATOR) for pk in organisations):
        return frozenset([COORDINATOR])
    return frozenset()


def _organisation(agreement: PartnershipAgreement) -> int | None:
    """The audit log of the first of its organisations records the agreement's moves."""
    return lead_organisation_id(agreement.parties)


def _keep_reason(change: Change[PartnershipAgreement]) -> None:
    # No history table: the audit entry keeps the reason.
    change.data["comment"] = change.comment


PARTNERSHIP_WORKFLOW: Workflow[PartnershipAgreement] = Workflow(
    name="exchanges.partnership",
    moves={
        move.action: move
        for move in (
            Move("activate", _("Activate"), PS.ACTIVE, from_states([PS.DRAFT], [COORDINATOR])),
            Move(
                "terminate",
                _("Terminate"),
                PS.TERMINATED,
                from_states([PS.ACTIVE], [COORDINATOR]),
                needs_comment=True,
                button_style="danger",
                prepare=_keep_reason,
            ),
            Move(
                "expire", _("Expire"), PS.EXPIRED, from_states([PS.ACTIVE], [COORDINATOR, SYSTEM])
            ),
        )
    },
    lock=_lock,
    parties=_parties,
    organisation=_organisation,
    illegal=_("This cannot be done while the agreement is “%(status)s”."),
)
