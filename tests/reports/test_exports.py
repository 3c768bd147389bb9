import csv
import io
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import load_workbook

from reports import exports
from reports.indicators import Scope, Section, Table

from .conftest import Q1

SECTORS = Table(
    "sectors",
    "Mobilities by sector",
    ["Sector", "Mobilities", "Change"],
    [['=HYPERLINK("https://attacker.example","x")', 3, -2], ["@SUM(1)", 1, Decimal("-0.5")]],
)
SECTION = Section("mobilities", "Mobilities", [("+cmd|' /C calc'!A0", -1.5)], [SECTORS])


@pytest.fixture
def finnish():
    with translation.override("fi"):
        yield


def test_the_csv_report_neutralises_names_and_keeps_numbers(finnish):
    content = exports.to_csv([SECTION], Q1, Scope())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert ["'+cmd|' /C calc'!A0", "-1.5"] in rows
    assert ['\'=HYPERLINK("https://attacker.example","x")', "3", "-2"] in rows
    assert ["'@SUM(1)", "1", "-0.5"] in rows


def test_the_xlsx_report_writes_names_as_text_and_numbers_as_numbers(finnish):
    workbook = load_workbook(io.BytesIO(exports.to_xlsx([SECTION], Q1, Scope())))
    sheet = workbook["Mobilities"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.value for cell in cells if cell.data_type == "f"]
    values = list(sheet.iter_rows(values_only=True))
    assert ("'+cmd|' /C calc'!A0", -1.5, None) in values
    assert ('\'=HYPERLINK("https://attacker.example","x")', 3, -2) in values
    assert ("'@SUM(1)", 1, -0.5) in values
    # The title and the table's headings are bold, as before.
    assert sheet["A1"].font.b and sheet["A1"].font.sz == 13
    headings = next(row for row in sheet.iter_rows() if row[0].value == "Sector")
    assert all(cell.font.b for cell in headings)
