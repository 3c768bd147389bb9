"""What of a training service and of a learning material the catalogue's search finds."""

from core import search

from .models import Material, Service

search.register(
    Service,
    title=("title",),
    body=("description", lambda service: service.provider.name),
    related=("provider",),
)
search.register(
    Material,
    title=("title",),
    body=("description", lambda material: material.organisation.name),
    related=("organisation",),
)
