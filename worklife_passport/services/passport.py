"""The student's own passport: goals, sharing, pathways and recognition; company needs."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from redis import RedisError, ResponseError

from core.audit import log_action
from core.cache import cache, redis
from core.errors import require
from notifications.services import notify, notify_many
from partners.selectors import members_with_roles

from .. import rules
from ..errors import PassportError
from ..models import Award, Badge, Goal, Pathway, RecognitionRequest, ShareLink, SkillNeed
from .awards import valid_awards

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from accounts.models import User
    from partners.models import Organisation, Sector


@transaction.atomic
def goal_add(*, actor: User, badge: Badge) -> Goal:
    goal, _created = Goal.objects.get_or_create(user=actor, badge=badge)
    return goal


@transaction.atomic
def goal_remove(*, actor: User, badge: Badge) -> None:
    Goal.objects.filter(user=actor, badge__family=badge.family).delete()


@transaction.atomic
def share_create(*, actor: User, label: str, awards: Iterable[Award], days: int) -> ShareLink:
    awards = list(awards)
    if not awards:
        raise PassportError(_("Choose at least one badge to show."), code="empty")
    require(all(award.recipient_id == actor.pk for award in awards))
    if not 1 <= days <= 365:
        raise PassportError(_("A link can be open for 1 to 365 days."), code="days")
    link = ShareLink.objects.create(
        user=actor,
        label=label.strip() or str(_("Shared passport")),
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    link.awards.set(awards)
    log_action(actor=actor, action="passport.share.created", target=link, organisation=None)
    return link


@transaction.atomic
def share_revoke(*, actor: User, link: ShareLink) -> None:
    require(link.user_id == actor.pk)
    link.revoked_at = timezone.now()
    link.save(update_fields=["revoked_at"])
    log_action(actor=actor, action="passport.share.revoked", target=link, organisation=None)


#: The views of shared passports not yet added to their links (a Redis hash: link → views).
_VIEWS = "passport:share-views"


def share_viewed(link: ShareLink) -> None:
    """Count a view of ``link``. Views are counted in Redis and added to the links by
    :func:`share_views_flush` (every minute): a view writes no row, so a passport shared
    widely costs the database nothing and retires no kept page. Without Redis, or while it
    cannot be reached, the view is added to the link at once."""
    client = redis()
    if client is not None:
        try:
            client.hincrby(cache.make_key(_VIEWS), str(link.pk), 1)
        except RedisError:
            logger.warning(
                "Redis unreachable: the view of share link %s is counted in its row", link.pk
            )
        else:
            return
    ShareLink.objects.filter(pk=link.pk).update(view_count=F("view_count") + 1)


def share_views_flush() -> int:
    """Add the views counted in Redis to their links; the number of links updated.

    The hash is renamed first, so views counted meanwhile go to a new one; a flush that
    stopped after the rename is finished by the next. (One that stopped between the
    database's commit and the hash's removal counts its views twice.)"""
    client = redis()
    if client is None:
        return 0
    counting, flushing = cache.make_key(_VIEWS), cache.make_key(f"{_VIEWS}:flushing")
    if not client.exists(flushing):
        try:
            client.rename(counting, flushing)
        except ResponseError:  # no views since the last flush
            return 0
    counts = {int(pk): int(views) for pk, views in client.hgetall(flushing).items()}
    with transaction.atomic():
        for pk, views in counts.items():
            ShareLink.objects.filter(pk=pk).update(view_count=F("view_count") + views)
    client.delete(flushing)
    return len(counts)


@dataclass
class RuleProgress:
    have: int
    need: int


@dataclass
class PathwayProgress:
    pathway: Pathway
    rules: list[RuleProgress]
    request: RecognitionRequest | None = None

    @property
    def have(self) -> int:
        return sum(min(r.have, r.need) for r in self.rules)

    @property
    def need(self) -> int:
        return sum(r.need for r in self.rules)

    @property
    def percent(self) -> int:
        return 100 if not self.need else round(100 * self.have / self.need)

    @property
    def complete(self) -> bool:
        return all(r.have >= r.need for r in self.rules)


def pathway_progress(pathway: Pathway, held_families: set) -> PathwayProgress:
    """Any version of a badge counts towards a pathway."""
    progress = []
    for rule in pathway.rules.all():
        families = {badge.family for badge in rule.badges.all()}
        have = len(families & held_families)
        need = len(families) if rule.kind == rule.Kind.ALL else min(rule.required, len(families))
        progress.append(RuleProgress(have, need))
    return PathwayProgress(pathway, progress)


def held_families(user: User) -> set:
    return set(valid_awards().filter(recipient=user).values_list("badge__family", flat=True))


@transaction.atomic
def recognition_request(*, actor: User, pathway: Pathway) -> RecognitionRequest:
    pathway = Pathway.objects.prefetch_related("rules__badges").get(pk=pathway.pk)
    if not pathway_progress(pathway, held_families(actor)).complete:
        raise PassportError(_("Collect all the badges of the pathway first."), code="incomplete")
    if RecognitionRequest.objects.filter(
        student=actor, pathway=pathway, status__in=["requested", "confirmed"]
    ).exists():
        raise PassportError(_("You have already asked for this recognition."), code="duplicate")
    request = RecognitionRequest.objects.create(student=actor, pathway=pathway)
    log_action(
        actor=actor,
        action="passport.recognition.requested",
        target=request,
        organisation=pathway.recognised_by,
    )
    notify_many(
        members_with_roles(pathway.recognised_by_id, "coordinator"),
        kind="passport.recognition",
        key=f"passport.recognition:{request.pk}",
        context={
            "student": actor.full_name,
            "pathway": pathway.name,
            "status": request.status,
            "link": {"name": "passport:recognition_queue", "kwargs": {}},
        },
    )
    return request


@transaction.atomic
def recognition_decide(
    *, actor: User, request: RecognitionRequest, confirm: bool, comment: str = ""
) -> RecognitionRequest:
    request = (
        RecognitionRequest.objects.select_for_update()
        .select_related("pathway", "student")
        .get(pk=request.pk)
    )
    require(rules.can_decide_recognition(actor, request.pathway))
    if request.status != RecognitionRequest.Status.REQUESTED:
        raise PassportError(_("This request has already been decided."), code="decided")
    if not confirm and not comment.strip():
        raise PassportError(_("Please write the reason in the comment."), code="comment")
    request.status = (
        RecognitionRequest.Status.CONFIRMED if confirm else RecognitionRequest.Status.DECLINED
    )
    request.decided_by, request.decided_at, request.comment = actor, timezone.now(), comment
    request.save(update_fields=["status", "decided_by", "decided_at", "comment"])
    log_action(
        actor=actor,
        action=f"passport.recognition.{request.status}",
        target=request,
        organisation=request.pathway.recognised_by,
    )
    notify(
        kind="passport.recognition",
        key=f"passport.recognition:{request.pk}:decided",
        recipient=request.student,
        context={
            "student": request.student.full_name,
            "pathway": request.pathway.name,
            "status": request.status,
            "comment": comment,
            "link": {"name": "passport:passport", "kwargs": {}},
        },
    )
    return request


@transaction.atomic
def skill_need_save(
    *,
    actor: User,
    organisation: Organisation,
    text: str,
    sector: Sector | None = None,
    badges: Iterable[Badge] = (),
) -> SkillNeed:
    require(rules.can_manage_skill_needs(actor, organisation))
    if not text.strip():
        raise PassportError(_("Describe the skill."), code="text")
    need = SkillNeed.objects.create(
        organisation=organisation, text=text.strip(), sector=sector, created_by=actor
    )
    need.badges.set(badges)
    log_action(
        actor=actor, action="passport.skill_need.saved", target=need, organisation=organisation
    )
    return need


@transaction.atomic
def skill_need_delete(*, actor: User, need: SkillNeed) -> None:
    require(rules.can_manage_skill_needs(actor, need.organisation))
    log_action(
        actor=actor,
        action="passport.skill_need.deleted",
        target=need,
        organisation=need.organisation,
    )
    need.delete()
