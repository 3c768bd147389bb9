"""Placement offers: post, review, publish, close."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from core.audit import log_action
from core.errors import require
from core.workflow import Change, Move, Workflow, from_states, perform
from notifications.services import notify_many
from partners.models import Membership
from partners.selectors import members_with_roles

from .. import rules
from ..errors import ExchangeError, IllegalMove
from ..models import PlacementOffer

if TYPE_CHECKING:
    from collections.abc import Callable

    from accounts.models import User
    from partners.models import Organisation

OS = PlacementOffer.Status
#: The parties to an offer: its host's staff, and the network coordinators who review.
MANAGER = "manager"
REVIEWER = "reviewer"
FIELDS = PlacementOffer.CONTENT_FIELDS


def _validate(offer: PlacementOffer, *, publishing: bool) -> None:
    if offer.start_date and offer.end_date and offer.end_date < offer.start_date:
        raise ExchangeError(_("The end date cannot be before the start date."), code="dates")
    if not offer.start_date and not offer.duration_weeks:
        raise ExchangeError(
            _("Give the dates, or the duration in weeks for a flexible period."),
            code="period",
        )
    if publishing and offer.deadline < timezone.localdate():
        raise ExchangeError(_("The application deadline is in the past."), code="deadline")
    if offer.start_date and offer.deadline > offer.start_date:
        raise ExchangeError(
            _("The application deadline must be before the period starts."), code="deadline"
        )
    unknown = set(offer.languages) - {code for code, _name in settings.LANGUAGES}
    if unknown:
        raise ExchangeError(_("Choose the languages from the list."), code="languages")
    if offer.seats < offer.seats_taken:
        raise ExchangeError(
            _("There are already %(taken)s accepted participants; seats cannot be fewer.")
            % {"taken": offer.seats_taken},
            code="seats",
        )


@transaction.atomic
def offer_create(*, actor: User, host: Organisation, data: dict) -> PlacementOffer:
    require(rules.can_manage_offer(actor, host))
    offer = PlacementOffer(host=host, posted_by=actor, **{f: data[f] for f in FIELDS if f in data})
    _validate(offer, publishing=False)
    offer.save()
    if data.get("badges"):
        offer.badges.set(data["badges"])
    log_action(actor=actor, action="exchanges.offer.created", target=offer, organisation=host)
    return offer


@transaction.atomic
def offer_update(*, actor: User, offer: PlacementOffer, data: dict) -> PlacementOffer:
    offer = PlacementOffer.objects.select_for_update().get(pk=offer.pk)
    require(rules.can_manage_offer(actor, offer))
    if offer.status == OS.ARCHIVED:
        raise IllegalMove(_("An archived offer cannot be changed."), code="archived")
    changed = [f for f in FIELDS if f in data and getattr(offer, f) != data[f]]
    for field in changed:
        setattr(offer, field, data[field])
    _validate(offer, publishing=offer.status == OS.PUBLISHED and "deadline" in changed)
    if changed:
        offer.save(update_fields=[*changed, "updated_at"])
    if "badges" in data and set(offer.badges.all()) != set(data["badges"]):
        offer.badges.set(data["badges"])
        changed.append("badges")
    if changed:
        log_action(
            actor=actor,
            action="exchanges.offer.updated",
            target=offer,
            organisation=offer.host,
            data={"fields": changed},
        )
    return offer


def _trusted(offer: PlacementOffer) -> bool:
    """Schools publish directly; a company does once one of its offers was published."""
    if offer.host.is_school:
        return True
    return (
        PlacementOffer.objects.filter(host=offer.host, published_at__isnull=False)
        .exclude(pk=offer.pk)
        .exists()
    )


def _lock(offer: PlacementOffer) -> PlacementOffer:
    return PlacementOffer.objects.select_for_update().select_related("host").get(pk=offer.pk)


def _parties(user: User | None, offer: PlacementOffer) -> frozenset[str]:
    can = {MANAGER: rules.can_manage_offer(user, offer), REVIEWER: rules.can_review_offers(user)}
    return frozenset(party for party, allowed in can.items() if allowed)


def _check(change: Change[PlacementOffer]) -> None:
    _validate(change.obj, publishing=True)


def _submit(change: Change[PlacementOffer]) -> None:
    _validate(change.obj, publishing=True)
    change.target = OS.PUBLISHED if _trusted(change.obj) else OS.REVIEW


def _stamp(change: Change[PlacementOffer]) -> None:
    """Every move dates the offer's change and keeps its comment in the audit entry; the
    first publication is dated too."""
    change.set(updated_at=change.now)
    if change.target == OS.PUBLISHED and change.obj.published_at is None:
        change.set(published_at=change.now)
    change.data["comment"] = change.comment


def _notify(change: Change[PlacementOffer]) -> None:
    offer, action = change.obj, change.move.action
    context = {
        "title": offer.title,
        "status": offer.status,
        "comment": change.comment,
        "link": {"name": "exchanges:offer_detail", "kwargs": {"pk": offer.pk}},
    }
    key = f"exchanges.offer:{offer.pk}:{action}:{timezone.now():%s%f}"
    if change.target == OS.REVIEW:
        reviewers = (
            get_user_model()
            .objects.filter(is_active=True, memberships__role=Membership.Role.COORDINATOR)
            .distinct()
        )
        notify_many(reviewers, kind="exchanges.offer_review", key=key, context=context)
    elif action in ("approve", "send_back"):
        notify_many(
            members_with_roles(offer.host_id, *rules.HOST_ROLES),
            kind="exchanges.offer_reviewed",
            key=key,
            context=context,
            skip=change.actor,
        )


def _move(
    action: str,
    label: StrOrPromise,
    target: str | None,
    start: list[str],
    party: str,
    check: Callable[[Change[PlacementOffer]], None] | None = None,
    **options: Any,
) -> Move[PlacementOffer]:
    """A move ``party`` makes from the ``start`` states; it stamps the offer (``_stamp``)
    after its own ``check``, if it has one."""

    def prepare(change: Change[PlacementOffer]) -> None:
        if check is not None:
            check(change)
        _stamp(change)

    return Move(action, label, target, from_states(start, [party]), prepare=prepare, **options)


_MOVES: list[Move[PlacementOffer]] = [
    # To review, or published at once for a trusted host (``_trusted``).
    _move("submit", _("Publish"), None, [OS.DRAFT], MANAGER, _submit),
    _move("approve", _("Approve and publish"), OS.PUBLISHED, [OS.REVIEW], REVIEWER, _check),
    _move(
        "send_back", _("Send back for changes"), OS.DRAFT, [OS.REVIEW], REVIEWER, needs_comment=True
    ),
    _move("close", _("Close applications"), OS.CLOSED, [OS.PUBLISHED, OS.FILLED], MANAGER),
    _move("reopen", _("Open applications again"), OS.PUBLISHED, [OS.CLOSED], MANAGER, _check),
    _move("archive", _("Archive"), OS.ARCHIVED, [OS.CLOSED, OS.FILLED, OS.DRAFT], MANAGER),
]

#: The offer's moves. No history table: the audit entries are the offer's history.
OFFER_WORKFLOW: Workflow[PlacementOffer] = Workflow(
    name="exchanges.offer",
    moves={move.action: move for move in _MOVES},
    lock=_lock,
    parties=_parties,
    organisation=lambda offer: offer.host_id,
    illegal=_("This cannot be done while the offer is “%(status)s”."),
    notify=_notify,
)


def offer_transition(
    *, actor: User, offer: PlacementOffer, action: str, comment: str = ""
) -> PlacementOffer:
    return perform(OFFER_WORKFLOW, actor=actor, obj=offer, action=action, comment=comment)
