"""`{{ x|svg }}`: a number in an SVG attribute, never localised (samenwerk.ui.svg)."""

from __future__ import annotations

from decimal import Decimal

from django import template

from samenwerk.ui.svg import getal

register = template.Library()


@register.filter
def svg(waarde: float | int | Decimal | None) -> str:
    return getal(waarde)
