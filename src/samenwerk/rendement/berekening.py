"""The calculation of societal costs of a micro-analysis (domain.md §6, "Maatschappelijke
kosten"). Pure functions on dataclasses: no database, no floats, no rounding.

A cost line is price × quantity × frequency. In the yearly blocks it is normalised to a
year by the period of its frequency: a weekly line counts `weken_per_jaar` times (42 by
default, domain.md §6 and §10), a monthly line 12 times, a yearly or one-off line once. In
the one-off block (2) every line counts once. Every figure is a `Berekening` that carries
its formula as text and the figures it is made of, so a reader can check it by hand.

All arithmetic runs in a decimal context that raises instead of rounding (`Inexact`), so a
result is exact or there is no result. Round only to show (bedragen.euro).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Context, Decimal, DivisionByZero, Inexact, InvalidOperation, Overflow, localcontext

from django.utils.translation import gettext as _

from .bedragen import euro_exact, getal
from .keuzes import EIGEN_PERIODE, TOEGESTANE_PERIODEN, WEKEN_PER_JAAR, Blok, Eenheid, Periode, Wet

EXACT = Context(prec=60, traps=[InvalidOperation, DivisionByZero, Overflow, Inexact])
NUL = Decimal(0)


def _exact_getal(naam: str, waarde: object) -> Decimal:
    if isinstance(waarde, bool) or not isinstance(waarde, Decimal | int):
        raise TypeError(f"{naam} must be a Decimal (or int), not {type(waarde).__name__}: money is never a float.")
    getal_ = Decimal(waarde)
    if not getal_.is_finite():
        raise ValueError(f"{naam} must be a finite number, not {getal_}.")
    if getal_ < 0:
        raise ValueError(f"{naam} cannot be negative ({getal_}).")
    return getal_


@dataclass(frozen=True)
class Kostenregel:
    """One line of a cost block: "uur maatschappelijk werk, € 80,00 per uur, 2 uur, 1 keer
    per week". `periode` defaults to the unit's own period (a week recurs weekly); an hour
    or a consult must say how often it happens. `code` names the price-list item, if the
    price came from the list rather than being a free price."""

    omschrijving: str
    prijs: Decimal
    eenheid: Eenheid | str
    aantal: Decimal = Decimal(1)
    frequentie: Decimal = Decimal(1)
    periode: Periode | str | None = None
    wet: Wet | str = Wet.ANDERS
    code: str = ""

    def __post_init__(self) -> None:
        for naam in ("prijs", "aantal", "frequentie"):
            object.__setattr__(self, naam, _exact_getal(naam, getattr(self, naam)))
        eenheid = Eenheid(self.eenheid)
        periode = Periode(self.periode) if self.periode else EIGEN_PERIODE[eenheid]
        if periode is None:
            raise ValueError(f"A line priced {eenheid.value} needs a period: how often does it happen?")
        if periode not in TOEGESTANE_PERIODEN[eenheid]:
            raise ValueError(f"A line priced per {eenheid.value} cannot recur {periode.value}.")
        object.__setattr__(self, "eenheid", eenheid)
        object.__setattr__(self, "periode", periode)
        object.__setattr__(self, "wet", Wet(self.wet))


def overlegkosten(
    *, uurprijs: Decimal, uren: Decimal, professionals: int, omschrijving: str = "", wet: Wet | str = Wet.ANDERS, code: str = ""
) -> Kostenregel:
    """The professionals' time in a meeting, for block (2): hourly price × meeting hours ×
    number of professionals (domain.md §6)."""
    return Kostenregel(
        omschrijving=omschrijving or _("Tijd van de professionals in het overleg"),
        prijs=uurprijs,
        eenheid=Eenheid.PER_UUR,
        aantal=uren,
        frequentie=professionals,
        periode=Periode.EENMALIG,
        wet=wet,
        code=code,
    )


@dataclass(frozen=True)
class Berekening:
    """A computed figure with its formula and the figures it is made of."""

    naam: str
    bedrag: Decimal
    formule: str
    onderdelen: tuple[Berekening, ...] = ()

    def uitleg(self) -> str:
        """The whole calculation as indented text, one figure per line."""
        regels: list[str] = []

        def schrijf(berekening: Berekening, diepte: int) -> None:
            regels.append(f"{'  ' * diepte}{berekening.naam}: {berekening.formule}")
            for onderdeel in berekening.onderdelen:
                schrijf(onderdeel, diepte + 1)

        schrijf(self, 0)
        return "\n".join(regels)


def _weken(weken_per_jaar: Decimal | int) -> Decimal:
    weken = _exact_getal("weken_per_jaar", weken_per_jaar)
    if weken == 0:
        raise ValueError("weken_per_jaar must be more than zero.")
    return weken


def jaarfactor(periode: Periode | str, weken_per_jaar: Decimal | int = WEKEN_PER_JAAR) -> Decimal:
    """How many times a period fits in a year (domain.md §6): weeks `weken_per_jaar` times,
    months 12 times, a year or a one-off once."""
    return {
        Periode.WEEK: _weken(weken_per_jaar),
        Periode.MAAND: Decimal(12),
        Periode.JAAR: Decimal(1),
        Periode.EENMALIG: Decimal(1),
    }[Periode(periode)]


def _frequentie_tekst(regel: Kostenregel) -> str:
    teksten = {
        Periode.WEEK: _("%(aantal)s keer per week"),
        Periode.MAAND: _("%(aantal)s keer per maand"),
        Periode.JAAR: _("%(aantal)s keer per jaar"),
        Periode.EENMALIG: _("%(aantal)s keer (eenmalig)"),
    }
    return teksten[Periode(regel.periode)] % {"aantal": getal(regel.frequentie)}


def _prijs_tekst(regel: Kostenregel) -> str:
    return f"{euro_exact(regel.prijs)} {Eenheid(regel.eenheid).label}"


def jaarbedrag_getal(regel: Kostenregel, weken_per_jaar: Decimal | int = WEKEN_PER_JAAR) -> Decimal:
    """The number of `jaarbedrag`, without its formula (for the aggregates)."""
    factor = jaarfactor(Periode(regel.periode), weken_per_jaar)
    with localcontext(EXACT):
        return regel.prijs * regel.aantal * regel.frequentie * factor


def eenmalig_getal(regel: Kostenregel) -> Decimal:
    """The number of `eenmalig_bedrag`, without its formula."""
    if regel.periode != Periode.EENMALIG:
        raise ValueError("A line of the one-off block happens once: its period must be 'eenmalig'.")
    with localcontext(EXACT):
        return regel.prijs * regel.aantal * regel.frequentie


def _getal_van(soort: Blok, weken_per_jaar: Decimal | int) -> Callable[[Kostenregel], Decimal]:
    if soort == Blok.EENMALIG:
        return eenmalig_getal
    return lambda regel: jaarbedrag_getal(regel, weken_per_jaar)


def jaarbedrag(regel: Kostenregel, *, weken_per_jaar: Decimal | int = WEKEN_PER_JAAR) -> Berekening:
    """The yearly cost of one line in blocks (1), (3), (3b) and (4) of domain.md §6:
    price × quantity × frequency × the number of its periods in a year."""
    factor = jaarfactor(Periode(regel.periode), weken_per_jaar)
    bedrag = jaarbedrag_getal(regel, weken_per_jaar)
    delen = [_prijs_tekst(regel), getal(regel.aantal), _frequentie_tekst(regel)]
    if regel.periode == Periode.WEEK:
        delen.append(_("%(weken)s weken per jaar") % {"weken": getal(factor)})
    elif regel.periode == Periode.MAAND:
        delen.append(_("12 maanden per jaar"))
    return Berekening(regel.omschrijving, bedrag, " × ".join(delen) + f" = {euro_exact(bedrag)}")


def eenmalig_bedrag(regel: Kostenregel) -> Berekening:
    """The cost of one line in block (2), the one-off costs of the solution (domain.md
    §6): price × quantity × frequency, counted once."""
    bedrag = eenmalig_getal(regel)
    formule = f"{_prijs_tekst(regel)} × {getal(regel.aantal)} × {getal(regel.frequentie)} = {euro_exact(bedrag)}"
    return Berekening(regel.omschrijving, bedrag, formule)


def _som(naam: str, onderdelen: Sequence[Berekening]) -> Berekening:
    with localcontext(EXACT):
        totaal = sum((o.bedrag for o in onderdelen), NUL)
    if not onderdelen:
        return Berekening(naam, totaal, _("geen regels: %(bedrag)s") % {"bedrag": euro_exact(totaal)})
    formule = " + ".join(euro_exact(o.bedrag) for o in onderdelen) + f" = {euro_exact(totaal)}"
    return Berekening(naam, totaal, formule, tuple(onderdelen))


def blok(soort: Blok | str, regels: Iterable[Kostenregel], *, weken_per_jaar: Decimal | int = WEKEN_PER_JAAR) -> Berekening:
    """The total of one cost block: the sum of its lines, yearly except for block (2)."""
    soort = Blok(soort)
    if soort == Blok.EENMALIG:
        onderdelen = [eenmalig_bedrag(r) for r in regels]
    else:
        onderdelen = [jaarbedrag(r, weken_per_jaar=weken_per_jaar) for r in regels]
    return _som(str(soort.label), onderdelen)


def _verschil(naam: str, voor: Berekening, na: Berekening, eenmalig: Berekening) -> Berekening:
    with localcontext(EXACT):
        bedrag = voor.bedrag - na.bedrag - eenmalig.bedrag
    formule = _("%(voor)s − %(na)s − %(eenmalig)s = %(voor_bedrag)s − %(na_bedrag)s − %(eenmalig_bedrag)s = %(uitkomst)s") % {
        "voor": voor.naam.lower(),
        "na": na.naam.lower(),
        "eenmalig": eenmalig.naam.lower(),
        "voor_bedrag": euro_exact(voor.bedrag),
        "na_bedrag": euro_exact(na.bedrag),
        "eenmalig_bedrag": euro_exact(eenmalig.bedrag),
        "uitkomst": euro_exact(bedrag),
    }
    return Berekening(naam, bedrag, formule)


@dataclass(frozen=True)
class Samenvatting:
    """The summary of a micro-analysis (domain.md §6, "Summary"). Figures of blocks that were
    not filled in (no repeat measurement yet, no do-nothing scenario) are None, not zero."""

    weken_per_jaar: Decimal
    kosten_voor: Berekening
    eenmalige_investering: Berekening
    kosten_na: Berekening
    verschil_na: Berekening
    kosten_herhaling: Berekening | None = None
    verschil_herhaling: Berekening | None = None
    kosten_niets_doen: Berekening | None = None
    verschil_na_per_wet: dict[Wet, Decimal] = field(default_factory=dict)

    def cijfers(self) -> list[Berekening]:
        """The figures in the order of domain.md §6, leaving out what was not filled in."""
        alle = [
            self.kosten_voor,
            self.kosten_na,
            self.kosten_herhaling,
            self.eenmalige_investering,
            self.verschil_na,
            self.verschil_herhaling,
            self.kosten_niets_doen,
        ]
        return [c for c in alle if c is not None]


def per_wet(
    soort: Blok | str, regels: Iterable[Kostenregel], *, weken_per_jaar: Decimal | int = WEKEN_PER_JAAR
) -> dict[Wet, Decimal]:
    """The block's total per law or budget (domain.md §6, aggregates: "record per line")."""
    totalen: dict[Wet, Decimal] = {}
    bedrag_van = _getal_van(Blok(soort), weken_per_jaar)
    with localcontext(EXACT):
        for regel in regels:
            totalen[Wet(regel.wet)] = totalen.get(Wet(regel.wet), NUL) + bedrag_van(regel)
    return totalen


