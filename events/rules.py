from partners import rules as partner_rules
from partners.models import Membership

ORGANISER_ROLES = (
    Membership.Role.COORDINATOR,
    Membership.Role.ADVISOR,
    Membership.Role.COMPANY_CONTACT,
)


def can_manage_event(user, event) -> bool:
    if partner_rules.is_staff(user):
        return True
    return any(
        partner_rules.has_role(user, org_id, *ORGANISER_ROLES)
        for org_id in event.organisers.values_list("pk", flat=True)
    )


def organiser_organisations(user) -> list[int]:
    return partner_rules.organisations_with_role(user, *ORGANISER_ROLES)
