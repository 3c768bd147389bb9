"""Reads for partner pages: each selector owns the joins its page needs."""

from .organisations import (
    audit_entries,
    country_counts,
    invitation_by_token,
    invitations_sent_to,
    invitations_waiting_for,
    network_counts,
    organisation_directory,
    organisation_for_viewer,
    organisation_members,
    organisation_page_rows,
    organisations_managed_by,
    pending_invitations,
)
from .people import members_with_roles, people_with_roles

__all__ = [
    "audit_entries",
    "country_counts",
    "invitation_by_token",
    "invitations_sent_to",
    "invitations_waiting_for",
    "members_with_roles",
    "network_counts",
    "organisation_directory",
    "organisation_for_viewer",
    "organisation_members",
    "organisation_page_rows",
    "organisations_managed_by",
    "pending_invitations",
    "people_with_roles",
]
