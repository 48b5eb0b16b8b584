"""Numbers in machine formats (style.md lesson 19). SVG coordinates and sizes are written with
a decimal point whatever the language of the page: a browser (and WeasyPrint) ignores a
`width="205,0"`, so a Dutch page would draw nothing. Every chart's number goes through
`getal`, in Python (`spinnenweb.py`) and in templates (the `svg` filter of `{% load svg %}`)."""

from __future__ import annotations

from decimal import Decimal


def getal(waarde: float | int | Decimal | None) -> str:
    """`205.0` → "205", `12.345` → "12.35", `None` → "0": at most two decimals, a point as the
    decimal sign, no thousands separator."""
    if waarde is None:
        return "0"
    tekst = f"{float(waarde):.2f}".rstrip("0").rstrip(".")
    return "0" if tekst in ("-0", "") else tekst


def punten(reeks: list[tuple[float, float]]) -> str:
    """An SVG `points` list: "x1,y1 x2,y2 …"."""
    return " ".join(f"{getal(x)},{getal(y)}" for x, y in reeks)
