from django.db.models import Count, Q
from django.utils import timezone

from core.panels import Panel, dashboard_panel, home_panel

from . import rules, selectors
from .models import Application, PlacementOffer


@dashboard_panel
def my_exchanges(request):
    if not rules.can_apply(request.user):
        return None
    applications = list(selectors.my_applications(user=request.user)[:5])
    return Panel("exchanges/panels/my_exchanges.html", {"applications": applications}, order=30)


@dashboard_panel
def coordinator_work(request):
    homes = rules.coordinated_organisations(request.user)
    hosts = rules.hosts_for(request.user)
    if not homes and not hosts:
        return None
    counts = Application.objects.aggregate(
        to_approve=Count("pk", filter=Q(home_id__in=homes, status=Application.Status.SUBMITTED)),
        to_accept=Count("pk", filter=Q(host_id__in=hosts, status=Application.Status.APPROVED)),
        to_sign=Count(
            "pk",
            filter=(Q(home_id__in=homes) | Q(host_id__in=hosts))
            & Q(status=Application.Status.ACCEPTED),
        ),
    )
    review = (
        PlacementOffer.objects.filter(status=PlacementOffer.Status.REVIEW).count()
        if rules.can_review_offers(request.user)
        else 0
    )
    return Panel("exchanges/panels/coordinator_work.html", {**counts, "review": review}, order=15)


@home_panel
def open_offers(request):
    offers = list(
        PlacementOffer.objects.published()
        .filter(deadline__gte=timezone.localdate())
        .select_related("host")
        .order_by("-published_at")[:6]
    )
    if not offers:
        return None
    return Panel("exchanges/panels/open_offers.html", {"offers": offers}, order=20)
