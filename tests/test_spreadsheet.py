"""One rule for every CSV/XLSX cell the product writes (CSV injection)."""

import datetime
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from samenwerk.ui.spreadsheet import csv_rij, veilige_cel, xlsx_rij, zonder_apostrof

SRC = Path(__file__).resolve().parent.parent / "src" / "samenwerk"
GEVAARLIJK = ['=HYPERLINK("http://kwaad.example","klik")', "+31 6 1234", "-2+3", "@SUM(A1)", "\tx", "\r=1+1", "＝1+1"]


@pytest.mark.parametrize("tekst", GEVAARLIJK)
def test_a_text_a_spreadsheet_would_run_gets_an_apostrophe_and_comes_back(tekst):
    assert veilige_cel(tekst) == f"'{tekst}"
    assert zonder_apostrof(veilige_cel(tekst)) == tekst


@pytest.mark.parametrize("waarde", ["gewoon", "", "'al een apostrof", 12, -3, Decimal("-1.50"), None, True])
def test_other_cells_pass_unchanged(waarde):
    assert veilige_cel(waarde) == waarde


def test_rows_keep_dates_and_numbers():
    nu = datetime.datetime(2026, 12, 7, 1, 0, tzinfo=datetime.UTC)
    assert csv_rij([nu, 7, "=1", None]) == [nu, 7, "'=1", None]


def test_xlsx_text_is_a_string_cell_never_a_formula():
    boek = Workbook()
    xlsx_rij(boek.active, ["=1+1", 3])
    uit = io.BytesIO()
    boek.save(uit)
    blad = load_workbook(io.BytesIO(uit.getvalue())).active
    assert (blad["A1"].value, blad["A1"].data_type, blad["B1"].value) == ("=1+1", "s", 3)


def test_every_csv_and_xlsx_writer_uses_the_one_rule():
    """A new export that builds its rows itself would write cells verbatim."""
    schrijvers = [
        p
        for p in SRC.rglob("*.py")
        if re.search(r"csv\.(writer|DictWriter)\(|\bWorkbook\(", p.read_text()) and p.name != "spreadsheet.py"
    ]
    assert schrijvers, "the search found no writer at all"
    zonder = [str(p.relative_to(SRC)) for p in schrijvers if "from samenwerk.ui.spreadsheet import" not in p.read_text()]
    assert zonder == []
