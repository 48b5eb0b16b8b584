"""Properties of the calculation of an analysis from its lines (Hypothesis, no database):
sums are exact, the difference is before − after − one-off, weekly lines scale with the
weeks setting, and the order of the lines does not matter."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from samenwerk.rendement.analyse import regels_per_blok, samenvatting_van, totalen_van
from samenwerk.rendement.keuzes import TOEGESTANE_PERIODEN, Blok, Eenheid, Periode, Wet
from samenwerk.rendement.models import Kostenpost, Microanalyse

bedragen = st.decimals(min_value=0, max_value=Decimal("99999.99"), places=2)
aantallen = st.decimals(min_value=0, max_value=Decimal("999.99"), places=2)


@st.composite
def regels(draw, blokken=tuple(Blok)):
    eenheid = draw(st.sampled_from(list(Eenheid)))
    periode = draw(st.sampled_from(sorted(TOEGESTANE_PERIODEN[eenheid])))
    return Kostenpost(
        blok=draw(st.sampled_from(blokken)),
        omschrijving="regel",
        prijs=draw(bedragen),
        eenheid=eenheid,
        wet=draw(st.sampled_from(list(Wet))),
        aantal=draw(aantallen),
        frequentie=draw(aantallen),
        periode=periode,
    )


def _analyse(weken=42):
    return Microanalyse(weken_per_jaar=weken, scenario_niets_doen="")


def _factor(regel, weken):
    if regel.blok == Blok.EENMALIG:
        return 1
    return {Periode.WEEK: weken, Periode.MAAND: 12, Periode.JAAR: 1, Periode.EENMALIG: 1}[regel.periode]


def _los(regels, blok, weken=42):
    return sum((r.prijs * r.aantal * r.frequentie * _factor(r, weken) for r in regels if r.blok == blok), Decimal(0))


@settings(max_examples=150, deadline=None)
@given(st.lists(regels(), max_size=12), st.integers(min_value=1, max_value=53))
def test_blocks_are_exact_sums_and_the_difference_is_before_minus_after_minus_one_off(lijst, weken):
    s = samenvatting_van(_analyse(weken), lijst)
    assert s.kosten_voor.bedrag == _los(lijst, Blok.VOOR, weken)
    assert s.kosten_na.bedrag == _los(lijst, Blok.NA, weken)
    assert s.eenmalige_investering.bedrag == _los(lijst, Blok.EENMALIG, weken)
    assert s.verschil_na.bedrag == s.kosten_voor.bedrag - s.kosten_na.bedrag - s.eenmalige_investering.bedrag
    assert sum(s.verschil_na_per_wet.values(), Decimal(0)) == s.verschil_na.bedrag
    if s.kosten_herhaling is not None:
        assert s.verschil_herhaling.bedrag == s.kosten_voor.bedrag - s.kosten_herhaling.bedrag - s.eenmalige_investering.bedrag


@settings(max_examples=100, deadline=None)
@given(st.lists(regels(), max_size=10), st.randoms(use_true_random=False))
def test_the_order_of_the_lines_does_not_matter(lijst, toeval):
    gehusseld = list(lijst)
    toeval.shuffle(gehusseld)
    a, b = samenvatting_van(_analyse(), lijst), samenvatting_van(_analyse(), gehusseld)
    assert [c.bedrag for c in a.cijfers()] == [c.bedrag for c in b.cijfers()]
    assert a.verschil_na_per_wet == b.verschil_na_per_wet


@settings(max_examples=100, deadline=None)
@given(st.lists(regels(blokken=(Blok.VOOR, Blok.NA)), max_size=10), st.integers(min_value=1, max_value=53))
def test_weekly_lines_scale_with_the_weeks_setting(lijst, weken):
    wekelijks = [r for r in lijst if r.periode == Periode.WEEK]
    overig = [r for r in lijst if r.periode != Periode.WEEK]
    een = samenvatting_van(_analyse(1), lijst)
    veel = samenvatting_van(_analyse(weken), lijst)
    for blok, een_bedrag, veel_bedrag in (
        (Blok.VOOR, een.kosten_voor, veel.kosten_voor),
        (Blok.NA, een.kosten_na, veel.kosten_na),
    ):
        per_week = _los(wekelijks, blok, 1)
        vast = _los(overig, blok, 1)
        assert een_bedrag.bedrag == per_week + vast
        assert veel_bedrag.bedrag == per_week * weken + vast


@settings(max_examples=150, deadline=None)
@given(st.lists(regels(), max_size=12), st.integers(min_value=1, max_value=53))
def test_the_numbers_only_totals_of_the_report_equal_the_summary(lijst, weken):
    """The report adds up `totalen_van` (no formula texts, ~7× faster at 2,000 analyses);
    it must give exactly the figures the analysis page shows."""
    analyse = _analyse(weken)
    s = samenvatting_van(analyse, lijst)
    t = totalen_van(analyse, regels_per_blok(lijst))
    assert (t.kosten_voor, t.kosten_na, t.eenmalige_investering, t.verschil_na) == (
        s.kosten_voor.bedrag, s.kosten_na.bedrag, s.eenmalige_investering.bedrag, s.verschil_na.bedrag,
    )  # fmt: skip
    assert t.verschil_na_per_wet == s.verschil_na_per_wet
    if s.kosten_herhaling is None:
        assert t.kosten_herhaling is None and t.verschil_herhaling is None
    else:
        assert (t.kosten_herhaling, t.verschil_herhaling) == (s.kosten_herhaling.bedrag, s.verschil_herhaling.bedrag)
