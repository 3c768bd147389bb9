"""Which item of the main menu a page belongs to."""

from django import template
from django.urls import ResolverMatch

register = template.Library()

#: Per app (URL namespace): the section of each page that is not the app's default.
_PAGES = {
    "exchanges": {
        "offer_list": "placements",
        "offer_detail": "placements",
        "application_create": "placements",
        "my_offers": "offers",
        "offer_create": "offers",
        "offer_edit": "offers",
        "queue": "applications",
        "queue_bulk": "applications",
        "allocation": "applications",
        "partnership_agreements": "applications",
    },
    "passport": {
        "passport": "my_passport",
        "passport_pdf": "my_passport",
        "claim_detail": "my_passport",
        "redeem": "my_passport",
        "share_create": "my_passport",
    },
    "catalogue": {
        "material_list": "materials",
        "material_create": "materials",
        "material_detail": "materials",
        "material_edit": "materials",
    },
    "partners": {
        "outreach": "outreach",
    },
    "": {"dashboard": "dashboard"},
}
_DEFAULTS = {
    "exchanges": "my_exchanges",  # an application and everything under it
    "passport": "badges",
    "catalogue": "services",
    "mentoring": "mentoring",
    "events": "events",
    "reports": "reports",
}
_OUTREACH_WORDS = ("visit", "survey", "question")


@register.filter
def nav_section(match: ResolverMatch | None) -> str:
    """The menu item of the page ``match`` (a ``ResolverMatch``) resolved to, or ""."""
    if match is None:
        return ""
    app, page = match.app_name or "", match.url_name or ""
    section = _PAGES.get(app, {}).get(page)
    if section:
        return section
    if app == "partners":
        if any(word in page for word in _OUTREACH_WORDS):
            return "outreach"
        return "partners" if page.startswith("organisation") else ""
    return _DEFAULTS.get(app, "")
