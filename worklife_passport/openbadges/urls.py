"""Absolute addresses of the documents others fetch. They never change once issued."""

from urllib.parse import quote, urlsplit

from django.conf import settings
from django.urls import reverse


def absolute(name: str, **kwargs) -> str:
    return settings.SITE_URL + reverse(name, kwargs=kwargs)


def issuer_url(organisation) -> str:
    return absolute("ob_issuer", slug=organisation.slug)


def badge_class_url(badge) -> str:
    return absolute("ob_badge_class", pk=badge.pk)


def assertion_url(award) -> str:
    return absolute("ob_assertion", public_id=award.public_id)


def endorsement_url(endorsement) -> str:
    return absolute("ob_endorsement", public_id=endorsement.public_id)


def status_list_url(organisation) -> str:
    return absolute("ob_status_list", slug=organisation.slug)


def site_did_prefix() -> str:
    host = quote(urlsplit(settings.SITE_URL).netloc, safe="")
    return f"did:web:{host}:issuers:"


def did_for(organisation) -> str:
    """did:web for the organisation under SITE_URL: did:web:host%3Aport:issuers:slug."""
    return site_did_prefix() + organisation.slug
