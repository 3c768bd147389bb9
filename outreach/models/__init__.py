"""Outreach: company visits with their follow-up actions, and needs surveys."""

from .surveys import Answer, Choice, Question, Recipient, Response, Survey  # noqa: F401
from .visits import FollowUp, Visit  # noqa: F401
