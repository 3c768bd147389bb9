from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.pages import edit_page, paged
from core.search.lists import list_search
from core.uploads import download
from core.views import act_and_redirect, act_on_form

from . import calendar, rules, selectors, services
from .forms import EventFilterForm, EventForm, MaterialForm
from .models import CalendarFeed, Event, Registration


def event_list(request):
    form = EventFilterForm(request.GET or None)
    search = list_search(request, form, lambda filters: selectors.event_search(filters=filters))
    return render(
        request,
        "events/event_list.html",
        {
            "form": form,
            "search": search,
            **paged(request, search.rows, 20),
            "can_create": bool(rules.organiser_organisations(request.user))
            or request.user.is_staff,
        },
    )


def event_detail(request, pk):
    event = get_object_or_404(Event.objects.prefetch_related("organisers", "materials"), pk=pk)
    manage = rules.can_manage_event(request.user, event)
    if not event.is_published and not manage:
        raise Http404
    mine = None
    position = None
    if request.user.is_authenticated:
        mine = (
            Registration.objects.filter(event=event, user=request.user)
            .exclude(status=Registration.Status.CANCELLED)
            .first()
        )
        if mine and mine.status == Registration.Status.WAITING:
            position = Registration.objects.filter(
                event=event, status=Registration.Status.WAITING, created_at__lte=mine.created_at
            ).count()
    context = {"event": event, "mine": mine, "position": position, "manage": manage}
    if manage:
        context["registrations"] = event.registrations.exclude(
            status=Registration.Status.CANCELLED
        ).select_related("user")
        context["checkin_url"] = request.build_absolute_uri(
            reverse("events:check_in", args=[event.pk, event.checkin_token])
        )
        context["material_form"] = MaterialForm()
    return render(request, "events/event_detail.html", context)


@login_required
@require_POST
def register(request, pk):
    event = get_object_or_404(Event, pk=pk, is_published=True)
    try:
        registration = services.register(actor=request.user, event=event)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(request, _("You have a place at the event."))
        else:
            messages.info(
                request,
                _(
                    "The event is full. You are on the waiting list and get a "
                    "place if someone cancels."
                ),
            )
    return redirect(event.get_absolute_url())


@login_required
@require_POST
def cancel(request, pk):
    registration = get_object_or_404(
        Registration, event_id=pk, user=request.user, status__in=["confirmed", "waiting"]
    )
    return act_and_redirect(
        request,
        lambda: services.cancel(actor=request.user, registration=registration),
        done=_("Your registration was cancelled."),
        success_url=reverse("events:event_detail", kwargs={"pk": pk}),
    )


@login_required
def check_in(request, pk, token):
    event = get_object_or_404(Event, pk=pk)
    return act_and_redirect(
        request,
        lambda: services.check_in(actor=request.user, event=event, token=token),
        done=_("Welcome! You are checked in."),
        success_url=event.get_absolute_url(),
    )


def _organisations(user):
    from partners.models import Organisation

    if user.is_staff:
        return list(Organisation.objects.active().values_list("pk", flat=True))
    return rules.organiser_organisations(user)


@login_required
def event_form(request, pk=None):
    event = get_object_or_404(Event, pk=pk) if pk else None
    organisations = _organisations(request.user)
    if (event and not rules.can_manage_event(request.user, event)) or not organisations:
        raise Http404
    return edit_page(
        request,
        EventForm(request.POST or None, instance=event, organisations=organisations),
        lambda data: services.event_save(actor=request.user, event=event, data=data),
        template="events/event_form.html",
        context={"event": event},
        done=_("The event was saved."),
    )


@login_required
@require_POST
def material_add(request, pk):
    event = get_object_or_404(Event, pk=pk)
    if not rules.can_manage_event(request.user, event):
        raise Http404
    return act_on_form(
        request,
        MaterialForm(request.POST, request.FILES),
        lambda data: services.material_add(actor=request.user, event=event, **data),
        done=_("The material was added."),
        success_url=event.get_absolute_url(),
    )


def material_download(request, pk, material_pk):
    event = get_object_or_404(Event, pk=pk)
    if not event.is_published and not rules.can_manage_event(request.user, event):
        raise Http404
    material = get_object_or_404(event.materials, pk=material_pk)
    return download(material.file, filename=material.title)


def event_ics(request, pk):
    event = get_object_or_404(Event, pk=pk, is_published=True)
    response = HttpResponse(calendar.for_events([event]), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


def feed(request, token):
    item = services.calendar_feed_by_token(token)
    if item is None or not item.user.is_active:
        raise Http404
    events = Event.objects.filter(
        registrations__user=item.user, registrations__status__in=["confirmed", "waiting"]
    ).distinct()
    return HttpResponse(calendar.for_events(events), content_type="text/calendar")


#: Where a new calendar address waits to be shown once, on the next page.
_NEW_CALENDAR_URL = "events:new_calendar_url"


@login_required
def my_events(request):
    registrations = (
        Registration.objects.filter(user=request.user)
        .exclude(status="cancelled")
        .select_related("event")
        .order_by("event__starts_at")
    )
    return render(
        request,
        "events/my_events.html",
        {
            "registrations": registrations,
            "has_feed": CalendarFeed.objects.filter(user=request.user).exists(),
            "new_feed_url": request.session.pop(_NEW_CALENDAR_URL, ""),
        },
    )


@login_required
@require_POST
def calendar_renew(request):
    renewed = CalendarFeed.objects.filter(user=request.user).exists()
    token = services.calendar_feed_renew(user=request.user)
    request.session[_NEW_CALENDAR_URL] = request.build_absolute_uri(
        reverse("events_feed", args=[token])
    )
    if renewed:
        messages.success(
            request, _("Your calendar address was renewed; the old one no longer works.")
        )
    return redirect("events:my_events")
