"""A built report written as CSV, XLSX (core.spreadsheets) or a tagged PDF (core.pdf)."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _

from core import pdf
from core.spreadsheets import CsvDocument, XlsxDocument

from .indicators import Period, Scope, Section


def _title(period: Period | str, scope: Scope) -> str:
    return _("Network report %(period)s: %(scope)s") % {"period": period, "scope": scope}


def to_csv(sections: list[Section], period: Period, scope: Scope) -> bytes:
    document = CsvDocument()
    writer = document.writer
    writer.writerow([_title(period, scope)])
    for section in sections:
        writer.writerow([])
        writer.writerow([section.title])
        writer.writerows(section.figures)
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
        for figure in section.figures:
            sheet.append(figure)
        for table in section.tables:
            sheet.append([])
            sheet.append([table.title], bold=True)
            sheet.append(table.columns, bold=True)
            for row in table.rows:
                sheet.append(row)
        sheet.worksheet.column_dimensions["A"].width = 40
    return document.to_bytes()


def to_pdf(sections: list[Section], period: Period, scope: Scope) -> bytes:
    """Rendered in the active language (the export's) and its date format, like the others."""
    days = [formats.date_format(day, "SHORT_DATE_FORMAT") for day in (period.start, period.end)]
    title = _title("–".join(days), scope)
    return pdf.render("reports/pdf/report.html", {"title": title, "sections": sections})


WRITERS = {"csv": to_csv, "xlsx": to_xlsx, "pdf": to_pdf}
