"""The aggregates of social return (domain.md §6, "Aggregates"): average wellbeing before →
after → repeat with n and the distribution, the total and average yearly cost difference
with n, the savings per law or budget, and a sentence in the style of a published result.
Figures only: nothing here carries a name. Cases without an analysis are counted, never
dropped.

Which cases: those of the municipality registered in the period (`aanmelddatum`), in the
area, with the organisation involved (now or before), on the route — as filtered."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenwerk.casussen.models import Betrokkene, Casus
from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie

from .analyse import bijdrage_van
from .bedragen import euro, getal
from .berekening import EXACT
from .keuzes import Wet
from .models import MOMENTEN, Microanalyse

NUL = Decimal(0)


@dataclass(frozen=True)
class Filter:
    gebied: Gebied | None = None
    van: datetime.date | None = None
    tot: datetime.date | None = None
    organisatie: Organisatie | None = None
    route: str = ""


@dataclass(frozen=True)
class Welzijn:
    """The scores of one moment (before, after, repeat)."""

    moment: str
    scores: tuple[int, ...]

    @property
    def n(self) -> int:
        return len(self.scores)

    @property
    def gemiddelde(self) -> Decimal | None:
        return gemiddelde(self.scores)

    @property
    def verdeling(self) -> list[int]:
        """How many analyses gave each score 1..10."""
        return [self.scores.count(cijfer) for cijfer in range(1, 11)]


@dataclass(frozen=True)
class Kosten:
    """The yearly cost difference (before − after − one-off) over the analyses that have both sides."""

    n: int = 0
    totaal: Decimal = NUL
    kosten_voor: Decimal = NUL
    kosten_na: Decimal = NUL
    eenmalig: Decimal = NUL

    @property
    def gemiddeld(self) -> Decimal | None:
        if not self.n:
            return None
        return self.totaal / self.n  # for display only (rounded to cents there)


@dataclass
class Cijfers:
    aantal_casussen: int
    aantal_met_analyse: int
    welzijn: list[Welzijn]
    gepaard: tuple[int, Decimal | None, Decimal | None]  # cases with before and after: n, average before, average after
    kosten_na: Kosten
    kosten_herhaling: Kosten
    per_wet: dict[Wet, Decimal] = field(default_factory=dict)

    @property
    def aantal_zonder_analyse(self) -> int:
        return self.aantal_casussen - self.aantal_met_analyse

    @property
    def zin(self) -> str:
        return resultaatzin(self.gepaard, self.kosten_na)


def gemiddelde(getallen: Iterable[int | Decimal]) -> Decimal | None:
    reeks = list(getallen)
    if not reeks:
        return None
    with localcontext(EXACT):
        som = sum((Decimal(g) for g in reeks), NUL)
    return som / len(reeks)


def casussen(gemeente: Gemeente, filter_: Filter) -> QuerySet[Casus]:
    qs = Casus.objects.filter(gemeente=gemeente)
    if filter_.gebied is not None:
        qs = qs.filter(gebied=filter_.gebied)
    if filter_.van is not None:
        qs = qs.filter(aanmelddatum__gte=filter_.van)
    if filter_.tot is not None:
        qs = qs.filter(aanmelddatum__lte=filter_.tot)
    if filter_.organisatie is not None:
        qs = qs.filter(Exists(Betrokkene.objects.filter(casus=OuterRef("pk"), organisatie=filter_.organisatie)))
    if filter_.route:
        qs = qs.filter(route=filter_.route)
    return qs


def cijfers(gemeente: Gemeente, filter_: Filter) -> Cijfers:
    """Two queries, whatever the number of cases: the counts, and per analysis its scores and
    the figures stored with it. Analyses whose stored figures are missing or older than the
    analysis (written around the services) are recomputed from their lines: two more."""
    populatie = casussen(gemeente, filter_)
    telling = populatie.aggregate(alle=Count("pk"), met=Count("pk", filter=Q(microanalyse__isnull=False)))
    rijen = list(
        Microanalyse.objects.filter(gemeente=gemeente, casus__in=populatie.values("pk"))
        .order_by("pk")
        .values_list("pk", "versie", "totalen_versie", "totalen", *(f"welzijn_{m}" for m in MOMENTEN))
    )
    verouderd = [pk for pk, versie, totalen_versie, *_rest in rijen if totalen_versie != versie]
    opnieuw = {a.pk: bijdrage_van(a, a.regels.all()) for a in Microanalyse.objects.filter(pk__in=verouderd).met_regels()}
    bijdragen = [(opnieuw.get(pk) or totalen, tuple(scores)) for pk, _v, _tv, totalen, *scores in rijen]
    return bereken(bijdragen, aantal_casussen=telling["alle"], aantal_met_analyse=telling["met"])


Bijdrage = tuple[dict[str, Any], tuple[int | None, ...]]  # bijdrage_van(analyse), and its scores in MOMENTEN order


def bereken(bijdragen: list[Bijdrage], *, aantal_casussen: int, aantal_met_analyse: int) -> Cijfers:
    """The aggregates over what each analysis adds (pure: no queries)."""
    welzijn = [Welzijn(m, tuple(scores[i] for _b, scores in bijdragen if scores[i] is not None)) for i, m in enumerate(MOMENTEN)]
    paren = [(scores[0], scores[1]) for _b, scores in bijdragen if scores[0] is not None and scores[1] is not None]
    gepaard = (len(paren), gemiddelde(v for v, _n in paren), gemiddelde(n for _v, n in paren))
    na, herhaling, per_wet = Kosten(), Kosten(), dict.fromkeys(Wet, NUL)
    with localcontext(EXACT):
        for b, _scores in bijdragen:
            if b["telt_na"]:
                voor, eenmalig = Decimal(b["kosten_voor"]), Decimal(b["eenmalig"])
                na = _tel(na, Decimal(b["verschil_na"]), voor, Decimal(b["kosten_na"]), eenmalig)
                for wet, bedrag in b["per_wet"].items():
                    per_wet[Wet(wet)] += Decimal(bedrag)
            if b["telt_herhaling"]:
                voor, eenmalig = Decimal(b["kosten_voor"]), Decimal(b["eenmalig"])
                herhaling = _tel(herhaling, Decimal(b["verschil_herhaling"]), voor, Decimal(b["kosten_herhaling"]), eenmalig)
    return Cijfers(
        aantal_casussen=aantal_casussen,
        aantal_met_analyse=aantal_met_analyse,
        welzijn=welzijn,
        gepaard=gepaard,
        kosten_na=na,
        kosten_herhaling=herhaling,
        per_wet={w: b for w, b in per_wet.items() if b or na.n},
    )


def _tel(k: Kosten, verschil: Decimal, voor: Decimal, na: Decimal, eenmalig: Decimal) -> Kosten:
    return Kosten(k.n + 1, k.totaal + verschil, k.kosten_voor + voor, k.kosten_na + na, k.eenmalig + eenmalig)


def een_decimaal(waarde: Decimal) -> str:
    """'3,5': an average score as published."""
    return getal(waarde.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def hele_euros(bedrag: Decimal) -> str:
    """'€ 130.000': an amount in a sentence, rounded half up to whole euros (the tables show cents)."""
    return euro(bedrag.quantize(Decimal(1), rounding=ROUND_HALF_UP))[:-3]


def _casussen(n: int) -> str:
    return ngettext("%(n)s casus", "%(n)s casussen", n) % {"n": n}


def welzijnszin(gepaard: tuple[int, Decimal | None, Decimal | None]) -> str:
    n, voor, na = gepaard
    if n == 0 or voor is None or na is None:
        return _("Er is nog geen casus met een welzijnscijfer vooraf én achteraf")
    waarden = {"voor": een_decimaal(voor), "na": een_decimaal(na), "casussen": _casussen(n)}
    if een_decimaal(voor) == een_decimaal(na):
        if n == 1:
            return _("Het ervaren welbevinden bleef gelijk op %(voor)s (%(casussen)s)") % waarden
        return _("Het ervaren welbevinden bleef gemiddeld gelijk op %(voor)s (%(casussen)s)") % waarden
    if na > voor:
        if n == 1:
            return _("Het ervaren welbevinden steeg van %(voor)s naar %(na)s (%(casussen)s)") % waarden
        return _("Het ervaren welbevinden steeg gemiddeld van %(voor)s naar %(na)s (%(casussen)s)") % waarden
    if n == 1:
        return _("Het ervaren welbevinden daalde van %(voor)s naar %(na)s (%(casussen)s)") % waarden
    return _("Het ervaren welbevinden daalde gemiddeld van %(voor)s naar %(na)s (%(casussen)s)") % waarden


def kostenzin(kosten: Kosten) -> str:
    if kosten.n == 0:
        return _("er is nog geen casus met maatschappelijke kosten vooraf én achteraf")
    waarden = {"bedrag": hele_euros(abs(kosten.totaal)), "casussen": _casussen(kosten.n)}
    if hele_euros(abs(kosten.totaal)) == "€ 0":
        return _("de maatschappelijke kosten bleven gelijk (%(casussen)s)") % waarden
    if kosten.totaal > 0:  # before − after − one-off > 0: the costs went down
        return _("de maatschappelijke kosten daalden met %(bedrag)s per jaar (%(casussen)s)") % waarden
    return _("de maatschappelijke kosten stegen met %(bedrag)s per jaar (%(casussen)s)") % waarden


def resultaatzin(gepaard: tuple[int, Decimal | None, Decimal | None], kosten: Kosten) -> str:
    """'Het ervaren welbevinden steeg gemiddeld van 3,5 naar 8,3 (21 casussen); de
    maatschappelijke kosten daalden met € 130.000 per jaar (32 casussen).'"""
    return f"{welzijnszin(gepaard)}; {kostenzin(kosten)}."
