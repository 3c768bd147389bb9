"""Writes on partners, one module per part: organisations and invitations, outreach,
surveys, peer reviews, calls for pilots."""

from .organisations import (
    InvitationError,
    NotAllowed,
    PartnersError,
    invitation_accept,
    invitation_create,
    invitation_revoke,
    membership_create,
    membership_delete,
    organisation_update,
)

__all__ = [
    "InvitationError",
    "NotAllowed",
    "PartnersError",
    "invitation_accept",
    "invitation_create",
    "invitation_revoke",
    "membership_create",
    "membership_delete",
    "organisation_update",
]
