from core.panels import Panel, dashboard_panel, home_panel

from . import rules, selectors
from .models import Organisation


@home_panel
def network_in_numbers(request):
    return Panel("partners/panels/network_counts.html", selectors.network_counts(), order=10)


@dashboard_panel
def invitations_waiting(request):
    invitations = list(selectors.invitations_sent_to(user=request.user).pending())
    if not invitations:
        return None
    return Panel("partners/panels/invitations.html", {"invitations": invitations}, order=5)


@dashboard_panel
def my_organisations(request):
    roles = rules.roles_of(request.user)
    if not roles:
        return None
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
