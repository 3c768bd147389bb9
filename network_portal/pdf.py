"""Shared PDF building blocks (reportlab), with a font that covers all six languages."""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

_FONTS = Path(__file__).resolve().parent / "fonts"
_registered = False


def _register_fonts() -> None:
    global _registered
    if _registered:
        return
    pdfmetrics.registerFont(TTFont("DejaVu", str(_FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(_FONTS / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily("DejaVu", normal="DejaVu", bold="DejaVu-Bold")
    _registered = True


def styles() -> dict[str, ParagraphStyle]:
    _register_fonts()
    base = getSampleStyleSheet()
    body = ParagraphStyle(
        "body", parent=base["BodyText"], fontName="DejaVu", fontSize=10, leading=14
    )
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontName="DejaVu-Bold", fontSize=16, leading=20, spaceAfter=6
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=body,
            fontName="DejaVu-Bold",
            fontSize=12,
            leading=16,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "body": body,
        "small": ParagraphStyle(
            "small", parent=body, fontSize=8, leading=10, textColor=colors.grey
        ),
    }


def text(value, style) -> Paragraph:
    """A paragraph of user-written text: escaped, with line breaks kept."""
    return Paragraph(escape(str(value or "")).replace("\n", "<br/>"), style)


def facts_table(rows: list[tuple[str, str]], style) -> Table:
    table = Table(
        [[text(label, style), text(value, style)] for label, value in rows],
        colWidths=[55 * mm, 115 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                ("FONTNAME", (0, 0), (0, -1), "DejaVu-Bold"),
            ]
        )
    )
    return table


def build(story: list, *, title: str) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    document.build(story)
    return buffer.getvalue()


__all__ = ["Spacer", "build", "facts_table", "styles", "text"]
