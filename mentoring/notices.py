from django.utils.translation import gettext_lazy as _

from core.audit import register_actions
from notifications import kinds

from .models import Pair


def _status(context):
    return {**context, "status": Pair.Status(context["status"]).label}


kinds.register(
    "mentoring.pair_proposed",
    label=_("A mentoring pair was proposed to me"),
)
kinds.register(
    "mentoring.pair_moved",
    label=_("My mentoring pair moved on"),
    enrich=_status,
)
kinds.register(
    "mentoring.quiet_pair",
    label=_("A mentoring pair has not met for a while"),
)

register_actions(
    {
        "mentoring.enrolled": _("Enrolled in a mentoring programme"),
        "mentoring.pair.proposed": _("Mentoring pair proposed"),
        "mentoring.pair.accept": _("Mentoring pair accepted"),
        "mentoring.pair.decline": _("Mentoring pair declined"),
        "mentoring.pair.start": _("Mentoring started"),
        "mentoring.pair.complete": _("Mentoring completed"),
        "mentoring.pair.end": _("Mentoring ended early"),
        "mentoring.meeting.logged": _("Mentoring meeting logged"),
        "mentoring.round.published": _("Matching round published"),
    }
)
