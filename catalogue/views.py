from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, Q, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import fragments
from core.errors import DomainError
from core.pages import edit_page, paged
from core.search.lists import list_search
from core.uploads import download
from core.views import act_and_redirect, acting_for

from . import rules, selectors, services
from .forms import (
    AnswerForm,
    EnquiryForm,
    MaterialFilterForm,
    MaterialForm,
    ReplyForm,
    ServiceFilterForm,
    ServiceForm,
)
from .models import Enquiry, Material, Service


def service_list(request):
    form = ServiceFilterForm(request.GET or None)
    search = list_search(request, form, lambda filters: selectors.service_search(filters=filters))
    return render(
        request,
        "catalogue/service_list.html",
        {
            "form": form,
            "search": search,
            # The rows are drawn kept, by their keys (``{% kept_rows %}``).
            **paged(request, search.keys, 20),
            "can_manage": bool(rules.managed_providers(request.user)),
            **fragments.context(request, form=form),
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
                enquiry, created = services.enquiry_send(
                    actor=request.user,
                    service=service,
                    question=form.cleaned_data["question"],
                    submission_key=form.cleaned_data["submission_key"],
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                if created:
                    messages.success(request, _("Your question was sent to the advisor."))
                else:
                    messages.info(
                        request,
                        _("You already sent this question; here is your enquiry."),
                    )
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
        raise Http404
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
        raise Http404
    if service and service.provider_id not in providers:
        providers = [*providers, service.provider_id]
    return edit_page(
        request,
        ServiceForm(request.POST or None, instance=service, providers=providers),
        lambda data: services.service_save(actor=request.user, service=service, data=data),
        template="catalogue/service_form.html",
        context={"service": service},
        done=_("The training service was saved."),
    )


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
        Enquiry.objects.select_related("service", "asked_by", "answered_by").prefetch_related(
            "replies__author"
        ),
        pk=pk,
    )
    if not rules.can_view_enquiry(request.user, enquiry):
        raise Http404
    return edit_page(
        request,
        AnswerForm(request.POST or None),
        lambda data: services.enquiry_answer(
            actor=request.user, enquiry=enquiry, answer=data["answer"]
        ),
        template="catalogue/enquiry_detail.html",
        context={
            "enquiry": enquiry,
            "can_answer": rules.can_answer(request.user, enquiry),
            "can_reply": rules.can_reply(request.user, enquiry),
            "reply_form": ReplyForm(),
        },
        done=_("Your answer was sent."),
        success_url=reverse("catalogue:enquiry_detail", kwargs={"pk": enquiry.pk}),
    )


@login_required
@require_POST
def enquiry_reply(request, pk):
    enquiry = get_object_or_404(Enquiry.objects.select_related("service"), pk=pk)
    if not rules.can_view_enquiry(request.user, enquiry):
        raise Http404
    form = ReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write your reply."))
        return redirect("catalogue:enquiry_detail", pk=enquiry.pk)
    return act_and_redirect(
        request,
        lambda: services.enquiry_reply(
            actor=request.user, enquiry=enquiry, body=form.cleaned_data["body"]
        ),
        done=_("Your reply was sent to the advisor."),
        success_url=reverse("catalogue:enquiry_detail", kwargs={"pk": enquiry.pk}),
    )


@login_required
@require_POST
def enquiry_close(request, pk):
    enquiry = get_object_or_404(Enquiry.objects.select_related("service"), pk=pk)
    if not rules.can_view_enquiry(request.user, enquiry):
        raise Http404
    return act_and_redirect(
        request,
        lambda: services.enquiry_close(actor=request.user, enquiry=enquiry),
        success_url=reverse("catalogue:enquiry_detail", kwargs={"pk": pk}),
    )


def material_list(request):
    form = MaterialFilterForm(request.GET or None)
    search = list_search(
        request,
        form,
        lambda filters: selectors.material_search(viewer=request.user, filters=filters),
    )
    return render(
        request,
        "catalogue/material_list.html",
        {
            "form": form,
            "search": search,
            **paged(request, search.rows, 20),
            "can_add": bool(rules.material_organisations(request.user)),
        },
    )


def _material(pk) -> Material:
    return get_object_or_404(
        Material.objects.select_related("organisation", "sector", "uploaded_by").prefetch_related(
            "topics"
        ),
        pk=pk,
    )


def _refusal(request, material):
    """Members-only material: anonymous readers log in first; others are told nothing."""
    if rules.can_see_material(request.user, material):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404


def material_detail(request, pk):
    material = _material(pk)
    if refusal := _refusal(request, material):
        return refusal
    return render(
        request,
        "catalogue/material_detail.html",
        {"material": material, "can_edit": rules.can_edit_material(request.user, material)},
    )


def material_download(request, pk):
    """Count the download, then hand out the file or send the reader to the link."""
    material = _material(pk)
    if refusal := _refusal(request, material):
        return refusal
    Material.objects.filter(pk=material.pk).update(downloads=F("downloads") + 1)
    if material.is_link:
        return redirect(material.url)
    return download(material.file, filename=material.file.name.rsplit("/", 1)[-1])


@login_required
def material_form(request, pk=None):
    material = get_object_or_404(Material, pk=pk) if pk else None
    organisations = acting_for(
        rules.material_organisations(request.user),
        material,
        may_edit=lambda material: rules.can_edit_material(request.user, material),
        owner="organisation_id",
    )
    form = MaterialForm(
        request.POST or None, request.FILES or None, instance=material, organisations=organisations
    )
    return edit_page(
        request,
        form,
        lambda data: services.material_save(actor=request.user, material=material, data=data),
        template="catalogue/material_form.html",
        context={"material": material},
        done=_("The material was saved."),
    )


@login_required
@require_POST
def material_delete(request, pk):
    material = get_object_or_404(Material, pk=pk)
    if not rules.can_edit_material(request.user, material):
        raise Http404
    return act_and_redirect(
        request,
        lambda: services.material_delete(actor=request.user, material=material),
        done=_("The material was removed from the library."),
        success_url=reverse("catalogue:material_list"),
    )
