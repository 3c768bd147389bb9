"""Who may see and do what in mentoring. Meeting notes stay between the two."""

from partners import rules as partner_rules

from .models import Pair, Programme


def coordinates(user, programme: Programme) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if partner_rules.is_staff(user):
        return True
    if programme.coordinators.filter(pk=user.pk).exists():
        return True
    organisers = programme.organisers.values_list("pk", flat=True)
    return any(partner_rules.has_role(user, org, "coordinator") for org in organisers)


def side(user, pair: Pair) -> str | None:
    if pair.mentor.user_id == getattr(user, "pk", None):
        return "mentor"
    if pair.mentee.user_id == getattr(user, "pk", None):
        return "mentee"
    return None


def can_view_pair(user, pair: Pair) -> bool:
    return side(user, pair) is not None or coordinates(user, pair.programme)


def can_read_notes(user, pair: Pair) -> bool:
    return side(user, pair) is not None


def can_award_pair_badge(user, pair: Pair) -> bool:
    """Whether ``user`` can award the programme's badge to the pair's mentor now: the pair
    has completed, the badge is not awarded yet, and the user both coordinates the
    programme and may award the badge for its issuer."""
    from worklife_passport.rules import can_award

    badge = pair.programme.badge
    return (
        badge is not None
        and pair.status == Pair.Status.COMPLETED
        and not pair.badge_awarded
        and coordinates(user, pair.programme)
        and can_award(user, badge)
    )
