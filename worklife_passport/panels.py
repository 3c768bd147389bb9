from core.panels import Panel, dashboard_panel

from . import rules
from .models import Award, Claim


@dashboard_panel
def my_passport(request):
    awards = list(
        Award.objects.filter(recipient=request.user, revoked_at__isnull=True)
        .select_related("badge")
        .order_by("-issued_on")[:4]
    )
    claims = Claim.objects.filter(student=request.user, status__in=Claim.OPEN_STATES).count()
    if not awards and not claims and not request.user.memberships.filter(role="student").exists():
        return None
    return Panel("passport/panels/my_passport.html", {"awards": awards, "claims": claims}, order=25)


@dashboard_panel
def assessment_work(request):
    if not rules.assessed_issuers(request.user):
        return None
    from .selectors import assessor_queue

    waiting = assessor_queue(viewer=request.user, filters={}).count()
    if not waiting:
        return None
    return Panel("passport/panels/assessment.html", {"waiting": waiting}, order=16)
