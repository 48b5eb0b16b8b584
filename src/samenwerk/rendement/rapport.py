"""The social-return report: the aggregates of cijfers.py as charts with tables, and as a
CSV or XLSX file. Figures only, no names."""

from __future__ import annotations

import csv
import io
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from samenwerk.ui.spreadsheet import veilige_cel, xlsx_rij

from .bedragen import euro
from .cijfers import Cijfers, Filter, een_decimaal
from .grafiek import Diagram, staafdiagram
from .keuzes import Wet

CENT = Decimal("0.01")
MOMENT_LABELS = {"voor": "vooraf", "na": "achteraf", "herhaling": "bij de herhaalmeting"}


def _moment(moment: str) -> str:
    return {"voor": _("Vooraf"), "na": _("Achteraf"), "herhaling": _("Bij de herhaalmeting")}[moment]


def _n(n: int) -> str:
    return _("n = %(n)s") % {"n": n}


def diagrammen(c: Cijfers) -> dict[str, Diagram]:
    welzijn = [
        (
            f"{_moment(w.moment)} ({_n(w.n)})",
            w.gemiddelde,
            een_decimaal(w.gemiddelde) if w.gemiddelde is not None else _("geen gegevens"),
        )
        for w in c.welzijn
    ]
    k = c.kosten_na
    kosten = [
        (_("Kosten per jaar vooraf"), k.kosten_voor, euro(k.kosten_voor)),
        (_("Eenmalige investering"), k.eenmalig, euro(k.eenmalig)),
        (_("Kosten per jaar achteraf"), k.kosten_na, euro(k.kosten_na)),
        (_("Verschil per jaar"), k.totaal, euro(k.totaal)),
    ]
    wetten = [(Wet(w).label, b, euro(b)) for w, b in c.per_wet.items()]
    return {
        "welzijn": staafdiagram(
            _("Gemiddeld welzijnscijfer"),
            _(
                "Het gemiddelde welzijnscijfer (1 tot en met 10) vooraf, achteraf en bij de "
                "herhaalmeting, met het aantal casussen; de cijfers staan in de tabel ernaast."
            ),
            welzijn,
        ),
        "kosten": staafdiagram(
            _("Maatschappelijke kosten, opgeteld"),
            _(
                "Over %(n)s casussen met kosten vooraf en achteraf: de kosten per jaar vooraf en achteraf, de "
                "eenmalige investering en het verschil; de bedragen staan in de tabel ernaast."
            )
            % {"n": k.n},
            kosten,
        ),
        "wetten": staafdiagram(
            _("Besparing per wet of budget"),
            _(
                "Het verschil per jaar (vooraf − achteraf − eenmalig) per wet of budget; een negatief "
                "bedrag is een kostenstijging. De bedragen staan in de tabel ernaast."
            ),
            wetten,
        ),
    }


def rijen(c: Cijfers, filter_: Filter) -> list[list[Any]]:
    """The figures as rows: onderdeel, omschrijving, n, waarde (exact Decimals; averages of
    money to cents, of scores to one decimal)."""

    def geld(bedrag: Decimal | None) -> Decimal | None:
        return None if bedrag is None else bedrag.quantize(CENT, rounding=ROUND_HALF_UP)

    def score(waarde: Decimal | None) -> Decimal | None:
        return None if waarde is None else waarde.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    selectie = [
        f"{label}: {waarde}"
        for label, waarde in (
            (_("gebied"), filter_.gebied),
            (_("aangemeld vanaf"), filter_.van),
            (_("aangemeld tot en met"), filter_.tot),
            (_("organisatie"), filter_.organisatie),
            (_("route"), filter_.route),
        )
        if waarde
    ]
    uit: list[list[Any]] = [
        [_("Selectie"), "; ".join(selectie) or _("alle casussen van de gemeente"), None, None],
        [_("Casussen"), _("in de selectie"), None, c.aantal_casussen],
        [_("Casussen"), _("met een micro-analyse"), None, c.aantal_met_analyse],
        [_("Casussen"), _("zonder micro-analyse"), None, c.aantal_zonder_analyse],
    ]
    for w in c.welzijn:
        uit.append(
            [_("Welbevinden"), _("gemiddeld %(moment)s") % {"moment": _moment(w.moment).lower()}, w.n, score(w.gemiddelde)]
        )
    n, voor, na = c.gepaard
    uit.append([_("Welbevinden"), _("gemiddeld vooraf, casussen met vooraf én achteraf"), n, score(voor)])
    uit.append([_("Welbevinden"), _("gemiddeld achteraf, casussen met vooraf én achteraf"), n, score(na)])
    for w in c.welzijn:
        for cijfer, aantal in enumerate(w.verdeling, start=1):
            uit.append(
                [
                    _("Verdeling %(moment)s") % {"moment": _moment(w.moment).lower()},
                    _("cijfer %(cijfer)s") % {"cijfer": cijfer},
                    w.n,
                    aantal,
                ]
            )
    for label, k in ((_("achteraf"), c.kosten_na), (_("bij de herhaalmeting"), c.kosten_herhaling)):
        kop = _("Kosten %(moment)s") % {"moment": label}
        uit.append([kop, _("kosten per jaar vooraf, opgeteld"), k.n, geld(k.kosten_voor)])
        uit.append([kop, _("eenmalige investering, opgeteld"), k.n, geld(k.eenmalig)])
        uit.append([kop, _("kosten per jaar, opgeteld"), k.n, geld(k.kosten_na)])
        uit.append([kop, _("verschil per jaar (vooraf − later − eenmalig), opgeteld"), k.n, geld(k.totaal)])
        uit.append([kop, _("verschil per jaar, gemiddeld per casus"), k.n, geld(k.gemiddeld)])
    for wet, bedrag in c.per_wet.items():
        uit.append([_("Verschil per wet of budget"), str(Wet(wet).label), c.kosten_na.n, geld(bedrag)])
    uit.append([_("Resultaat"), c.zin, None, None])
    return uit


KOLOMMEN = ["onderdeel", "omschrijving", "n", "waarde"]


def exporteer_csv(regels: list[list[Any]]) -> bytes:
    """Semicolons and decimal commas with a byte-order mark, as Dutch Excel opens them."""
    uit = io.StringIO(newline="")
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    for rij in regels:
        schrijver.writerow(
            [
                "" if c is None else format(c, "f").replace(".", ",") if isinstance(c, Decimal) else veilige_cel(str(c))
                for c in rij
            ]
        )
    return ("\ufeff" + uit.getvalue()).encode("utf-8")


def exporteer_xlsx(regels: list[list[Any]]) -> bytes:
    boek = Workbook()
    blad = boek.active
    blad.title = _("Maatschappelijk rendement")
    blad.append(KOLOMMEN)
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for rij in regels:
        xlsx_rij(blad, rij)
    blad.freeze_panes = "A2"
    for letter, breedte in zip("ABCD", (34, 70, 8, 16), strict=True):
        blad.column_dimensions[letter].width = breedte
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
