"""Who may do what in peer review of quality."""

from __future__ import annotations

from partners.rules import (
    Role,
    acting_organisations,
    has_role,
    is_network_member,
    is_staff,
)

REVIEWER_ROLES = (Role.COORDINATOR, Role.TEACHER, Role.ADVISOR)


def round_organisations(user) -> list[int]:
    """The organisations in whose name the user runs peer review rounds."""
    return acting_organisations(user, Role.COORDINATOR)


def can_manage_round(user, review_round) -> bool:
    return is_staff(user) or has_role(user, review_round.organiser_id, Role.COORDINATOR)


def review_roles(user, review) -> frozenset[str]:
    """How ``user`` takes part in ``review``: "organiser", "school", "lead", "member"."""
    roles = set()
    if can_manage_round(user, review.round):
        roles.add("organiser")
    if has_role(user, review.school_id, Role.COORDINATOR):
        roles.add("school")
    for reviewer in review.team.all():
        if reviewer.user_id == getattr(user, "pk", None):
            roles.add(reviewer.role)
    return frozenset(roles)


def can_view_review(user, review) -> bool:
    """Participants always; the network's members once the report is published."""
    if review_roles(user, review):
        return True
    return review.status in ("reported", "closed") and is_network_member(user)
