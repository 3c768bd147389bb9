from django.db.models import Q

from core.panels import Panel, dashboard_panel

from .models import Pair


@dashboard_panel
def my_mentoring(request):
    pairs = list(
        Pair.objects.filter(
            Q(mentor__user=request.user) | Q(mentee__user=request.user),
            status__in=Pair.HOLDING,
        ).select_related("programme", "mentor__user", "mentee__user")[:5]
    )
    if not pairs:
        return None
    return Panel(
        "mentoring/panels/my_mentoring.html", {"pairs": pairs, "user": request.user}, order=35
    )
