"""The ecogram as plain SVG geometry (no JavaScript, CSP-safe), like plannen/spinnenweb.py:
the resident in the middle, three rings for how close someone is, one sector per circle of
life (family, friends, neighbourhood, work/school, professionals). The line to a person
shows support: solid (supportive), dashed (sometimes), dotted (not supportive) — never by
colour alone, and every person is also a row of the table beside the drawing."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from .models import Ecogrampersoon

MIDDEN = 200.0
# Short sector labels so the drawing stays legible on a phone; the table has the full names.
KORT = {
    Ecogrampersoon.Kring.FAMILIE: gettext_lazy("Familie"),
    Ecogrampersoon.Kring.VRIENDEN: gettext_lazy("Vrienden"),
    Ecogrampersoon.Kring.BUURT: gettext_lazy("Buurt"),
    Ecogrampersoon.Kring.WERK: gettext_lazy("Werk en school"),
    Ecogrampersoon.Kring.PROFESSIONAL: gettext_lazy("Professionals"),
}
RINGEN = {1: 70.0, 2: 120.0, 3: 170.0}
KRINGEN = [k.value for k in Ecogrampersoon.Kring]
LIJN = {
    Ecogrampersoon.Steun.STEUNEND: ("3", ""),
    Ecogrampersoon.Steun.WISSELEND: ("2", "8 5"),
    Ecogrampersoon.Steun.NIET: ("2", "2 4"),
}


@dataclass(frozen=True)
class Sector:
    label: str
    x: float  # label position at the outer ring
    y: float
    anker: str
    lijn_x: float  # end of the sector's border line
    lijn_y: float


@dataclass(frozen=True)
class Stip:
    naam: str
    omschrijving: str  # the person's row in words, for the <title> of the dot
    x: float
    y: float
    label_x: float
    label_y: float
    anker: str
    lijndikte: str
    streep: str  # stroke-dasharray, "" for a solid line


def _hoek(index: float) -> float:
    return -math.pi / 2 + 2 * math.pi * index / len(KRINGEN)


def _anker(x: float) -> str:
    if x < MIDDEN - 5:
        return "end"
    return "start" if x > MIDDEN + 5 else "middle"


def sectoren() -> list[Sector]:
    result = []
    for i, kring in enumerate(Ecogrampersoon.Kring):
        midden = _hoek(i + 0.5)
        x, y = MIDDEN + (RINGEN[3] + 14) * math.cos(midden), MIDDEN + (RINGEN[3] + 14) * math.sin(midden)
        grens = _hoek(i)
        result.append(
            Sector(
                label=str(KORT[kring]),
                x=round(x, 1),
                y=round(y + 4, 1),
                anker=_anker(x),
                lijn_x=round(MIDDEN + RINGEN[3] * math.cos(grens), 1),
                lijn_y=round(MIDDEN + RINGEN[3] * math.sin(grens), 1),
            )
        )
    return result


def stippen(personen: Sequence[Ecogrampersoon]) -> list[Stip]:
    """One dot per person, spread evenly within their sector on their ring."""
    groepen: dict[tuple[str, int], list[Ecogrampersoon]] = {}
    for persoon in personen:
        groepen.setdefault((persoon.kring, persoon.nabijheid), []).append(persoon)
    result = []
    for (kring, nabijheid), groep in groepen.items():
        sector = KRINGEN.index(kring) if kring in KRINGEN else len(KRINGEN) - 1
        straal = RINGEN.get(nabijheid, RINGEN[3]) - 22
        for j, persoon in enumerate(groep):
            hoek = _hoek(sector + (j + 1) / (len(groep) + 1))
            x, y = MIDDEN + straal * math.cos(hoek), MIDDEN + straal * math.sin(hoek)
            dikte, streep = LIJN.get(persoon.steun, ("2", ""))  # type: ignore[call-overload]
            result.append(
                Stip(
                    naam=persoon.naam,
                    omschrijving=f"{persoon.naam} ({persoon.relatie}): {persoon.get_nabijheid_display()}, "
                    f"{persoon.get_steun_display()}",
                    x=round(x, 1),
                    y=round(y, 1),
                    label_x=round(x + (8 if x >= MIDDEN else -8), 1),
                    label_y=round(y - 8, 1),
                    anker="start" if x >= MIDDEN else "end",
                    lijndikte=dikte,
                    streep=streep,
                )
            )
    return result
