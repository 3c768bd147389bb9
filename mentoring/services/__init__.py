"""Writes in mentoring, one module per sub-domain: programmes and enrolment, pairs and
their workflow, the relationship (meetings, goals, feedback), matching rounds, badges."""

from .badges import pair_award_badge, pair_endorse_badge
from .pairs import (
    BOTH,
    PAIRS,
    WAITING,
    acceptance_outcome,
    mentees_to_invite,
    pair_invite,
    pair_request,
    places_taken,
    suggestions,
)
from .programmes import enrol, enrolment_update, evaluation_give
from .relationship import alert_quiet_pairs, feedback_give, goal_save, meeting_log, quiet_pairs
from .rounds import round_preview, round_publish, round_remove

__all__ = [
    "BOTH",
    "PAIRS",
    "WAITING",
    "acceptance_outcome",
    "alert_quiet_pairs",
    "enrol",
    "enrolment_update",
    "evaluation_give",
    "feedback_give",
    "goal_save",
    "meeting_log",
    "mentees_to_invite",
    "pair_award_badge",
    "pair_endorse_badge",
    "pair_invite",
    "pair_request",
    "places_taken",
    "quiet_pairs",
    "round_preview",
    "round_publish",
    "round_remove",
    "suggestions",
]
