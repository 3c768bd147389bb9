"""The mobility period: the record, feedback, badges, recognition and the certificate."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.views import act_on_form

from .. import pdf, selectors
from ..forms import BadgeAwardForm, FeedbackForm, MobilityRecordForm, RecognitionForm
from ..models import Application
from ..services import mobility as mobility_services
from .common import pdf_response


def _mobility_view(form_class, act, done, invalid=None, form_options=None):
    """A button of the period's section: check the ``form_class`` form, hand its data to
    ``act(actor=…, application=…, **data)``, say ``done`` (a callable is given what ``act``
    returned) or what was wrong, and go back to the section."""

    @login_required
    @require_POST
    def view(request, pk):
        application = selectors.application_for_viewer(viewer=request.user, pk=pk)
        options = form_options(request.user, application) if form_options else {}
        return act_on_form(
            request,
            form_class(request.POST, **options),
            lambda data: act(actor=request.user, application=application, **data),
            success_url=application.get_absolute_url() + "#mobility",
            done=done,
            invalid=invalid,
        )

    return view


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


mobility_edit = _mobility_view(
    MobilityRecordForm,
    lambda *, actor, application, **data: mobility_services.mobility_update(
        actor=actor, application=application, data=data
    ),
    _("The mobility record was saved."),
)
mobility_feedback = _mobility_view(
    FeedbackForm,
    mobility_services.mobility_feedback,
    _("Thank you for your feedback."),
    invalid=_("Choose a rating from 1 to 5."),
)
mobility_award_badges = _mobility_view(
    BadgeAwardForm,
    mobility_services.mobility_award_badges,
    lambda awarded: _("%(count)s badges awarded to the passport.") % {"count": len(awarded)},
    invalid=_("Choose the badges to award."),
    form_options=lambda user, application: {"badges": awardable_badges(user, application)},
)
mobility_recognise = _mobility_view(
    RecognitionForm,
    mobility_services.mobility_recognise,
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
