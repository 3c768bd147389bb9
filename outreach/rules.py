"""Who may do what in outreach: company visits, follow-ups and needs surveys."""

from __future__ import annotations

from partners.rules import (
    OUTREACH_ROLES,
    Role,
    acting_organisations,
    has_role,
    is_staff,
)


def visiting_organisations(user) -> list[int]:
    """The organisations on whose behalf the user logs visits."""
    return acting_organisations(user, *OUTREACH_ROLES)


def can_edit_visit(user, visit) -> bool:
    if is_staff(user):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        visit.created_by_id == user.pk
        or has_role(user, visit.school_id, Role.COORDINATOR)
        or any(visitor.pk == user.pk for visitor in visit.visitors.all())
    )


def can_complete_follow_up(user, follow_up) -> bool:
    return follow_up.owner_id == getattr(user, "pk", None) or can_edit_visit(user, follow_up.visit)


def survey_organisations(user) -> list[int]:
    """The organisations in whose name the user builds and sends surveys."""
    return visiting_organisations(user)


def can_manage_survey(user, survey) -> bool:
    return is_staff(user) or has_role(user, survey.organisation_id, *OUTREACH_ROLES)
