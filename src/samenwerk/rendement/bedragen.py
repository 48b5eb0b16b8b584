"""Money and numbers in Dutch notation, exact (domain.md §6: "Money is exact: decimals,
never floats; show as € 1.234,56").

Amounts are `Decimal` everywhere; they are rounded to cents only when shown. Negative
amounts follow the Dutch convention of the Unicode CLDR (what Dutch locales print):
"€ -1.234,56".
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


class GeenBedrag(ValueError):
    """The text is not an amount of money; the message says why, in Dutch."""


def _decimal(waarde: Decimal | int) -> Decimal:
    if isinstance(waarde, bool) or not isinstance(waarde, Decimal | int):
        raise TypeError(f"Expected a Decimal, got {type(waarde).__name__}: money is never a float.")
    return Decimal(waarde)


def _groepeer(cijfers: str) -> str:
    """'1234567' -> '1.234.567'."""
    groepen = []
    while len(cijfers) > 3:
        groepen.insert(0, cijfers[-3:])
        cijfers = cijfers[:-3]
    groepen.insert(0, cijfers)
    return ".".join(groepen)


def _opmaak(waarde: Decimal, *, minimaal_decimalen: int, afronden: bool) -> tuple[str, bool]:
    if afronden:
        waarde = waarde.quantize(CENT, rounding=ROUND_HALF_UP)
    negatief = waarde < 0  # after rounding: -0.001 shows as 0,00, not as -0,00
    tekst = format(abs(waarde), "f")
    geheel, _punt, decimalen = tekst.partition(".")
    decimalen = decimalen.rstrip("0").ljust(minimaal_decimalen, "0")
    resultaat = _groepeer(geheel) + ("," + decimalen if decimalen else "")
    return resultaat, negatief


def euro(bedrag: Decimal | int) -> str:
    """An amount for display, rounded half up to cents: '€ 1.234,56', '€ -12,50'."""
    tekst, negatief = _opmaak(_decimal(bedrag), minimaal_decimalen=2, afronden=True)
    return f"€ -{tekst}" if negatief else f"€ {tekst}"


def euro_exact(bedrag: Decimal | int) -> str:
    """An amount as it was computed, with every decimal it has (at least two), so that an
    explanation can be checked by hand: '€ 6.720,00', '€ 0,005'."""
    tekst, negatief = _opmaak(_decimal(bedrag), minimaal_decimalen=2, afronden=False)
    return f"€ -{tekst}" if negatief else f"€ {tekst}"


def getal(waarde: Decimal | int) -> str:
    """A quantity in Dutch notation without needless zeros: '2', '1,5', '1.000'."""
    tekst, negatief = _opmaak(_decimal(waarde), minimaal_decimalen=0, afronden=False)
    return f"-{tekst}" if negatief else tekst


_VORM = re.compile(r"(-?)\s*(?:€|EUR)?\s*(-?)(\S*?)\s*(?:€|EUR)?", re.IGNORECASE)
_DUIZENDTALLEN = re.compile(r"\d{1,3}(\.\d{3})+")
_GETAL = re.compile(r"\d+(\.\d+)?")


def lees_bedrag(tekst: str) -> Decimal:
    """Read an amount as people type it in the Netherlands.

    Accepts '12,50', '€ 1.234,56', 'EUR 1234,56', '12,50 €', '€ -5' and '-€ 5', '1234.56' (a
    machine's decimal point) and '1.234' (a thousands separator: a price has at most two
    decimals, so '1.234' cannot be a decimal point). Raises GeenBedrag.
    """
    vorm = _VORM.fullmatch(str(tekst).strip())
    if vorm is None or (vorm[1] and vorm[2]):
        raise GeenBedrag(tekst)
    teken, ruw = vorm[1] or vorm[2], vorm[3]
    if "," in ruw and "." in ruw:
        # Both: the last one is the decimal sign ('1.234,56'; also '1,234.56').
        duizend, decimaal = (".", ",") if ruw.rindex(",") > ruw.rindex(".") else (",", ".")
        geheel, _sep, decimalen = ruw.rpartition(decimaal)
        if not re.fullmatch(r"\d{1,3}(" + re.escape(duizend) + r"\d{3})+", geheel):
            raise GeenBedrag(tekst)
        ruw = geheel.replace(duizend, "") + "." + decimalen
    elif "," in ruw:
        if ruw.count(",") > 1:
            raise GeenBedrag(tekst)
        ruw = ruw.replace(",", ".")
    elif _DUIZENDTALLEN.fullmatch(ruw):
        ruw = ruw.replace(".", "")
    if not _GETAL.fullmatch(ruw):
        raise GeenBedrag(tekst)
    return Decimal(teken + ruw)
