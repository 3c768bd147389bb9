from django.utils.translation import gettext_lazy as _

from core.audit import register_actions
from notifications import kinds

kinds.register(
    "catalogue.enquiry",
    label=_("Enquiries about our training services"),
)
kinds.register("catalogue.answer", label=_("Answers to my enquiries"))
kinds.register(
    "catalogue.reply",
    label=_("Replies to the answers I gave to enquiries"),
)

register_actions(
    {
        "catalogue.enquiry.sent": _("Enquiry sent"),
        "catalogue.enquiry.answered": _("Enquiry answered"),
        "catalogue.enquiry.closed": _("Enquiry closed"),
        "catalogue.enquiry.replied": _("Reply to an enquiry sent"),
        "catalogue.service.created": _("Training service added"),
        "catalogue.service.updated": _("Training service edited"),
        "catalogue.material.added": _("Learning material added"),
        "catalogue.material.updated": _("Learning material edited"),
        "catalogue.material.deleted": _("Learning material removed"),
    }
)
