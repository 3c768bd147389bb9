"""Who may do what with badges, claims and passports."""

from __future__ import annotations

from partners import rules as partner_rules
from partners.models import Membership

from .models import ASSESSOR_ROLES, Badge, Claim, Pathway

Role = Membership.Role


def assessor_roles(badge: Badge) -> tuple[str, ...]:
    chosen = tuple(r for r in badge.assessor_roles if r in ASSESSOR_ROLES)
    return chosen or tuple(ASSESSOR_ROLES)


def _staff_or_role(user, organisation, *roles: str) -> bool:
    return partner_rules.is_staff(user) or partner_rules.has_role(user, organisation, *roles)


def can_assess(user, badge: Badge) -> bool:
    return _staff_or_role(user, badge.issuer_id, *assessor_roles(badge))


def assessed_issuers(user) -> list[int]:
    """Organisations whose badges ``user`` may assess (by their role there)."""
    return partner_rules.organisations_with_role(user, *ASSESSOR_ROLES)


def can_manage_badges(user, organisation) -> bool:
    return _staff_or_role(user, organisation, Role.COORDINATOR)


def can_award(user, badge: Badge) -> bool:
    return can_manage_badges(user, badge.issuer_id)


def can_view_claim(user, claim: Claim) -> bool:
    return claim.student_id == getattr(user, "pk", None) or can_assess(user, claim.badge)


def endorsing_organisations(user, badge: Badge) -> list[int]:
    """Organisations on whose behalf ``user`` may endorse ``badge`` (not its issuer)."""
    acting = partner_rules.organisations_with_role(user, Role.COMPANY_CONTACT, Role.COORDINATOR)
    return [org for org in acting if org != badge.issuer_id]


def can_manage_skill_needs(user, organisation) -> bool:
    return _staff_or_role(user, organisation, Role.COMPANY_CONTACT)


def can_decide_recognition(user, pathway: Pathway) -> bool:
    return _staff_or_role(user, pathway.recognised_by_id, Role.COORDINATOR)
