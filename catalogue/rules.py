from partners import rules as partner_rules
from partners.models import Membership

STAFF_ROLES = (Membership.Role.ADVISOR, Membership.Role.COORDINATOR)


def can_manage_service(user, provider_id) -> bool:
    return partner_rules.is_staff(user) or partner_rules.has_role(user, provider_id, *STAFF_ROLES)


def can_answer(user, enquiry) -> bool:
    return (
        partner_rules.is_staff(user)
        or enquiry.service.advisor_id == user.pk
        or can_manage_service(user, enquiry.service.provider_id)
    )


def can_view_enquiry(user, enquiry) -> bool:
    return enquiry.asked_by_id == getattr(user, "pk", None) or can_answer(user, enquiry)


def can_reply(user, enquiry) -> bool:
    """The one who asked answers back once the advisor has answered, until it is closed."""
    return (
        enquiry.asked_by_id == getattr(user, "pk", None)
        and bool(enquiry.answer)
        and enquiry.status != enquiry.Status.CLOSED
    )


def _organisations(user, roles) -> list[int]:
    """The organisations where ``user`` has one of ``roles``; every active one for staff."""
    if not user.is_authenticated:
        return []
    if partner_rules.is_staff(user):
        from partners.models import Organisation

        return list(Organisation.objects.active().values_list("pk", flat=True))
    return partner_rules.organisations_with_role(user, *roles)


def managed_providers(user) -> list[int]:
    """The organisations whose catalogue entries the user may add and edit."""
    return _organisations(user, STAFF_ROLES)


MATERIAL_ROLES = (
    Membership.Role.COORDINATOR,
    Membership.Role.TEACHER,
    Membership.Role.ADVISOR,
    Membership.Role.MENTOR,
    Membership.Role.COMPANY_CONTACT,
)


def material_organisations(user) -> list[int]:
    """The organisations on whose behalf the user may share learning materials."""
    return _organisations(user, MATERIAL_ROLES)


def can_see_material(user, material) -> bool:
    return material.is_public or partner_rules.is_network_member(user)


def can_edit_material(user, material) -> bool:
    return (
        partner_rules.is_staff(user)
        or (user.is_authenticated and material.uploaded_by_id == user.pk)
        or partner_rules.has_role(user, material.organisation_id, Membership.Role.COORDINATOR)
    )
