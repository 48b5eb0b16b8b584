"""The price list as a file: export to CSV and XLSX, and reading an import with a Dutch
error per row and column ("Rij 4, kolom prijs: '12,5x' is geen bedrag").

Reading only validates; saving is services.importeer_prijslijst, all or nothing. Row numbers
are the spreadsheet's own: the header is row 1, the first item row 2.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from samenwerk.ui.spreadsheet import csv_rij, xlsx_rij, zonder_apostrof

from .forms import BedragField
from .keuzes import Eenheid, Wet
from .models import Prijsitem, Prijslijst

KOLOMMEN = ["code", "omschrijving", "eenheid", "prijs", "bron", "wet"]
VERPLICHT = ["code", "omschrijving", "eenheid", "prijs", "wet"]
KOLOM_ALIASSEN = {"prijs in euro": "prijs", "wet of budget": "wet", "budget": "wet"}
MAX_BYTES = 5 * 1024 * 1024
MAX_RIJEN = 5_000  # every row after the header counts, empty or not
# An XLSX is a zip: 5 MB on disk can unpack to gigabytes. A price list of 5,000 rows unpacks
# to about 2 MB; more than this is refused before anything is unpacked.
MAX_UITGEPAKT = 20 * 1024 * 1024
MAX_KOLOMMEN = 50  # columns read per row, whatever width the sheet claims
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class ItemGegevens:
    """One valid item of an import, or the input of a service that adds or changes one."""

    code: str
    omschrijving: str
    eenheid: str
    prijs: Decimal
    wet: str
    bron: str = ""


@dataclass(frozen=True)
class Importfout:
    rij: int
    kolom: str
    melding: str

    def __str__(self) -> str:
        if self.kolom:
            melding = _("Rij %(rij)s, kolom %(kolom)s: %(melding)s")
            return melding % {"rij": self.rij, "kolom": self.kolom, "melding": self.melding}
        return _("Rij %(rij)s: %(melding)s") % {"rij": self.rij, "melding": self.melding}


class ImportMislukt(Exception):
    def __init__(self, fouten: list[Importfout]) -> None:
        super().__init__("; ".join(str(f) for f in fouten))
        self.fouten = fouten


class _RijForm(forms.Form):
    """The checks of one row: the form fields of the model, then the model's own validators."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(forms.fields_for_model(Prijsitem, fields=KOLOMMEN, field_classes={"prijs": BedragField}))
        with translation.override("nl"):
            eenheden, wetten = ", ".join(str(e.label) for e in Eenheid), ", ".join(str(w.label) for w in Wet)
        self.fields["eenheid"].error_messages["invalid_choice"] = _("'%(value)s' is geen eenheid; kies uit ") + eenheden
        self.fields["wet"].error_messages["invalid_choice"] = _("'%(value)s' is geen wet of budget; kies uit ") + wetten

    def _post_clean(self) -> None:
        item = Prijsitem(**{k: v for k, v in self.cleaned_data.items() if k not in self.errors})
        try:
            item.clean_fields(exclude=["id", "prijslijst", *self.errors])
        except ValidationError as fout:
            for veld, meldingen in fout.message_dict.items():
                for melding in meldingen:
                    self.add_error(veld if veld in self.fields else None, melding)
        if "code" in self.cleaned_data:
            self.cleaned_data["code"] = item.code


def _keuzekaart(keuzes: type[Eenheid] | type[Wet]) -> dict[str, str]:
    """The stored value or the label, in Dutch or English: 'uur', 'per uur', 'per hour'."""
    kaart = {}
    for keuze in keuzes:
        kaart[keuze.value] = keuze.value
        for taal in ("nl", "en"):
            with translation.override(taal):
                kaart[str(keuze.label).lower()] = keuze.value
    return kaart


