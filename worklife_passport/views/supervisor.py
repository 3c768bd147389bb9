"""The workplace supervisor's confirmation, reached by a signed link without logging in."""

from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.errors import DomainError

from ..services import claims as claim_services

TEMPLATE = "passport/supervisor_confirm.html"


def supervisor_confirm(request, token):
    try:
        claim = claim_services.claim_from_supervisor_token(token)
        if request.method == "POST" and request.POST.get("confirm"):
            statement = request.POST.get("statement", "")
            claim_services.supervisor_confirm(token=token, statement=statement)
            return render(request, TEMPLATE, {"done": True})
    except DomainError as error:
        return render(request, TEMPLATE, {"error": error.message}, status=410)
    if request.method == "POST":
        messages.error(request, _("Tick the box to confirm."))
    return render(
        request, TEMPLATE, {"claim": claim, "used": claim.supervisor_link_used_at is not None}
    )
