"""Calls for pilots: the calls, applying, scoring, the ranked list and decisions."""

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pages import changed_rows, edit_page
from core.spreadsheets import csv_response
from core.uploads import download
from core.views import act_and_redirect, acting_for, found, save_on_page

from . import rules, selectors, services
from .forms import (
    ApplicationForm,
    AttachmentForm,
    CallForm,
    CriterionFormSet,
    DecisionForm,
    ProgressForm,
    ScoreForm,
)
from .models import PilotApplication, PilotAttachment, PilotCall

A = PilotApplication.Status


def call_list(request):
    viewer = request.user
    return render(
        request,
        "partners/pilots/call_list.html",
        {
            "calls": selectors.calls(viewer=viewer),
            "mine": selectors.my_applications(viewer=viewer) if viewer.is_authenticated else [],
            "can_create": bool(rules.call_organisations(viewer)),
        },
    )


def call_detail(request, pk):
    call = found(selectors.call_page, pk)
    manage = rules.can_manage_call(request.user, call)
    if call.published_at is None and not manage:
        raise Http404
    reviewer = rules.is_call_reviewer(request.user, call)
    return render(
        request,
        "partners/pilots/call_detail.html",
        {
            "call": call,
            "manage": manage,
            "reviewer": reviewer,
            "can_apply": call.is_open and bool(rules.applicant_organisations(request.user)),
            "applications": (
                call.applications.select_related("lead").order_by("title")
                if manage or reviewer
                else None
            ),
        },
    )


@login_required
def call_form(request, pk=None):
    call = get_object_or_404(PilotCall, pk=pk) if pk else None
    organisations = acting_for(
        rules.call_organisations(request.user),
        call,
        may_edit=lambda call: rules.can_manage_call(request.user, call),
    )
    data = request.POST if request.method == "POST" else None
    criteria = CriterionFormSet(data, instance=call or PilotCall(), prefix="criteria")
    return edit_page(
        request,
        CallForm(data, instance=call, organisations=organisations),
        lambda data: services.call_save(
            actor=request.user, call=call, data=data, criteria=changed_rows(criteria)
        ),
        template="partners/pilots/call_form.html",
        context={"criteria": criteria, "call": call},
        done=_("The call was saved."),
        rows=criteria,
    )


def _call_action(request, pk, action, done):
    call = found(selectors.call_page, pk)
    if not rules.can_manage_call(request.user, call):
        raise Http404
    return act_and_redirect(
        request,
        lambda: action(actor=request.user, call=call),
        done=done,
        success_url=call.get_absolute_url(),
    )


@login_required
@require_POST
def call_publish(request, pk):
    return _call_action(request, pk, services.call_publish, _("The call is published."))


@login_required
@require_POST
def call_close(request, pk):
    return _call_action(request, pk, services.call_close, _("The call is closed."))


def _rounded(value: float | None, places: int) -> Decimal | None:
    """A score as a number with a fixed count of decimals (80.0, 3.50), or an empty cell."""
    return None if value is None else round(Decimal(value), places)


@login_required
def call_ranking(request, pk):
    call = found(selectors.call_page, pk)
    manage = rules.can_manage_call(request.user, call)
    if not (manage or rules.is_call_reviewer(request.user, call)):
        raise Http404
    rows = selectors.ranking(call)
    if request.GET.get("format") == "csv":
        response, writer = csv_response(f"call-{call.pk}-ranking.csv")
        writer.writerow(
            [
                _("Rank"),
                _("Application"),
                _("Lead applicant"),
                _("Budget applied for (EUR)"),
                _("Points out of 100"),
                _("Reviewers"),
                *[criterion.text for criterion in call.criteria.all()],
                _("Status"),
            ]
        )
        for row in rows:
            application = row["application"]
            writer.writerow(
                [
                    row["rank"] or "",
                    application.title,
                    application.lead.name,
                    application.budget,
                    _rounded(row["total"], 1),
                    application.reviewers,
                    *[_rounded(item["mean"], 2) for item in row["criteria"]],
                    application.get_status_display(),
                ]
            )
        return response
    return render(
        request,
        "partners/pilots/ranking.html",
        {"call": call, "rows": rows, "manage": manage},
    )


@login_required
def application_form(request, pk=None, call_pk=None):
    application = get_object_or_404(PilotApplication, pk=pk) if pk else None
    call = found(selectors.call_page, call_pk) if call_pk else application.call
    organisations = acting_for(
        rules.applicant_organisations(request.user),
        application,
        may_edit=lambda application: rules.can_edit_application(request.user, application),
        owner="lead_id",
    )
    if call.published_at is None:
        raise Http404
    return edit_page(
        request,
        ApplicationForm(request.POST or None, instance=application, organisations=organisations),
        lambda data: services.application_save(
            actor=request.user, call=call, application=application, data=data
        ),
        template="partners/pilots/application_form.html",
        context={"call": call, "application": application},
        done=_("The application was saved."),
    )


