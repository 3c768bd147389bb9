"""Who may do what. Pure predicates used by views, templates and services of every app.

A person's roles are read once per request and kept on the user object, so checking
several rules costs one query.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import MANAGER_ROLE_BY_KIND, ROLES_BY_KIND, Membership, Organisation

Role = Membership.Role


def roles_of(user) -> dict[int, frozenset[str]]:
    """``{organisation_id: roles}`` for ``user``; empty for anonymous users."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        roles: dict[int, set[str]] = {}
        for org_id, role in Membership.objects.filter(
            user=user, organisation__is_active=True
        ).values_list("organisation_id", "role"):
            roles.setdefault(org_id, set()).add(role)
        cached = {org_id: frozenset(r) for org_id, r in roles.items()}
        user._portal_roles = cached
    return cached


def forget_roles(user) -> None:
    """Drop the cached roles after a membership change."""
    user.__dict__.pop("_portal_roles", None)


def _org_id(organisation) -> int:
    return organisation if isinstance(organisation, int) else organisation.pk


def is_staff(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_staff and user.is_active)


def is_member(user, organisation) -> bool:
    return _org_id(organisation) in roles_of(user)


def has_role(user, organisation, *roles: str) -> bool:
    held = roles_of(user).get(_org_id(organisation), frozenset())
    return bool(held.intersection(roles))


def has_role_anywhere(user, *roles: str) -> bool:
    return any(held.intersection(roles) for held in roles_of(user).values())


def organisations_with_role(user, *roles: str) -> list[int]:
    return [org_id for org_id, held in roles_of(user).items() if held.intersection(roles)]


def is_network_member(user) -> bool:
    """Logged in and either a network admin or a member of at least one organisation."""
    return is_staff(user) or bool(roles_of(user))


def can_manage_organisation(user, organisation: Organisation) -> bool:
    if is_staff(user):
        return True
    return has_role(user, organisation, MANAGER_ROLE_BY_KIND[organisation.kind])


def invitable_roles(user, organisation: Organisation) -> list[str]:
    if not can_manage_organisation(user, organisation):
        return []
    return list(ROLES_BY_KIND[organisation.kind])


def can_invite(user, organisation: Organisation, role: str) -> bool:
    return role in invitable_roles(user, organisation)


def can_view_members(user, organisation: Organisation) -> bool:
    return is_network_member(user)


def can_view_audit(user, organisation: Organisation) -> bool:
    """The organisation's managers (its coordinators, for a school) and network admins."""
    return can_manage_organisation(user, organisation)


def requires_mfa(user) -> bool:
    """Coordinators and network admins act for others, so they must use two factors."""
    return is_staff(user) or has_role_anywhere(user, Role.COORDINATOR)


def role_labels(roles: Iterable[str]) -> list[str]:
    return [str(Role(r).label) for r in sorted(roles)]


# --- Outreach: company visits and follow-ups --------------------------------------------

OUTREACH_ROLES = (Role.ADVISOR, Role.COORDINATOR)


def can_do_outreach(user) -> bool:
    """Advisors and coordinators of the network's schools and public bodies, and admins."""
    return is_staff(user) or has_role_anywhere(user, *OUTREACH_ROLES)


def visiting_organisations(user) -> list[int]:
    """The organisations on whose behalf the user logs visits."""
    if is_staff(user):
        return list(
            Organisation.objects.active()
            .exclude(kind=Organisation.Kind.COMPANY)
            .values_list("pk", flat=True)
        )
    return organisations_with_role(user, *OUTREACH_ROLES)


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


# --- Needs surveys ----------------------------------------------------------------------


def survey_organisations(user) -> list[int]:
    """The organisations in whose name the user builds and sends surveys."""
    return visiting_organisations(user)


def can_manage_survey(user, survey) -> bool:
    return is_staff(user) or has_role(user, survey.organisation_id, *OUTREACH_ROLES)


# --- Peer review of quality -------------------------------------------------------------

REVIEWER_ROLES = (Role.COORDINATOR, Role.TEACHER, Role.ADVISOR)


def round_organisations(user) -> list[int]:
    """The organisations in whose name the user runs peer review rounds."""
    if is_staff(user):
        return list(
            Organisation.objects.active()
            .exclude(kind=Organisation.Kind.COMPANY)
            .values_list("pk", flat=True)
        )
    return organisations_with_role(user, Role.COORDINATOR)


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


# --- Calls for pilots -------------------------------------------------------------------

APPLICANT_ROLES = (Role.COORDINATOR, Role.ADVISOR)


def call_organisations(user) -> list[int]:
    """The organisations in whose name the user opens calls for pilots."""
    return round_organisations(user)


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