def _verschil_per_wet(delen: list[dict[Wet, Decimal]]) -> dict[Wet, Decimal]:
    """(1) − (3) − (2) per law or budget, from the blocks' totals per law."""
    with localcontext(EXACT):
        wetten = sorted(set().union(*delen))
        return {w: delen[0].get(w, NUL) - delen[1].get(w, NUL) - delen[2].get(w, NUL) for w in wetten}


@dataclass(frozen=True)
class Totalen:
    """The figures of the summary without their formulas: what the aggregates add up."""

    kosten_voor: Decimal
    eenmalige_investering: Decimal
    kosten_na: Decimal
    verschil_na: Decimal
    kosten_herhaling: Decimal | None
    verschil_herhaling: Decimal | None
    verschil_na_per_wet: dict[Wet, Decimal]


def totalen(
    *,
    voor: Sequence[Kostenregel],
    eenmalig: Sequence[Kostenregel],
    na: Sequence[Kostenregel],
    herhaling: Sequence[Kostenregel] | None = None,
    weken_per_jaar: Decimal | int = WEKEN_PER_JAAR,
) -> Totalen:
    """The same numbers as `samenvatting`, from the same per-line functions, without building
    the formula texts (which are most of the cost when a report adds up thousands)."""
    weken = _weken(weken_per_jaar)
    delen = [per_wet(Blok.VOOR, voor, weken_per_jaar=weken), per_wet(Blok.NA, na, weken_per_jaar=weken)]
    delen.append(per_wet(Blok.EENMALIG, eenmalig, weken_per_jaar=weken))
    with localcontext(EXACT):
        kosten_voor, kosten_na, investering = (sum(d.values(), NUL) for d in delen)
        kosten_herhaling = verschil_herhaling = None
        if herhaling is not None:
            kosten_herhaling = sum(per_wet(Blok.HERHALING, herhaling, weken_per_jaar=weken).values(), NUL)
            verschil_herhaling = kosten_voor - kosten_herhaling - investering
        return Totalen(
            kosten_voor=kosten_voor,
            eenmalige_investering=investering,
            kosten_na=kosten_na,
            verschil_na=kosten_voor - kosten_na - investering,
            kosten_herhaling=kosten_herhaling,
            verschil_herhaling=verschil_herhaling,
            verschil_na_per_wet=_verschil_per_wet(delen),
        )


