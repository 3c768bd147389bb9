"""Outreach pages: the companies not reached yet, company visits and their follow-ups."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pages import changed_rows, edit_page, paged
from core.views import act_and_redirect, acting_for, found
from partners.models import Organisation
from partners.rules import can_do_outreach

from .. import rules
from ..forms.visits import FollowUpFormSet, OutreachFilterForm, VisitFilterForm, VisitForm
from ..models import FollowUp, Visit
from ..selectors import visits as selectors
from ..services import visits as services


def _outreach_only(request):
    if not can_do_outreach(request.user):
        raise Http404


@login_required
def outreach(request):
    _outreach_only(request)
    form = OutreachFilterForm(request.GET or None)
    companies = selectors.unreached_companies(filters=form.filters())
    follow_ups = selectors.follow_ups_due(viewer=request.user)
    return render(
        request,
        "partners/outreach/outreach.html",
        {
            "form": form,
            **paged(
                request,
                companies.prefetch_related("sectors").order_by("country", "region", "name", "pk"),
                25,
            ),
            "regions": selectors.unreached_by_region(companies),
            "follow_ups": follow_ups[:20],
            "follow_up_count": follow_ups.count(),
        },
    )


@login_required
def visit_list(request):
    _outreach_only(request)
    form = VisitFilterForm(request.GET or None)
    visits = selectors.visit_list(viewer=request.user, filters=form.filters())
    return render(
        request,
        "partners/outreach/visit_list.html",
        {"form": form, **paged(request, visits, 25)},
    )


@login_required
def visit_detail(request, pk):
    _outreach_only(request)
    visit = found(selectors.visit_detail, pk)
    follow_ups = visit.follow_ups.select_related("owner", "done_by")
    return render(
        request,
        "partners/outreach/visit_detail.html",
        {
            "visit": visit,
            "follow_ups": follow_ups,
            "can_edit": rules.can_edit_visit(request.user, visit),
            "other_visits": Visit.objects.filter(company=visit.company)
            .exclude(pk=visit.pk)
            .select_related("school")[:10],
        },
    )


@login_required
def visit_form(request, pk=None):
    _outreach_only(request)
    visit = get_object_or_404(Visit, pk=pk) if pk else None
    organisations = acting_for(
        rules.visiting_organisations(request.user),
        visit,
        may_edit=lambda visit: rules.can_edit_visit(request.user, visit),
        owner="school_id",
    )
    initial = {}
    if visit is None and request.GET.get("company"):
        initial["company"] = Organisation.objects.filter(
            slug=request.GET["company"], kind=Organisation.Kind.COMPANY
        ).first()
    data = request.POST if request.method == "POST" else None
    follow_ups = FollowUpFormSet(data, instance=visit or Visit(), prefix="follow_ups")
    return edit_page(
        request,
        VisitForm(
            data, instance=visit, initial=initial, actor=request.user, organisations=organisations
        ),
        lambda data: services.visit_save(
            actor=request.user, visit=visit, data=data, follow_ups=changed_rows(follow_ups)
        ),
        template="partners/outreach/visit_form.html",
        context={"follow_ups": follow_ups, "visit": visit},
        done=_("The visit was saved."),
        rows=follow_ups,
    )


@login_required
@require_POST
def follow_up_done(request, pk):
    follow_up = get_object_or_404(
        FollowUp.objects.select_related("visit").prefetch_related("visit__visitors"), pk=pk
    )
    if not rules.can_complete_follow_up(request.user, follow_up):
        raise Http404
    if request.POST.get("next") == "outreach":
        success_url = reverse("partners:outreach")
    else:
        success_url = follow_up.visit.get_absolute_url()
    return act_and_redirect(
        request,
        lambda: services.follow_up_complete(actor=request.user, follow_up=follow_up),
        done=_("The action is marked done."),
        success_url=success_url,
    )
