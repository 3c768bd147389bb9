"""Reverse mentoring's badge: awarded to the student who mentored, endorsed by the mentee."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import require

from .. import rules
from ..errors import IllegalMove, MentoringError
from ..models import Pair

if TYPE_CHECKING:
    from accounts.models import User
    from worklife_passport.models import Award, Endorsement


@transaction.atomic
def pair_award_badge(*, actor: User, pair: Pair) -> Award:
    """Reverse mentoring: the student who mentored earns the programme's badge."""
    from worklife_passport.models import Award
    from worklife_passport.services.awards import award_create

    pair = (
        Pair.objects.select_for_update(of=("self",))
        .select_related("programme__badge", "mentor__user")
        .get(pk=pair.pk)
    )
    badge = pair.programme.badge
    if badge is None or pair.status != Pair.Status.COMPLETED or pair.badge_awarded:
        raise IllegalMove(_("There is no badge to award for this pair."), code="no_badge")
    require(rules.can_award_pair_badge(actor, pair))
    award = award_create(
        actor=actor,
        badge=badge,
        source=Award.Source.MENTORING,
        recipient=pair.mentor.user,
        evidence=str(
            _("Mentoring in the programme %(programme)s") % {"programme": pair.programme.name}
        ),
    )
    pair.badge_awarded = True
    pair.save(update_fields=["badge_awarded"])
    return award


@transaction.atomic
def pair_endorse_badge(*, actor: User, pair: Pair, comment: str) -> Endorsement:
    """The company mentee endorses the mentoring badge on behalf of their organisation."""
    from worklife_passport.models import Endorsement

    pair = Pair.objects.select_related("programme__badge", "mentee__organisation").get(pk=pair.pk)
    require(rules.side(actor, pair) == "mentee" and pair.badge_awarded)
    organisation = pair.mentee.organisation
    if organisation is None or not comment.strip():
        raise MentoringError(_("Write why your organisation endorses the badge."), code="comment")
    endorsement, _created = Endorsement.objects.update_or_create(
        badge=pair.programme.badge,
        organisation=organisation,
        defaults={"comment": comment.strip(), "created_by": actor},
    )
    log_action(
        actor=actor,
        action="passport.badge.endorsed",
        target=pair.programme.badge,
        organisation=organisation,
    )
    return endorsement
