"""Awarded badges: the award's page, its baked image and credential, revoking it, and
checking a badge someone shows: an image, a JSON text or an address."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views import act_and_redirect

from .. import rules, selectors
from ..forms import RevokeForm, VerifyForm
from ..imagery import badge_image_bytes
from ..models import Award
from ..openbadges import baking, credentials, documents, urls
from ..openbadges import verify as verifier
from ..services import awards as award_services

VERIFY_IMAGE_MAX_BYTES = 2 * 1024 * 1024


def award_detail(request, public_id):
    award = selectors.award_for_page(public_id)
    context = {
        "award": award,
        "assertion_url": urls.assertion_url(award),
        "is_recipient": request.user.is_authenticated and award.recipient_id == request.user.pk,
        "can_revoke": rules.can_award(request.user, award.badge) and not award.is_revoked,
        "revoke_form": RevokeForm(),
    }
    return render(request, "passport/award_detail.html", context)


def attachment(body: bytes | str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _own_award(request, public_id) -> Award:
    award = selectors.award_for_page(public_id)
    if award.recipient_id != request.user.pk and not rules.can_award(request.user, award.badge):
        raise Http404
    return award


@login_required
def award_baked(request, public_id, version):
    award = _own_award(request, public_id)
    data, kind = badge_image_bytes(award.badge)
    if version == "3":
        key, value = baking.OB3_KEY, credentials.credential_jwt(award)
    else:
        key, value = baking.OB2_KEY, json.dumps(documents.ob2_assertion(award))
    filename = f"badge-{award.public_id}-ob{version}.{kind}"
    if kind == "svg":
        baked = baking.bake_svg(data, key, value, urls.assertion_url(award))
        return attachment(baked, "image/svg+xml", filename)
    return attachment(baking.bake_png(data, key, value), "image/png", filename)


@login_required
def award_credential(request, public_id, fmt):
    award = _own_award(request, public_id)
    if fmt == "jwt":
        token = credentials.credential_jwt(award)
        return attachment(token, "application/vc+jwt", f"credential-{award.public_id}.jwt")
    document = json.dumps(documents.ob3_credential(award), ensure_ascii=False, indent=2)
    return attachment(document, "application/json", f"credential-{award.public_id}.json")


@login_required
@require_POST
def award_revoke(request, public_id):
    award = selectors.award_for_page(public_id)
    if not rules.can_award(request.user, award.badge):
        raise Http404
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for revoking."))
        return redirect(award.get_absolute_url())
    return act_and_redirect(
        request,
        lambda: award_services.award_revoke(
            actor=request.user, award=award, reason=form.cleaned_data["reason"]
        ),
        success_url=award.get_absolute_url(),
        done=_("The badge was revoked."),
    )


def verify(request):
    form = VerifyForm(request.POST if request.method == "POST" else None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data.get("image"):
            if data["image"].size > VERIFY_IMAGE_MAX_BYTES:
                form.add_error("image", _("The image is too large. The limit is 2 MB."))
            else:
                result = verifier.verify_image(data["image"].read())
        elif data.get("text"):
            result = verifier.verify_text(data["text"])
        else:
            result = verifier.verify_url(data["url"])
    return render(request, "passport/verify.html", {"form": form, "result": result}, status=200)
