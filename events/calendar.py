from django.conf import settings
from django.urls import reverse
from icalendar import Calendar
from icalendar import Event as IcsEvent


def for_events(events) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//VET network portal//events//EN")
    calendar.add("version", "2.0")
    for event in events:
        item = IcsEvent()
        item.add("uid", f"event-{event.pk}@{settings.SITE_URL.split('//')[-1]}")
        item.add("summary", event.title)
        item.add("dtstart", event.starts_at)
        item.add("dtend", event.ends_at)
        item.add("dtstamp", event.created_at)
        item.add("location", event.venue or event.online_url)
        item.add("url", settings.SITE_URL + reverse("events:event_detail", kwargs={"pk": event.pk}))
        if event.description:
            item.add("description", event.description)
        calendar.add_component(item)
    return calendar.to_ical()
