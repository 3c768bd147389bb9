"""The dates of a mobility period against the agreed ones.

The agreed period is the application's start and end. An arrival is confirmed on or
after the agreed start, a departure on or after the arrival, neither ahead of the day;
an arrival after the agreed start, or a departure on another day than the agreed end,
needs a reason, which the record and the certificate keep. Days are Finnish days
(Europe/Helsinki), whoever confirms and from wherever.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .errors import ExchangeError

HELSINKI = ZoneInfo("Europe/Helsinki")


def today() -> datetime.date:
    return timezone.localdate(timezone=HELSINKI)


def _day(value: datetime.date) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def arrival_open(application) -> bool:
    """Whether an arrival can be confirmed today: the agreed period has begun."""
    return today() >= application.start_date


def check_arrival(application, day: datetime.date, reason: str) -> None:
    if day > today():
        raise ExchangeError(_("An arrival cannot be confirmed ahead of the day."), code="future")
    if day < application.start_date:
        raise ExchangeError(
            _("The agreed period starts on %(start)s: an arrival before it cannot be confirmed.")
            % {"start": _day(application.start_date)},
            code="before_start",
        )
    if day != application.start_date and not reason.strip():
        raise ExchangeError(
            _(
                "The arrival on %(day)s is later than the agreed start (%(start)s): "
                "write the reason."
            )
            % {"day": _day(day), "start": _day(application.start_date)},
            code="reason",
        )


def check_departure(
    application, day: datetime.date, reason: str, *, arrival: datetime.date | None
) -> None:
    if day > today():
        raise ExchangeError(_("A departure cannot be confirmed ahead of the day."), code="future")
    if arrival is not None and day < arrival:
        raise ExchangeError(
            _("The departure cannot be before the arrival (%(arrival)s).")
            % {"arrival": _day(arrival)},
            code="before_arrival",
        )
    if day != application.end_date and not reason.strip():
        raise ExchangeError(
            _("The departure on %(day)s differs from the agreed end (%(end)s): write the reason.")
            % {"day": _day(day), "end": _day(application.end_date)},
            code="reason",
        )
