"""The notices calls for pilots send and their audit actions (their keys keep the
partners prefix they had when the calls were part of the partners app)."""

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from core.audit import register_actions
from core.rounds import parsed
from notifications import kinds

for key, label in [
    ("partners.pilot_submitted", _("An application to a call for pilots I run is submitted")),
    ("partners.pilot_decision", _("The decision on my pilot application")),
    ("partners.pilot_progress", _("A funded pilot reports progress")),
    ("partners.pilot_deadline", _("Reminder: my pilot application is not yet submitted")),
]:
    kinds.register(key, label=label, enrich=parsed("deadline", parse_datetime))

register_actions(
    {
        "partners.pilot_call.created": _("Call for pilots created"),
        "partners.pilot_call.updated": _("Call for pilots edited"),
        "partners.pilot_call.published": _("Call for pilots published"),
        "partners.pilot_call.closed": _("Call for pilots closed"),
        "partners.pilot.created": _("Pilot application started"),
        "partners.pilot.updated": _("Pilot application edited"),
        "partners.pilot.submitted": _("Pilot application submitted"),
        "partners.pilot.withdrawn": _("Pilot application withdrawn"),
        "partners.pilot.attachment_added": _("Attachment added to a pilot application"),
        "partners.pilot.scored": _("Pilot application scored"),
        "partners.pilot.funded": _("Pilot funded"),
        "partners.pilot.rejected": _("Pilot not funded"),
        "partners.pilot.progress_reported": _("Pilot progress reported"),
    }
)
