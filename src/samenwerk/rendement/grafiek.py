"""Horizontal bar charts as plain SVG geometry (no JavaScript, CSP-safe). Pure functions:
the template `rendement/_staafdiagram.html` only draws what these return, and always shows
the same numbers in a table beside the chart. Floats are used for drawing only; the
numbers shown are the exact ones, formatted by the caller."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

# The label column holds the longest label at 13 px ("Per jaar als we niets hadden gedaan").
BREEDTE = 760
LABEL_EIND, PLOT_BEGIN, PLOT_BREEDTE = 250.0, 260.0, 355.0
WAARDE_X = PLOT_BEGIN + PLOT_BREEDTE + 8
STAAF, RUIMTE, MARGE = 22.0, 12.0, 10.0


@dataclass(frozen=True)
class Staaf:
    label: str
    tekst: str
    x: float
    y: float
    breedte: float
    negatief: bool
    tekst_y: float


@dataclass(frozen=True)
class Diagram:
    titel: str
    beschrijving: str
    staven: list[Staaf]
    hoogte: float
    nul_x: float
    breedte: int = BREEDTE
    label_x: float = LABEL_EIND
    waarde_x: float = WAARDE_X


def staafdiagram(titel: str, beschrijving: str, reeks: Sequence[tuple[str, Decimal | int | None, str]]) -> Diagram:
    """`reeks`: (label, value or None when there is no figure, the value as text)."""
    waarden = [float(w) for _l, w, _t in reeks if w is not None]
    laagste, hoogste = min([0.0, *waarden]), max([0.0, *waarden])
    bereik = (hoogste - laagste) or 1.0
    nul_x = round(PLOT_BEGIN + (0 - laagste) / bereik * PLOT_BREEDTE, 1)
    staven = []
    for i, (label, waarde, tekst) in enumerate(reeks):
        y = MARGE + i * (STAAF + RUIMTE)
        breedte = 0.0 if waarde is None else round(abs(float(waarde)) / bereik * PLOT_BREEDTE, 1)
        negatief = waarde is not None and waarde < 0
        x = round(nul_x - breedte, 1) if negatief else nul_x
        staven.append(Staaf(label, tekst, x, y, breedte, negatief, y + STAAF * 0.7))
    hoogte = MARGE * 2 + len(reeks) * (STAAF + RUIMTE) - RUIMTE
    return Diagram(titel, beschrijving, staven, max(hoogte, 40.0), nul_x)
