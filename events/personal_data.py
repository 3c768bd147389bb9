from accounts import personal_data

personal_data.export(
    "events.Registration",
    fields=("event__title", "status", "created_at", "checked_in_at"),
    section="event_registrations",
)
personal_data.export("events.CalendarFeed", fields=(), section="event_calendar_feed")
personal_data.exclude(
    "events.Event",
    user_field="created_by",
    reason="Made on behalf of the organising organisations.",
)
personal_data.files(
    "events.Material",
    field="file",
    owner="event__created_by",
    exported=False,
    erased=False,
    reason="Material of an event, published on behalf of its organisers.",
)
