"""The cost calculation of domain.md §6: worked examples computed by hand, and properties
that must hold for any input (Hypothesis)."""

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenwerk.rendement.berekening import (
    Berekening,
    Kostenregel,
    blok,
    eenmalig_bedrag,
    jaarbedrag,
    jaarfactor,
    overlegkosten,
    samenvatting,
)
from samenwerk.rendement.keuzes import TOEGESTANE_PERIODEN, Blok, Eenheid, Periode, Wet

D = Decimal


def regel(omschrijving, prijs, eenheid, aantal="1", frequentie="1", periode=None, wet=Wet.ANDERS):
    return Kostenregel(omschrijving, D(prijs), eenheid, D(aantal), D(frequentie), periode, wet)


# --- one line ------------------------------------------------------------------------------


def test_an_hour_each_week_counts_42_weeks():
    r = regel("Uur maatschappelijk werk", "80.00", Eenheid.PER_UUR, aantal="2", periode=Periode.WEEK)
    berekend = jaarbedrag(r)
    assert berekend.bedrag == D("6720.00")
    assert berekend.formule == "€ 80,00 per uur × 2 × 1 keer per week × 42 weken per jaar = € 6.720,00"


def test_weeks_per_year_is_a_parameter():
    r = regel("Uur maatschappelijk werk", "80.00", Eenheid.PER_UUR, aantal="2", periode=Periode.WEEK)
    assert jaarbedrag(r, weken_per_jaar=52).bedrag == D("8320.00")
    assert "52 weken per jaar" in jaarbedrag(r, weken_per_jaar=52).formule


def test_a_monthly_item_counts_12_times():
    r = regel("Maand bijstandsuitkering", "1300.00", Eenheid.PER_MAAND)
    assert jaarbedrag(r).bedrag == D("15600.00")
    assert jaarbedrag(r).formule == "€ 1.300,00 per maand × 1 × 1 keer per maand × 12 maanden per jaar = € 15.600,00"


def test_a_yearly_item_counts_once_and_a_week_can_recur_a_few_times_a_year():
    assert jaarbedrag(regel("Jaar dagbesteding", "9000", Eenheid.PER_JAAR)).bedrag == D("9000")
    respijt = regel("Week logeeropvang", "1400", Eenheid.PER_WEEK, frequentie="2", periode=Periode.JAAR)
    assert jaarbedrag(respijt).bedrag == D("2800")


def test_a_consult_per_month():
    r = regel("Consult huisarts", "35.00", Eenheid.PER_CONSULT, frequentie="2", periode=Periode.MAAND)
    assert jaarbedrag(r).bedrag == D("840.00")


def test_a_one_off_item_counts_once_in_a_yearly_block():
    r = regel("Huisuitzetting", "6000", Eenheid.EENMALIG)
    assert jaarbedrag(r).bedrag == D("6000")
    assert jaarbedrag(r).formule == "€ 6.000,00 eenmalig × 1 × 1 keer (eenmalig) = € 6.000,00"


def test_meeting_time_is_hourly_price_times_hours_times_professionals():
    r = overlegkosten(uurprijs=D("80.00"), uren=D("1.5"), professionals=5, wet=Wet.WMO)
    berekend = eenmalig_bedrag(r)
    assert berekend.bedrag == D("600.00")
    assert berekend.formule == "€ 80,00 per uur × 1,5 × 5 = € 600,00"


def test_exact_below_a_cent():
    r = regel("Kwartier telefonisch contact", "0.01", Eenheid.PER_UUR, aantal="0.25", frequentie="1", periode=Periode.JAAR)
    assert jaarbedrag(r).bedrag == D("0.0025")
    assert jaarbedrag(r).formule.endswith("= € 0,0025")


@pytest.mark.parametrize(
    ("eenheid", "periode"),
    [(Eenheid.PER_UUR, None), (Eenheid.PER_CONSULT, None), (Eenheid.PER_MAAND, Periode.WEEK), (Eenheid.PER_JAAR, Periode.MAAND)],
)
def test_a_line_must_say_a_period_that_fits_its_unit(eenheid, periode):
    with pytest.raises(ValueError):
        regel("x", "1", eenheid, periode=periode)


def test_a_line_in_the_one_off_block_must_be_one_off():
    with pytest.raises(ValueError):
        eenmalig_bedrag(regel("Uur", "80", Eenheid.PER_UUR, periode=Periode.WEEK))


@pytest.mark.parametrize("veld", ["prijs", "aantal", "frequentie"])
def test_floats_are_refused(veld):
    waarden = {"omschrijving": "x", "prijs": D("1"), "eenheid": Eenheid.PER_JAAR, veld: 1.5}
    with pytest.raises(TypeError):
        Kostenregel(**waarden)


