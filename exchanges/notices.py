"""The notices exchanges sends, registered with the notifications app."""

from django.utils.translation import gettext_lazy as _

from core.audit import register_actions
from notifications import kinds

from .models import Application, PlacementOffer


def _status(model):
    def enrich(context):
        return {**context, "status": model.Status(context["status"]).label}

    return enrich


#: (name, label, options): each notice's e-mail is ``exchanges/emails/<name>``.
_KINDS = [
    ("application_moved", _("An application moved on"), {"enrich": _status(Application)}),
    ("application_comment", _("A comment on an application"), {}),
    ("agreement_changed", _("A learning agreement changed"), {}),
    ("agreement_complete", _("A learning agreement has all signatures"), {}),
    ("agreement_sign_request", _("Request to sign a learning agreement"), {"configurable": False}),
    ("offer_review", _("An offer waits for review"), {"enrich": _status(PlacementOffer)}),
    ("offer_reviewed", _("My offer was reviewed"), {"enrich": _status(PlacementOffer)}),
    ("saved_search", _("New offers for a saved search"), {}),
    ("reminder", _("Reminders about exchanges"), {}),
]
for name, label, options in _KINDS:
    kinds.register(f"exchanges.{name}", label=label, **options)


register_actions(
    {
        "exchanges.offer.created": _("Offer created"),
        "exchanges.offer.updated": _("Offer changed"),
        "exchanges.offer.submit": _("Offer sent for publication"),
        "exchanges.offer.approve": _("Offer approved and published"),
        "exchanges.offer.send_back": _("Offer sent back for changes"),
        "exchanges.offer.close": _("Offer closed"),
        "exchanges.offer.reopen": _("Offer opened again"),
        "exchanges.offer.archive": _("Offer archived"),
        "exchanges.application.created": _("Application started"),
        "exchanges.application.updated": _("Application changed"),
        "exchanges.application.submit": _("Application submitted"),
        "exchanges.application.return": _("Application returned for changes"),
        "exchanges.application.approve": _("Application approved"),
        "exchanges.application.reject": _("Application rejected"),
        "exchanges.application.accept": _("Application accepted by the host"),
        "exchanges.application.sign": _("Learning agreement signed"),
        "exchanges.application.reopen_agreement": _("Learning agreement saved"),
        "exchanges.application.arrive": _("Arrival confirmed"),
        "exchanges.application.depart": _("Departure confirmed"),
        "exchanges.application.recognise": _("Recognition recorded"),
        "exchanges.application.withdraw": _("Application withdrawn"),
        "exchanges.application.cancel": _("Exchange cancelled"),
        "exchanges.application.overlap_allowed": _("Overlapping period allowed"),
        "exchanges.application.ranked": _("Ranking for allocation given"),
        "exchanges.agreement.expired": _("Partnership agreement expired"),
        "exchanges.partnership.activate": _("Partnership agreement activated"),
        "exchanges.partnership.terminate": _("Partnership agreement terminated"),
        "exchanges.partnership.expire": _("Partnership agreement expired"),
        "exchanges.agreement.saved": _("Learning agreement saved"),
        "exchanges.agreement.signed": _("Learning agreement signed"),
        "exchanges.agreement.link_sent": _("Signing link sent to the host"),
        "exchanges.mobility.updated": _("Mobility record changed"),
        "exchanges.mobility.feedback": _("Feedback given"),
        "exchanges.allocation.applied": _("Allocation round applied"),
    }
)
