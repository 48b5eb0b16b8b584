"""Dutch money notation: shown rounded to cents, read back as people type it."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenwerk.rendement.bedragen import CENT, GeenBedrag, euro, euro_exact, getal, lees_bedrag


@pytest.mark.parametrize(
    ("bedrag", "tekst"),
    [
        (Decimal("1234.56"), "€ 1.234,56"),
        (Decimal("0"), "€ 0,00"),
        (Decimal("5"), "€ 5,00"),
        (Decimal("0.5"), "€ 0,50"),
        (Decimal("999.999"), "€ 1.000,00"),
        (Decimal("1234567.891"), "€ 1.234.567,89"),
        (Decimal("0.005"), "€ 0,01"),  # half up, as a Dutch reader expects
        (Decimal("0.015"), "€ 0,02"),  # not banker's rounding
        (Decimal("-1234.56"), "€ -1.234,56"),  # negative as Dutch locales print it (CLDR nl)
        (Decimal("-0.004"), "€ 0,00"),  # never "€ -0,00"
        (1200, "€ 1.200,00"),
    ],
)
def test_euro(bedrag, tekst):
    assert euro(bedrag) == tekst


def test_euro_exact_keeps_every_decimal_for_checking_by_hand():
    assert euro_exact(Decimal("6720")) == "€ 6.720,00"
    assert euro_exact(Decimal("0.005")) == "€ 0,005"
    assert euro_exact(Decimal("-12.3456")) == "€ -12,3456"


def test_getal():
    assert [getal(Decimal(x)) for x in ("2", "1.50", "1000", "0.25", "-3")] == ["2", "1,5", "1.000", "0,25", "-3"]


@pytest.mark.parametrize("geen_decimal", [1.5, "1,5", None, True])
def test_money_is_never_a_float(geen_decimal):
    with pytest.raises(TypeError):
        euro(geen_decimal)


@pytest.mark.parametrize(
    ("tekst", "bedrag"),
    [
        ("12,50", "12.50"),
        ("12,5", "12.5"),
        ("€ 1.234,56", "1234.56"),
        ("€\u00a01.234,56", "1234.56"),
        ("EUR 1234,56", "1234.56"),
        ("12,50 €", "12.50"),
        ("1234.56", "1234.56"),
        ("1.234", "1234"),
        ("1.234.567", "1234567"),
        ("1,234.56", "1234.56"),
        (" 42 ", "42"),
        ("€ -5,00", "-5.00"),
        ("-€ 5", "-5"),
    ],
)
def test_reads_amounts_as_typed_in_the_netherlands(tekst, bedrag):
    assert lees_bedrag(tekst) == Decimal(bedrag)


@pytest.mark.parametrize("tekst", ["12,5x", "", "€", "1,2,3", "12.34.56,7", "1.23.456,00", "abc", "1e5", "NaN", "--5", "12 50"])
def test_rejects_what_is_no_amount(tekst):
    with pytest.raises(GeenBedrag):
        lees_bedrag(tekst)


bedragen = st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**12), max_value=10**12, places=4)


@given(bedragen)
def test_shown_amount_reads_back_as_the_rounded_amount(bedrag):
    assert lees_bedrag(euro(bedrag)) == bedrag.quantize(CENT, rounding=ROUND_HALF_UP)


@given(bedragen)
def test_exact_amount_reads_back_unchanged(bedrag):
    assert lees_bedrag(euro_exact(bedrag)) == bedrag
