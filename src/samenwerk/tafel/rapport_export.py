"""The stuurgroep report as an XLSX file (openpyxl through ui/spreadsheet.py)."""

from __future__ import annotations

import io
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from samenwerk.ui.spreadsheet import xlsx_rij

KOLOMMEN = ["onderdeel", "omschrijving", "waarde", "hoe berekend"]


def exporteer_xlsx(regels: list[list[Any]]) -> bytes:
    boek = Workbook()
    blad = boek.active
    blad.title = _("Stuurgroeprapport")
    blad.append(KOLOMMEN)
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for rij in regels:
        xlsx_rij(blad, [str(c) if isinstance(c, Promise) else c for c in rij])
    blad.freeze_panes = "A2"
    for letter, breedte in zip("ABCD", (34, 50, 14, 90), strict=True):
        blad.column_dimensions[letter].width = breedte
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
