"""Placement offers: the list, an offer's page, posting and editing, and its moves."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import fragments
from core.pages import edit_page
from core.search.lists import list_search
from core.views import act_and_redirect
from partners import rules as partner_rules
from partners.models import Organisation

from .. import rules, selectors
from ..forms import OfferFilterForm, OfferForm, SavedSearchForm
from ..models import PlacementOffer
from ..services import offers as offer_services
from .common import PAGE_SIZE, query_string


def offer_list(request):
    form = OfferFilterForm(request.GET or None)
    search = list_search(
        request,
        form,
        lambda filters: selectors.offer_rows(selectors.offer_search(filters=filters)),
        facets=("country",),
    )
    number = request.GET.get("page")
    context = {
        "form": form,
        # Lazy: a kept fragment of the list needs none of them.
        "search": search,
        "page": SimpleLazyObject(lambda: Paginator(search.keys, PAGE_SIZE).get_page(number)),
        "country_counts": SimpleLazyObject(
            lambda: selectors.offer_country_counts(search.counts("country"))
        ),
        "query_string": query_string(request),
        "can_save_search": request.user.is_authenticated,
        "saved_search_form": SavedSearchForm(),
        **fragments.context(request, form=form),
    }
    template = "exchanges/offer_list.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)


def offer_detail(request, pk):
    offer = selectors.offer_for_viewer(viewer=request.user, pk=pk)
    mine = selectors.own_application(viewer=request.user, offer=offer)
    context = {
        "offer": offer,
        "can_manage": rules.can_manage_offer(request.user, offer),
        "can_review": offer.status == PlacementOffer.Status.REVIEW
        and rules.can_review_offers(request.user),
        "actions": _offer_actions(request.user, offer),
        "my_application": mine,
        "can_apply": mine is None and offer.is_open and rules.can_apply(request.user),
    }
    return render(request, "exchanges/offer_detail.html", context)


def _offer_actions(user, offer):
    """The host's moves the offer's page offers (the review has its own buttons)."""
    if not rules.can_manage_offer(user, offer):
        return []
    manager = frozenset([offer_services.MANAGER])
    return [
        (move.action, move.label)
        for move in offer_services.OFFER_WORKFLOW.available(offer, manager)
    ]


@login_required
def offer_create(request):
    hosts = rules.hosts_for(request.user)
    if partner_rules.is_staff(request.user):
        hosts = list(Organisation.objects.active().values_list("pk", flat=True))
    if not hosts:
        raise Http404
    return edit_page(
        request,
        OfferForm(request.POST or None, hosts=hosts),
        lambda data: offer_services.offer_create(actor=request.user, host=data["host"], data=data),
        template="exchanges/offer_form.html",
        context={"offer": None},
        done=_("The offer was saved as a draft. Publish it when ready."),
    )


@login_required
def offer_edit(request, pk):
    offer = selectors.offer_for_viewer(viewer=request.user, pk=pk)
    if not rules.can_manage_offer(request.user, offer):
        raise Http404
    return edit_page(
        request,
        OfferForm(request.POST or None, instance=offer),
        lambda data: offer_services.offer_update(actor=request.user, offer=offer, data=data),
        template="exchanges/offer_form.html",
        context={"offer": offer},
        done=_("The offer was saved."),
    )


@login_required
@require_POST
def offer_action(request, pk, action):
    offer = selectors.offer_for_action(viewer=request.user, pk=pk)
    return act_and_redirect(
        request,
        lambda: offer_services.offer_transition(
            actor=request.user, offer=offer, action=action, comment=request.POST.get("comment", "")
        ),
        success_url=offer.get_absolute_url(),
        done=lambda moved: (
            _("The offer waits for a network coordinator's review before it is published.")
            if moved.status == PlacementOffer.Status.REVIEW
            else _("The offer is now “%(status)s”.") % {"status": moved.get_status_display()}
        ),
    )


@login_required
def my_offers(request):
    offers = selectors.offers_managed_by(request.user).order_by("status", "-created_at")
    review = selectors.offers_waiting_for_review() if rules.can_review_offers(request.user) else []
    hosts = rules.hosts_for(request.user)
    if not (hosts or partner_rules.is_staff(request.user) or review):
        raise Http404
    return render(
        request,
        "exchanges/my_offers.html",
        {"offers": offers, "review": review, "can_post": bool(hosts)},
    )