def samenvatting(
    *,
    voor: Sequence[Kostenregel],
    eenmalig: Sequence[Kostenregel],
    na: Sequence[Kostenregel],
    herhaling: Sequence[Kostenregel] | None = None,
    niets_doen: Sequence[Kostenregel] | None = None,
    weken_per_jaar: Decimal | int = WEKEN_PER_JAAR,
) -> Samenvatting:
    """The summary figures of domain.md §6: yearly costs before (1), after (3) and at the
    repeat measurement (3b); the one-off investment (2); the difference before vs after
    including the one-off investment, (1) − (3) − (2), and the same at the repeat measurement,
    (1) − (3b) − (2); and the yearly cost if we did nothing (4)."""
    weken = _weken(weken_per_jaar)
    kosten_voor = blok(Blok.VOOR, voor, weken_per_jaar=weken)
    investering = blok(Blok.EENMALIG, eenmalig, weken_per_jaar=weken)
    kosten_na = blok(Blok.NA, na, weken_per_jaar=weken)
    verschil_na = _verschil(
        _("Verschil vooraf en achteraf, inclusief de eenmalige investering"), kosten_voor, kosten_na, investering
    )
    kosten_herhaling = verschil_herhaling = kosten_niets_doen = None
    if herhaling is not None:
        kosten_herhaling = blok(Blok.HERHALING, herhaling, weken_per_jaar=weken)
        verschil_herhaling = _verschil(
            _("Verschil vooraf en bij de herhaalmeting, inclusief de eenmalige investering"),
            kosten_voor,
            kosten_herhaling,
            investering,
        )
    if niets_doen is not None:
        kosten_niets_doen = blok(Blok.NIETS_DOEN, niets_doen, weken_per_jaar=weken)
    delen = [per_wet(Blok.VOOR, voor, weken_per_jaar=weken), per_wet(Blok.NA, na, weken_per_jaar=weken)]
    delen.append(per_wet(Blok.EENMALIG, eenmalig, weken_per_jaar=weken))
    per_wet_verschil = _verschil_per_wet(delen)
    return Samenvatting(
        weken_per_jaar=weken,
        kosten_voor=kosten_voor,
        eenmalige_investering=investering,
        kosten_na=kosten_na,
        verschil_na=verschil_na,
        kosten_herhaling=kosten_herhaling,
        verschil_herhaling=verschil_herhaling,
        kosten_niets_doen=kosten_niets_doen,
        verschil_na_per_wet=per_wet_verschil,
    )
