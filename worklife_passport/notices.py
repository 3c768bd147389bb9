"""The notices the passport sends, and its audit-log texts."""

from django.utils.translation import gettext_lazy as _

from core.audit import register_actions
from notifications import kinds

from .models import Claim, RecognitionRequest


def _status(model):
    return lambda context: {**context, "status": model.Status(context["status"]).label}


kinds.register("passport.awarded", label=_("I was awarded a badge"))
kinds.register("passport.revoked", label=_("A badge of mine was revoked"))
kinds.register("passport.claim_moved", label=_("A badge claim moved on"), enrich=_status(Claim))
kinds.register(
    "passport.supervisor_request",
    label=_("Request to confirm a student's claim"),
    configurable=False,
)
kinds.register("passport.endorsed", label=_("A badge was endorsed"))
kinds.register(
    "passport.recognition",
    label=_("Recognition requests and decisions"),
    enrich=_status(RecognitionRequest),
)

register_actions(
    {
        "passport.badge.created": _("Badge created"),
        "passport.badge.updated": _("Badge changed"),
        "passport.badge.new_version": _("New version of a badge"),
        "passport.badge.endorsed": _("Badge endorsed"),
        "passport.issuer.signing_algorithm_set": _("Badge signing algorithm chosen"),
        "passport.award.created": _("Badge awarded"),
        "passport.award.revoked": _("Badge revoked"),
        "passport.code.created": _("Claim code created"),
        "passport.bulk.confirmed": _("Bulk award confirmed"),
        "passport.claim.created": _("Claim started"),
        "passport.claim.submit": _("Claim submitted"),
        "passport.claim.resubmit": _("Claim submitted again"),
        "passport.claim.return": _("Claim returned for changes"),
        "passport.claim.approve": _("Claim approved"),
        "passport.claim.reject": _("Claim rejected"),
        "passport.claim.supervisor_confirmed": _("Claim confirmed by the workplace supervisor"),
        "passport.share.created": _("Passport shared"),
        "passport.share.revoked": _("Passport share link withdrawn"),
        "passport.recognition.requested": _("Recognition requested"),
        "passport.recognition.confirmed": _("Recognition confirmed"),
        "passport.recognition.declined": _("Recognition declined"),
        "passport.skill_need.saved": _("Skill need saved"),
        "passport.skill_need.deleted": _("Skill need removed"),
    }
)
