"""The partners app's models, one module per part of the network's life."""

from .organisations import (
    MANAGER_ROLE_BY_KIND,
    ROLES_BY_KIND,
    AuditEntry,
    Invitation,
    InvitationQuerySet,
    K,
    Membership,
    Organisation,
    OrganisationQuerySet,
    R,
    Sector,
    hash_token,
)
from .outreach import FollowUp, FollowUpQuerySet, Visit
from .surveys import Answer, Choice, Question, Recipient, Response, Survey

__all__ = [
    "MANAGER_ROLE_BY_KIND",
    "ROLES_BY_KIND",
    "Answer",
    "AuditEntry",
    "Choice",
    "FollowUp",
    "FollowUpQuerySet",
    "Invitation",
    "InvitationQuerySet",
    "K",
    "Membership",
    "Organisation",
    "OrganisationQuerySet",
    "Question",
    "R",
    "Recipient",
    "Response",
    "Sector",
    "Survey",
    "Visit",
    "hash_token",
]
