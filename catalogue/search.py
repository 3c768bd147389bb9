"""What of a training service and of a learning material the catalogue's search finds."""

from core import search
from partners.models import Organisation

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
search.follow(Service, Organisation, lookup="provider", fields=("name",))
search.follow(Material, Organisation, lookup="organisation", fields=("name",))
