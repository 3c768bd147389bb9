"""The notices partners sends, registered with the notifications app."""

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from notifications import kinds

from .models import Membership


def _with_role_label(context: dict) -> dict:
    return {**context, "role": Membership.Role(context["role"]).label}


def _invitation(context: dict) -> dict:
    return {**_with_role_label(context), "expires_at": parse_datetime(context["expires_at"])}


kinds.register(
    "partners.invitation",
    label=_("Invitation to an organisation"),
    enrich=_invitation,
    configurable=False,
)
kinds.register(
    "partners.invitation_accepted",
    label=_("Someone accepted an invitation I sent"),
    enrich=_with_role_label,
)
kinds.register(
    "partners.membership_removed",
    label=_("My role in an organisation was removed"),
    enrich=_with_role_label,
)
