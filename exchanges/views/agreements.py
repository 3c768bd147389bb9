"""Partnership agreements and learning agreements: writing, signing, the PDF."""

from functools import partial

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.views import act_and_redirect, act_on_form, save_or_show_again
from partners import rules as partner_rules

from .. import pdf, rules, selectors
from ..forms import AgreementForm, HostLinkForm, LinkSignatureForm
from ..models import LearningAgreement
from ..services import agreements as agreement_services
from .common import pdf_response


@login_required
def partnership_agreements(request):
    organisations = rules.coordinated_organisations(request.user)
    if not organisations and not partner_rules.is_staff(request.user):
        raise Http404
    return render(
        request,
        "exchanges/partnership_agreements.html",
        {"agreements": selectors.partnership_agreements_for(viewer=request.user)},
    )


@login_required
def agreement_edit(request, pk):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    if not (rules.parties(request.user, application) & {rules.HOME, rules.HOST}):
        raise PermissionDenied
    current = agreement_services.current_agreement(application)
    initial = None
    if current is None and application.offer_id:
        # A first version starts from what the offer says.
        fields = ("learning_outcomes", "tasks", "instructor")
        initial = {field: getattr(application.offer, field) for field in fields}
    form = AgreementForm(request.POST or None, instance=current, initial=initial)

    def show(form):
        context = {"form": form, "application": application, "current": current}
        return render(request, "exchanges/agreement_form.html", context)

    if request.method != "POST":
        return show(form)
    return save_or_show_again(
        request,
        form,
        lambda form: agreement_services.agreement_save(
            actor=request.user, application=application, data=form.cleaned_data
        ),
        done=lambda agreement: (
            _("Version %(version)s of the learning agreement was saved.")
            % {"version": agreement.version}
        ),
        show_again=show,
        success_url=application.get_absolute_url() + "#agreement",
    )


@login_required
@require_POST
def agreement_sign(request, pk, party):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    agreement = agreement_services.current_agreement(application)
    if agreement is None or party not in LearningAgreement.Party.values:
        raise Http404
    return act_and_redirect(
        request,
        lambda: agreement_services.agreement_sign(
            actor=request.user, agreement=agreement, party=party
        ),
        success_url=application.get_absolute_url() + "#agreement",
        done=_("You signed the learning agreement."),
    )


@login_required
@require_POST
def agreement_send_link(request, pk):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    agreement = agreement_services.current_agreement(application)
    form = HostLinkForm(request.POST)
    if agreement is None:
        raise Http404
    return act_on_form(
        request,
        form,
        lambda data: agreement_services.agreement_send_host_link(
            actor=request.user, agreement=agreement, email=data["email"]
        ),
        success_url=application.get_absolute_url() + "#agreement",
        done=lambda sent: (
            _("A signing link was sent to %(email)s.") % {"email": form.cleaned_data["email"]}
        ),
        invalid=_("Enter a valid e-mail address."),
    )


def agreement_sign_link(request, token):
    """The host signs here without an account."""
    page = partial(render, request, "exchanges/agreement_sign_link.html")
    try:
        agreement = agreement_services.agreement_from_token(token)
    except DomainError as error:
        return page({"error": error.message}, status=410)
    if agreement.host_link_used_at is not None or (
        agreement.signatures.filter(party=LearningAgreement.Party.HOST).exists()
    ):
        # A used link shows nothing of the agreement: whoever holds it now may not be the host.
        return page({"used": True}, status=410)
    form = LinkSignatureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agreement_services.agreement_sign_with_link(
                token=token, signer_name=form.cleaned_data["name"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return page({"signed": True})
    return page({"agreement": agreement, "application": agreement.application, "form": form})


@login_required
def agreement_pdf(request, pk, version=None):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    agreements = application.agreements.order_by("-version").prefetch_related("signatures")
    agreement = agreements.filter(version=version).first() if version else agreements.first()
    if agreement is None:
        raise Http404
    return pdf_response(
        pdf.learning_agreement(agreement, language=request.LANGUAGE_CODE),
        f"learning-agreement-{application.pk}-v{agreement.version}.pdf",
    )
