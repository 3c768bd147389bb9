"""The notices peer review sends and its audit actions (their keys keep the partners
prefix they had when peer review was part of the partners app)."""

from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from core.audit import register_actions
from core.rounds import parsed
from notifications import kinds

for key, label in [
    ("partners.review_team", _("I am made a member of a peer review team")),
    ("partners.review_started", _("My school is to be peer reviewed")),
    ("partners.review_progress", _("A peer review I take part in moves on")),
    ("partners.review_report", _("The peer review report of my school is published")),
]:
    kinds.register(key, label=label, enrich=parsed("visit_on", parse_date))

register_actions(
    {
        "partners.review_round.created": _("Peer review round created"),
        "partners.review_round.updated": _("Peer review round edited"),
        "partners.review.created": _("School added to a peer review round"),
        "partners.review.updated": _("Peer review visit or team changed"),
        "partners.review.self_report_saved": _("Self-report saved"),
        "partners.review.self_reported": _("Self-report submitted"),
        "partners.review.visited": _("Peer review visit done"),
        "partners.review.finding_added": _("Peer review finding added"),
        "partners.review.reported": _("Peer review report published"),
        "partners.review.closed": _("Peer review closed"),
        "partners.review.action_saved": _("Development action planned"),
        "partners.review.action_state": _("Development action moved on"),
    }
)