@pytest.mark.parametrize("veld", ["prijs", "aantal", "frequentie"])
def test_negative_numbers_are_refused(veld):
    waarden = {"omschrijving": "x", "prijs": D("1"), "eenheid": Eenheid.PER_JAAR, veld: D("-1")}
    with pytest.raises(ValueError):
        Kostenregel(**waarden)


def test_weeks_per_year_must_be_positive():
    with pytest.raises(ValueError):
        jaarfactor(Periode.WEEK, 0)
    with pytest.raises(TypeError):
        jaarfactor(Periode.WEEK, 42.0)


# --- a whole micro-analysis, computed by hand -------------------------------------------------

MW_WEEK = regel("Uur maatschappelijk werk", "80.00", Eenheid.PER_UUR, aantal="2", periode=Periode.WEEK, wet=Wet.WMO)
HUISARTS = regel("Consult huisarts", "35.00", Eenheid.PER_CONSULT, frequentie="2", periode=Periode.MAAND, wet=Wet.ZVW)
BIJSTAND = regel("Maand bijstandsuitkering", "1300.00", Eenheid.PER_MAAND, wet=Wet.PARTICIPATIEWET)
VOOR = [MW_WEEK, HUISARTS, BIJSTAND]  # 6.720 + 840 + 15.600 = 23.160
EENMALIG = [
    overlegkosten(uurprijs=D("80.00"), uren=D("1.5"), professionals=5, wet=Wet.WMO),  # 600
    regel("Verhuiskosten", "1250.00", Eenheid.EENMALIG),  # 1.250
]
NA = [
    regel("Uur maatschappelijk werk", "80.00", Eenheid.PER_UUR, frequentie="2", periode=Periode.MAAND, wet=Wet.WMO),  # 1.920
    regel("Maand aanvullende bijstand", "650.00", Eenheid.PER_MAAND, wet=Wet.PARTICIPATIEWET),  # 7.800
]
HERHALING = [regel("Uur maatschappelijk werk", "80.00", Eenheid.PER_UUR, frequentie="4", periode=Periode.JAAR, wet=Wet.WMO)]
NIETS_DOEN = [
    regel("Huisuitzetting", "6000.00", Eenheid.EENMALIG, wet=Wet.ANDERS),  # 6.000
    regel("Week beschermd wonen", "1400.00", Eenheid.PER_WEEK, wet=Wet.WMO),  # 58.800
    HUISARTS,  # 840
]


def test_worked_example_summary():
    s = samenvatting(voor=VOOR, eenmalig=EENMALIG, na=NA, herhaling=HERHALING, niets_doen=NIETS_DOEN)
    assert s.kosten_voor.bedrag == D("23160.00")
    assert s.eenmalige_investering.bedrag == D("1850.00")
    assert s.kosten_na.bedrag == D("9720.00")
    assert s.kosten_herhaling.bedrag == D("320.00")
    assert s.kosten_niets_doen.bedrag == D("65640.00")
    # domain.md §6: difference before vs after including the one-off investment = before − after − one-off
    assert s.verschil_na.bedrag == D("11590.00")
    assert s.verschil_herhaling.bedrag == D("20990.00")
    assert s.verschil_na_per_wet == {
        Wet.WMO: D("4200.00"),
        Wet.ZVW: D("840.00"),
        Wet.PARTICIPATIEWET: D("7800.00"),
        Wet.ANDERS: D("-1250.00"),
    }
    assert [c.naam for c in s.cijfers()] == [
        "Kosten per jaar vooraf",
        "Kosten per jaar achteraf",
        "Kosten per jaar bij de herhaalmeting",
        "Eenmalige kosten van de oplossing",
        "Verschil vooraf en achteraf, inclusief de eenmalige investering",
        "Verschil vooraf en bij de herhaalmeting, inclusief de eenmalige investering",
        "Kosten per jaar als we niets hadden gedaan",
    ]


def test_worked_example_explains_itself():
    s = samenvatting(voor=VOOR, eenmalig=EENMALIG, na=NA)
    assert s.kosten_voor.formule == "€ 6.720,00 + € 840,00 + € 15.600,00 = € 23.160,00"
    assert s.verschil_na.formule == (
        "kosten per jaar vooraf − kosten per jaar achteraf − eenmalige kosten van de oplossing"
        " = € 23.160,00 − € 9.720,00 − € 1.850,00 = € 11.590,00"
    )
    uitleg = s.kosten_voor.uitleg()
    assert uitleg.splitlines() == [
        "Kosten per jaar vooraf: € 6.720,00 + € 840,00 + € 15.600,00 = € 23.160,00",
        "  Uur maatschappelijk werk: € 80,00 per uur × 2 × 1 keer per week × 42 weken per jaar = € 6.720,00",
        "  Consult huisarts: € 35,00 per consult × 1 × 2 keer per maand × 12 maanden per jaar = € 840,00",
        "  Maand bijstandsuitkering: € 1.300,00 per maand × 1 × 1 keer per maand × 12 maanden per jaar = € 15.600,00",
    ]


