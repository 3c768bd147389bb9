"""Which item of the main menu a page belongs to."""

from django import template
from django.urls import ResolverMatch

register = template.Library()

#: Per app (URL namespace): the section of each page that is not the app's default.
_PAGES = {
    "exchanges": {
        **dict.fromkeys(["offer_list", "offer_detail", "application_create"], "placements"),
        **dict.fromkeys(["my_offers", "offer_create", "offer_edit"], "offers"),
        **dict.fromkeys(
            ["queue", "queue_bulk", "allocation", "partnership_agreements"], "applications"
        ),
    },
    "passport": dict.fromkeys(
        ["passport", "passport_pdf", "claim_detail", "redeem", "share_create"], "my_passport"
    ),
    "catalogue": dict.fromkeys(
        ["material_list", "material_create", "material_detail", "material_edit"], "materials"
    ),
    "partners": {"outreach": "outreach"},
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
