"""A built report as a tagged PDF, in the language and number format of its reader."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _

from core import pdf

from .indicators import Period, Scope, Section


def _period(period: Period) -> str:
    return (
        f"{formats.date_format(period.start, 'SHORT_DATE_FORMAT')}–"
        f"{formats.date_format(period.end, 'SHORT_DATE_FORMAT')}"
    )


def to_pdf(sections: list[Section], period: Period, scope: Scope) -> bytes:
    """Rendered in the active language (the export's), like the other formats."""
    title = _("Network report %(period)s: %(scope)s") % {
        "period": _period(period),
        "scope": scope,
    }
    return pdf.render("reports/pdf/report.html", {"title": title, "sections": sections})
