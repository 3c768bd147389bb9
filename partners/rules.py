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
    return is_staff(user) or has_role(user, organisation, MANAGER_ROLE_BY_KIND[organisation.kind])


def invitable_roles(user, organisation: Organisation) -> list[str]:
    if not can_manage_organisation(user, organisation):
        return []
    return list(ROLES_BY_KIND[organisation.kind])


def can_invite(user, organisation: Organisation, role: str) -> bool:
    return role in invitable_roles(user, organisation)


def can_view_members(user, organisation: Organisation) -> bool:
    return is_network_member(user)


def requires_mfa(user) -> bool:
    """Coordinators and network admins act for others, so they must use two factors."""
    return is_staff(user) or has_role_anywhere(user, Role.COORDINATOR)


def role_labels(roles: Iterable[str]) -> list[str]:
    return [str(Role(r).label) for r in sorted(roles)]


# --- Shared by the sub-domains' rules (outreach, quality, pilots) -------------------------

OUTREACH_ROLES = (Role.ADVISOR, Role.COORDINATOR)


def can_do_outreach(user) -> bool:
    """Advisors and coordinators of the network's schools and public bodies, and admins."""
    return is_staff(user) or has_role_anywhere(user, *OUTREACH_ROLES)


def acting_organisations(user, *roles: str) -> list[int]:
    """The organisations in whose name ``user`` acts with one of ``roles``; a network admin
    acts for every active organisation that is not a company."""
    if is_staff(user):
        return list(
            Organisation.objects.active()
            .exclude(kind=Organisation.Kind.COMPANY)
            .values_list("pk", flat=True)
        )
    return organisations_with_role(user, *roles)
