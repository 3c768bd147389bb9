"""Who may do what in calls for pilots."""

from __future__ import annotations

from partners.rules import (
    Role,
    acting_organisations,
    has_role,
    is_staff,
    organisations_with_role,
    roles_of,
)

APPLICANT_ROLES = (Role.COORDINATOR, Role.ADVISOR)


def call_organisations(user) -> list[int]:
    """The organisations in whose name the user opens calls for pilots."""
    return acting_organisations(user, Role.COORDINATOR)


def can_manage_call(user, call) -> bool:
    return is_staff(user) or has_role(user, call.organiser_id, Role.COORDINATOR)


def applicant_organisations(user) -> list[int]:
    """The organisations the user may apply for (schools, municipalities, associations)."""
    return organisations_with_role(user, *APPLICANT_ROLES)


def can_edit_application(user, application) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return application.contact_id == user.pk or has_role(
        user, application.lead_id, Role.COORDINATOR
    )


def is_call_reviewer(user, call) -> bool:
    return any(reviewer.pk == getattr(user, "pk", None) for reviewer in call.reviewers.all())


def has_conflict(user, application) -> bool:
    """A reviewer does not score an application of their own organisation's group."""
    held = roles_of(user)
    return any(organisation.pk in held for organisation in application.organisations())


def can_score(user, application) -> bool:
    return is_call_reviewer(user, application.call) and not has_conflict(user, application)


def can_view_application(user, application) -> bool:
    return (
        can_edit_application(user, application)
        or can_manage_call(user, application.call)
        or is_call_reviewer(user, application.call)
        or any(
            has_role(user, organisation.pk, Role.COORDINATOR)
            for organisation in application.organisations()
        )
    )
