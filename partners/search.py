"""What of an organisation the directory's search finds."""

from core import search

from .models import Organisation

search.register(Organisation, title=("name",), body=("description",))
