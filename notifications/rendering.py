"""Turn an outbox row into text in its recipient's language."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from . import kinds
from .models import Notification


@dataclass
class Rendered:
    subject: str
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


def render(notification: Notification, *, bodies: bool = True) -> Rendered:
    kind = kinds.get(notification.kind)
    with translation.override(notification.language):
        context = dict(notification.context)
        if kind.enrich is not None:
            context = kind.enrich(context)
        path = _link(context)
        url = context.get("secret_url") or (settings.SITE_URL + path if path else "")
        context.update({"site_url": settings.SITE_URL, "url": url})
        subject = " ".join(render_to_string(f"{kind.template}.subject.txt", context).split())
        text = render_to_string(f"{kind.template}.txt", context) if bodies else ""
        html = render_to_string(f"{kind.template}.html", context) if bodies else ""
    return Rendered(subject, text, html, path, url)
