from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import fragments
from core.errors import DomainError
from partners import rules as partner_rules
from partners.models import Organisation

from . import pdf, period, rules, selectors
from .errors import AlreadyApplied
from .forms import (
    AgreementForm,
    ApplicationForm,
    BadgeAwardForm,
    CommentForm,
    FeedbackForm,
    HostLinkForm,
    LinkSignatureForm,
    MobilityRecordForm,
    OfferFilterForm,
    OfferForm,
    QueueFilterForm,
    RecognitionForm,
    SavedSearchForm,
    TransitionForm,
)
from .models import Application, CalendarFeed, LearningAgreement, PlacementOffer, SavedSearch
from .services import agreements as agreement_services
from .services import applications as application_services
from .services import mobility as mobility_services
from .services import offers as offer_services
from .services import searches as search_services
from .services.common import queue_names
from .workflow import TRANSITIONS, available

PAGE_SIZE = 20


def _query_string(request, drop=("page",)):
    query = request.GET.copy()
    for key in drop:
        query.pop(key, None)
    return query.urlencode()


# --- Offers --------------------------------------------------------------------------


def offer_list(request):
    form = OfferFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    matching = selectors.offer_search(filters=filters)
    rows = selectors.offer_rows(matching)
    number = request.GET.get("page")
    context = {
        "form": form,
        # Lazy: a kept fragment of the list needs neither.
        "page": SimpleLazyObject(lambda: Paginator(rows, PAGE_SIZE).get_page(number)),
        "country_counts": SimpleLazyObject(lambda: selectors.offer_country_counts(matching)),
        "query_string": _query_string(request),
        "can_save_search": request.user.is_authenticated,
        "saved_search_form": SavedSearchForm(),
        **fragments.context(request, "offers", "partners"),
    }
    template = "exchanges/offer_list.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)


def offer_detail(request, pk):
    offer = selectors.offer_for_viewer(viewer=request.user, pk=pk)
    context = {
        "offer": offer,
        "can_manage": rules.can_manage_offer(request.user, offer),
        "can_review": offer.status == PlacementOffer.Status.REVIEW
        and rules.can_review_offers(request.user),
        "actions": _offer_actions(request.user, offer),
    }
    mine = selectors.own_application(viewer=request.user, offer=offer)
    context["my_application"] = mine
    context["can_apply"] = mine is None and offer.is_open and rules.can_apply(request.user)
    return render(request, "exchanges/offer_detail.html", context)


def _offer_actions(user, offer):
    if not rules.can_manage_offer(user, offer):
        return []
    labels = {
        "submit": _("Publish"),
        "close": _("Close applications"),
        "reopen": _("Open applications again"),
        "archive": _("Archive"),
    }
    return [
        (action, label)
        for action, label in labels.items()
        if offer.status in offer_services.OFFER_TRANSITIONS[action][0]
    ]


