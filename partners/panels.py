from core.panels import Panel, dashboard_panel, home_panel

from . import rules, selectors
from .selectors import reviews as review_selectors


@home_panel
def network_in_numbers(request):
    return Panel("partners/panels/network_counts.html", selectors.network_counts(), order=10)


@dashboard_panel
def invitations_waiting(request):
    invitations = list(selectors.invitations_waiting_for(user=request.user))
    if not invitations:
        return None
    return Panel("partners/panels/invitations.html", {"invitations": invitations}, order=5)


@dashboard_panel
def my_organisations(request):
    roles = rules.roles_of(request.user)
    if not roles:
        return None
    from .models import Organisation

    organisations = Organisation.objects.filter(pk__in=roles).order_by("name")
    rows = [
        {
            "organisation": organisation,
            "roles": rules.role_labels(roles[organisation.pk]),
            "can_manage": rules.can_manage_organisation(request.user, organisation),
        }
        for organisation in organisations
    ]
    return Panel("partners/panels/my_organisations.html", {"rows": rows}, order=20)


@dashboard_panel
def follow_ups_due(request):
    from .models import FollowUp

    follow_ups = list(
        FollowUp.objects.open()
        .filter(owner=request.user)
        .select_related("visit__company")
        .order_by("due_on", "pk")[:5]
    )
    if not follow_ups:
        return None
    return Panel("partners/panels/follow_ups.html", {"follow_ups": follow_ups}, order=6)


@dashboard_panel
def peer_reviews(request):
    reviews = list(review_selectors.my_reviews(viewer=request.user).exclude(status="closed")[:5])
    if not reviews:
        return None
    return Panel("partners/panels/peer_reviews.html", {"reviews": reviews}, order=25)
