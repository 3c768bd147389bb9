"""Writes in mentoring, one module per sub-domain: programmes and enrolment, pairs and
their workflow, the relationship (meetings, goals, feedback), matching rounds, badges."""

from .badges import pair_award_badge, pair_endorse_badge
from .pairs import PAIRS, pair_invite, pair_request, suggestions
from .programmes import enrol
from .relationship import alert_quiet_pairs, feedback_give, meeting_log, quiet_pairs
from .rounds import round_preview, round_publish, round_remove

__all__ = [
    "PAIRS",
    "alert_quiet_pairs",
    "enrol",
    "feedback_give",
    "meeting_log",
    "pair_award_badge",
    "pair_endorse_badge",
    "pair_invite",
    "pair_request",
    "quiet_pairs",
    "round_preview",
    "round_publish",
    "round_remove",
    "suggestions",
]
