"""Applications: applying, editing, the application's page and the moves made there."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.views import act_and_redirect, act_on_form

from .. import period, rules, selectors
from ..errors import AlreadyApplied
from ..forms import (
    ApplicationForm,
    BadgeAwardForm,
    CommentForm,
    FeedbackForm,
    HostLinkForm,
    MobilityRecordForm,
    RecognitionForm,
    TransitionForm,
)
from ..models import Application, CalendarFeed, LearningAgreement, SavedSearch
from ..services import agreements as agreement_services
from ..services import applications as application_services
from ..services.application_moves import overlapping
from ..workflow import APPLICATION_WORKFLOW
from .mobility import awardable_badges

S = Application.Status
#: Where a new calendar address waits to be shown once, on the next page.
NEW_CALENDAR_URL = "exchanges:new_calendar_url"


def _apply(request, *, offer=None):
    kind = (
        Application.Kind.STAFF
        if offer is not None and offer.form == "teacher_job_shadowing"
        else request.GET.get("kind", Application.Kind.STUDENT)
    )
    if kind not in Application.Kind.values:
        kind = Application.Kind.STUDENT
    homes = rules.home_organisations_for(request.user, kind)
    if not homes:
        raise Http404
    initial = {"start_date": offer.start_date, "end_date": offer.end_date} if offer else None
    form = ApplicationForm(
        request.POST or None,
        request.FILES or None,
        homes=homes,
        proposal=offer is None,
        initial=initial,
    )
    return _save_application(
        request,
        form,
        partial(
            application_services.application_create, actor=request.user, kind=kind, offer=offer
        ),
        done=_("Your application was saved as a draft. Submit it when it is ready."),
        offer=offer,
    )


def _save_application(request, form, save, *, done, **context):
    """Show the application ``form``; a valid post is given to ``save`` (its data, attachment,
    home and host) and goes to the application. A refusal or a file that fails the upload
    checks is shown on the form; an application already made for the offer is shown instead."""
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        chosen = {name: data.pop(name) for name in ("home", "host", "attachment") if name in data}
        try:
            application = save(data=data, **chosen)
        except AlreadyApplied as error:
            messages.info(request, error.message)
            return redirect(error.application.get_absolute_url())
        except DomainError as error:
            form.add_error(None, error.message)
        except ValidationError as error:
            form.add_error("attachment", error.messages)
        else:
            messages.success(request, done)
            return redirect(application.get_absolute_url())
    return render(request, "exchanges/application_form.html", {"form": form, **context})


@login_required
def application_create(request, pk):
    offer = selectors.offer_for_viewer(viewer=request.user, pk=pk)
    mine = selectors.own_application(viewer=request.user, offer=offer)
    if mine is not None:
        messages.info(
            request, _("You have already applied for this offer; here is your application.")
        )
        return redirect(mine.get_absolute_url())
    if not offer.is_open:
        messages.error(request, _("This offer no longer takes applications."))
        return redirect(offer.get_absolute_url())
    return _apply(request, offer=offer)


@login_required
def application_propose(request):
    return _apply(request)


@login_required
def application_edit(request, pk):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    if application.applicant_id != request.user.pk:
        raise PermissionDenied
    return _save_application(
        request,
        ApplicationForm(request.POST or None, request.FILES or None, instance=application),
        partial(
            application_services.application_update, actor=request.user, application=application
        ),
        done=_("Your application was saved."),
        offer=application.offer,
    )


def _signing(application, parties, agreement):
    """Who has signed the current agreement, and for which parties the viewer may sign."""
    signed_parties = {s.party for s in agreement.signatures.all()} if agreement else set()
    sign_as = []
    if agreement and application.status in agreement_services.OPEN_STATES:
        sign_as = [
            (party, label)
            for party, label in LearningAgreement.Party.choices
            if party not in signed_parties and rules.SIGNER[party] in parties
        ]
    return {"sign_as": sign_as, "signed_parties": signed_parties}


def _period_forms(user, application, parties):
    """The forms of the period's section, for those who fill them in, when it is time."""
    staff = bool(parties & {rules.HOME, rules.HOST})
    ended = application.status in (S.COMPLETED, S.RECOGNISED)
    home = rules.HOME in parties
    return {
        "mobility_form": MobilityRecordForm(instance=getattr(application, "mobility", None))
        if staff and application.status in (S.IN_PROGRESS, S.COMPLETED)
        else None,
        "feedback_form": FeedbackForm()
        if ended and parties & {rules.APPLICANT, rules.HOST}
        else None,
        "badge_form": BadgeAwardForm(badges=awardable_badges(user, application))
        if home and ended
        else None,
        "recognition_form": RecognitionForm()
        if home and application.status == S.COMPLETED
        else None,
    }


