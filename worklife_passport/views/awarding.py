"""Awarding without a claim: claim codes (and their QR codes), redeeming, bulk awards."""

import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.views import act_and_redirect

from .. import rules, selectors
from ..forms import BulkForm, CodeForm, RedeemForm
from ..models import BulkAward, ClaimCode
from ..services import awards as award_services


@login_required
@require_POST
def code_create(request, pk):
    badge = selectors.badge_for_page(pk)
    if not rules.can_award(request.user, badge):
        raise Http404
    form = CodeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the code's details: a use limit and a future expiry."))
        return redirect(badge.get_absolute_url() + "#codes")
    return act_and_redirect(
        request,
        lambda: award_services.code_create(actor=request.user, badge=badge, **form.cleaned_data),
        success_url=badge.get_absolute_url() + "#codes",
        done=lambda code: _("The code is %(code)s.") % {"code": code.code},
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


@login_required
def bulk_detail(request, pk):
    batch = get_object_or_404(BulkAward.objects.select_related("badge"), pk=pk)
    if not rules.can_award(request.user, batch.badge):
        raise Http404
    if request.method == "POST":
        return act_and_redirect(
            request,
            lambda: award_services.bulk_confirm(actor=request.user, batch=batch),
            success_url=reverse("passport:bulk_detail", kwargs={"pk": batch.pk}),
        )
    batch.refresh_from_db()
    template = "passport/bulk_detail.html" + ("#progress" if request.htmx else "")
    total = len(batch.valid_rows)
    percent = 100 if not total else round(100 * batch.done_count / total)
    return render(request, template, {"batch": batch, "total": total, "percent": percent})
