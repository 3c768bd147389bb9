"""Claims: starting one, the evidence, the moves, the files, the assessors' queue, and the
workplace supervisor's confirmation, reached by a signed link without logging in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import fragments, uploads
from core.errors import DomainError
from core.views import act_and_redirect
from partners import rules as partner_rules

from .. import rules, selectors
from ..forms import AssessorQueueForm, ClaimForm, DecisionForm
from ..models import Badge, Claim
from ..services import claims as claim_services


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
    editable = claim.student_id == request.user.pk and claim.status in Claim.EDITABLE_STATES
    form = (
        ClaimForm(request.POST or None, request.FILES or None, instance=claim) if editable else None
    )
    if request.method == "POST" and form is not None and form.is_valid():
        data = dict(form.cleaned_data)
        upload = data.pop("file")
        data["links"] = data.pop("links_text")
        try:
            claim_services.claim_evidence_save(
                actor=request.user, claim=claim, data=data, file=upload
            )
        except ValidationError as error:  # the file's type, size or content
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
    return act_and_redirect(
        request,
        lambda: claim_services.claim_transition(
            actor=request.user,
            claim=claim,
            action=action,
            comment=form.cleaned_data.get("comment", ""),
        ),
        success_url=claim.get_absolute_url(),
        done=lambda moved: (
            _("The claim is now “%(status)s”.") % {"status": moved.get_status_display()}
        ),
    )


@login_required
def evidence_file(request, pk, file_pk):
    claim = selectors.claim_for_viewer(viewer=request.user, pk=pk)
    item = get_object_or_404(claim.files, pk=file_pk)
    return uploads.download(item.file, filename=item.name)


@login_required
def assessor_queue(request):
    if not rules.assessed_issuers(request.user) and not partner_rules.is_staff(request.user):
        raise Http404
    form = AssessorQueueForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    claims = selectors.assessor_queue(viewer=request.user, filters=filters)
    number = request.GET.get("page")
    context = {
        "form": form,
        # Lazy: the queue is kept rendered until a claim of its issuers changes.
        "page": SimpleLazyObject(lambda: Paginator(claims, 50).get_page(number)),
        **fragments.context(request, more=(request.user.pk,)),
    }
    return render(request, "passport/assessor_queue.html", context)


SUPERVISOR_TEMPLATE = "passport/supervisor_confirm.html"


def supervisor_confirm(request, token):
    try:
        claim = claim_services.claim_from_supervisor_token(token)
        if request.method == "POST" and request.POST.get("confirm"):
            statement = request.POST.get("statement", "")
            claim_services.supervisor_confirm(token=token, statement=statement)
            return render(request, SUPERVISOR_TEMPLATE, {"done": True})
    except DomainError as error:
        return render(request, SUPERVISOR_TEMPLATE, {"error": error.message}, status=410)
    if request.method == "POST":
        messages.error(request, _("Tick the box to confirm."))
    return render(
        request,
        SUPERVISOR_TEMPLATE,
        {"claim": claim, "used": claim.supervisor_link_used_at is not None},
    )
