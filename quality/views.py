"""Peer review of quality: rounds, each school's review, its self-report and report."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pages import edit_page
from core.views import act_and_redirect, acting_for, found, save_on_page
from partners.rules import is_network_member

from . import rules, selectors, services
from .forms import (
    ActionForm,
    FindingForm,
    ReviewForm,
    RoundForm,
    SelfReportForm,
    SummaryForm,
)
from .models import Finding, PeerReview, ReviewAction, ReviewRound


def _members_only(request):
    if not is_network_member(request.user):
        raise Http404


@login_required
def review_home(request):
    _members_only(request)
    return render(
        request,
        "partners/reviews/home.html",
        {
            "rounds": selectors.rounds(),
            "mine": selectors.my_reviews(viewer=request.user),
            "reports": selectors.published_reports()[:20],
            "can_create": bool(rules.round_organisations(request.user)),
        },
    )


@login_required
def round_form(request, pk=None):
    review_round = get_object_or_404(ReviewRound, pk=pk) if pk else None
    organisations = acting_for(
        rules.round_organisations(request.user),
        review_round,
        may_edit=lambda review_round: rules.can_manage_round(request.user, review_round),
        owner="organiser_id",
    )
    return edit_page(
        request,
        RoundForm(request.POST or None, instance=review_round, organisations=organisations),
        lambda data: services.round_save(actor=request.user, review_round=review_round, data=data),
        template="partners/reviews/round_form.html",
        context={"round": review_round},
        done=_("The round was saved."),
    )


@login_required
def round_detail(request, pk):
    _members_only(request)
    review_round = get_object_or_404(ReviewRound.objects.select_related("organiser"), pk=pk)
    can_manage = rules.can_manage_round(request.user, review_round)
    if request.method == "POST" and not can_manage:
        raise Http404

    template = "partners/reviews/round_detail.html"
    context = {
        "round": review_round,
        "areas": review_round.areas.prefetch_related("criteria"),
        "reviews": selectors.round_reviews(review_round),
        "can_manage": can_manage,
    }
    if not can_manage:
        return render(request, template, {**context, "form": None})
    return edit_page(
        request,
        ReviewForm(request.POST or None, review_round=review_round),
        lambda data: services.review_save(actor=request.user, review_round=review_round, data=data),
        template=template,
        context=context,
        done=_("The school was added to the round."),
    )


def _review(request, pk) -> tuple[PeerReview, frozenset]:
    review = found(selectors.review_for_page, pk)
    if not rules.can_view_review(request.user, review):
        raise Http404
    return review, rules.review_roles(request.user, review)


def _review_to_act_on(request, pk, *parts: str) -> PeerReview:
    """The review a POST acts on, when the viewer takes part in it (in one of ``parts``,
    when given); any other review is not theirs to act on: 404."""
    review, roles = _review(request, pk)
    if not roles or (parts and not roles.intersection(parts)):
        raise Http404
    return review


@login_required
def review_detail(request, pk, **bound):
    """The review page with the forms the viewer's part in it calls for; ``bound`` are
    forms sent back with errors, the user's input kept."""
    review, roles = _review(request, pk)
    criteria = selectors.criteria_of(review.round)
    existing = selectors.self_assessments(review) if roles else {}
    S = PeerReview.Status
    forms = {}
    if "school" in roles and review.status == S.PREPARATION:
        forms["self_report_form"] = SelfReportForm(criteria=criteria, existing=existing)
    if roles & {"lead", "member"} and review.status == S.VISITED:
        forms["finding_form"] = FindingForm(review=review)
        forms["summary_form"] = SummaryForm(initial={"summary": review.summary})
    if "school" in roles and review.status == S.REPORTED:
        forms["action_form"] = ActionForm(review=review)
    if "organiser" in roles and review.status != S.CLOSED:
        forms["team_form"] = ReviewForm(instance=review, review_round=review.round)
    forms.update(bound)
    return render(
        request,
        "partners/reviews/review_detail.html",
        {
            "review": review,
            "roles": roles,
            "participant": bool(roles),
            "self_report": [(criterion, existing.get(criterion.pk)) for criterion in criteria],
            **forms,
        },
    )


@login_required
@require_POST
def self_report(request, pk):
    review = _review_to_act_on(request, pk, "school")
    form = SelfReportForm(
        request.POST,
        criteria=selectors.criteria_of(review.round),
        existing=selectors.self_assessments(review),
    )
    submit = "submit" in request.POST

    def save(form):
        services.self_report_save(
            actor=request.user, review=review, entries=form.entries(), submit=submit
        )

    done = (
        _("The self-report was sent to the peer team.")
        if submit
        else _("The self-report was saved.")
    )
    return save_on_page(request, review_detail, review, "self_report_form", form, save, done)


@login_required
@require_POST
def review_team(request, pk):
    review = _review_to_act_on(request, pk, "organiser")
    return save_on_page(
        request,
        review_detail,
        review,
        "team_form",
        ReviewForm(request.POST, instance=review, review_round=review.round),
        lambda form: services.review_save(
            actor=request.user, review_round=review.round, review=review, data=form.cleaned_data
        ),
        _("The visit and the team were saved."),
    )


@login_required
@require_POST
def review_finding(request, pk):
    review = _review_to_act_on(request, pk, "lead", "member")
    return save_on_page(
        request,
        review_detail,
        review,
        "finding_form",
        FindingForm(request.POST, review=review),
        lambda form: services.finding_add(actor=request.user, review=review, **form.cleaned_data),
        _("The finding was added."),
    )


@login_required
@require_POST
def finding_delete(request, pk, finding_pk):
    review = _review_to_act_on(request, pk, "lead", "member")
    finding = get_object_or_404(Finding, pk=finding_pk, review=review)
    return act_and_redirect(
        request,
        lambda: services.finding_delete(actor=request.user, finding=finding),
        success_url=review.get_absolute_url(),
    )


@login_required
@require_POST
def review_summary(request, pk):
    review = _review_to_act_on(request, pk, "lead", "member")
    return save_on_page(
        request,
        review_detail,
        review,
        "summary_form",
        SummaryForm(request.POST),
        lambda form: services.summary_save(
            actor=request.user, review=review, summary=form.cleaned_data["summary"]
        ),
        _("The summary was saved."),
    )


@login_required
@require_POST
def review_status(request, pk):
    review = _review_to_act_on(request, pk)
    return act_and_redirect(
        request,
        lambda: services.review_transition(
            actor=request.user, review=review, to=request.POST.get("to")
        ),
        success_url=review.get_absolute_url(),
        done=lambda moved: (
            _("The review is now “%(status)s”.") % {"status": moved.get_status_display()}
        ),
    )


@login_required
@require_POST
def review_action(request, pk):
    review = _review_to_act_on(request, pk, "school")
    return save_on_page(
        request,
        review_detail,
        review,
        "action_form",
        ActionForm(request.POST, review=review),
        lambda form: services.action_save(
            actor=request.user, review=review, data=form.cleaned_data
        ),
        _("The development action was added."),
    )


@login_required
@require_POST
def action_state(request, pk, action_pk):
    review = _review_to_act_on(request, pk, "school")
    action = get_object_or_404(ReviewAction, pk=action_pk, review=review)
    return act_and_redirect(
        request,
        lambda: services.action_set_state(
            actor=request.user, action=action, state=request.POST.get("state", "")
        ),
        success_url=review.get_absolute_url(),
    )
