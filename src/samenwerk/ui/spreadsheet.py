"""Cells for the CSV and XLSX files the product writes, safe to open in a spreadsheet.

A text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or the full-width
`＝ ＋ － ＠` some spreadsheets also accept) is run as a formula when a CSV is opened:
`=HYPERLINK(...)` in a User-Agent becomes a link in the privacy officer's Excel (CSV
injection, OWASP). `veilige_cel` is the one place that decides: such a text gets a leading
apostrophe, which spreadsheets read as "this is text" and do not show. Numbers, dates and
empty cells pass unchanged. In an XLSX file a text cell is written as a string cell (never
as a formula); `xlsx_rij` does that. Importers undo the apostrophe with `zonder_apostrof`.

Every writer goes through `csv_rij` or `xlsx_rij` (`tests/test_spreadsheet.py` checks that
no other module calls `csv.writer` or builds a workbook itself).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def begint_als_formule(tekst: str) -> bool:
    return tekst.startswith(FORMULE_BEGIN)


def veilige_cel(waarde: Any) -> Any:
    """A CSV cell: a text a spreadsheet would run as a formula, with a leading apostrophe."""
    if isinstance(waarde, str) and begint_als_formule(waarde):
        return f"'{waarde}"
    return waarde


def csv_rij(waarden: Iterable[Any]) -> list[Any]:
    """A row for `csv.writer`, every text cell through `veilige_cel`."""
    return [veilige_cel(w) for w in waarden]


def xlsx_rij(blad: Any, waarden: Iterable[Any]) -> None:
    """Append a row to an openpyxl worksheet; a text stays text even when it starts with '='
    (openpyxl would otherwise store it as a formula)."""
    blad.append(list(waarden))
    for cel in blad[blad.max_row]:
        if isinstance(cel.value, str):
            cel.data_type = "s"


def zonder_apostrof(tekst: str) -> str:
    """The text as it was before `veilige_cel` (for reading our own exports back in)."""
    if tekst.startswith("'") and begint_als_formule(tekst[1:]):
        return tekst[1:]
    return tekst
