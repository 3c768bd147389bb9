"""A built report written as CSV, XLSX (openpyxl) or PDF (``reports.pdf``)."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .indicators import Period, Scope, Section
from .pdf import to_pdf


def _title(period: Period, scope: Scope) -> str:
    return _("Network report %(period)s: %(scope)s") % {"period": period, "scope": scope}


def _figures_rows(section: Section):
    return [[label, value] for label, value in section.figures]


def to_csv(sections: list[Section], period: Period, scope: Scope) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
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
    # A byte-order mark so that spreadsheet programs read the letters right.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(sections: list[Section], period: Period, scope: Scope) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for section in sections:
        # Sheet names: at most 31 characters, some characters not allowed.
        name = "".join(c for c in section.title if c not in "[]:*?/\\")[:31]
        sheet = workbook.create_sheet(name)
        sheet.append([_title(period, scope)])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([])
        for row in _figures_rows(section):
            sheet.append(row)
        for table in section.tables:
            sheet.append([])
            sheet.append([table.title])
            sheet.cell(sheet.max_row, 1).font = bold
            sheet.append(table.columns)
            for cell in sheet[sheet.max_row]:
                cell.font = bold
            for row in table.rows:
                sheet.append(row)
        sheet.column_dimensions["A"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


WRITERS = {"csv": to_csv, "xlsx": to_xlsx, "pdf": to_pdf}
