"""What of a placement offer its search finds."""

from core import search
from partners.models import Organisation

from .models import PlacementOffer

search.register(
    PlacementOffer,
    title=("title",),
    body=("description", "tasks", "learning_outcomes", "city", lambda offer: offer.host.name),
    related=("host",),
)
search.follow(PlacementOffer, Organisation, lookup="host", fields=("name",))
