"""Who may see and do what in exchanges.

The parties of an application are the applicant, the home organisation's coordinators
and the host's staff (company contacts, or coordinators of a host school). Network
admins may act for the home and the host.
"""

from __future__ import annotations

from partners import rules as partner_rules
from partners.models import Membership

from .models import Application, LearningAgreement, PlacementOffer

Role = Membership.Role

APPLICANT = "applicant"
HOME = "home"
HOST = "host"

HOST_ROLES = (Role.COMPANY_CONTACT, Role.COORDINATOR)
#: Who signs a learning agreement for each of its parties.
SIGNER: dict[str, str] = {
    LearningAgreement.Party.STUDENT: APPLICANT,
    LearningAgreement.Party.HOME: HOME,
    LearningAgreement.Party.HOST: HOST,
}


def parties(user, application: Application) -> frozenset[str]:
    """The roles ``user`` plays in ``application``."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    found = set()
    if application.applicant_id == user.pk:
        found.add(APPLICANT)
    staff = partner_rules.is_staff(user)
    if staff or partner_rules.has_role(user, application.home_id, Role.COORDINATOR):
        found.add(HOME)
    if staff or partner_rules.has_role(user, application.host_id, *HOST_ROLES):
        found.add(HOST)
    return frozenset(found)


def can_view_application(user, application: Application) -> bool:
    found = parties(user, application)
    if APPLICANT in found or HOME in found:
        return True
    if partner_rules.has_role(user, application.home_id, Role.TEACHER):
        return True  # teachers supervise their school's students
    # The host sees an application once the home school has approved it.
    return HOST in found and application.approved_at is not None


def can_see_staff_comments(user, application: Application) -> bool:
    found = parties(user, application)
    return bool(found & {HOME, HOST}) and (
        HOST not in found or HOME in found or application.approved_at is not None
    )


def can_manage_offer(user, offer_or_host) -> bool:
    host = offer_or_host.host if isinstance(offer_or_host, PlacementOffer) else offer_or_host
    return partner_rules.is_staff(user) or partner_rules.has_role(user, host, *HOST_ROLES)


def hosts_for(user):
    """The organisations for which ``user`` may post offers."""
    return partner_rules.organisations_with_role(user, *HOST_ROLES)


def can_review_offers(user) -> bool:
    """Network coordinators review a company's first offers."""
    return partner_rules.is_staff(user) or partner_rules.has_role_anywhere(user, Role.COORDINATOR)


def home_organisations_for(user, kind: str) -> list[int]:
    """Where ``user`` can apply from: students from their school, teachers for staff
    mobility."""
    if kind == Application.Kind.STAFF:
        return partner_rules.organisations_with_role(user, Role.TEACHER, Role.COORDINATOR)
    return partner_rules.organisations_with_role(user, Role.STUDENT)


def can_apply(user) -> bool:
    return any(home_organisations_for(user, kind) for kind in Application.Kind.values)


def coordinated_organisations(user) -> list[int]:
    return partner_rules.organisations_with_role(user, Role.COORDINATOR)
