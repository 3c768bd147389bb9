from core.panels import Panel, dashboard_panel

from . import selectors


@dashboard_panel
def peer_reviews(request):
    reviews = list(selectors.my_reviews(viewer=request.user).exclude(status="closed")[:5])
    if not reviews:
        return None
    return Panel("partners/panels/peer_reviews.html", {"reviews": reviews}, order=25)
