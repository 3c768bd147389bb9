"""The badge catalogue, a badge's page, creating and editing badges, goals, endorsements."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import fragments
from core.errors import DomainError
from core.search.lists import list_search
from core.views import act_on_form
from partners import rules as partner_rules
from partners.models import Organisation

from .. import rules, selectors
from ..forms import BadgeForm, CatalogueFilterForm, CodeForm, EndorseForm
from ..models import Badge, ClaimCode, Goal
from ..services import badges as badge_services
from ..services import passport as passport_services


def catalogue(request):
    form = CatalogueFilterForm(request.GET or None)
    search = list_search(request, form, lambda filters: selectors.catalogue(filters=filters))
    number = request.GET.get("page")
    goals = set()
    if request.user.is_authenticated:
        goals = set(Goal.objects.filter(user=request.user).values_list("badge__family", flat=True))
    context = {
        "form": form,
        # Lazy: a kept fragment of the catalogue does not count holders again.
        "search": search,
        "page": SimpleLazyObject(lambda: Paginator(search.rows, 24).get_page(number)),
        "goals": goals,
        "can_create": bool(partner_rules.organisations_with_role(request.user, "coordinator"))
        or partner_rules.is_staff(request.user),
        # The reader's goals are marked in the list: readers with the same goals (most
        # have none) share a fragment.
        **fragments.context(request, more=sorted(map(str, goals)), form=form),
    }
    return render(request, "passport/catalogue.html", context)


def badge_detail(request, pk):
    badge = selectors.badge_for_page(pk)
    user = request.user
    can_award = rules.can_award(user, badge)
    endorsing = rules.endorsing_organisations(user, badge) if user.is_authenticated else []
    context = {
        "badge": badge,
        "holders": selectors.holder_count(badge),
        "current": badge
        if badge.is_current
        else Badge.objects.filter(family=badge.family, is_current=True).first(),
        "is_goal": user.is_authenticated
        and Goal.objects.filter(user=user, badge__family=badge.family).exists(),
        "can_manage": rules.can_manage_badges(user, badge.issuer_id),
        "can_award": can_award,
        "endorse_form": EndorseForm(organisations=endorsing) if endorsing else None,
        "codes": ClaimCode.objects.filter(badge__family=badge.family).order_by("-created_at")
        if can_award
        else [],
        "code_form": CodeForm() if can_award else None,
    }
    return render(request, "passport/badge_detail.html", context)


def _badge_page(request, form, save, *, badge=None):
    """Show the badge ``form`` (for a new badge without ``badge``); a valid post gives its
    data and sectors to ``save`` and goes to the saved badge."""
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("issuer", None)
        sectors = data.pop("sectors", [])
        if data.get("image") is False:
            data["image"] = ""
        elif data.get("image") is None:
            data.pop("image")
        try:
            saved = save(data=data, sectors=sectors)
        # The model's own checks (the image's size and content) come back as field errors.
        except (DomainError, ValidationError) as error:
            form.add_error(None, getattr(error, "message", None) or error.messages)
        else:
            messages.success(request, _saved_message(badge, saved))
            return redirect(saved.get_absolute_url())
    return render(request, "passport/badge_form.html", {"form": form, "badge": badge})


@login_required
def badge_create(request):
    issuers = partner_rules.organisations_with_role(request.user, "coordinator")
    if partner_rules.is_staff(request.user):
        issuers = list(Organisation.objects.active().values_list("pk", flat=True))
    if not issuers:
        raise Http404
    form = BadgeForm(request.POST or None, request.FILES or None, issuers=issuers)
    return _badge_page(
        request,
        form,
        lambda **given: badge_services.badge_create(
            actor=request.user, issuer=form.cleaned_data["issuer"], **given
        ),
    )


def _saved_message(badge, saved) -> str:
    if badge is None:
        return _("The badge was created.")
    if saved.version != badge.version:
        return _(
            "Version %(version)s of the badge was made; badges already awarded keep their version."
        ) % {"version": saved.version}
    return _("The badge was saved.")


@login_required
def badge_edit(request, pk):
    badge = selectors.badge_for_page(pk)
    if not rules.can_manage_badges(request.user, badge.issuer_id):
        raise Http404
    form = BadgeForm(request.POST or None, request.FILES or None, instance=badge)
    save = partial(badge_services.badge_update, actor=request.user, badge=badge)
    return _badge_page(request, form, save, badge=badge)


@login_required
@require_POST
def goal_toggle(request, pk):
    badge = get_object_or_404(Badge, pk=pk)
    if Goal.objects.filter(user=request.user, badge__family=badge.family).exists():
        passport_services.goal_remove(actor=request.user, badge=badge)
        messages.success(request, _("The badge was removed from your goals."))
    else:
        passport_services.goal_add(actor=request.user, badge=badge)
        messages.success(request, _("The badge is now one of your goals."))
    return redirect(request.POST.get("next") or badge.get_absolute_url())


@login_required
@require_POST
def endorse(request, pk):
    badge = selectors.badge_for_page(pk)
    organisations = rules.endorsing_organisations(request.user, badge)
    if not organisations:
        raise Http404
    return act_on_form(
        request,
        EndorseForm(request.POST, organisations=organisations),
        lambda data: badge_services.badge_endorse(actor=request.user, badge=badge, **data),
        success_url=badge.get_absolute_url(),
        done=_("Thank you for endorsing the badge."),
        invalid=_("Write why your organisation endorses the badge."),
    )
