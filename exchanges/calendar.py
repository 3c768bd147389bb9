"""A person's own exchanges as an iCalendar feed."""

import datetime

from django.conf import settings
from django.utils import translation
from icalendar import Calendar, Event

from . import selectors


def feed_for(user) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//VET network portal//exchanges//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Exchanges")
    with translation.override(user.language):
        for application in selectors.calendar_entries(user=user):
            event = Event()
            event.add("uid", f"exchange-{application.pk}@{settings.SITE_URL.split('//')[-1]}")
            event.add("summary", str(application.offer or application.host))
            event.add("dtstart", application.start_date)
            # All-day events end on the day after the last day.
            event.add("dtend", application.end_date + datetime.timedelta(days=1))
            event.add("dtstamp", application.status_changed_at)
            # CountryField gives a Country; the Django plugin types it as its base CharField's str.
            country = application.host.country.name  # type: ignore[attr-defined]
            event.add("location", f"{application.host.municipality}, {country}")
            event.add("description", str(application.get_status_display()))
            event.add("url", settings.SITE_URL + application.get_absolute_url())
            calendar.add_component(event)
    return calendar.to_ical()
