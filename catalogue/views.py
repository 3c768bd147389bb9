from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Case, Count, Q, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network_portal.errors import DomainError
from partners.audit import log_action

from . import rules, services
from .forms import AnswerForm, EnquiryForm, ServiceFilterForm, ServiceForm
from .models import Enquiry, Service


def service_list(request):
    form = ServiceFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    services_ = Service.objects.filter(is_active=True)
    if filters.get("q"):
        services_ = services_.filter(
            Q(title__icontains=filters["q"]) | Q(description__icontains=filters["q"])
        )
    if filters.get("need"):
        services_ = services_.filter(needs=filters["need"])
    if filters.get("sector"):
        services_ = services_.filter(sector=filters["sector"])
    if filters.get("language"):
        services_ = services_.filter(language=filters["language"])
    if filters.get("form"):
        services_ = services_.filter(form=filters["form"])
    services_ = (
        services_.select_related("provider", "sector")
        .prefetch_related("needs")
        .order_by("title", "pk")
    )
    page = Paginator(services_, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "catalogue/service_list.html",
        {
            "form": form,
            "page": page,
            "query_string": query.urlencode(),
            "can_manage": bool(rules.managed_providers(request.user)),
        },
    )


def service_detail(request, pk):
    service = get_object_or_404(
        Service.objects.select_related("provider", "sector", "advisor").prefetch_related("needs"),
        pk=pk,
    )
    can_manage = rules.can_manage_service(request.user, service.provider_id)
    if not service.is_active and not can_manage:
        raise Http404
    form = EnquiryForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if form.is_valid():
            try:
                enquiry = services.enquiry_send(
                    actor=request.user, service=service, question=form.cleaned_data["question"]
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your question was sent to the advisor."))
                return redirect("catalogue:enquiry_detail", pk=enquiry.pk)
    return render(
        request,
        "catalogue/service_detail.html",
        {"service": service, "form": form, "can_manage": can_manage},
    )


@login_required
def service_manage(request):
    providers = rules.managed_providers(request.user)
    if not providers:
        raise PermissionDenied
    services_ = (
        Service.objects.filter(provider__in=providers)
        .select_related("provider", "advisor")
        .annotate(open_enquiries=Count("enquiries", filter=Q(enquiries__status=Enquiry.Status.NEW)))
        .order_by("provider__name", "title", "pk")
    )
    page = Paginator(services_, 50).get_page(request.GET.get("page"))
    return render(request, "catalogue/service_manage.html", {"page": page})


@login_required
def service_form(request, pk=None):
    service = get_object_or_404(Service, pk=pk) if pk else None
    providers = rules.managed_providers(request.user)
    if not providers or (
        service and not rules.can_manage_service(request.user, service.provider_id)
    ):
        raise PermissionDenied
    if service and service.provider_id not in providers:
        providers = [*providers, service.provider_id]
    form = ServiceForm(request.POST or None, instance=service, providers=providers)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
            log_action(
                actor=request.user,
                action="catalogue.service.updated" if service else "catalogue.service.created",
                target=saved,
                organisation=saved.provider,
            )
        messages.success(request, _("The training service was saved."))
        return redirect(saved.get_absolute_url())
    return render(request, "catalogue/service_form.html", {"form": form, "service": service})


@login_required
def enquiries(request):
    """The enquiries the user sent, and those their services received (new ones first)."""
    mine = Enquiry.objects.filter(asked_by=request.user)
    providers = rules.partner_rules.organisations_with_role(request.user, *rules.STAFF_ROLES)
    to_answer = (
        Enquiry.objects.filter(
            Q(service__advisor=request.user) | Q(service__provider_id__in=providers)
        )
        .exclude(asked_by=request.user)
        .select_related("service", "asked_by", "company")
        .order_by(Case(When(status=Enquiry.Status.NEW, then=0), default=1), "-created_at", "-pk")
    )
    return render(
        request,
        "catalogue/enquiries.html",
        {
            "mine": mine.select_related("service").order_by("-created_at", "-pk"),
            "page": Paginator(to_answer, 30).get_page(request.GET.get("page")),
        },
    )


@login_required
def enquiry_detail(request, pk):
    enquiry = get_object_or_404(
        Enquiry.objects.select_related("service", "asked_by", "answered_by"), pk=pk
    )
    if not rules.can_view_enquiry(request.user, enquiry):
        raise Http404
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.enquiry_answer(
                actor=request.user, enquiry=enquiry, answer=form.cleaned_data["answer"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your answer was sent."))
            return redirect("catalogue:enquiry_detail", pk=enquiry.pk)
    return render(
        request,
        "catalogue/enquiry_detail.html",
        {"enquiry": enquiry, "form": form, "can_answer": rules.can_answer(request.user, enquiry)},
    )


@login_required
@require_POST
def enquiry_close(request, pk):
    enquiry = get_object_or_404(Enquiry, pk=pk)
    try:
        services.enquiry_close(actor=request.user, enquiry=enquiry)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("catalogue:enquiry_detail", pk=pk)
