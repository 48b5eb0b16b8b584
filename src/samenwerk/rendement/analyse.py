"""The figures of one micro-analysis, computed from its lines by the pure calculation of
berekening.py (exact, with formulas). Nothing here reads the database: pass the analysis
with its lines prefetched (`Microanalyse.objects.met_regels()`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any

from .berekening import EXACT, Berekening, Samenvatting, Totalen, blok, samenvatting, totalen
from .keuzes import Blok, Wet
from .models import Kostenpost, Microanalyse

KOSTENBLOKKEN = [Blok.VOOR, Blok.EENMALIG, Blok.NA, Blok.HERHALING, Blok.NIETS_DOEN]  # order of the paper form


def regels_per_blok(regels: Iterable[Kostenpost]) -> dict[Blok, list[Kostenpost]]:
    per_blok: dict[Blok, list[Kostenpost]] = {b: [] for b in KOSTENBLOKKEN}
    for regel in regels:
        per_blok[Blok(regel.blok)].append(regel)
    return per_blok


def heeft_herhaling(analyse: Microanalyse, per_blok: dict[Blok, list[Kostenpost]]) -> bool:
    """The repeat measurement exists once it has a date, a score or a cost line."""
    return bool(analyse.herhaling_datum or analyse.welzijn_herhaling is not None or per_blok[Blok.HERHALING])


def heeft_niets_doen(analyse: Microanalyse, per_blok: dict[Blok, list[Kostenpost]]) -> bool:
    return bool(analyse.scenario_niets_doen.strip() or per_blok[Blok.NIETS_DOEN])


def totalen_van(analyse: Microanalyse, per_blok: dict[Blok, list[Kostenpost]]) -> Totalen:
    """The summary's numbers only, for the aggregates: the same lines and weeks as
    `samenvatting_van`, without the formula texts."""

    def kostenregels(soort: Blok) -> list:  # type: ignore[type-arg]
        return [r.als_kostenregel() for r in per_blok[soort]]

    return totalen(
        voor=kostenregels(Blok.VOOR),
        eenmalig=kostenregels(Blok.EENMALIG),
        na=kostenregels(Blok.NA),
        herhaling=kostenregels(Blok.HERHALING) if heeft_herhaling(analyse, per_blok) else None,
        weken_per_jaar=analyse.weken_per_jaar,
    )


MILJOENSTE = Decimal(10**6)


def in_miljoensten(bedrag: Decimal) -> int:
    """An amount as a whole number of millionths of a euro (how `Bijdrage` stores amounts);
    raises rather than round if an amount ever has more decimals."""
    with localcontext(EXACT):
        return int((bedrag * MILJOENSTE).to_integral_exact())


def uit_miljoensten(aantal: int) -> Decimal:
    with localcontext(EXACT):
        return Decimal(aantal) / MILJOENSTE


def bijdrage_van(analyse: Microanalyse, regels: Iterable[Kostenpost]) -> dict[str, Any]:
    """What this analysis adds to the aggregates (cijfers.py), as the fields of `Bijdrage`:
    the summary's numbers, and whether it counts for the cost difference after and at the
    repeat measurement."""
    per_blok = regels_per_blok(regels)
    t = totalen_van(analyse, per_blok)
    herhaling = t.kosten_herhaling is not None and t.verschil_herhaling is not None
    return {
        "telt_na": telt_mee_voor_kosten(per_blok),
        "telt_herhaling": telt_mee_voor_kosten(per_blok, Blok.HERHALING) and herhaling,
        "kosten_voor": in_miljoensten(t.kosten_voor),
        "eenmalig": in_miljoensten(t.eenmalige_investering),
        "kosten_na": in_miljoensten(t.kosten_na),
        "verschil_na": in_miljoensten(t.verschil_na),
        "kosten_herhaling": in_miljoensten(t.kosten_herhaling) if herhaling else None,  # type: ignore[arg-type]
        "verschil_herhaling": in_miljoensten(t.verschil_herhaling) if herhaling else None,  # type: ignore[arg-type]
        **{f"verschil_{wet.value}": in_miljoensten(t.verschil_na_per_wet.get(wet, Decimal(0))) for wet in Wet},
    }


def samenvatting_van(analyse: Microanalyse, regels: Iterable[Kostenpost] | None = None) -> Samenvatting:
    """The summary of domain.md §6 for this analysis, with the weeks per year it stored."""
    per_blok = regels_per_blok(analyse.regels.all() if regels is None else regels)

    def kostenregels(soort: Blok) -> list:  # type: ignore[type-arg]
        return [r.als_kostenregel() for r in per_blok[soort]]

    return samenvatting(
        voor=kostenregels(Blok.VOOR),
        eenmalig=kostenregels(Blok.EENMALIG),
        na=kostenregels(Blok.NA),
        herhaling=kostenregels(Blok.HERHALING) if heeft_herhaling(analyse, per_blok) else None,
        niets_doen=kostenregels(Blok.NIETS_DOEN) if heeft_niets_doen(analyse, per_blok) else None,
        weken_per_jaar=analyse.weken_per_jaar,
    )


@dataclass(frozen=True)
class Blokweergave:
    """One cost block as the page and the PDF show it: each line with its computed amount."""

    soort: Blok
    regels: list[tuple[Kostenpost, Berekening]]
    totaal: Berekening

    @property
    def label(self) -> str:
        return str(self.soort.label)

    @property
    def nummer(self) -> str:
        return {Blok.VOOR: "1", Blok.EENMALIG: "2", Blok.NA: "3", Blok.HERHALING: "3b", Blok.NIETS_DOEN: "4"}[self.soort]


def blokken_van(analyse: Microanalyse, regels: Iterable[Kostenpost] | None = None) -> list[Blokweergave]:
    per_blok = regels_per_blok(analyse.regels.all() if regels is None else regels)
    result = []
    for soort in KOSTENBLOKKEN:
        totaal = blok(soort, [r.als_kostenregel() for r in per_blok[soort]], weken_per_jaar=analyse.weken_per_jaar)
        result.append(Blokweergave(soort, list(zip(per_blok[soort], totaal.onderdelen, strict=True)), totaal))
    return result


def telt_mee_voor_kosten(per_blok: dict[Blok, list[Kostenpost]], na: Blok = Blok.NA) -> bool:
    """The aggregates count a difference only when both sides were filled in: costs before
    and costs after (or at the repeat measurement). An analysis of a running case, with only
    the costs before, would otherwise show all of them as savings."""
    return bool(per_blok[Blok.VOOR]) and bool(per_blok[na])
