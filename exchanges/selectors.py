"""Reads for exchange pages; each selector owns the joins its page needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_countries.fields import Country

from core.forms import countries_in_use
from core.search import filtered, ranked, text_search
from partners import rules as partner_rules
from partners.models import Organisation

from . import rules
from .models import (
    Application,
    ApplicationComment,
    ApplicationEvent,
    PartnershipAgreement,
    PlacementOffer,
    Signature,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

OS = PlacementOffer.Status


def offer_search(*, filters: dict) -> QuerySet[PlacementOffer]:
    """Published offers that still take applications, matching the filters."""
    queryset = PlacementOffer.objects.published().filter(deadline__gte=timezone.localdate())
    queryset = text_search(queryset, filters.get("q"))
    queryset = filtered(queryset, filters, country="country", sector="sector", form="form")
    if filters.get("language"):
        # A JSON list of codes; the quoted code matches one whole element.
        queryset = queryset.filter(languages__icontains=f'"{filters["language"]}"')
    # An offer with flexible dates matches any start.
    for name, lookup in (("starts_after", "gte"), ("starts_before", "lte")):
        if filters.get(name):
            bound = Q(**{f"start_date__{lookup}": filters[name]})
            queryset = queryset.filter(bound | Q(start_date__isnull=True))
    return queryset


def offer_countries() -> set[str]:
    """The countries of published offers, for the country filter (cached)."""
    return countries_in_use(
        PlacementOffer.objects.published(), "country", key="exchanges:offer-countries"
    )


def offer_rows(queryset: QuerySet[PlacementOffer]) -> QuerySet[PlacementOffer]:
    """The rows of the list: grouped by country on the page, so ordered by it; within a
    country the offers whose title matched a text search first, then the soonest deadline."""
    within = ranked(queryset, "deadline", "pk").query.order_by
    return queryset.select_related("host", "sector").order_by("country", *within)


def offer_country_counts(counts: dict[str, int]) -> list[dict]:
    """The list's count of offers per country (``counts``), in the order of the groups."""
    return [
        {"country": code, "count": count, "name": Country(code).name}
        for code, count in sorted(counts.items())
    ]


def offer_for_viewer(*, viewer: User | AnonymousUser, pk: int) -> PlacementOffer:
    offer = get_object_or_404(
        PlacementOffer.objects.select_related("host", "sector", "posted_by"), pk=pk
    )
    if not (
        offer.status in (OS.PUBLISHED, OS.FILLED, OS.CLOSED)
        or rules.can_manage_offer(viewer, offer)
        or (offer.status == OS.REVIEW and rules.can_review_offers(viewer))
    ):
        raise Http404
    return offer


def offer_for_action(*, viewer: User | AnonymousUser, pk: int) -> PlacementOffer:
    """An offer the viewer may move: their host's, or one waiting for their review.
    Anyone else gets a 404, even for an offer whose page they may see."""
    offer = offer_for_viewer(viewer=viewer, pk=pk)
    reviewing = offer.status == OS.REVIEW and rules.can_review_offers(viewer)
    if not (reviewing or rules.can_manage_offer(viewer, offer)):
        raise Http404
    return offer


def own_application(*, viewer: User | AnonymousUser, offer: PlacementOffer) -> Application | None:
    """The viewer's application for ``offer`` that still counts (not withdrawn,
    cancelled or rejected), if any."""
    if not viewer.is_authenticated:
        return None
    return (
        Application.objects.filter(applicant=viewer, offer=offer)
        .exclude(status__in=Application.ENDED_STATES)
        .order_by("-created_at")
        .first()
    )


def offers_managed_by(user: User) -> QuerySet[PlacementOffer]:
    queryset = PlacementOffer.objects.select_related("host", "sector").exclude(status=OS.ARCHIVED)
    if partner_rules.is_staff(user):
        return queryset
    return queryset.filter(host_id__in=rules.hosts_for(user))


def manages_offers(user: User, ids: Iterable[int]) -> bool:
    """Whether every offer of ``ids`` is one ``user`` manages."""
    wanted = set(ids)
    return offers_managed_by(user).filter(pk__in=wanted).count() == len(wanted)


def offers_waiting_for_review() -> QuerySet[PlacementOffer]:
    return PlacementOffer.objects.filter(status=OS.REVIEW).select_related("host", "sector")


def _visible(viewer: User | AnonymousUser, queryset: QuerySet[Application], pk: int) -> Application:
    application = queryset.filter(pk=pk).first()
    if application is None or not rules.can_view_application(viewer, application):
        raise Http404  # outside the viewer's scope: do not confirm it exists
    return application


def application_for_viewer(*, viewer: User | AnonymousUser, pk: int) -> Application:
    related = ("applicant", "offer", "offer__sector", "home", "host", "mobility")
    return _visible(viewer, Application.objects.select_related(*related), pk)


