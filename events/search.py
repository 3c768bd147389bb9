"""What of an event its search finds."""

from core import search

from .models import Event

search.register(Event, title=("title",), body=("description", "venue"))
