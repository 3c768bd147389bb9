"""What of a badge the badge catalogue's search finds."""

from core import search

from .models import Badge

search.register(Badge, title=("name",), body=("description", "criteria", "tags"))
