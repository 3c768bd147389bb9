"""The mobility period: the record, feedback, badges, recognition and the certificate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError

from .. import pdf, selectors
from ..forms import BadgeAwardForm, FeedbackForm, MobilityRecordForm, RecognitionForm
from ..models import Application
from ..services import mobility as mobility_services
from .common import pdf_response


def _mobility_action(request, pk, make_form, call, done, invalid=None):
    """Validate a form of the period's section, call the service, report, go back there."""
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    form = make_form(application)
    if form.is_valid():
        try:
            result = call(application, form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, done(result) if callable(done) else done)
    elif invalid:
        messages.error(request, invalid)
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(application.get_absolute_url() + "#mobility")


@login_required
@require_POST
def mobility_edit(request, pk):
    return _mobility_action(
        request,
        pk,
        lambda application: MobilityRecordForm(request.POST),
        lambda application, data: mobility_services.mobility_update(
            actor=request.user, application=application, data=data
        ),
        _("The mobility record was saved."),
    )


@login_required
@require_POST
def mobility_feedback(request, pk):
    return _mobility_action(
        request,
        pk,
        lambda application: FeedbackForm(request.POST),
        lambda application, data: mobility_services.mobility_feedback(
            actor=request.user, application=application, **data
        ),
        _("Thank you for your feedback."),
        invalid=_("Choose a rating from 1 to 5."),
    )


@login_required
@require_POST
def mobility_award_badges(request, pk):
    return _mobility_action(
        request,
        pk,
        lambda application: BadgeAwardForm(
            request.POST, badges=awardable_badges(request.user, application)
        ),
        lambda application, data: mobility_services.mobility_award_badges(
            actor=request.user, application=application, badges=data["badges"]
        ),
        lambda awarded: _("%(count)s badges awarded to the passport.") % {"count": len(awarded)},
        invalid=_("Choose the badges to award."),
    )


def awardable_badges(user, application):
    from worklife_passport.models import Badge
    from worklife_passport.rules import can_award
    from worklife_passport.services.awards import holds

    if not application.offer_id:
        return Badge.objects.none()
    ids = [
        badge.pk
        for badge in application.offer.badges.select_related("issuer")
        if can_award(user, badge) and not holds(application.applicant, badge)
    ]
    return Badge.objects.filter(pk__in=ids)


@login_required
@require_POST
def mobility_recognise(request, pk):
    return _mobility_action(
        request,
        pk,
        lambda application: RecognitionForm(request.POST),
        lambda application, data: mobility_services.mobility_recognise(
            actor=request.user, application=application, **data
        ),
        _("The recognition was recorded."),
        invalid=_("Give the credits and the units recognised."),
    )


@login_required
def certificate_pdf(request, pk):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    if application.status not in (Application.Status.COMPLETED, Application.Status.RECOGNISED):
        raise Http404
    return pdf_response(
        pdf.mobility_certificate(application, language=request.LANGUAGE_CODE),
        f"mobility-{application.pk}.pdf",
    )