@login_required
def application_detail(request, pk):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    parties = rules.parties(request.user, application)
    page = selectors.application_page(viewer=request.user, application=application)
    staff = bool(parties & {rules.HOME, rules.HOST})
    context = {
        "application": application,
        "parties": parties,
        "transitions": APPLICATION_WORKFLOW.available(application, parties),
        "today": period.today(),
        "arrival_opens_on": application.start_date
        if application.status == S.AGREEMENT_SIGNED
        and staff
        and not period.arrival_open(application)
        else None,
        "no_agreement_flag": rules.HOME in parties
        and application.pk in selectors.applications_without_agreement([application]),
        "overlaps": list(overlapping(application).select_related("host"))
        if rules.HOME in parties or rules.APPLICANT in parties
        else [],
        "comment_form": CommentForm(),
        "can_edit": rules.APPLICANT in parties and application.status in (S.DRAFT, S.RETURNED),
        "can_write_agreement": staff and application.status in agreement_services.OPEN_STATES,
        "can_see_staff_comments": rules.can_see_staff_comments(request.user, application),
        "host_link_form": HostLinkForm(),
        **_signing(application, parties, page["agreement"]),
        **_period_forms(request.user, application, parties),
        **page,
    }
    return render(request, "exchanges/application_detail.html", context)


@login_required
@require_POST
def application_action(request, pk, action):
    application = selectors.application_for_action(viewer=request.user, pk=pk)
    if action not in APPLICATION_WORKFLOW.moves:
        raise Http404
    form = TransitionForm(request.POST)
    form.is_valid()
    return act_and_redirect(
        request,
        lambda: application_services.application_transition(
            actor=request.user,
            application=application,
            action=action,
            comment=form.cleaned_data.get("comment", ""),
            on=form.cleaned_data.get("on"),
        ),
        success_url=application.get_absolute_url(),
        done=lambda moved: (
            _("The application is now “%(status)s”.") % {"status": moved.get_status_display()}
        ),
    )


@login_required
@require_POST
def application_comment(request, pk):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    return act_on_form(
        request,
        CommentForm(request.POST),
        lambda data: application_services.application_comment(
            actor=request.user, application=application, **data
        ),
        success_url=application.get_absolute_url() + "#comments",
        done=_("Your comment was added."),
        invalid=_("The comment is empty."),
    )


@login_required
@require_POST
def application_rank(request, pk):
    """The applicant's own order of preference, or the host's ranking, for allocation."""
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    field = request.POST.get("field")
    try:
        value = int(request.POST.get("rank", ""))
    except ValueError:
        value = 0
    if field not in ("host_rank", "student_rank") or not 1 <= value <= 99:
        messages.error(request, _("Give a number from 1 to 99."))
        return redirect(application.get_absolute_url())
    return act_and_redirect(
        request,
        lambda: application_services.application_rank(
            actor=request.user, application=application, **{field: value}
        ),
        success_url=application.get_absolute_url(),
        done=_("The ranking was saved."),
    )


@login_required
@require_POST
def application_allow_overlap(request, pk):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    return act_and_redirect(
        request,
        lambda: application_services.application_allow_overlap(
            actor=request.user, application=application
        ),
        success_url=application.get_absolute_url(),
        done=_("The overlapping period is allowed for this application."),
    )


@login_required
def my_applications(request):
    return render(
        request,
        "exchanges/my_applications.html",
        {
            "applications": selectors.my_applications(user=request.user),
            "can_apply": rules.can_apply(request.user),
            "has_feed": CalendarFeed.objects.filter(user=request.user).exists(),
            "new_feed_url": request.session.pop(NEW_CALENDAR_URL, ""),
            "saved_searches": SavedSearch.objects.filter(user=request.user),
        },
    )
