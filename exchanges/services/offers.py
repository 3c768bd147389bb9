"""Placement offers: post, review, publish, close."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from notifications.services import notify_many
from partners.models import Membership

from .. import rules
from ..errors import ExchangeError, IllegalMove, NotAllowed
from ..models import PlacementOffer
from .common import people_with_roles

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User
    from partners.models import Organisation

OS = PlacementOffer.Status
FIELDS = (
    "title",
    "description",
    "sector",
    "form",
    "city",
    "country",
    "start_date",
    "end_date",
    "duration_weeks",
    "seats",
    "languages",
    "tasks",
    "learning_outcomes",
    "instructor",
    "accommodation_help",
    "accommodation_notes",
    "deadline",
)

OFFER_TRANSITIONS = {
    # action: (from states, to state)
    "submit": ({OS.DRAFT}, None),  # to review or published, see offer_submit
    "approve": ({OS.REVIEW}, OS.PUBLISHED),
    "send_back": ({OS.REVIEW}, OS.DRAFT),
    "close": ({OS.PUBLISHED, OS.FILLED}, OS.CLOSED),
    "reopen": ({OS.CLOSED}, OS.PUBLISHED),
    "archive": ({OS.CLOSED, OS.FILLED, OS.DRAFT}, OS.ARCHIVED),
}


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
    if not rules.can_manage_offer(actor, host):
        raise NotAllowed
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
    if not rules.can_manage_offer(actor, offer):
        raise NotAllowed
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


def _move(offer: PlacementOffer, action: str, target: str, actor: User, comment: str = "") -> None:
    before = offer.status
    offer.status = target
    fields = ["status", "updated_at"]
    if target == OS.PUBLISHED and offer.published_at is None:
        offer.published_at = timezone.now()
        fields.append("published_at")
    offer.save(update_fields=fields)
    log_action(
        actor=actor,
        action=f"exchanges.offer.{action}",
        target=offer,
        organisation=offer.host,
        data={"from": before, "to": target, "comment": comment},
    )


@transaction.atomic
def offer_transition(
    *, actor: User, offer: PlacementOffer, action: str, comment: str = ""
) -> PlacementOffer:
    offer = PlacementOffer.objects.select_for_update().select_related("host").get(pk=offer.pk)
    if action not in OFFER_TRANSITIONS:
        raise IllegalMove(_("Unknown action."), code="unknown")
    sources, target = OFFER_TRANSITIONS[action]
    if offer.status not in sources:
        raise IllegalMove(
            _("This cannot be done while the offer is “%(status)s”.")
            % {"status": offer.get_status_display()},
            code="illegal",
        )
    reviewing = action in ("approve", "send_back")
    if reviewing and not rules.can_review_offers(actor):
        raise NotAllowed
    if not reviewing and not rules.can_manage_offer(actor, offer):
        raise NotAllowed
    if action == "send_back" and not comment.strip():
        raise ExchangeError(_("Please write the reason in the comment."), code="comment")
    if action in ("submit", "approve", "reopen"):
        _validate(offer, publishing=True)
    if action == "submit":
        target = OS.PUBLISHED if _trusted(offer) else OS.REVIEW
    assert target is not None  # only a submission's target is left to be decided
    _move(offer, action, target, actor, comment)

    context = {
        "title": offer.title,
        "status": offer.status,
        "comment": comment,
        "link": {"name": "exchanges:offer_detail", "kwargs": {"pk": offer.pk}},
    }
    key = f"exchanges.offer:{offer.pk}:{action}:{timezone.now():%s%f}"
    if target == OS.REVIEW:
        reviewers = people_with_roles_in_network(Membership.Role.COORDINATOR)
        notify_many(reviewers, kind="exchanges.offer_review", key=key, context=context)
    elif reviewing:
        notify_many(
            people_with_roles(offer.host_id, *rules.HOST_ROLES),
            kind="exchanges.offer_reviewed",
            key=key,
            context=context,
            skip=actor,
        )
    return offer


def people_with_roles_in_network(role: str) -> QuerySet[User]:
    from django.contrib.auth import get_user_model

    staff_and_role = get_user_model().objects.filter(is_active=True)
    return staff_and_role.filter(memberships__role=role).distinct()
