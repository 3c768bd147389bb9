"""The student's own passport page and PDF, the links that share it, the pathways towards
recognition and the recognition requests, and companies' skill needs."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import fragments
from core.pages import edit_page
from core.views import act_and_redirect, act_on_form
from partners import rules as partner_rules
from partners.models import Organisation

from .. import pdf, selectors
from ..forms import DecisionForm, ShareForm, SkillNeedForm
from ..models import Award, Pathway, RecognitionAgreement, ShareLink, SkillNeed
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

    def done(link):
        url = request.build_absolute_uri(reverse("passport:shared", args=[link.token]))
        return _("Share this address: %(url)s") % {"url": url}

    return act_on_form(
        request,
        ShareForm(request.POST, awards=awards),
        lambda data: passport_services.share_create(actor=request.user, **data),
        success_url=_sharing_url(),
        done=done,
        invalid=_("Give a name and choose at least one badge."),
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
    context = {
        "link": link,
        # Lazy: the badges shown are kept rendered until one of them changes.
        "awards": link.awards.select_related("badge", "badge__issuer").order_by("-issued_on"),
        **fragments.context(request, more=(link.pk,)),
    }
    return render(request, "passport/shared.html", context)


def pathways(request):
    context = {
        "pathways": Pathway.objects.filter(is_active=True)
        .select_related("recognised_by")
        .prefetch_related("rules__badges"),
        "agreements": RecognitionAgreement.objects.filter(valid_until__gte=timezone.localdate())
        .select_related("higher_education")
        .prefetch_related("issuers"),
    }
    return render(request, "passport/pathways.html", context)


@login_required
@require_POST
def recognition_request(request, pk):
    pathway = get_object_or_404(Pathway, pk=pk, is_active=True)
    return act_and_redirect(
        request,
        lambda: passport_services.recognition_request(actor=request.user, pathway=pathway),
        success_url=reverse("passport:passport") + "#pathways",
        done=_("Your request was sent to %(organisation)s.")
        % {"organisation": pathway.recognised_by.name},
    )


@login_required
def recognition_queue(request):
    if not partner_rules.organisations_with_role(request.user, "coordinator") and not (
        partner_rules.is_staff(request.user)
    ):
        raise Http404
    context = {"requests": selectors.recognition_queue(viewer=request.user), "form": DecisionForm()}
    return render(request, "passport/recognition_queue.html", context)


@login_required
@require_POST
def recognition_decide(request, pk, decision):
    item = get_object_or_404(selectors.recognition_queue(viewer=request.user), pk=pk)
    form = DecisionForm(request.POST)
    form.is_valid()
    return act_and_redirect(
        request,
        lambda: passport_services.recognition_decide(
            actor=request.user,
            request=item,
            confirm=decision == "confirm",
            comment=form.cleaned_data.get("comment", ""),
        ),
        success_url=reverse("passport:recognition_queue"),
        done=_("The decision was recorded."),
    )


@login_required
def skill_needs(request):
    companies = partner_rules.organisations_with_role(request.user, "company_contact")
    if not companies:
        raise Http404
    organisation = Organisation.objects.get(pk=companies[0])
    needs = (
        SkillNeed.objects.filter(organisation_id__in=companies)
        .select_related("sector", "organisation")
        .prefetch_related("badges")
    )
    return edit_page(
        request,
        SkillNeedForm(request.POST or None),
        lambda data: passport_services.skill_need_save(
            actor=request.user, organisation=organisation, **data
        ),
        template="passport/skill_needs.html",
        context={"needs": needs},
        done=_("The skill need was saved."),
        success_url=reverse("passport:skill_needs"),
    )


@login_required
@require_POST
def skill_need_delete(request, pk):
    need = get_object_or_404(selectors.skill_needs_managed(viewer=request.user), pk=pk)
    return act_and_redirect(
        request,
        lambda: passport_services.skill_need_delete(actor=request.user, need=need),
        success_url=reverse("passport:skill_needs"),
        done=_("The skill need was removed."),
    )
