"""Documents as tagged PDF, rendered from templates by WeasyPrint.

Every document is tagged (a structure tree of headings, paragraphs, tables, lists and
figures with their alternative text), carries its title and the reader's language, and
embeds its fonts (DejaVu, which covers all six languages). Documents that are kept as a
record (the signed learning agreement, the certificate) are PDF/A-3a; the others PDF/UA-1.

Callers render inside ``translation.override(<the reader's language>)``; times are shown
in the current time zone (Europe/Helsinki unless the reader's own zone is active), numbers
in the reader's locale, both by the templates.
"""

from __future__ import annotations

import base64
import logging
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher

log = logging.getLogger(__name__)

FONTS = Path(__file__).resolve().parent / "fonts"
NETWORK_LOGO = Path(settings.BASE_DIR) / "static" / "img" / "favicon.svg"
# WeasyPrint's own sRGB profile, named in the stylesheet: its built-in "srgb" output intent
# leaves the profile's file open.
SRGB_PROFILE = Path(str(resources.files("weasyprint.pdf") / "sRGB2014.icc")).resolve()

ACCESSIBLE = "pdf/ua-1"
ARCHIVAL = "pdf/a-3a"


class _LocalFetcher(URLFetcher):
    """Only the bundled fonts and inline images: a document never reaches the network."""

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith("file:"):
            path = Path(url2pathname(urlsplit(url).path)).resolve()
            if (path.parent == FONTS and path.suffix == ".ttf") or path == SRGB_PROFILE:
                return super().fetch(url, headers)
        raise ValueError(f"Not fetched for a document: {url}")


def data_uri(content: bytes, media_type: str) -> str:
    return f"data:{media_type};base64,{base64.b64encode(content).decode('ascii')}"


def image_uri(field: FieldFile | None) -> str:
    """An uploaded image (a logo) inline, or "" when its file cannot be read."""
    if not field:
        return ""
    suffix = Path(field.name or "").suffix.lower().lstrip(".")
    media_type = {"jpg": "image/jpeg", "jpeg": "image/jpeg"}.get(suffix, f"image/{suffix}")
    try:
        with field.open("rb") as file:
            return data_uri(file.read(), media_type)
    except OSError:
        # A missing logo must not keep anyone from their document.
        log.warning("Logo %s could not be read for a document", field.name, exc_info=True)
        return ""


def render(template_name: str, context: dict[str, Any], *, archival: bool = False) -> bytes:
    """The template (extending ``pdf/base.html``, with ``title`` in its context) as PDF."""
    html = render_to_string(
        template_name,
        {
            **context,
            "language": translation.get_language() or settings.LANGUAGE_CODE,
            "font_regular": (FONTS / "DejaVuSans.ttf").as_uri(),
            "font_bold": (FONTS / "DejaVuSans-Bold.ttf").as_uri(),
            "network_logo": data_uri(NETWORK_LOGO.read_bytes(), "image/svg+xml"),
            "srgb_profile": SRGB_PROFILE.as_uri() if archival else "",
        },
    )
    return HTML(string=html, url_fetcher=_LocalFetcher(fail_on_errors=True)).write_pdf(
        pdf_variant=ARCHIVAL if archival else ACCESSIBLE,
        pdf_tags=True,
        output_intent="--srgb" if archival else None,
    )
