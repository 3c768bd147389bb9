from core.panels import Panel, dashboard_panel

from .models import FollowUp


@dashboard_panel
def follow_ups_due(request):
    follow_ups = list(
        FollowUp.objects.open()
        .filter(owner=request.user)
        .select_related("visit__company")
        .order_by("due_on", "pk")[:5]
    )
    if not follow_ups:
        return None
    return Panel("partners/panels/follow_ups.html", {"follow_ups": follow_ups}, order=6)
