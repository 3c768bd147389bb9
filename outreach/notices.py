"""The notices outreach sends and its audit actions (their keys keep the partners prefix
they had when outreach was part of the partners app)."""

from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from core.audit import register_actions
from core.rounds import parsed
from notifications import kinds

for key, label in [
    ("partners.follow_up_assigned", _("A follow-up action after a company visit is given to me")),
    ("partners.follow_up_due", _("Reminders of my follow-up actions")),
    ("partners.follow_up_done", _("Someone marked my follow-up action done")),
]:
    kinds.register(key, label=label, enrich=parsed("due_on", parse_date))

register_actions(
    {
        "partners.visit.logged": _("Company visit logged"),
        "partners.visit.updated": _("Company visit edited"),
        "partners.follow_up.done": _("Follow-up action done"),
    }
)

kinds.register(
    "partners.survey_invitation",
    label=_("Needs survey sent to a company"),
    enrich=parsed("closes_on", parse_date),
    configurable=False,
)
kinds.register("partners.survey_response", label=_("A company answered a survey I made"))

register_actions(
    {
        "partners.survey.created": _("Survey created"),
        "partners.survey.updated": _("Survey edited"),
        "partners.survey.opened": _("Survey opened for answers"),
        "partners.survey.closed": _("Survey closed"),
        "partners.survey.reopened": _("Survey opened again"),
        "partners.survey.sent": _("Survey links sent"),
        "partners.survey.answered": _("Survey answered"),
    }
)
