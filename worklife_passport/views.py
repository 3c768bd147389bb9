import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import fragments, uploads
from core.errors import DomainError
from partners import rules as partner_rules
from partners.models import Organisation

from . import pdf, rules, selectors
from .forms import (
    BadgeForm,
    BulkForm,
    CatalogueFilterForm,
    ClaimForm,
    CodeForm,
    DecisionForm,
    EndorseForm,
    RecognitionDecisionForm,
    RedeemForm,
    RevokeForm,
    ShareForm,
    SkillNeedForm,
    VerifyForm,
)
from .imagery import badge_image_bytes
from .models import (
    Award,
    Badge,
    BulkAward,
    Claim,
    ClaimCode,
    Goal,
    Pathway,
    RecognitionRequest,
    ShareLink,
    SkillNeed,
)
from .openbadges import baking, credentials, documents, urls
from .openbadges import verify as verifier
from .services import awards as award_services
from .services import badges as badge_services
from .services import claims as claim_services
from .services import passport as passport_services

# --- The catalogue --------------------------------------------------------------------


def catalogue(request):
    form = CatalogueFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    badges = selectors.catalogue(filters=filters)
    number = request.GET.get("page")
    query = request.GET.copy()
    query.pop("page", None)
    goals = set()
    if request.user.is_authenticated:
        goals = set(Goal.objects.filter(user=request.user).values_list("badge__family", flat=True))
    context = {
        "form": form,
        # Lazy: a kept fragment of the catalogue does not count holders again.
        "page": SimpleLazyObject(lambda: Paginator(badges, 24).get_page(number)),
        "query_string": query.urlencode(),
        "goals": goals,
        "can_create": bool(partner_rules.organisations_with_role(request.user, "coordinator"))
        or partner_rules.is_staff(request.user),
        # The reader's goals are marked in the list: readers with the same goals (most
        # have none) share a fragment.
        **fragments.context(request, "badges", "partners", more=sorted(map(str, goals))),
    }
    return render(request, "passport/catalogue.html", context)


def badge_detail(request, pk):
    badge = selectors.badge_for_page(pk)
    user = request.user
    context = {
        "badge": badge,
        "holders": selectors.holder_count(badge),
        "current": badge
        if badge.is_current
        else Badge.objects.filter(family=badge.family, is_current=True).first(),
        "is_goal": user.is_authenticated
        and Goal.objects.filter(user=user, badge__family=badge.family).exists(),
        "can_manage": rules.can_manage_badges(user, badge.issuer_id),
        "can_award": rules.can_award(user, badge),
        "endorse_form": EndorseForm(organisations=rules.endorsing_organisations(user, badge))
        if user.is_authenticated and rules.endorsing_organisations(user, badge)
        else None,
        "codes": ClaimCode.objects.filter(badge__family=badge.family).order_by("-created_at")
        if rules.can_award(user, badge)
        else [],
        "code_form": CodeForm() if rules.can_award(user, badge) else None,
    }
    return render(request, "passport/badge_detail.html", context)


def _badge_data(form):
    data = dict(form.cleaned_data)
    data.pop("issuer", None)
    sectors = data.pop("sectors", [])
    if data.get("image") is False:
        data["image"] = ""
    elif data.get("image") is None:
        data.pop("image")
    return data, sectors


@login_required
def badge_create(request):
    issuers = partner_rules.organisations_with_role(request.user, "coordinator")
    if partner_rules.is_staff(request.user):
        issuers = list(Organisation.objects.active().values_list("pk", flat=True))
    if not issuers:
        raise Http404
    form = BadgeForm(request.POST or None, request.FILES or None, issuers=issuers)
    if request.method == "POST" and form.is_valid():
        data, sectors = _badge_data(form)
        try:
            badge = badge_services.badge_create(
                actor=request.user, issuer=form.cleaned_data["issuer"], data=data, sectors=sectors
            )
        except (DomainError, ValidationError) as error:
            form.add_error(None, getattr(error, "message", None) or error.messages)
        else:
            messages.success(request, _("The badge was created."))
            return redirect(badge.get_absolute_url())
    return render(request, "passport/badge_form.html", {"form": form, "badge": None})


