"""The notices outreach sends and its audit actions (their keys keep the partners prefix
they had when outreach was part of the partners app)."""

from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from core.audit import register_actions
from notifications import kinds


def _follow_up(context: dict) -> dict:
    return {**context, "due_on": parse_date(context["due_on"])}


for key, label in [
    ("partners.follow_up_assigned", _("A follow-up action after a company visit is given to me")),
    ("partners.follow_up_due", _("Reminders of my follow-up actions")),
    ("partners.follow_up_done", _("Someone marked my follow-up action done")),
]:
    kinds.register(
        key,
        label=label,
        template=f"partners/emails/{key.removeprefix('partners.')}",
        enrich=_follow_up,
    )

register_actions(
    {
        "partners.visit.logged": _("Company visit logged"),
        "partners.visit.updated": _("Company visit edited"),
        "partners.follow_up.done": _("Follow-up action done"),
    }
)


def _closes_on(context: dict) -> dict:
    return {
        **context,
        "closes_on": parse_date(context["closes_on"]) if context["closes_on"] else None,
    }


kinds.register(
    "partners.survey_invitation",
    label=_("Needs survey sent to a company"),
    template="partners/emails/survey_invitation",
    enrich=_closes_on,
    configurable=False,
)
kinds.register(
    "partners.survey_response",
    label=_("A company answered a survey I made"),
    template="partners/emails/survey_response",
)

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
