"""The aggregates of social return (domain.md §6, "Aggregates"): average wellbeing before →
after → repeat with n and the distribution, the total and average yearly cost difference
with n, the savings per law or budget, and a sentence in the style of a published result.
Figures only: nothing here carries a name. Cases without an analysis are counted, never
dropped.

Which cases: those of the municipality registered in the period (`aanmelddatum`), in the
area, with the organisation involved (now or before), on the route — as filtered."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenwerk.casussen.models import Betrokkene, Casus
from samenwerk.config.replica import leest_van_replica
from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie

from .analyse import bijdrage_van, uit_miljoensten
from .bedragen import euro, getal
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
    """The scores of one moment (before, after, repeat): how many analyses gave each score 1..10."""

    moment: str
    verdeling: tuple[int, ...]

    @property
    def n(self) -> int:
        return sum(self.verdeling)

    @property
    def gemiddelde(self) -> Decimal | None:
        if not self.n:
            return None
        return Decimal(sum(cijfer * aantal for cijfer, aantal in enumerate(self.verdeling, start=1))) / self.n


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


SOMMEN = ["kosten_voor", "kosten_na", "eenmalig"]  # summed per moment beside the difference
CIJFERS = range(1, 11)
GEPAARD = Q(welzijn_voor__isnull=False, welzijn_na__isnull=False)  # the published sentence's cases


@leest_van_replica
def cijfers(gemeente: Gemeente, filter_: Filter) -> Cijfers:
    """Two queries, whatever the number of cases: the number of cases, and over their
    analyses the scores and the sums of the figures stored with each (`Bijdrage`) in one
    pass. Analyses whose stored figures are missing or belong to another version (written
    around the services) are recomputed from their lines and added (two more queries)."""
    populatie = casussen(gemeente, filter_)
    analyses = Microanalyse.objects.filter(gemeente=gemeente, casus__in=populatie.values("pk"))
    actueel = Q(bijdrage__versie=F("versie"))
    na, herhaling = actueel & Q(bijdrage__telt_na=True), actueel & Q(bijdrage__telt_herhaling=True)
    sommen = analyses.aggregate(
        met=Count("pk"),
        verouderd=Count("pk", filter=~actueel),
        **{f"{m}_{c}": Count("pk", filter=Q(**{f"welzijn_{m}": c})) for m in MOMENTEN for c in CIJFERS},
        paren=Count("pk", filter=GEPAARD),
        paren_voor=Sum("welzijn_voor", filter=GEPAARD),
        paren_na=Sum("welzijn_na", filter=GEPAARD),
        na_n=Count("pk", filter=na),
        na_verschil=Sum("bijdrage__verschil_na", filter=na),
        **{f"na_{veld}": Sum(f"bijdrage__{veld}", filter=na) for veld in SOMMEN},
        **{f"wet_{w.value}": Sum(f"bijdrage__verschil_{w.value}", filter=na) for w in Wet},
        herhaling_n=Count("pk", filter=herhaling),
        herhaling_verschil=Sum("bijdrage__verschil_herhaling", filter=herhaling),
        **{f"herhaling_{veld}": Sum(f"bijdrage__{veld.replace('_na', '_herhaling')}", filter=herhaling) for veld in SOMMEN},
    )
    if sommen["verouderd"]:
        for analyse in analyses.zonder_actuele_bijdrage().met_regels():
            _tel_op(sommen, bijdrage_van(analyse, analyse.regels.all()))
    return Cijfers(
        aantal_casussen=populatie.count(),
        aantal_met_analyse=sommen["met"],
        welzijn=[Welzijn(m, tuple(sommen[f"{m}_{c}"] for c in CIJFERS)) for m in MOMENTEN],
        gepaard=(
            sommen["paren"],
            Decimal(sommen["paren_voor"]) / sommen["paren"] if sommen["paren"] else None,
            Decimal(sommen["paren_na"]) / sommen["paren"] if sommen["paren"] else None,
        ),
        kosten_na=_kosten(sommen, "na"),
        kosten_herhaling=_kosten(sommen, "herhaling"),
        per_wet={w: b for w in Wet if (b := uit_miljoensten(sommen[f"wet_{w.value}"] or 0)) or sommen["na_n"]},
    )


def _tel_op(sommen: dict[str, int | None], bijdrage: dict[str, Any]) -> None:
    """Add one recomputed analysis to the database's sums, as the database would have."""

    def plus(sleutel: str, waarde: int) -> None:
        sommen[sleutel] = (sommen[sleutel] or 0) + waarde

    if bijdrage["telt_na"]:
        plus("na_n", 1)
        plus("na_verschil", bijdrage["verschil_na"])
        for veld in SOMMEN:
            plus(f"na_{veld}", bijdrage[veld])
        for w in Wet:
            plus(f"wet_{w.value}", bijdrage[f"verschil_{w.value}"])
    if bijdrage["telt_herhaling"]:
        plus("herhaling_n", 1)
        plus("herhaling_verschil", bijdrage["verschil_herhaling"])
        for veld in SOMMEN:
            plus(f"herhaling_{veld}", bijdrage[veld.replace("_na", "_herhaling")])


def _kosten(sommen: dict[str, int | None], moment: str) -> Kosten:
    def bedrag(veld: str) -> Decimal:
        return uit_miljoensten(sommen[f"{moment}_{veld}"] or 0)

    return Kosten(
        n=sommen[f"{moment}_n"] or 0,
        totaal=bedrag("verschil"),
        kosten_voor=bedrag("kosten_voor"),
        kosten_na=bedrag("kosten_na"),
        eenmalig=bedrag("eenmalig"),
    )


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
