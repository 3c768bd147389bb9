from django.utils import timezone

from core.panels import Panel, dashboard_panel, home_panel

from .models import Event, Registration


@home_panel
def upcoming_events(request):
    events = list(
        Event.objects.filter(is_published=True, starts_at__gte=timezone.now()).order_by(
            "starts_at"
        )[:4]
    )
    if not events:
        return None
    return Panel("events/panels/upcoming.html", {"events": events}, order=30)


@dashboard_panel
def my_events(request):
    registrations = list(
        Registration.objects.filter(user=request.user, event__ends_at__gte=timezone.now())
        .exclude(status="cancelled")
        .select_related("event")
        .order_by("event__starts_at")[:4]
    )
    if not registrations:
        return None
    return Panel("events/panels/mine.html", {"registrations": registrations}, order=40)
