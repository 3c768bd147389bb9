"""The one way the portal writes tables: every CSV and XLSX file goes through here.

Cells can hold text that other people typed (a survey answer sent through an e-mailed
link, an organisation's name, an application's title). A spreadsheet program runs text
that begins with ``=``, ``+``, ``-`` or ``@`` (and, in some programs, a tab or a carriage
return) as a formula, so such text is written with a leading single quote, as the OWASP
guidance on CSV injection asks; in XLSX it is also stored as a string, never a formula.
Numbers stay numbers, a negative one included, and are never localised: these files are
read by programs.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import IO, Any

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheet programs read a CSV file as UTF-8 only when it starts with this mark.
BYTE_ORDER_MARK = "\ufeff"
# Kept as they are: numbers (a negative one is no formula) and dates.
_KEPT = (int, float, Decimal, datetime.date, datetime.time)


def cell_value(value: object) -> object:
    """What a cell holds: numbers, dates and empty cells as they are, anything else as
    text that no spreadsheet program runs as a formula (lazy translations and model
    choices included)."""
    if value is None or isinstance(value, _KEPT):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class CsvWriter:
    """``csv.writer`` whose every cell has been through ``cell_value``."""

    def __init__(self, file: IO[str] | HttpResponse) -> None:
        self._writer = csv.writer(file)

    def writerow(self, values: Iterable[object]) -> None:
        self._writer.writerow([cell_value(value) for value in values])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for values in rows:
            self.writerow(values)


def csv_response(filename: str) -> tuple[HttpResponse, CsvWriter]:
    """A CSV download and the writer that fills it."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BYTE_ORDER_MARK)
    return response, CsvWriter(response)


class CsvDocument:
    """A CSV file built in memory, for files that are stored rather than sent."""

    def __init__(self) -> None:
        self._buffer = io.StringIO()
        self.writer = CsvWriter(self._buffer)

    def to_bytes(self) -> bytes:
        return (BYTE_ORDER_MARK + self._buffer.getvalue()).encode("utf-8")


class XlsxSheet:
    """One worksheet, written a row at a time."""

    def __init__(self, worksheet: Any) -> None:
        self.worksheet = worksheet
        self.row = 0

    def append(
        self, values: Iterable[object] = (), *, bold: bool = False, size: float | None = None
    ) -> None:
        self.row += 1
        font = Font(bold=bold, size=size) if bold or size else None
        for column, value in enumerate(map(cell_value, values), start=1):
            cell = self.worksheet.cell(row=self.row, column=column)
            if isinstance(value, str):
                # Characters that the XLSX format cannot hold would stop the whole file.
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                # Text is text: never a formula, nor an error code such as "#N/A".
                cell.data_type = "s"
            elif isinstance(value, datetime.datetime) and timezone.is_aware(value):
                # XLSX has no time zones: the time as read in the portal's zone.
                cell.value = timezone.make_naive(value)
            else:
                cell.value = value
            if font is not None:
                cell.font = font


class XlsxDocument:
    """A workbook whose sheets are all ``XlsxSheet``."""

    def __init__(self) -> None:
        self._workbook = Workbook()
        self._workbook.remove(self._workbook.active)

    def sheet(self, title: str) -> XlsxSheet:
        # Sheet names: at most 31 characters, some characters not allowed.
        name = "".join(c for c in str(title) if c not in "[]:*?/\\")[:31]
        return XlsxSheet(self._workbook.create_sheet(name))

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self._workbook.save(buffer)
        return buffer.getvalue()
