from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import fragments
from core.errors import DomainError
from core.pages import edit_page
from core.search.lists import counts, list_search
from core.views import act_and_redirect

from .. import rules, selectors, services
from ..forms import DirectoryFilterForm, InvitationForm, OrganisationForm
from ..models import Invitation, Membership

PAGE_SIZE = 20


def organisation_list(request):
    form = DirectoryFilterForm(request.GET or None)
    search = list_search(request, form, _directory, facets=("country",))
    number = request.GET.get("page")
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        # Lazy: a kept fragment of the list needs none of them.
        "search": search,
        "page": SimpleLazyObject(lambda: Paginator(search.keys, PAGE_SIZE).get_page(number)),
        "country_counts": SimpleLazyObject(lambda: selectors.country_counts(_countries(search))),
        "selected_country": search.filters.get("country") or "",
        "query_string": query.urlencode(),
        **fragments.context(request, form=form),
    }
    template = "partners/organisation_list.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)


def _countries(search):
    """Every country's count for the text that found the rows: of the rows found, or with
    a country chosen, of those the other filters find."""
    if not search.filters.get("country"):
        return search.counts("country")
    others = {**search.filters, "q": search.marked}
    return counts(selectors.organisation_directory(filters=others), "country")


def _directory(filters):
    return selectors.organisation_page_rows(
        selectors.organisation_directory(filters=filters), country=filters.get("country") or ""
    )


def organisation_detail(request, slug):
    organisation = selectors.organisation_for_viewer(viewer=request.user, slug=slug)
    context = {
        "organisation": organisation,
        "members": selectors.organisation_members(viewer=request.user, organisation=organisation),
        "can_view_members": rules.can_view_members(request.user, organisation),
        "can_manage": rules.can_manage_organisation(request.user, organisation),
        "visits": (
            list(organisation.visits.select_related("school")[:5])
            if organisation.is_company and rules.can_do_outreach(request.user)
            else None
        ),
    }
    return render(request, "partners/organisation_detail.html", context)


def _managed_organisation(request, slug):
    organisation = selectors.organisation_for_viewer(viewer=request.user, slug=slug)
    if not rules.can_manage_organisation(request.user, organisation):
        raise Http404
    return organisation


@login_required
def organisation_edit(request, slug):
    organisation = _managed_organisation(request, slug)

    def save(data):
        fields = {name: value for name, value in data.items() if name != "sectors"}
        if fields.get("logo") is False:  # the "clear" box was ticked
            fields["logo"] = ""
        return services.organisation_update(
            actor=request.user, organisation=organisation, data=fields, sectors=data["sectors"]
        )

    return edit_page(
        request,
        OrganisationForm(request.POST or None, request.FILES or None, instance=organisation),
        save,
        template="partners/organisation_form.html",
        context={"organisation": organisation},
        done=_("The organisation's details were saved."),
    )


@login_required
def organisation_members(request, slug):
    organisation = _managed_organisation(request, slug)
    roles = rules.invitable_roles(request.user, organisation)
    form = InvitationForm(request.POST or None, roles=roles)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                actor=request.user,
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("An invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("partners:organisation_members", slug=organisation.slug)
    context = {
        "organisation": organisation,
        "members": selectors.organisation_members(viewer=request.user, organisation=organisation),
        "invitations": selectors.pending_invitations(organisation=organisation),
        "invitation_days": settings.INVITATION_VALID_DAYS,
        "form": form,
    }
    return render(request, "partners/organisation_members.html", context)


def _members_page_action(request, slug, model, pk, action, done):
    """Run a manager's action on a row of the members page, then show the page again."""
    organisation = _managed_organisation(request, slug)
    row = get_object_or_404(model, pk=pk, organisation=organisation)
    return act_and_redirect(
        request,
        lambda: action(row),
        done=done,
        success_url=reverse("partners:organisation_members", kwargs={"slug": organisation.slug}),
    )


@login_required
@require_POST
def membership_remove(request, slug, pk):
    return _members_page_action(
        request,
        slug,
        Membership,
        pk,
        lambda membership: services.membership_delete(actor=request.user, membership=membership),
        _("The member was removed."),
    )


@login_required
@require_POST
def invitation_revoke(request, slug, pk):
    return _members_page_action(
        request,
        slug,
        Invitation,
        pk,
        lambda invitation: services.invitation_revoke(actor=request.user, invitation=invitation),
        _("The invitation was withdrawn."),
    )


def _accept(request, invitation):
    try:
        membership = services.invitation_accept(actor=request.user, invitation=invitation)
    except DomainError as error:
        messages.error(request, error.message)
        return None
    messages.success(
        request,
        _("Welcome! Your role at %(organisation)s: %(role)s.")
        % {"role": membership.get_role_display(), "organisation": membership.organisation.name},
    )
    return redirect(membership.organisation.get_absolute_url())


def invitation_accept(request, token):
    """The link in the invitation e-mail."""
    invitation = selectors.invitation_by_token(token)
    if request.method == "POST" and invitation is not None:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        response = _accept(request, invitation)
        if response is not None:
            return response
    return render(
        request,
        "partners/invitation_accept.html",
        {"invitation": invitation, "token": token},
        status=200 if invitation else 404,
    )


@login_required
@require_POST
def invitation_accept_waiting(request, pk):
    """Accept from the dashboard an invitation sent to one of the person's addresses."""
    invitation = get_object_or_404(selectors.invitations_sent_to(user=request.user), pk=pk)
    if invitation.state != Invitation.State.PENDING:
        messages.error(request, _("This invitation is no longer open."))
        return redirect("dashboard")
    return _accept(request, invitation) or redirect("dashboard")


@login_required
def organisation_audit(request, slug):
    organisation = _managed_organisation(request, slug)
    page = Paginator(selectors.audit_entries(organisation=organisation), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request, "partners/organisation_audit.html", {"organisation": organisation, "page": page}
    )
