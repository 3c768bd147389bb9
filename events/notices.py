from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from core.audit import register_actions
from notifications import kinds

from .models import Registration


def _reminder(context):
    return {**context, "starts_at": parse_datetime(context["starts_at"])}


def _registration(context):
    return {**_reminder(context), "status": Registration.Status(context["status"]).label}


kinds.register(
    "events.registration",
    label=_("My event registrations"),
    enrich=_registration,
)
kinds.register(
    "events.reminder",
    label=_("Reminders of events I registered for"),
    enrich=_reminder,
)

register_actions(
    {
        "events.event.created": _("Event created"),
        "events.event.updated": _("Event changed"),
        "events.registration.confirmed": _("Registered for an event"),
        "events.registration.waiting": _("Put on an event's waiting list"),
        "events.registration.promoted": _("Moved up from the waiting list"),
        "events.registration.cancelled": _("Event registration cancelled"),
        "events.checked_in": _("Checked in at an event"),
        "events.material.added": _("Event material added"),
    }
)
