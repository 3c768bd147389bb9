"""Reads for passport pages; each selector owns the joins its page needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.search import filtered, ranked, text_search
from partners import rules as partner_rules
from partners.models import Organisation

from . import rules
from .models.awards import Award
from .models.badges import Badge, Endorsement, Goal
from .models.claims import Claim, ClaimEvent
from .models.passport import Pathway, RecognitionRequest, ShareLink, SkillNeed
from .services.awards import valid_awards
from .services.passport import pathway_progress

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


def _asked() -> Exists:
    """Whether a company has said it needs the badge."""
    return Exists(SkillNeed.badges.through.objects.filter(badge_id=OuterRef("pk")))


def catalogue(*, filters: dict) -> QuerySet[Badge]:
    queryset = Badge.objects.filter(is_current=True, is_active=True)
    queryset = text_search(queryset, filters.get("q"))
    queryset = filtered(queryset, filters, category="category", sector="sectors", issuer="issuer")
    if filters.get("asked_for"):
        queryset = queryset.filter(_asked())
    queryset = queryset.select_related("issuer").annotate(
        holders=Coalesce(
            Subquery(
                valid_awards()
                .filter(badge__family=OuterRef("family"))
                .order_by()
                .values("badge__family")
                .annotate(count=Count("pk"))
                .values("count")[:1]
            ),
            0,
        ),
        asked=_asked(),
    )
    return ranked(queryset, "name", "pk")


def badge_for_page(pk: int) -> Badge:
    return get_object_or_404(
        Badge.objects.select_related("issuer").prefetch_related(
            "alignments",
            "sectors",
            Prefetch("endorsements", queryset=Endorsement.objects.select_related("organisation")),
            Prefetch("skill_needs", queryset=SkillNeed.objects.select_related("organisation")),
        ),
        pk=pk,
    )


def holder_count(badge: Badge) -> int:
    return valid_awards().filter(badge__family=badge.family).count()


def passport(*, user: User) -> dict:
    awards = list(
        Award.objects.filter(recipient=user)
        .select_related("badge", "badge__issuer")
        .order_by("-issued_on")
    )
    claims = list(
        Claim.objects.filter(student=user, status__in=(*Claim.OPEN_STATES, Claim.Status.REJECTED))
        .select_related("badge")
        .order_by("-created_at")
    )
    held = {a.badge.family for a in awards if not a.is_revoked and not a.is_expired}
    chosen = Goal.objects.filter(user=user).select_related("badge__issuer")
    goals = [g for g in chosen if g.badge.family not in held]
    pathways = (
        Pathway.objects.filter(is_active=True)
        .select_related("recognised_by")
        .prefetch_related("rules__badges")
    )
    requests = {
        r.pathway_id: r
        for r in RecognitionRequest.objects.filter(student=user).order_by("created_at")
    }
    progress = [pathway_progress(pathway, held) for pathway in pathways]
    for item in progress:
        item.request = requests.get(item.pathway.pk)
    timeline = sorted(
        [(a.issued_on, "award", a) for a in awards] + [(c.created_at, "claim", c) for c in claims],
        key=lambda row: row[0],
        reverse=True,
    )[:20]
    return {
        "awards": awards,
        "claims": claims,
        "goals": goals,
        "pathways": progress,
        "timeline": timeline,
        "suggestions": suggestions(user=user, held=held, chosen={g.badge.family for g in goals}),
        "shares": list(ShareLink.objects.filter(user=user)),
    }


def suggestions(*, user: User, held: set, chosen: set, limit: int = 6) -> list[Badge]:
    """Badges in the student's sectors and ones local companies ask for."""
    org_ids = list(partner_rules.roles_of(user))
    sectors = Organisation.sectors.through.objects.filter(organisation_id__in=org_ids)
    return list(
        Badge.objects.filter(is_current=True, is_active=True)
        .filter(Q(sectors__in=sectors.values("sector_id")) | _asked())
        .exclude(family__in=held | chosen)
        .annotate(asked=_asked())
        .select_related("issuer")
        .distinct()
        .order_by("-asked", "name")[:limit]
    )


def assessor_queue(*, viewer: User, filters: dict) -> QuerySet[Claim]:
    queryset = Claim.objects.filter(status__in=Claim.WAITING_STATES)
    if not partner_rules.is_staff(viewer):
        issuers = rules.assessed_issuers(viewer)
        roles = partner_rules.roles_of(viewer)
        queryset = queryset.filter(badge__issuer_id__in=issuers)
        # Badges limited to coordinators are not shown to teachers.
        coordinator_at = [org for org in issuers if "coordinator" in roles.get(org, ())]
        queryset = queryset.filter(
            Q(badge__issuer_id__in=coordinator_at)
            | Q(badge__assessor_roles__icontains="teacher")
            | Q(badge__assessor_roles=[])
        )
    queryset = filtered(queryset, filters, status="status", q="student__full_name__icontains")
    return (
        queryset.exclude(student=viewer)
        .select_related("student", "badge", "badge__issuer")
        .order_by("submitted_at", "pk")
    )


def claim_for_viewer(*, viewer: User | AnonymousUser, pk: int) -> Claim:
    claim = get_object_or_404(
        Claim.objects.select_related("badge", "badge__issuer", "student", "assessor"), pk=pk
    )
    if not rules.can_view_claim(viewer, claim):
        raise Http404
    return claim


def claim_page(claim: Claim) -> dict:
    return {
        "files": list(claim.files.all()),
        "events": list(ClaimEvent.objects.filter(claim=claim).select_related("actor")),
    }


def award_for_page(public_id: str | UUID) -> Award:
    return get_object_or_404(
        Award.objects.select_related("badge", "badge__issuer", "recipient"), public_id=public_id
    )


def recognition_queue(*, viewer: User | AnonymousUser) -> QuerySet[RecognitionRequest]:
    queryset = RecognitionRequest.objects.select_related("student", "pathway__recognised_by")
    if not partner_rules.is_staff(viewer):
        coordinated = partner_rules.organisations_with_role(viewer, "coordinator")
        queryset = queryset.filter(pathway__recognised_by_id__in=coordinated)
    return queryset.order_by("status", "created_at")


def skill_needs_managed(*, viewer: User | AnonymousUser) -> QuerySet[SkillNeed]:
    """The skill needs ``viewer`` may change: their companies' (every one, for staff)."""
    queryset = SkillNeed.objects.select_related("organisation")
    if partner_rules.is_staff(viewer):
        return queryset
    companies = partner_rules.organisations_with_role(viewer, "company_contact")
    return queryset.filter(organisation_id__in=companies)
