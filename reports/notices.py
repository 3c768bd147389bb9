import datetime

from django.utils.translation import gettext_lazy as _

from core.audit import register_actions
from notifications import kinds


def _monthly(context: dict) -> dict:
    """Label the stored figures in the recipient's language."""
    from .services import figure_labels

    labels = figure_labels()
    return {
        **context,
        "month": datetime.date.fromisoformat(context["month"]),
        "figures": [(labels.get(key, key), value) for key, value in context["figures"]],
    }


kinds.register(
    "reports.monthly",
    label=_("The monthly report of my organisation"),
    enrich=_monthly,
)

register_actions({"reports.export.requested": _("Report export requested")})