def _tekst(waarde: Any) -> Any:
    """A cell as the form expects it. Numbers stay exact: openpyxl hands floats, and the
    shortest repr of a float is the decimal the spreadsheet stored."""
    if waarde is None:
        return ""
    if isinstance(waarde, float):
        waarde = Decimal(repr(waarde))
    if isinstance(waarde, Decimal | int) and not isinstance(waarde, bool):
        return Decimal(waarde)
    return zonder_apostrof(str(waarde).strip())  # our own protection against formulas


def _kop(cellen: Iterable[Any]) -> list[str]:
    namen = [str(c or "").lstrip("\ufeff").strip().strip('"').strip().lower() for c in cellen]
    return [KOLOM_ALIASSEN.get(n, n) for n in namen]


def _lees_csv(inhoud: bytes) -> Iterator[list[Any]]:
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = inhoud.decode("cp1252", errors="replace")  # Excel's "CSV" on Dutch Windows
    eerste = tekst.split("\n", 1)[0]
    scheiding = max((";", ",", "\t"), key=lambda s: sum(k in KOLOMMEN for k in _kop(eerste.split(s))))
    try:
        yield from csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    except csv.Error as fout:
        raise ImportMislukt([Importfout(1, "", _("Dit bestand is geen leesbaar CSV-bestand."))]) from fout


def _lees_xlsx(inhoud: bytes) -> Iterator[list[Any]]:
    """The rows of the first sheet, one at a time (openpyxl's read-only mode streams the XML),
    at most MAX_KOLOMMEN wide; the caller stops reading at the row limit."""
    _controleer_zip(inhoud)
    try:
        boek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
        try:
            # max_row: openpyxl stops by itself one row past the limit, whatever the sheet's
            # dimension claims (the caller reports that row)
            blad = boek.worksheets[0]
            for rij in blad.iter_rows(max_row=MAX_RIJEN + 2, max_col=MAX_KOLOMMEN, values_only=True):
                yield list(rij)
        finally:
            boek.close()
    except Exception as fout:  # a damaged file can fail in many ways inside openpyxl; all mean the same
        raise ImportMislukt([Importfout(1, "", _("Dit is geen geldig Excel-bestand (.xlsx)."))]) from fout


