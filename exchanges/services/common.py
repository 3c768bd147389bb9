from django.contrib.auth import get_user_model

from network_portal import fragments
from partners.models import Membership

from .. import rules


def people_with_roles(organisation_id: int, *roles: str):
    return (
        get_user_model()
        .objects.filter(
            memberships__organisation_id=organisation_id,
            memberships__role__in=roles,
            is_active=True,
        )
        .distinct()
    )


def home_coordinators(application):
    return people_with_roles(application.home_id, Membership.Role.COORDINATOR)


def host_staff(application):
    return people_with_roles(application.host_id, *rules.HOST_ROLES)


def application_link(application) -> dict:
    return {"name": "exchanges:application_detail", "kwargs": {"pk": application.pk}}


def queue_names(*, homes=(), hosts=(), everything=False) -> list[str]:
    """The data a coordinator queue is kept under: the applications of its schools and
    hosts (``fragments``)."""
    if everything:
        return ["applications"]
    return [f"applications:{pk}" for pk in sorted({*homes, *hosts})]


def applications_changed(*applications) -> None:
    """Retire the kept coordinator queues that show ``applications``."""
    organisations = {pk for a in applications for pk in (a.home_id, a.host_id) if pk}
    fragments.changed(*queue_names(everything=True), *queue_names(homes=organisations))