def test_blocks_not_filled_in_are_absent_not_zero():
    s = samenvatting(voor=VOOR, eenmalig=[], na=[])
    assert s.kosten_herhaling is None and s.verschil_herhaling is None and s.kosten_niets_doen is None
    assert s.eenmalige_investering.bedrag == 0
    assert s.eenmalige_investering.formule == "geen regels: € 0,00"
    assert s.verschil_na.bedrag == D("23160.00")


# --- properties -----------------------------------------------------------------------------

prijzen = st.decimals(min_value=D("0.01"), max_value=D("100000"), places=2)
hoeveelheden = st.decimals(min_value=D("0"), max_value=D("1000"), places=2)


@st.composite
def kostenregels(draw, eenmalig=False):
    eenheid = draw(st.sampled_from(list(Eenheid)))
    periode = Periode.EENMALIG if eenmalig else draw(st.sampled_from(sorted(TOEGESTANE_PERIODEN[eenheid])))
    return Kostenregel(
        omschrijving=draw(st.sampled_from(["a", "b", "c"])),
        prijs=draw(prijzen),
        eenheid=eenheid,
        aantal=draw(hoeveelheden),
        frequentie=draw(hoeveelheden),
        periode=periode,
        wet=draw(st.sampled_from(list(Wet))),
    )


weken = st.integers(min_value=1, max_value=53)


@given(st.lists(kostenregels(), max_size=8), st.randoms(use_true_random=False), weken)
def test_a_block_total_does_not_depend_on_the_order_of_lines(regels, random, w):
    geschud = random.sample(regels, len(regels))
    assert blok(Blok.VOOR, regels, weken_per_jaar=w).bedrag == blok(Blok.VOOR, geschud, weken_per_jaar=w).bedrag


@given(kostenregels(), st.integers(min_value=0, max_value=1000), weken)
def test_scaling_the_quantity_scales_the_cost(r, k, w):
    geschaald = dataclasses.replace(r, aantal=r.aantal * k)
    assert jaarbedrag(geschaald, weken_per_jaar=w).bedrag == k * jaarbedrag(r, weken_per_jaar=w).bedrag


@given(kostenregels(), weken)
def test_a_weekly_line_is_proportional_to_the_weeks_per_year(r, w):
    r = dataclasses.replace(r, eenheid=Eenheid.PER_UUR, periode=Periode.WEEK)
    assert jaarbedrag(r, weken_per_jaar=w).bedrag == jaarbedrag(r, weken_per_jaar=1).bedrag * w


@given(st.lists(kostenregels(), max_size=6), st.lists(kostenregels(), max_size=6))
def test_a_block_is_the_sum_of_its_parts(a, b):
    assert blok(Blok.NA, a + b).bedrag == blok(Blok.NA, a).bedrag + blok(Blok.NA, b).bedrag


@given(
    st.lists(kostenregels(), max_size=6),
    st.lists(kostenregels(eenmalig=True), max_size=4),
    st.lists(kostenregels(), max_size=6),
    st.lists(kostenregels(), max_size=4),
    weken,
)
def test_summary_follows_the_formulas_of_domain_md(voor, eenmalig, na, herhaling, w):
    s = samenvatting(voor=voor, eenmalig=eenmalig, na=na, herhaling=herhaling, niets_doen=na, weken_per_jaar=w)
    assert s.verschil_na.bedrag == s.kosten_voor.bedrag - s.kosten_na.bedrag - s.eenmalige_investering.bedrag
    assert s.verschil_herhaling.bedrag == s.kosten_voor.bedrag - s.kosten_herhaling.bedrag - s.eenmalige_investering.bedrag
    assert s.kosten_niets_doen.bedrag == s.kosten_na.bedrag
    assert sum(s.verschil_na_per_wet.values(), D(0)) == s.verschil_na.bedrag
    assert_no_float(s)


def assert_no_float(waarde):
    """Walk every value of the result: amounts are Decimal, nothing is a float."""
    assert not isinstance(waarde, float), waarde
    if isinstance(waarde, Berekening):
        assert isinstance(waarde.bedrag, Decimal)
    if dataclasses.is_dataclass(waarde):
        for veld in dataclasses.fields(waarde):
            assert_no_float(getattr(waarde, veld.name))
    elif isinstance(waarde, dict):
        for k, v in waarde.items():
            assert_no_float(k)
            assert_no_float(v)
    elif isinstance(waarde, list | tuple):
        for v in waarde:
            assert_no_float(v)
