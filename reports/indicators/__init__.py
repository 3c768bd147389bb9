"""The network's indicators for a period and a scope, computed by the database.

Every figure is an aggregate query (``COUNT``/``SUM``/``AVG`` grouped by a column); the
Python code only arranges the few grouped rows into tables. Days are Finnish days: a
period runs from 00:00 on its first day to 24:00 on its last day in Europe/Helsinki, and
moments (a badge issued at 23:30 UTC) count on the Finnish date they fall on.
"""

from .attendance import events
from .base import Period, Scope, Section, Table
from .mentorship import mentoring
from .mobility import mobilities
from .people import participants
from .recognition import badges
from .report import SECTIONS, build, build_cached, cache_key
from .work_life import partners

__all__ = [
    "SECTIONS",
    "Period",
    "Scope",
    "Section",
    "Table",
    "badges",
    "build",
    "build_cached",
    "cache_key",
    "events",
    "mentoring",
    "mobilities",
    "participants",
    "partners",
]
