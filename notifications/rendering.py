"""Turn an outbox row into text in its recipient's language."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from core.site import base_context, site_domain

from . import kinds
from .models import Notification


@dataclass
class Rendered:
    subject: str  # plain text: escaped where it is shown in HTML, never before
    text: str
    html: str
    path: str  # a link inside the portal, "" when there is none
    url: str  # the same link, absolute


def _link(context: dict) -> str:
    link = context.get("link")
    if not link:
        return ""
    try:
        path = reverse(link["name"], kwargs=link.get("kwargs") or {})
    except NoReverseMatch:
        return ""
    return f"{path}?{link['query']}" if link.get("query") else path


def render_subject(template_name: str, context: dict) -> str:
    """A subject line is plain text: rendered without HTML escaping, on one line."""
    # Django's own backend gives its Template, which has .template; django-stubs types
    # get_template() as any backend's.
    template = get_template(template_name).template  # type: ignore[attr-defined]
    return " ".join(template.render(Context(context, autoescape=False)).split())


def message_id(notification: Notification) -> str:
    """The same Message-ID for every attempt at one notice, so that a copy sent again
    after a worker died can be recognised as the same message by the receiving side.

    Derived from what never changes on the row: its id, its idempotency key and when it
    was written.
    """
    seed = f"{notification.pk}:{notification.idempotency_key}:{notification.created_at.isoformat()}"
    digest = hashlib.sha256(seed.encode()).hexdigest()[:32]
    return f"<notice-{digest}@{site_domain()}>"


def render(notification: Notification, *, bodies: bool = True) -> Rendered:
    kind = kinds.get(notification.kind)
    with translation.override(notification.language):
        context = dict(notification.context)
        if kind.enrich is not None:
            context = kind.enrich(context)
        path = _link(context)
        url = context.get("secret_url") or (settings.SITE_URL + path if path else "")
        context.update({**base_context(), "url": url})
        subject = render_subject(f"{kind.template}.subject.txt", context)
        text = render_to_string(f"{kind.template}.txt", context) if bodies else ""
        html = render_to_string(f"{kind.template}.html", context) if bodies else ""
    return Rendered(subject, text, html, path, url)