@login_required
def offer_create(request):
    hosts = rules.hosts_for(request.user)
    if partner_rules.is_staff(request.user):
        hosts = list(Organisation.objects.active().values_list("pk", flat=True))
    if not hosts:
        raise Http404
    form = OfferForm(request.POST or None, hosts=hosts)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        host = data.pop("host")
        try:
            offer = offer_services.offer_create(actor=request.user, host=host, data=data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The offer was saved as a draft. Publish it when ready."))
            return redirect(offer.get_absolute_url())
    return render(request, "exchanges/offer_form.html", {"form": form, "offer": None})


@login_required
def offer_edit(request, pk):
    offer = selectors.offer_for_viewer(viewer=request.user, pk=pk)
    if not rules.can_manage_offer(request.user, offer):
        raise Http404
    form = OfferForm(request.POST or None, instance=offer)
    if request.method == "POST" and form.is_valid():
        try:
            offer_services.offer_update(actor=request.user, offer=offer, data=form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The offer was saved."))
            return redirect(offer.get_absolute_url())
    return render(request, "exchanges/offer_form.html", {"form": form, "offer": offer})


@login_required
@require_POST
def offer_action(request, pk, action):
    offer = selectors.offer_for_viewer(viewer=request.user, pk=pk)
    try:
        offer = offer_services.offer_transition(
            actor=request.user, offer=offer, action=action, comment=request.POST.get("comment", "")
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if offer.status == PlacementOffer.Status.REVIEW:
            messages.success(
                request,
                _("The offer waits for a network coordinator's review before it is published."),
            )
        else:
            messages.success(
                request,
                _("The offer is now “%(status)s”.") % {"status": offer.get_status_display()},
            )
    return redirect(offer.get_absolute_url())


@login_required
def my_offers(request):
    offers = selectors.offers_managed_by(request.user).order_by("status", "-created_at")
    review = selectors.offers_waiting_for_review() if rules.can_review_offers(request.user) else []
    if (
        not rules.hosts_for(request.user)
        and not partner_rules.is_staff(request.user)
        and not review
    ):
        raise Http404
    return render(
        request,
        "exchanges/my_offers.html",
        {"offers": offers, "review": review, "can_post": bool(rules.hosts_for(request.user))},
    )


# --- Applications --------------------------------------------------------------------


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
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        home, host, attachment = data.pop("home"), data.pop("host", None), data.pop("attachment")
        try:
            with transaction.atomic():
                application = application_services.application_create(
                    actor=request.user, kind=kind, home=home, offer=offer, host=host, data=data
                )
                if attachment:
                    application_services.attachment_add(
                        actor=request.user, application=application, file=attachment
                    )
        except AlreadyApplied as error:
            messages.info(request, error.message)
            return redirect(error.application.get_absolute_url())
        except DomainError as error:
            form.add_error(None, error.message)
        except ValidationError as error:
            form.add_error("attachment", error.messages)
        else:
            messages.success(
                request, _("Your application was saved as a draft. Submit it when it is ready.")
            )
            return redirect(application.get_absolute_url())
    return render(request, "exchanges/application_form.html", {"form": form, "offer": offer})


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
    form = ApplicationForm(request.POST or None, request.FILES or None, instance=application)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        attachment = data.pop("attachment")
        try:
            with transaction.atomic():
                application_services.application_update(
                    actor=request.user, application=application, data=data
                )
                if attachment:
                    application_services.attachment_add(
                        actor=request.user, application=application, file=attachment
                    )
        except DomainError as error:
            form.add_error(None, error.message)
        except ValidationError as error:
            form.add_error("attachment", error.messages)
        else:
            messages.success(request, _("Your application was saved."))
            return redirect(application.get_absolute_url())
    return render(
        request,
        "exchanges/application_form.html",
        {"form": form, "offer": application.offer, "application": application},
    )


@login_required
def application_detail(request, pk):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    parties = rules.parties(request.user, application)
    page = selectors.application_page(viewer=request.user, application=application)
    agreement = page["agreement"]
    signed_parties = {s.party for s in agreement.signatures.all()} if agreement else set()
    sign_as = []
    if agreement and application.status in agreement_services.OPEN_STATES:
        party_roles = {
            LearningAgreement.Party.STUDENT: rules.APPLICANT,
            LearningAgreement.Party.HOME: rules.HOME,
            LearningAgreement.Party.HOST: rules.HOST,
        }
        sign_as = [
            (party, label)
            for party, label in LearningAgreement.Party.choices
            if party not in signed_parties and party_roles[party] in parties
        ]
    context = {
        "application": application,
        "parties": parties,
        "transitions": available(application, parties),
        "today": period.today(),
        "arrival_opens_on": application.start_date
        if application.status == Application.Status.AGREEMENT_SIGNED
        and parties & {rules.HOME, rules.HOST}
        and not period.arrival_open(application)
        else None,
        "no_agreement_flag": rules.HOME in parties
        and application.pk in selectors.applications_without_agreement([application]),
        "overlaps": list(application_services.overlapping(application).select_related("host"))
        if rules.HOME in parties or rules.APPLICANT in parties
        else [],
        "comment_form": CommentForm(),
        "can_edit": rules.APPLICANT in parties
        and application.status in (Application.Status.DRAFT, Application.Status.RETURNED),
        "can_write_agreement": bool(parties & {rules.HOME, rules.HOST})
        and application.status in agreement_services.OPEN_STATES,
        "can_see_staff_comments": rules.can_see_staff_comments(request.user, application),
        "sign_as": sign_as,
        "signed_parties": signed_parties,
        "host_link_form": HostLinkForm(),
        "mobility_form": MobilityRecordForm(instance=getattr(application, "mobility", None))
        if parties & {rules.HOME, rules.HOST}
        and application.status in (Application.Status.IN_PROGRESS, Application.Status.COMPLETED)
        else None,
        "feedback_form": FeedbackForm()
        if application.status in (Application.Status.COMPLETED, Application.Status.RECOGNISED)
        and parties & {rules.APPLICANT, rules.HOST}
        else None,
        "badge_form": BadgeAwardForm(badges=_awardable_badges(request.user, application))
        if rules.HOME in parties
        and application.status in (Application.Status.COMPLETED, Application.Status.RECOGNISED)
        else None,
        "recognition_form": RecognitionForm()
        if rules.HOME in parties and application.status == Application.Status.COMPLETED
        else None,
        **page,
    }
    return render(request, "exchanges/application_detail.html", context)


@login_required
@require_POST
def application_action(request, pk, action):
    application = selectors.application_for_action(viewer=request.user, pk=pk)
    if action not in TRANSITIONS:
        raise Http404
    form = TransitionForm(request.POST)
    form.is_valid()
    try:
        application = application_services.application_transition(
            actor=request.user,
            application=application,
            action=action,
            comment=form.cleaned_data.get("comment", ""),
            on=form.cleaned_data.get("on"),
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The application is now “%(status)s”.")
            % {"status": application.get_status_display()},
        )
    return redirect(application.get_absolute_url())


@login_required
@require_POST
def application_comment(request, pk):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            application_services.application_comment(
                actor=request.user, application=application, **form.cleaned_data
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your comment was added."))
    else:
        messages.error(request, _("The comment is empty."))
    return redirect(application.get_absolute_url() + "#comments")


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
    else:
        try:
            application_services.application_rank(
                actor=request.user, application=application, **{field: value}
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The ranking was saved."))
    return redirect(application.get_absolute_url())


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
@require_POST
def application_allow_overlap(request, pk):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    try:
        application_services.application_allow_overlap(actor=request.user, application=application)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The overlapping period is allowed for this application."))
    return redirect(application.get_absolute_url())


#: Where a new calendar address waits to be shown once, on the next page.
_NEW_CALENDAR_URL = "exchanges:new_calendar_url"


@login_required
def my_applications(request):
    return render(
        request,
        "exchanges/my_applications.html",
        {
            "applications": selectors.my_applications(user=request.user),
            "can_apply": rules.can_apply(request.user),
            "has_feed": CalendarFeed.objects.filter(user=request.user).exists(),
            "new_feed_url": request.session.pop(_NEW_CALENDAR_URL, ""),
            "saved_searches": SavedSearch.objects.filter(user=request.user),
        },
    )


@login_required
def coordinator_queue(request):
    homes = rules.coordinated_organisations(request.user)
    hosts = rules.hosts_for(request.user)
    everything = partner_rules.is_staff(request.user)
    if not (homes or hosts or everything):
        raise Http404
    form = QueueFilterForm(request.GET or None)
    queryset = selectors.coordinator_queue(viewer=request.user, filters=form.filters())
    number = request.GET.get("page")

    def listing():
        page = Paginator(queryset, 50).get_page(number)
        rows = list(page.object_list)
        return {
            "page": page,
            "rows": rows,
            "without_agreement": selectors.applications_without_agreement(rows),
        }

    names = queue_names(homes=homes, hosts=hosts, everything=everything)
    context = {
        "form": form,
        # Lazy: the queue is kept rendered until one of its applications changes, and
        # coordinators of the same schools share it.
        "listing": SimpleLazyObject(listing),
        "query_string": _query_string(request),
        **fragments.context(request, *names, more=(everything, sorted(homes), sorted(hosts))),
    }
    return render(request, "exchanges/coordinator_queue.html", context)


@login_required
@require_POST
def coordinator_bulk(request):
    action = request.POST.get("action")
    if action not in ("approve", "return"):
        messages.error(request, _("Choose what to do with the selected applications."))
        return redirect("exchanges:queue")
    ids = request.POST.getlist("selected")
    done, failed = 0, []
    for application in Application.objects.filter(pk__in=ids).select_related("applicant"):
        try:
            application_services.application_transition(
                actor=request.user,
                application=application,
                action=action,
                comment=request.POST.get("comment", ""),
            )
            done += 1
        except DomainError as error:
            failed.append(f"{application.applicant.full_name}: {error.message}")
    if done:
        messages.success(request, _("%(count)s applications updated.") % {"count": done})
    for problem in failed:
        messages.error(request, problem)
    if not ids:
        messages.error(request, _("Select at least one application."))
    return redirect(reverse("exchanges:queue") + "?" + request.POST.get("query", ""))


# --- Learning agreement --------------------------------------------------------------


@login_required
def agreement_edit(request, pk):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    if not (rules.parties(request.user, application) & {rules.HOME, rules.HOST}):
        raise PermissionDenied
    current = agreement_services.current_agreement(application)
    initial = None
    if current is None and application.offer_id:
        initial = {
            "learning_outcomes": application.offer.learning_outcomes,
            "tasks": application.offer.tasks,
            "instructor": application.offer.instructor,
        }
    form = AgreementForm(request.POST or None, instance=current, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            agreement = agreement_services.agreement_save(
                actor=request.user, application=application, data=form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Version %(version)s of the learning agreement was saved.")
                % {"version": agreement.version},
            )
            return redirect(application.get_absolute_url() + "#agreement")
    return render(
        request,
        "exchanges/agreement_form.html",
        {"form": form, "application": application, "current": current},
    )


@login_required
@require_POST
def agreement_sign(request, pk, party):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    agreement = agreement_services.current_agreement(application)
    if agreement is None or party not in LearningAgreement.Party.values:
        raise Http404
    try:
        agreement_services.agreement_sign(actor=request.user, agreement=agreement, party=party)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You signed the learning agreement."))
    return redirect(application.get_absolute_url() + "#agreement")


@login_required
@require_POST
def agreement_send_link(request, pk):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    agreement = agreement_services.current_agreement(application)
    form = HostLinkForm(request.POST)
    if agreement is None:
        raise Http404
    if not form.is_valid():
        messages.error(request, _("Enter a valid e-mail address."))
    else:
        try:
            agreement_services.agreement_send_host_link(
                actor=request.user, agreement=agreement, email=form.cleaned_data["email"]
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("A signing link was sent to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
    return redirect(application.get_absolute_url() + "#agreement")


def agreement_sign_link(request, token):
    """The host signs here without an account."""
    try:
        agreement = agreement_services.agreement_from_token(token)
    except DomainError as error:
        return render(
            request, "exchanges/agreement_sign_link.html", {"error": error.message}, status=410
        )
    if agreement.host_link_used_at is not None or (
        agreement.signatures.filter(party=LearningAgreement.Party.HOST).exists()
    ):
        # A used link shows nothing of the agreement: whoever holds it now may not be the host.
        return render(request, "exchanges/agreement_sign_link.html", {"used": True}, status=410)
    form = LinkSignatureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agreement_services.agreement_sign_with_link(
                token=token, signer_name=form.cleaned_data["name"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return render(request, "exchanges/agreement_sign_link.html", {"signed": True})
    return render(
        request,
        "exchanges/agreement_sign_link.html",
        {"agreement": agreement, "application": agreement.application, "form": form},
    )


@login_required
def agreement_pdf(request, pk, version=None):
    application = selectors.application_for_viewer(viewer=request.user, pk=pk)
    agreements = selectors.agreement_versions(application).prefetch_related("signatures")
    agreement = agreements.filter(version=version).first() if version else agreements.first()
    if agreement is None:
        raise Http404
    response = HttpResponse(
        pdf.learning_agreement(agreement, language=request.LANGUAGE_CODE),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="learning-agreement-{application.pk}-v{agreement.version}.pdf"'
    )
    return response


# --- The period ----------------------------------------------------------------------


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
            request.POST, badges=_awardable_badges(request.user, application)
        ),
        lambda application, data: mobility_services.mobility_award_badges(
            actor=request.user, application=application, badges=data["badges"]
        ),
        lambda awarded: _("%(count)s badges awarded to the passport.") % {"count": len(awarded)},
        invalid=_("Choose the badges to award."),
    )


def _awardable_badges(user, application):
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
    response = HttpResponse(
        pdf.mobility_certificate(application, language=request.LANGUAGE_CODE),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="mobility-{application.pk}.pdf"'
    return response


# --- Saved searches and the calendar -------------------------------------------------


@login_required
@require_POST
def saved_search_create(request):
    filters = OfferFilterForm(request.POST)
    name_form = SavedSearchForm(request.POST)
    if name_form.is_valid():
        search, created = search_services.saved_search_create(
            user=request.user, name=name_form.cleaned_data["name"], query=filters.query()
        )
        if created:
            messages.success(
                request, _("Saved. You will get an e-mail when new offers match this search.")
            )
        else:
            messages.info(
                request,
                _("You have already saved this search as “%(name)s”.") % {"name": search.name},
            )
    else:
        messages.error(request, _("Give the search a name."))
    return redirect(reverse("exchanges:offer_list") + "?" + request.POST.get("query_string", ""))


@login_required
@require_POST
def saved_search_delete(request, pk):
    search = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    search_services.saved_search_delete(user=request.user, search=search)
    messages.success(request, _("The saved search was deleted."))
    return redirect("exchanges:my_applications")


@login_required
@require_POST
def calendar_reset(request):
    renewed = CalendarFeed.objects.filter(user=request.user).exists()
    token = search_services.calendar_feed_renew(user=request.user)
    request.session[_NEW_CALENDAR_URL] = request.build_absolute_uri(
        reverse("exchanges_calendar_feed", args=[token])
    )
    if renewed:
        messages.success(
            request, _("Your calendar address was renewed; the old one no longer works.")
        )
    return redirect("exchanges:my_applications")


def calendar_feed(request, token):
    from . import calendar

    feed = search_services.calendar_feed_by_token(token)
    if feed is None or not feed.user.is_active:
        raise Http404
    response = HttpResponse(
        calendar.feed_for(feed.user), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="exchanges.ics"'
    return response


# --- Allocation round ----------------------------------------------------------------


@login_required
def allocation(request):
    from .services import allocation as allocation_services

    managed = (
        selectors.offers_managed_by(request.user)
        .filter(
            status__in=[PlacementOffer.Status.PUBLISHED, PlacementOffer.Status.CLOSED],
            applications__status=Application.Status.APPROVED,
        )
        .distinct()
    )
    if not rules.hosts_for(request.user) and not partner_rules.is_staff(request.user):
        raise Http404
    chosen_ids = [
        int(pk)
        for pk in request.POST.getlist("offers") or request.GET.getlist("offers")
        if pk.isdigit()
    ]
    chosen = [offer for offer in managed if offer.pk in chosen_ids]
    proposals = []
    if chosen:
        proposals = allocation_services.allocation_preview(actor=request.user, offers=chosen)
    if request.method == "POST" and chosen:
        expected = {int(pk) for pk in request.POST.getlist("expected") if pk.isdigit()}
        try:
            count = allocation_services.allocation_apply(
                actor=request.user, offers=chosen, expected=expected
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("%(count)s applications accepted.") % {"count": count})
            return redirect("exchanges:allocation")
    return render(
        request,
        "exchanges/allocation.html",
        {"offers": managed, "chosen": chosen, "proposals": proposals},
    )