def _controleer_zip(inhoud: bytes) -> None:
    """Refuse a zip bomb by the sizes the archive declares; zipfile never unpacks more than
    the declared size of a member (a member that lies fails its checksum)."""
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            uitgepakt = sum(info.file_size for info in archief.infolist())
    except (zipfile.BadZipFile, ValueError):
        return  # not a readable zip: openpyxl says so in its own words
    if uitgepakt > MAX_UITGEPAKT:
        melding = _("Uitgepakt is dit bestand groter dan %(mb)s MB; dat kan geen prijslijst zijn.")
        raise ImportMislukt([Importfout(1, "", melding % {"mb": MAX_UITGEPAKT // (1024 * 1024)})])


def lees_items(inhoud: bytes) -> list[ItemGegevens]:
    """Read and check a CSV or XLSX file (recognised by its content). Raises ImportMislukt
    with every error found, or returns the items in file order."""
    if len(inhoud) > MAX_BYTES:
        raise ImportMislukt([Importfout(1, "", _("Het bestand is groter dan 5 MB."))])
    if inhoud.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportMislukt([Importfout(1, "", _("Oude Excel-bestanden (.xls) kunnen niet; sla het op als .xlsx of .csv."))])
    rijen = _lees_xlsx(inhoud) if inhoud.startswith(b"PK\x03\x04") else _lees_csv(inhoud)
    try:
        return _lees_rijen(rijen)
    finally:
        rijen.close()  # stop reading (and close the workbook) at the first error


def _lees_rijen(rijen: Iterator[list[Any]]) -> list[ItemGegevens]:
    kopregel = next(rijen, None)
    if kopregel is None:
        raise ImportMislukt([Importfout(1, "", _("Het bestand is leeg."))])
    kop = _kop(kopregel)
    ontbrekend = [k for k in VERPLICHT if k not in kop]
    if ontbrekend:
        melding = _("de kolom %(kolom)s ontbreekt in de eerste rij")
        raise ImportMislukt([Importfout(1, "", melding % {"kolom": k}) for k in ontbrekend])
    eenheden, wetten = _keuzekaart(Eenheid), _keuzekaart(Wet)
    fouten: list[Importfout] = []
    items: list[ItemGegevens] = []
    eerder: dict[str, int] = {}
    for nummer, rij in enumerate(rijen, start=2):
        if nummer > MAX_RIJEN + 1:  # counted before skipping: a file of empty rows stops here too
            melding = _("Meer dan %(max)s rijen (lege rijen tellen mee); splits het bestand.") % {"max": MAX_RIJEN}
            raise ImportMislukt([Importfout(nummer, "", melding)])
        if all(c is None or str(c).strip() == "" for c in rij):
            continue
        data = {k: _tekst(rij[i]) if i < len(rij) else "" for i, k in enumerate(kop) if k in KOLOMMEN}
        data["eenheid"] = eenheden.get(str(data.get("eenheid", "")).lower(), data.get("eenheid", ""))
        data["wet"] = wetten.get(str(data.get("wet", "")).lower(), data.get("wet", ""))
        form = _RijForm(data)
        if not form.is_valid():
            for veld in sorted(form.errors, key=lambda v: KOLOMMEN.index(v) if v in KOLOMMEN else len(KOLOMMEN)):
                fouten.extend(Importfout(nummer, veld if veld in KOLOMMEN else "", _zonder_punt(m)) for m in form.errors[veld])
            continue
        code = form.cleaned_data["code"]
        if code in eerder:
            melding = _("'%(code)s' staat ook al in rij %(rij)s") % {"code": code, "rij": eerder[code]}
            fouten.append(Importfout(nummer, "code", melding))
            continue
        eerder[code] = nummer
        items.append(ItemGegevens(**{k: form.cleaned_data[k] for k in KOLOMMEN}))
    if fouten:
        raise ImportMislukt(fouten)
    if not items:
        raise ImportMislukt([Importfout(2, "", _("Het bestand bevat geen items."))])
    return items


def _zonder_punt(melding: str) -> str:
    return re.sub(r"\.$", "", str(melding))


# --- export --------------------------------------------------------------------------------


def _rijen(items: Iterable[Prijsitem]) -> list[list[Any]]:
    with translation.override("nl"):  # the file is the same whatever language the screen speaks
        return [[i.code, i.omschrijving, str(Eenheid(i.eenheid).label), i.prijs, i.bron, str(Wet(i.wet).label)] for i in items]


def bestandsnaam(prijslijst: Prijslijst, extensie: str) -> str:
    return f"prijslijst-{prijslijst.gemeente.slug}-{prijslijst.jaar}.{extensie}"


def exporteer_csv(items: Iterable[Prijsitem]) -> bytes:
    """Semicolons and decimal commas, with a byte-order mark: what Dutch Excel opens as is."""
    uit = io.StringIO(newline="")
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    for rij in _rijen(items):
        prijs = format(rij[3], "f").replace(".", ",")
        schrijver.writerow([*csv_rij(str(c) for c in rij[:3]), prijs, *csv_rij(str(c) for c in rij[4:])])
    return ("\ufeff" + uit.getvalue()).encode("utf-8")


def exporteer_xlsx(prijslijst: Prijslijst, items: Iterable[Prijsitem]) -> bytes:
    boek = Workbook()
    blad = boek.active
    blad.title = _("Prijslijst %(jaar)s") % {"jaar": prijslijst.jaar}
    boek.properties.title = str(prijslijst)
    blad.append(KOLOMMEN)
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for rij in _rijen(items):
        xlsx_rij(blad, rij)
        blad.cell(row=blad.max_row, column=4).number_format = "#,##0.00"
    blad.freeze_panes = "A2"
    for letter, breedte in zip("ABCDEF", (14, 48, 14, 12, 40, 18), strict=True):
        blad.column_dimensions[letter].width = breedte
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
