"""The coordinator's and the host's desk: the queue, its bulk moves, allocation rounds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import fragments
from core.errors import DomainError
from partners import rules as partner_rules

from .. import rules, selectors
from ..forms import QueueFilterForm
from ..models import Application, PlacementOffer
from ..services import allocation as allocation_services
from ..services import applications as application_services
from .common import query_string


@login_required
def coordinator_queue(request):
    homes = rules.coordinated_organisations(request.user)
    hosts = rules.hosts_for(request.user)
    everything = partner_rules.is_staff(request.user)
    if not (homes or hosts or everything):
        raise Http404
    form = QueueFilterForm(request.GET or None)
    queryset = selectors.coordinator_queue(viewer=request.user, filters=form.filters())
    number = request.GET.get("page")

    def listing():
        page = Paginator(queryset, 50).get_page(number)
        rows = list(page.object_list)
        return {
            "page": page,
            "rows": rows,
            "without_agreement": selectors.applications_without_agreement(rows),
        }

    context = {
        "form": form,
        # Lazy: the queue is kept rendered until one of its applications changes, and
        # coordinators of the same schools share it.
        "listing": SimpleLazyObject(listing),
        "query_string": query_string(request),
        **fragments.context(request, more=(everything, sorted(homes), sorted(hosts))),
    }
    return render(request, "exchanges/coordinator_queue.html", context)


@login_required
@require_POST
def coordinator_bulk(request):
    action = request.POST.get("action")
    user = request.user
    if not (
        rules.coordinated_organisations(user)
        or rules.hosts_for(user)
        or partner_rules.is_staff(user)
    ):
        raise Http404
    if action not in ("approve", "return"):
        messages.error(request, _("Choose what to do with the selected applications."))
        return redirect("exchanges:queue")
    ids = request.POST.getlist("selected")
    done, failed = 0, []
    for application in selectors.queue_selection(viewer=request.user, ids=ids):
        try:
            application_services.application_transition(
                actor=request.user,
                application=application,
                action=action,
                comment=request.POST.get("comment", ""),
            )
            done += 1
        except DomainError as error:
            failed.append(f"{application.applicant.full_name}: {error.message}")
    if done:
        messages.success(request, _("%(count)s applications updated.") % {"count": done})
    for problem in failed:
        messages.error(request, problem)
    if not ids:
        messages.error(request, _("Select at least one application."))
    return redirect(reverse("exchanges:queue") + "?" + request.POST.get("query", ""))


@login_required
def allocation(request):
    managed = (
        selectors.offers_managed_by(request.user)
        .filter(
            status__in=[PlacementOffer.Status.PUBLISHED, PlacementOffer.Status.CLOSED],
            applications__status=Application.Status.APPROVED,
        )
        .distinct()
    )
    if not rules.hosts_for(request.user) and not partner_rules.is_staff(request.user):
        raise Http404
    chosen_ids = [
        int(pk)
        for pk in request.POST.getlist("offers") or request.GET.getlist("offers")
        if pk.isdigit()
    ]
    if request.method == "POST" and not selectors.manages_offers(request.user, chosen_ids):
        raise Http404  # an offer of another host
    chosen = [offer for offer in managed if offer.pk in chosen_ids]
    proposals = []
    if chosen:
        proposals = allocation_services.allocation_preview(actor=request.user, offers=chosen)
    if request.method == "POST" and chosen:
        expected = {int(pk) for pk in request.POST.getlist("expected") if pk.isdigit()}
        try:
            count = allocation_services.allocation_apply(
                actor=request.user, offers=chosen, expected=expected
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("%(count)s applications accepted.") % {"count": count})
            return redirect("exchanges:allocation")
    return render(
        request,
        "exchanges/allocation.html",
        {"offers": managed, "chosen": chosen, "proposals": proposals},
    )