def _application(request, pk, allowed=None) -> PilotApplication:
    """The application, when the viewer may see it and, for a POST acting on it,
    ``allowed(user, application)``; any other is not the viewer's: 404."""
    application = found(selectors.application_page, pk)
    user = request.user
    if not rules.can_view_application(user, application) or (
        allowed and not allowed(user, application)
    ):
        raise Http404
    return application


@login_required
def application_detail(request, pk, **bound):
    """The application's page with the forms the viewer's part calls for; ``bound`` are
    forms sent back with errors, the user's input kept."""
    application = _application(request, pk)
    call = application.call
    user = request.user
    can_edit = rules.can_edit_application(user, application)
    in_review = call.phase == PilotCall.Phase.REVIEW and application.status == A.SUBMITTED
    editable = can_edit and application.status in (A.DRAFT, A.SUBMITTED) and call.is_open
    forms = {}
    if editable:
        forms["attachment_form"] = AttachmentForm()
    if in_review and rules.can_score(user, application):
        forms["score_form"] = ScoreForm(
            criteria=list(call.criteria.all()),
            existing=selectors.my_scores(application, user),
        )
    if in_review and rules.can_manage_call(user, call):
        forms["decision_form"] = DecisionForm()
    if can_edit and application.status == A.FUNDED:
        forms["progress_form"] = ProgressForm()
    forms.update(bound)
    return render(
        request,
        "partners/pilots/application_detail.html",
        {
            "application": application,
            "call": call,
            "editable": editable,
            "can_edit": can_edit,
            "conflict": rules.is_call_reviewer(user, call)
            and rules.has_conflict(user, application),
            **forms,
        },
    )


def _application_action(request, pk, action, done):
    application = _application(request, pk, rules.can_edit_application)
    return act_and_redirect(
        request,
        lambda: action(actor=request.user, application=application),
        done=done,
        success_url=application.get_absolute_url(),
    )


@login_required
@require_POST
def application_submit(request, pk):
    return _application_action(
        request, pk, services.application_submit, _("The application was submitted.")
    )


@login_required
@require_POST
def application_withdraw(request, pk):
    return _application_action(
        request, pk, services.application_withdraw, _("The application was withdrawn.")
    )


@login_required
@require_POST
def attachment_add(request, pk):
    application = _application(request, pk, rules.can_edit_application)
    return save_on_page(
        request,
        application_detail,
        application,
        "attachment_form",
        AttachmentForm(request.POST, request.FILES),
        lambda form: services.attachment_add(
            actor=request.user,
            application=application,
            title=form.cleaned_data["title"],
            file=form.cleaned_data["file"],
        ),
        _("The attachment was added."),
    )


@login_required
def attachment_download(request, pk, attachment_pk):
    application = _application(request, pk)
    attachment = get_object_or_404(PilotAttachment, pk=attachment_pk, application=application)
    return download(attachment.file, filename=attachment.title)


@login_required
@require_POST
def attachment_delete(request, pk, attachment_pk):
    application = _application(request, pk, rules.can_edit_application)
    attachment = get_object_or_404(PilotAttachment, pk=attachment_pk, application=application)
    return act_and_redirect(
        request,
        lambda: services.attachment_delete(actor=request.user, attachment=attachment),
        done=_("The attachment was removed."),
        success_url=application.get_absolute_url(),
    )


@login_required
@require_POST
def application_score(request, pk):
    application = _application(
        request, pk, lambda user, application: rules.is_call_reviewer(user, application.call)
    )
    form = ScoreForm(
        request.POST,
        criteria=list(application.call.criteria.all()),
        existing=selectors.my_scores(application, request.user),
    )
    return save_on_page(
        request,
        application_detail,
        application,
        "score_form",
        form,
        lambda form: services.scores_save(
            actor=request.user, application=application, scores=form.scores()
        ),
        _("Your scores were saved."),
    )


@login_required
@require_POST
def application_decide(request, pk):
    application = _application(
        request, pk, lambda user, application: rules.can_manage_call(user, application.call)
    )
    return save_on_page(
        request,
        application_detail,
        application,
        "decision_form",
        DecisionForm(request.POST),
        lambda form: services.application_decide(
            actor=request.user,
            application=application,
            funded=form.cleaned_data["decision"] == "funded",
            granted=form.cleaned_data["granted"],
            note=form.cleaned_data["note"],
        ),
        _("The decision was made and sent to the applicant."),
    )


@login_required
@require_POST
def progress_add(request, pk):
    application = _application(request, pk, rules.can_edit_application)
    return save_on_page(
        request,
        application_detail,
        application,
        "progress_form",
        ProgressForm(request.POST),
        lambda form: services.progress_report_add(
            actor=request.user, application=application, data=form.cleaned_data
        ),
        _("The progress report was sent."),
    )
