"""Documents that others fetch: no language prefix, addresses that never change.

They are written in English (documents.DOCUMENT_LANGUAGE) and say so in their
Content-Language, whatever language the visitor's cookie or browser asks the pages for.
"""

import json

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from partners.models import Organisation

from .imagery import badge_image_bytes
from .models import Badge, Endorsement
from .openbadges import credentials, documents
from .selectors import award_for_page


def _for_machines(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    # Set before LocaleMiddleware, which only fills in a Content-Language not yet given.
    response["Content-Language"] = documents.DOCUMENT_LANGUAGE
    return response


def _ld(document: dict, status: int = 200) -> HttpResponse:
    body = json.dumps(document, ensure_ascii=False, indent=2)
    return _for_machines(HttpResponse(body, content_type="application/ld+json", status=status))


def _issuer(slug) -> Organisation:
    return get_object_or_404(
        Organisation.objects.filter(badges__isnull=False).distinct(), slug=slug
    )


@require_GET
def issuer(request, slug):
    return _ld(documents.ob2_issuer(_issuer(slug)))


@require_GET
def badge_class(request, pk):
    badge = get_object_or_404(
        Badge.objects.select_related("issuer").prefetch_related("alignments"), pk=pk
    )
    return _ld(documents.ob2_badge_class(badge))


@require_GET
def assertion(request, public_id):
    award = award_for_page(public_id)
    # A revoked assertion answers 410 Gone with the reason, as Open Badges 2.0 asks.
    return _ld(documents.ob2_assertion(award), status=410 if award.is_revoked else 200)


@require_GET
def endorsement(request, public_id):
    item = get_object_or_404(
        Endorsement.objects.select_related("badge", "organisation"), public_id=public_id
    )
    return _ld(documents.ob2_endorsement(item))


@require_GET
def did_document(request, slug):
    document = documents.did_document(_issuer(slug))
    return _for_machines(JsonResponse(document, content_type="application/did+json"))


@require_GET
@cache_control(max_age=300)
def status_list(request, slug):
    token = credentials.status_list_jwt(_issuer(slug))
    return _for_machines(HttpResponse(token, content_type="application/vc+jwt"))


@require_GET
@cache_control(max_age=3600)
def badge_image(request, pk):
    badge = get_object_or_404(Badge, pk=pk)
    data, kind = badge_image_bytes(badge)
    return HttpResponse(data, content_type="image/svg+xml" if kind == "svg" else "image/png")
