from decimal import Decimal

from django import template

from samenwerk.rendement.bedragen import euro as _euro

register = template.Library()


@register.filter
def euro(bedrag: Decimal | int | None) -> str:
    """'€ 1.234,56' (domain.md §6); empty when there is no amount."""
    return "" if bedrag is None else _euro(bedrag)
