"""Outreach: company visits with their follow-up actions, and needs surveys."""

from .surveys import Answer, Choice, Question, Recipient, Response, Survey
from .visits import FollowUp, FollowUpQuerySet, Visit

__all__ = [
    "Answer",
    "Choice",
    "FollowUp",
    "FollowUpQuerySet",
    "Question",
    "Recipient",
    "Response",
    "Survey",
    "Visit",
]
