"""The partners app's models: organisations, sectors, memberships and invitations."""

from .organisations import (
    MANAGER_ROLE_BY_KIND,
    ROLES_BY_KIND,
    Invitation,
    InvitationQuerySet,
    K,
    Membership,
    Organisation,
    OrganisationQuerySet,
    R,
    Sector,
    hash_token,
    lead_organisation_id,
)

__all__ = [
    "MANAGER_ROLE_BY_KIND",
    "ROLES_BY_KIND",
    "Invitation",
    "InvitationQuerySet",
    "K",
    "Membership",
    "Organisation",
    "OrganisationQuerySet",
    "R",
    "Sector",
    "hash_token",
    "lead_organisation_id",
]
