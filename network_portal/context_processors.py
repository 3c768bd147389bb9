from django.conf import settings
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language_info

from notifications.selectors import unread_count
from partners import rules

_LANGUAGES = [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


class Viewer:
    """What the layout needs to know about the person looking at the page."""

    def __init__(self, user):
        self.user = user
        self.roles = frozenset().union(*rules.roles_of(user).values())

    @property
    def is_staff(self):
        return rules.is_staff(self.user)

    @property
    def is_network_member(self):
        return rules.is_network_member(self.user)

    @property
    def has_coordinator_or_host(self) -> bool:
        return self.is_staff or bool(self.roles & {"coordinator", "company_contact"})

    @property
    def sees_reports(self) -> bool:
        return self.is_staff or "coordinator" in self.roles

    @property
    def does_outreach(self) -> bool:
        return rules.can_do_outreach(self.user)

    @cached_property
    def unread_notices(self) -> int:
        return unread_count(user=self.user) if self.user.is_authenticated else 0


def portal(request):
    return {
        "portal_languages": _LANGUAGES,
        "viewer": SimpleLazyObject(lambda: Viewer(request.user)),
        "show_demo_logins": settings.DEBUG,
        "demo_password": settings.DEMO_PASSWORD if settings.DEBUG else "",
    }
