"""Saved offer searches and the private calendar feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import calendar
from ..forms import OfferFilterForm, SavedSearchForm
from ..models import CalendarFeed, SavedSearch
from ..services import searches as search_services
from .applications import NEW_CALENDAR_URL


@login_required
@require_POST
def saved_search_create(request):
    filters = OfferFilterForm(request.POST)
    name_form = SavedSearchForm(request.POST)
    if name_form.is_valid():
        search, created = search_services.saved_search_create(
            user=request.user, name=name_form.cleaned_data["name"], query=filters.query()
        )
        if created:
            messages.success(
                request, _("Saved. You will get an e-mail when new offers match this search.")
            )
        else:
            messages.info(
                request,
                _("You have already saved this search as “%(name)s”.") % {"name": search.name},
            )
    else:
        messages.error(request, _("Give the search a name."))
    return redirect(reverse("exchanges:offer_list") + "?" + request.POST.get("query_string", ""))


@login_required
@require_POST
def saved_search_delete(request, pk):
    search = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    search_services.saved_search_delete(user=request.user, search=search)
    messages.success(request, _("The saved search was deleted."))
    return redirect("exchanges:my_applications")


@login_required
@require_POST
def calendar_reset(request):
    renewed = CalendarFeed.objects.filter(user=request.user).exists()
    token = search_services.calendar_feed_renew(user=request.user)
    request.session[NEW_CALENDAR_URL] = request.build_absolute_uri(
        reverse("exchanges_calendar_feed", args=[token])
    )
    if renewed:
        messages.success(
            request, _("Your calendar address was renewed; the old one no longer works.")
        )
    return redirect("exchanges:my_applications")


def calendar_feed(request, token):
    feed = search_services.calendar_feed_by_token(token)
    if feed is None or not feed.user.is_active:
        raise Http404
    response = HttpResponse(
        calendar.feed_for(feed.user), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="exchanges.ics"'
    return response