@login_required
def badge_edit(request, pk):
    badge = selectors.badge_for_page(pk)
    if not rules.can_manage_badges(request.user, badge.issuer_id):
        raise Http404
    form = BadgeForm(request.POST or None, request.FILES or None, instance=badge)
    if request.method == "POST" and form.is_valid():
        data, sectors = _badge_data(form)
        try:
            saved = badge_services.badge_update(
                actor=request.user, badge=badge, data=data, sectors=sectors
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            if saved.version != badge.version:
                messages.success(
                    request,
                    _(
                        "Version %(version)s of the badge was made; badges already awarded keep "
                        "their version."
                    )
                    % {"version": saved.version},
                )
            else:
                messages.success(request, _("The badge was saved."))
            return redirect(saved.get_absolute_url())
    return render(request, "passport/badge_form.html", {"form": form, "badge": badge})


@login_required
@require_POST
def goal_toggle(request, pk):
    badge = get_object_or_404(Badge, pk=pk)
    if Goal.objects.filter(user=request.user, badge__family=badge.family).exists():
        passport_services.goal_remove(actor=request.user, badge=badge)
        messages.success(request, _("The badge was removed from your goals."))
    else:
        passport_services.goal_add(actor=request.user, badge=badge)
        messages.success(request, _("The badge is now one of your goals."))
    return redirect(request.POST.get("next") or badge.get_absolute_url())


@login_required
@require_POST
def endorse(request, pk):
    badge = selectors.badge_for_page(pk)
    form = EndorseForm(
        request.POST, organisations=rules.endorsing_organisations(request.user, badge)
    )
    if form.is_valid():
        try:
            badge_services.badge_endorse(actor=request.user, badge=badge, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Thank you for endorsing the badge."))
    else:
        messages.error(request, _("Write why your organisation endorses the badge."))
    return redirect(badge.get_absolute_url())


# --- The passport ---------------------------------------------------------------------


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
        "redeem_form": RedeemForm(),
        **fragments.context(request, *selectors.passport_names(user.pk), "badges", personal=True),
    }
    return render(request, "passport/passport.html", context)


@login_required
def passport_pdf(request):
    response = HttpResponse(
        pdf.passport(request.user, language=request.LANGUAGE_CODE), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="work-life-passport.pdf"'
    return response


@login_required
@require_POST
def share_create(request):
    awards = Award.objects.filter(recipient=request.user, revoked_at__isnull=True)
    form = ShareForm(request.POST, awards=awards)
    if form.is_valid():
        try:
            link = passport_services.share_create(
                actor=request.user,
                label=form.cleaned_data["label"],
                awards=form.cleaned_data["awards"],
                days=form.cleaned_data["days"],
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Share this address: %(url)s")
                % {
                    "url": request.build_absolute_uri(reverse("passport:shared", args=[link.token]))
                },
            )
    else:
        messages.error(request, _("Give a name and choose at least one badge."))
    return redirect(reverse("passport:passport") + "#sharing")


@login_required
@require_POST
def share_revoke(request, pk):
    link = get_object_or_404(ShareLink, pk=pk, user=request.user)
    passport_services.share_revoke(actor=request.user, link=link)
    messages.success(request, _("The link no longer works."))
    return redirect(reverse("passport:passport") + "#sharing")


def share_path(link: ShareLink) -> str:
    """The address without a language prefix: each reader gets their own language."""
    path = reverse("passport:shared", args=[link.token])
    return "/" + path.lstrip("/").split("/", 1)[1]


def shared(request, token):
    link = ShareLink.objects.select_related("user").filter(token=token).first()
    if link is None or not link.is_open:
        return render(request, "passport/shared.html", {"closed": True}, status=404)
    passport_services.share_viewed(link)
    awards = link.awards.select_related("badge", "badge__issuer").order_by("-issued_on")
    return render(request, "passport/shared.html", {"link": link, "awards": awards})


# --- Claims ---------------------------------------------------------------------------


@login_required
@require_POST
def claim_start(request, pk):
    badge = get_object_or_404(Badge, pk=pk)
    try:
        claim, created = claim_services.claim_open(actor=request.user, badge=badge)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(badge.get_absolute_url())
    if not created:
        messages.info(request, _("You already have an open claim for this badge; here it is."))
    return redirect(claim.get_absolute_url())


@login_required
def claim_detail(request, pk):
    claim = selectors.claim_for_viewer(viewer=request.user, pk=pk)
    editable = claim.student_id == request.user.pk and claim.status in (
        Claim.Status.DRAFT,
        Claim.Status.RETURNED,
    )
    form = (
        ClaimForm(request.POST or None, request.FILES or None, instance=claim) if editable else None
    )
    if request.method == "POST" and form is not None and form.is_valid():
        data = dict(form.cleaned_data)
        upload = data.pop("file")
        data["links"] = data.pop("links_text")
        try:
            with transaction.atomic():
                claim_services.claim_update(actor=request.user, claim=claim, data=data)
                if upload:
                    claim_services.evidence_add(actor=request.user, claim=claim, file=upload)
        except ValidationError as error:
            form.add_error("file", error.messages)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your evidence was saved."))
            return redirect(claim.get_absolute_url())
    context = {
        "claim": claim,
        "form": form,
        "moves": claim_services.available(claim, request.user),
        "is_assessor": rules.can_assess(request.user, claim.badge),
        **selectors.claim_page(claim),
    }
    return render(request, "passport/claim_detail.html", context)


@login_required
@require_POST
def claim_action(request, pk, action):
    claim = selectors.claim_for_viewer(viewer=request.user, pk=pk)
    form = DecisionForm(request.POST)
    form.is_valid()
    try:
        claim = claim_services.claim_transition(
            actor=request.user,
            claim=claim,
            action=action,
            comment=form.cleaned_data.get("comment", ""),
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The claim is now “%(status)s”.") % {"status": claim.get_status_display()}
        )
    return redirect(claim.get_absolute_url())


@login_required
def evidence_file(request, pk, file_pk):
    claim = selectors.claim_for_viewer(viewer=request.user, pk=pk)
    item = get_object_or_404(claim.files, pk=file_pk)
    return uploads.download(item.file, filename=item.name)


@login_required
def assessor_queue(request):
    if not rules.assessed_issuers(request.user) and not partner_rules.is_staff(request.user):
        raise Http404
    from .forms import forms as django_forms

    class QueueForm(django_forms.Form):
        q = django_forms.CharField(label=_("Student"), required=False)
        status = django_forms.ChoiceField(
            label=_("Status"),
            required=False,
            choices=[
                ("", _("All waiting")),
                *[(s, Claim.Status(s).label) for s in Claim.WAITING_STATES],
            ],
        )

    form = QueueForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    claims = selectors.assessor_queue(viewer=request.user, filters=filters)
    number = request.GET.get("page")
    context = {
        "form": form,
        # Lazy: the queue is kept rendered until a claim of its issuers changes.
        "page": SimpleLazyObject(lambda: Paginator(claims, 50).get_page(number)),
        **fragments.context(
            request,
            "badges",
            *selectors.assessor_queue_names(viewer=request.user),
            more=(request.user.pk,),
        ),
    }
    return render(request, "passport/assessor_queue.html", context)


def supervisor_confirm(request, token):
    try:
        claim = claim_services.claim_from_supervisor_token(token)
    except DomainError as error:
        return render(
            request, "passport/supervisor_confirm.html", {"error": error.message}, status=410
        )
    if request.method == "POST":
        if not request.POST.get("confirm"):
            messages.error(request, _("Tick the box to confirm."))
        else:
            try:
                claim_services.supervisor_confirm(
                    token=token, statement=request.POST.get("statement", "")
                )
            except DomainError as error:
                return render(
                    request,
                    "passport/supervisor_confirm.html",
                    {"error": error.message},
                    status=410,
                )
            return render(request, "passport/supervisor_confirm.html", {"done": True})
    return render(
        request,
        "passport/supervisor_confirm.html",
        {"claim": claim, "used": claim.supervisor_link_used_at is not None},
    )


# --- Awards ---------------------------------------------------------------------------


def award_detail(request, public_id):
    award = selectors.award_for_page(public_id)
    return render(
        request,
        "passport/award_detail.html",
        {
            "award": award,
            "assertion_url": urls.assertion_url(award),
            "is_recipient": request.user.is_authenticated and award.recipient_id == request.user.pk,
            "can_revoke": rules.can_award(request.user, award.badge) and not award.is_revoked,
            "revoke_form": RevokeForm(),
        },
    )


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
    if kind == "svg":
        body, content_type = (
            baking.bake_svg(data, key, value, urls.assertion_url(award)),
            "image/svg+xml",
        )
    else:
        body, content_type = baking.bake_png(data, key, value), "image/png"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="badge-{award.public_id}-ob{version}.{kind}"'
    )
    return response


@login_required
def award_credential(request, public_id, fmt):
    award = _own_award(request, public_id)
    if fmt == "jwt":
        response = HttpResponse(
            credentials.credential_jwt(award), content_type="application/vc+jwt"
        )
        extension = "jwt"
    else:
        response = HttpResponse(
            json.dumps(documents.ob3_credential(award), ensure_ascii=False, indent=2),
            content_type="application/json",
        )
        extension = "json"
    response["Content-Disposition"] = (
        f'attachment; filename="credential-{award.public_id}.{extension}"'
    )
    return response


@login_required
@require_POST
def award_revoke(request, public_id):
    award = selectors.award_for_page(public_id)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for revoking."))
    else:
        try:
            award_services.award_revoke(
                actor=request.user, award=award, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The badge was revoked."))
    return redirect(award.get_absolute_url())


def verify(request):
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


# --- Claim codes and bulk awards ------------------------------------------------------


@login_required
@require_POST
def code_create(request, pk):
    badge = selectors.badge_for_page(pk)
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            code = award_services.code_create(actor=request.user, badge=badge, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The code is %(code)s.") % {"code": code.code})
    else:
        messages.error(request, _("Check the code's details: a use limit and a future expiry."))
    return redirect(badge.get_absolute_url() + "#codes")


@login_required
def code_qr(request, pk):
    code = get_object_or_404(ClaimCode.objects.select_related("badge"), pk=pk)
    if not rules.can_award(request.user, code.badge):
        raise Http404
    import io

    import qrcode
    import qrcode.image.svg

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
        try:
            batch = award_services.bulk_confirm(actor=request.user, batch=batch)
        except DomainError as error:
            messages.error(request, error.message)
        return redirect("passport:bulk_detail", pk=batch.pk)
    batch.refresh_from_db()
    template = "passport/bulk_detail.html"
    if request.htmx:
        template += "#progress"
    total = len(batch.valid_rows)
    return render(
        request,
        template,
        {
            "batch": batch,
            "total": total,
            "percent": 100 if not total else round(100 * batch.done_count / total),
        },
    )


# --- Pathways, recognition and company needs -----------------------------------------


def pathways(request):
    from .models import RecognitionAgreement

    return render(
        request,
        "passport/pathways.html",
        {
            "pathways": Pathway.objects.filter(is_active=True)
            .select_related("recognised_by")
            .prefetch_related("rules__badges"),
            "agreements": RecognitionAgreement.objects.filter(valid_until__gte=timezone.localdate())
            .select_related("higher_education")
            .prefetch_related("issuers"),
        },
    )


@login_required
@require_POST
def recognition_request(request, pk):
    pathway = get_object_or_404(Pathway, pk=pk, is_active=True)
    try:
        passport_services.recognition_request(actor=request.user, pathway=pathway)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Your request was sent to %(organisation)s.")
            % {"organisation": pathway.recognised_by.name},
        )
    return redirect(reverse("passport:passport") + "#pathways")


@login_required
def recognition_queue(request):
    if not partner_rules.organisations_with_role(request.user, "coordinator") and not (
        partner_rules.is_staff(request.user)
    ):
        raise Http404
    return render(
        request,
        "passport/recognition_queue.html",
        {
            "requests": selectors.recognition_queue(viewer=request.user),
            "form": RecognitionDecisionForm(),
        },
    )


@login_required
@require_POST
def recognition_decide(request, pk, decision):
    item = get_object_or_404(RecognitionRequest, pk=pk)
    form = RecognitionDecisionForm(request.POST)
    form.is_valid()
    try:
        passport_services.recognition_decide(
            actor=request.user,
            request=item,
            confirm=decision == "confirm",
            comment=form.cleaned_data.get("comment", ""),
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The decision was recorded."))
    return redirect("passport:recognition_queue")


@login_required
def skill_needs(request):
    companies = partner_rules.organisations_with_role(request.user, "company_contact")
    if not companies:
        raise Http404
    organisation = Organisation.objects.get(pk=companies[0])
    form = SkillNeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            passport_services.skill_need_save(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The skill need was saved."))
            return redirect("passport:skill_needs")
    needs = (
        SkillNeed.objects.filter(organisation_id__in=companies)
        .select_related("sector", "organisation")
        .prefetch_related("badges")
    )
    return render(
        request,
        "passport/skill_needs.html",
        {"form": form, "needs": needs, "organisation": organisation},
    )


@login_required
@require_POST
def skill_need_delete(request, pk):
    need = get_object_or_404(SkillNeed, pk=pk)
    try:
        passport_services.skill_need_delete(actor=request.user, need=need)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The skill need was removed."))
    return redirect("passport:skill_needs")