def application_for_action(*, viewer: User | AnonymousUser, pk: int) -> Application:
    """Only what tells who may see the application: a move reads the rest again under
    its row lock."""
    who = ("applicant", "home", "host", "approved_at")
    return _visible(viewer, Application.objects.only(*who), pk)


def application_page(*, viewer: User | AnonymousUser, application: Application) -> dict:
    comments = application.comments.select_related("author")
    if not rules.can_see_staff_comments(viewer, application):
        comments = comments.filter(visibility=ApplicationComment.Visibility.ALL)
    agreements = list(
        application.agreements.order_by("-version").prefetch_related(
            Prefetch("signatures", queryset=Signature.objects.order_by("party"))
        )
    )
    return {
        "events": list(
            ApplicationEvent.objects.filter(application=application).select_related("actor")
        ),
        "comments": list(comments),
        "attachments": list(application.attachments.all()),
        "agreement": agreements[0] if agreements else None,
        "old_agreements": agreements[1:],
    }


def my_applications(*, user: User) -> QuerySet[Application]:
    return (
        Application.objects.filter(applicant=user)
        .select_related("offer", "host", "home")
        .order_by("-created_at")
    )


def _queue_scope(viewer: User | AnonymousUser) -> QuerySet[Application]:
    """The applications a coordinator queue may show: from the viewer's schools, and to
    the organisations they host for once the home school has approved them."""
    if partner_rules.is_staff(viewer):
        return Application.objects.all()
    homes = rules.coordinated_organisations(viewer)
    hosts = rules.hosts_for(viewer)
    return Application.objects.filter(
        Q(home_id__in=homes) | Q(host_id__in=hosts, approved_at__isnull=False)
    )


def queue_selection(*, viewer: User | AnonymousUser, ids: Iterable[str]) -> list[Application]:
    """The applications chosen in the viewer's queue; one outside it is a 404."""
    wanted = {int(pk) for pk in ids if str(pk).isdigit()}
    found = list(_queue_scope(viewer).filter(pk__in=wanted).select_related("applicant"))
    if len(found) != len(wanted) or len(wanted) != len(set(ids)):
        raise Http404
    return found


def coordinator_queue(*, viewer: User | AnonymousUser, filters: dict) -> QuerySet[Application]:
    """Applications from the viewer's schools, and to the organisations they host for."""
    queryset = _queue_scope(viewer).exclude(status=Application.Status.DRAFT)
    status = filters.get("status")
    if status:
        queryset = queryset.filter(status=status)
    else:
        queryset = queryset.filter(
            status__in=[Application.Status.SUBMITTED, *Application.ACTIVE_STATES[2:]]
        )
    queryset = filtered(queryset, filters, country="host__country", form="offer__form")
    if filters.get("q"):
        text = filters["q"]
        queryset = queryset.filter(
            Q(applicant__full_name__icontains=text)
            | Q(offer__title__icontains=text)
            | Q(host__name__icontains=text)
        )
    # The offers come in a query of their own: joined, PostgreSQL hashes every offer of
    # the network before it keeps the page's fifty.
    return (
        queryset.select_related("applicant", "home", "host")
        .prefetch_related(Prefetch("offer", queryset=PlacementOffer.objects.only("title")))
        .order_by("status_changed_at", "pk")
    )


def partnership_agreements_for(*, viewer: User | AnonymousUser) -> QuerySet[PartnershipAgreement]:
    queryset = PartnershipAgreement.objects.prefetch_related(
        Prefetch("parties", queryset=Organisation.objects.order_by("name")), "sectors"
    ).order_by("-valid_until")
    if partner_rules.is_staff(viewer):
        return queryset
    return queryset.filter(parties__in=rules.coordinated_organisations(viewer)).distinct()


def applications_without_agreement(applications: Iterable[Application]) -> set[int]:
    """The ids, among ``applications``, between organisations with no agreement in force.

    One query for the whole page: which (home, host) pairs are covered today.
    """
    today = timezone.localdate()
    pairs = {(a.home_id, a.host_id) for a in applications}
    if not pairs:
        return set()
    organisation_ids = {org for pair in pairs for org in pair}
    through = PartnershipAgreement.parties.through
    rows = through.objects.filter(
        partnershipagreement__status=PartnershipAgreement.Status.ACTIVE,
        partnershipagreement__valid_from__lte=today,
        partnershipagreement__valid_until__gte=today,
        organisation_id__in=organisation_ids,
    ).values_list("partnershipagreement_id", "organisation_id")
    members: dict[int, set[int]] = {}
    for agreement_id, organisation_id in rows:
        members.setdefault(agreement_id, set()).add(organisation_id)
    covered = {
        pair for pair in pairs if any({pair[0], pair[1]} <= orgs for orgs in members.values())
    }
    return {a.pk for a in applications if (a.home_id, a.host_id) not in covered}


def calendar_entries(*, user: User) -> QuerySet[Application]:
    return Application.objects.filter(
        applicant=user, status__in=Application.SEAT_STATES
    ).select_related("offer", "host")
