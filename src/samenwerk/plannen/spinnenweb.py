"""The Positieve Gezondheid spider chart as plain SVG geometry (no JavaScript, CSP-safe).
Pure functions: the template only draws what these return."""

from __future__ import annotations

import math
from dataclasses import dataclass

from samenwerk.ui.svg import punten

MIDDEN, STRAAL = 200.0, 140.0


@dataclass(frozen=True)
class As:
    label: str
    x: float
    y: float
    label_x: float
    label_y: float
    anker: str


@dataclass(frozen=True)
class Veelhoek:
    datum: str
    punten: str
    laatste: bool


def _punt(index: int, aantal: int, waarde: float) -> tuple[float, float]:
    hoek = -math.pi / 2 + 2 * math.pi * index / aantal
    r = STRAAL * waarde / 10
    return round(MIDDEN + r * math.cos(hoek), 1), round(MIDDEN + r * math.sin(hoek), 1)


def assen(labels: list[str]) -> list[As]:
    result = []
    for i, label in enumerate(labels):
        x, y = _punt(i, len(labels), 10)
        lx, ly = _punt(i, len(labels), 11.6)
        anker = "middle" if abs(lx - MIDDEN) < 5 else ("start" if lx > MIDDEN else "end")
        result.append(As(label, x, y, lx, ly, anker))
    return result


def ringen(aantal: int) -> list[str]:
    """The 2-4-6-8-10 web."""
    return [punten([_punt(i, aantal, niveau) for i in range(aantal)]) for niveau in (2, 4, 6, 8, 10)]


def veelhoeken(metingen: list[tuple[str, list[int]]]) -> list[Veelhoek]:
    return [
        Veelhoek(
            datum,
            punten([_punt(i, len(scores), s) for i, s in enumerate(scores)]),
            n == len(metingen) - 1,
        )
        for n, (datum, scores) in enumerate(metingen)
    ]
