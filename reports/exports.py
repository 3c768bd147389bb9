"""A built report written as CSV, XLSX (openpyxl) or PDF (reportlab)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.platypus import Spacer, Table, TableStyle

from network_portal import pdf
from network_portal.spreadsheets import CsvDocument, XlsxDocument

from .indicators import Period, Scope, Section


def _title(period: Period, scope: Scope) -> str:
    return _("Network report %(period)s: %(scope)s") % {"period": period, "scope": scope}


def _figures_rows(section: Section):
    return [[label, value] for label, value in section.figures]


def to_csv(sections: list[Section], period: Period, scope: Scope) -> bytes:
    document = CsvDocument()
    writer = document.writer
    writer.writerow([_title(period, scope)])
    for section in sections:
        writer.writerow([])
        writer.writerow([section.title])
        writer.writerows(_figures_rows(section))
        for table in section.tables:
            writer.writerow([])
            writer.writerow([table.title])
            writer.writerow(table.columns)
            writer.writerows(table.rows)
    return document.to_bytes()


def to_xlsx(sections: list[Section], period: Period, scope: Scope) -> bytes:
    document = XlsxDocument()
    for section in sections:
        sheet = document.sheet(section.title)
        sheet.append([_title(period, scope)], bold=True, size=13)
        sheet.append([])
        for row in _figures_rows(section):
            sheet.append(row)
        for table in section.tables:
            sheet.append([])
            sheet.append([table.title], bold=True)
            sheet.append(table.columns, bold=True)
            for row in table.rows:
                sheet.append(row)
        sheet.worksheet.column_dimensions["A"].width = 40
    return document.to_bytes()


def to_pdf(sections: list[Section], period: Period, scope: Scope) -> bytes:
    styles = pdf.styles()
    story = [pdf.text(_title(period, scope), styles["title"])]
    for section in sections:
        story.append(pdf.text(section.title, styles["heading"]))
        if section.figures:
            story.append(
                pdf.facts_table(
                    [(label, str(value)) for label, value in section.figures], styles["body"]
                )
            )
        for table in section.tables:
            story.append(Spacer(1, 6))
            story.append(pdf.text(table.title, styles["body"]))
            grid = Table(
                [[pdf.text(c, styles["small"]) for c in table.columns]]
                + [[pdf.text(c, styles["body"]) for c in row] for row in table.rows],
                repeatRows=1,
            )
            grid.setStyle(
                TableStyle(
                    [
                        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(grid)
    return pdf.build(story, title=_title(period, scope))


WRITERS = {"csv": to_csv, "xlsx": to_xlsx, "pdf": to_pdf}
