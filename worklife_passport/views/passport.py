"""The student's own passport page and PDF, and the links that share it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import fragments
from core.views import act_and_redirect

from .. import pdf, selectors
from ..forms import ShareForm
from ..models import Award, ShareLink
from ..services import passport as passport_services
from .awards import attachment


@login_required
def passport(request):
    user = request.user

    def content():
        content = selectors.passport(user=user)
        awards = Award.objects.filter(recipient=user, revoked_at__isnull=True)
        content["share_form"] = ShareForm(awards=awards.select_related("badge"))
        return content

    context = {
        # Lazy: the passport is kept rendered until something in it changes.
        "passport": SimpleLazyObject(content),
        **fragments.context(request, personal=True),
    }
    return render(request, "passport/passport.html", context)


@login_required
def passport_pdf(request):
    document = pdf.passport(request.user, language=request.LANGUAGE_CODE)
    return attachment(document, "application/pdf", "work-life-passport.pdf")


def _sharing_url() -> str:
    return reverse("passport:passport") + "#sharing"


@login_required
@require_POST
def share_create(request):
    awards = Award.objects.filter(recipient=request.user, revoked_at__isnull=True)
    form = ShareForm(request.POST, awards=awards)
    if not form.is_valid():
        messages.error(request, _("Give a name and choose at least one badge."))
        return redirect(_sharing_url())

    def done(link):
        url = request.build_absolute_uri(reverse("passport:shared", args=[link.token]))
        return _("Share this address: %(url)s") % {"url": url}

    return act_and_redirect(
        request,
        lambda: passport_services.share_create(actor=request.user, **form.cleaned_data),
        success_url=_sharing_url(),
        done=done,
    )


@login_required
@require_POST
def share_revoke(request, pk):
    link = get_object_or_404(ShareLink, pk=pk, user=request.user)
    return act_and_redirect(
        request,
        lambda: passport_services.share_revoke(actor=request.user, link=link),
        success_url=_sharing_url(),
        done=_("The link no longer works."),
    )


def shared(request, token):
    link = ShareLink.objects.select_related("user").filter(token=token).first()
    if link is None or not link.is_open:
        return render(request, "passport/shared.html", {"closed": True}, status=404)
    passport_services.share_viewed(link)
    awards = link.awards.select_related("badge", "badge__issuer").order_by("-issued_on")
    return render(request, "passport/shared.html", {"link": link, "awards": awards})
