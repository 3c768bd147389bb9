"""Badge definitions, their versions, and endorsements."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import require
from core.search import in_every_language
from notifications.services import notify_many

from .. import rules
from ..errors import PassportError
from ..models import Alignment, Badge, Endorsement
from .claims import _assessors

if TYPE_CHECKING:
    from collections.abc import Iterable

    from accounts.models import User
    from partners.models import Organisation, Sector

PLAIN = (
    "category",
    "achievement_type",
    "tags",
    "valid_days",
    "evidence_required",
    "assessor_roles",
    "is_active",
    "image",
)
#: A change to these after the badge has been awarded makes a new version.
MEANING = set(in_every_language("name", "criteria"))


def _fields() -> list[str]:
    return [*in_every_language("name", "description", "criteria"), *PLAIN]


@transaction.atomic
def badge_create(
    *,
    actor: User,
    issuer: Organisation,
    data: dict,
    sectors: Iterable[Sector] = (),
) -> Badge:
    require(rules.can_manage_badges(actor, issuer))
    badge = Badge(issuer=issuer, **{f: data[f] for f in _fields() if f in data})
    badge.full_clean(exclude=["image"] if not badge.image else None)
    badge.save()
    badge.sectors.set(sectors)
    log_action(actor=actor, action="passport.badge.created", target=badge, organisation=issuer)
    return badge


@transaction.atomic
def badge_update(
    *, actor: User, badge: Badge, data: dict, sectors: Iterable[Sector] | None = None
) -> Badge:
    """Change a badge. If it has been awarded and its meaning changes, a new version is
    made and becomes the current one; awarded badges keep the version they were given."""
    badge = Badge.objects.select_for_update().get(pk=badge.pk)
    require(rules.can_manage_badges(actor, badge.issuer_id))
    if not badge.is_current:
        raise PassportError(
            _("Only the current version of a badge can be changed."), code="old_version"
        )
    changed = [f for f in _fields() if f in data and getattr(badge, f) != data[f]]
    if not changed and sectors is None:
        return badge
    for field in changed:
        setattr(badge, field, data[field])
    # The changed values are checked as a new badge's are (the image's type, size, content).
    badge.full_clean(exclude=[f.name for f in Badge._meta.fields if f.name not in changed])
    if set(changed) & MEANING and badge.awards.exists():
        old_sectors = list(badge.sectors.all())
        old_alignments = list(
            badge.alignments.values("framework", "code", "target_name", "target_url")
        )
        Badge.objects.filter(pk=badge.pk).update(is_current=False)
        badge.pk = None
        badge._state.adding = True
        badge.version += 1
        badge.is_current = True
        badge.save()
        badge.sectors.set(sectors if sectors is not None else old_sectors)
        for alignment in old_alignments:
            Alignment.objects.create(badge=badge, **alignment)
        action = "passport.badge.new_version"
    else:
        if changed:
            badge.save(update_fields=changed)
        if sectors is not None:
            badge.sectors.set(sectors)
        action = "passport.badge.updated"
    log_action(
        actor=actor,
        action=action,
        target=badge,
        organisation=badge.issuer,
        data={"fields": changed, "version": badge.version},
    )
    return badge


@transaction.atomic
def badge_endorse(
    *, actor: User, badge: Badge, organisation: Organisation, comment: str
) -> Endorsement:
    require(organisation.pk in rules.endorsing_organisations(actor, badge))
    if not comment.strip():
        raise PassportError(_("Write why your organisation endorses the badge."), code="comment")
    endorsement, created = Endorsement.objects.update_or_create(
        badge=badge,
        organisation=organisation,
        defaults={"comment": comment.strip(), "created_by": actor},
    )
    log_action(
        actor=actor, action="passport.badge.endorsed", target=badge, organisation=organisation
    )
    if created:
        notify_many(
            _assessors(badge),
            kind="passport.endorsed",
            key=f"passport.endorsed:{endorsement.pk}",
            context={
                "badge": badge.name,
                "organisation": organisation.name,
                "link": {"name": "passport:badge_detail", "kwargs": {"pk": badge.pk}},
            },
        )
    return endorsement
