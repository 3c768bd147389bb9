"""The notices partners sends, registered with the notifications app."""

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _

from core.audit import register_actions
from notifications import kinds

from .models import Membership


def _with_role_label(context: dict) -> dict:
    return {**context, "role": Membership.Role(context["role"]).label}


def _invitation(context: dict) -> dict:
    return {**_with_role_label(context), "expires_at": parse_datetime(context["expires_at"])}


kinds.register(
    "partners.invitation",
    label=_("Invitation to an organisation"),
    template="partners/emails/invitation",
    enrich=_invitation,
    configurable=False,
)
kinds.register(
    "partners.invitation_accepted",
    label=_("Someone accepted an invitation I sent"),
    template="partners/emails/invitation_accepted",
    enrich=_with_role_label,
)
kinds.register(
    "partners.membership_removed",
    label=_("My role in an organisation was removed"),
    template="partners/emails/membership_removed",
    enrich=_with_role_label,
)


def _follow_up(context: dict) -> dict:
    return {**context, "due_on": parse_date(context["due_on"])}


kinds.register(
    "partners.follow_up_assigned",
    label=_("A follow-up action after a company visit is given to me"),
    template="partners/emails/follow_up_assigned",
    enrich=_follow_up,
)
kinds.register(
    "partners.follow_up_due",
    label=_("Reminders of my follow-up actions"),
    template="partners/emails/follow_up_due",
    enrich=_follow_up,
)
kinds.register(
    "partners.follow_up_done",
    label=_("Someone marked my follow-up action done"),
    template="partners/emails/follow_up_done",
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


def _visit_on(context: dict) -> dict:
    return {**context, "visit_on": parse_date(context["visit_on"]) if context["visit_on"] else None}


for key, label in [
    ("partners.review_team", _("I am made a member of a peer review team")),
    ("partners.review_started", _("My school is to be peer reviewed")),
    ("partners.review_progress", _("A peer review I take part in moves on")),
    ("partners.review_report", _("The peer review report of my school is published")),
]:
    kinds.register(
        key,
        label=label,
        template=f"partners/emails/{key.removeprefix('partners.')}",
        enrich=_visit_on,
    )

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


def _pilot(context: dict) -> dict:
    return {**context, "deadline": parse_datetime(context["deadline"])}


for key, label in [
    ("partners.pilot_submitted", _("An application to a call for pilots I run is submitted")),
    ("partners.pilot_decision", _("The decision on my pilot application")),
    ("partners.pilot_progress", _("A funded pilot reports progress")),
    ("partners.pilot_deadline", _("Reminder: my pilot application is not yet submitted")),
]:
    kinds.register(
        key,
        label=label,
        template=f"partners/emails/{key.removeprefix('partners.')}",
        enrich=_pilot,
    )

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
