"""Awards: the award's page, its baked image and credential, revoking it; awarding
without a claim by claim codes (and their QR codes), redeeming them, bulk awards; and
checking a badge someone shows: an image, a JSON text or an address."""

import io
import json

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import get_usage

from core.errors import DomainError
from core.pages import paged
from core.views import act_and_redirect, act_on_form

from .. import rules, selectors
from ..forms import BulkForm, CodeForm, RedeemForm, RevokeForm, VerifyForm
from ..imagery import badge_image_bytes
from ..models import Award, BulkAward, ClaimCode
from ..openbadges import baking, credentials, documents, urls
from ..openbadges import verify as verifier
from ..services import awards as award_services


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
    return act_on_form(
        request,
        RevokeForm(request.POST),
        lambda data: award_services.award_revoke(
            actor=request.user, award=award, reason=data["reason"]
        ),
        success_url=award.get_absolute_url(),
        done=_("The badge was revoked."),
        invalid=_("Give the reason for revoking."),
    )


@login_required
@require_POST
def code_create(request, pk):
    badge = selectors.badge_for_page(pk)
    if not rules.can_award(request.user, badge):
        raise Http404
    return act_on_form(
        request,
        CodeForm(request.POST),
        lambda data: award_services.code_create(actor=request.user, badge=badge, **data),
        success_url=badge.get_absolute_url() + "#codes",
        done=lambda code: _("The code is %(code)s.") % {"code": code.code},
        invalid=_("Check the code's details: a use limit and a future expiry."),
    )


@login_required
def code_qr(request, pk):
    code = get_object_or_404(ClaimCode.objects.select_related("badge"), pk=pk)
    if not rules.can_award(request.user, code.badge):
        raise Http404
    url = request.build_absolute_uri(reverse("passport:redeem") + f"?code={code.code}")
    buffer = io.BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


@login_required
def redeem(request):
    form = RedeemForm(request.POST or None, initial={"code": request.GET.get("code", "")})
    if request.method == "POST" and form.is_valid():
        try:
            award = award_services.code_redeem(actor=request.user, code=form.cleaned_data["code"])
        except DomainError as error:
            form.add_error("code", error.message)
        else:
            messages.success(
                request,
                _("The badge “%(badge)s” is now in your passport.") % {"badge": award.badge.name},
            )
            return redirect(award.get_absolute_url())
    return render(request, "passport/redeem.html", {"form": form})


@login_required
def bulk_award(request, pk):
    badge = selectors.badge_for_page(pk)
    if not rules.can_award(request.user, badge):
        raise Http404
    form = BulkForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = award_services.bulk_preview(
                actor=request.user, badge=badge, data=form.cleaned_data["file"].read()
            )
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            return redirect("passport:bulk_detail", pk=batch.pk)
    return render(request, "passport/bulk_form.html", {"form": form, "badge": badge})


#: Rows of a bulk award's file shown on a page.
BULK_ROWS_PER_PAGE = 100


@login_required
def bulk_detail(request, pk):
    # Its progress is read without the rows: a file of thousands is asked for every 2 s.
    batch = get_object_or_404(BulkAward.objects.select_related("badge").defer("rows"), pk=pk)
    if not rules.can_award(request.user, batch.badge):
        raise Http404
    if request.method == "POST":
        return act_and_redirect(
            request,
            lambda: award_services.bulk_confirm(actor=request.user, batch=batch),
            success_url=reverse("passport:bulk_detail", kwargs={"pk": batch.pk}),
        )
    total = batch.valid_count
    context = {
        "batch": batch,
        "total": total,
        "percent": 100 if not total else round(100 * batch.done_count / total),
    }
    if request.htmx:
        return render(request, "passport/bulk_detail.html#progress", context)
    rows = BulkAward.objects.values_list("rows", flat=True).get(pk=batch.pk)
    problems = [row for row in rows if row.get("errors")]
    only_problems = request.GET.get("show") == "problems"
    context.update(
        problems=len(problems),
        only_problems=only_problems,
        **paged(request, problems if only_problems else rows, BULK_ROWS_PER_PAGE),
    )
    return render(request, "passport/bulk_detail.html", context)


def verify(request):
    if request.method == "POST":
        usage = get_usage(
            request,
            group="passport.verify",
            key="ip",
            rate=settings.VERIFY_RATE_LIMIT,
            method="POST",
            increment=True,
        )
        if usage and usage["should_limit"]:
            return _verify_limited(request, usage["time_left"])
    form = VerifyForm(request.POST if request.method == "POST" else None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data.get("image"):
            if data["image"].size > 2 * 1024 * 1024:
                form.add_error("image", _("The image is too large. The limit is 2 MB."))
            else:
                result = verifier.verify_image(data["image"].read())
        elif data.get("text"):
            result = verifier.verify_text(data["text"])
        else:
            result = verifier.verify_url(data["url"])
    return render(request, "passport/verify.html", {"form": form, "result": result}, status=200)


def _verify_limited(request, seconds: int) -> HttpResponse:
    """The verify page for an address that has checked too many badges in a short time:
    what was typed is kept, and the answer says when to try again."""
    typed = {name: request.POST.get(name, "") for name in ("text", "url")}
    response = render(
        request,
        "passport/verify.html",
        {"form": VerifyForm(initial=typed), "limited": True},
        status=429,
    )
    response["Retry-After"] = str(max(seconds, 1))
    return response
