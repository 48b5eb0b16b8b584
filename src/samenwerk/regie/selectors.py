"""Reads for regie. Every list is one query (plus a bounded few), whatever its length."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet

from samenwerk.casussen.models import Casus
from samenwerk.gemeenten.models import Gemeente
from samenwerk.plannen.models import Afspraak

from .models import STANDAARD, AveVerantwoordelijkheid, Niveau, Niveauwijziging, Regiehandeling, Zorgsignaal

VELDEN = ("situatie", "casusregie", "procesregie", "operationeel", "bestuurlijk")


@dataclass(frozen=True)
class Verantwoordelijkheid:
    niveau: int
    label: str
    situatie: str
    casusregie: str
    procesregie: str
    operationeel: str
    bestuurlijk: str
    standaard: bool


def ave_tabel(gemeente: Gemeente | int) -> list[Verantwoordelijkheid]:
    """The municipality's table (domain.md §4): its own rows, the defaults where it has none. One query."""
    eigen = {r.niveau: r for r in AveVerantwoordelijkheid.objects.filter(gemeente=gemeente)}
    tabel = []
    for niveau in Niveau:
        rij = eigen.get(niveau.value)
        waarden: dict[str, Any] = {v: getattr(rij, v) for v in VELDEN} if rij else {v: str(STANDAARD[niveau][v]) for v in VELDEN}
        tabel.append(Verantwoordelijkheid(niveau=niveau.value, label=str(niveau.label), standaard=rij is None, **waarden))
    return tabel


def huidig_niveau(casus: Casus) -> Niveauwijziging | None:
    return casus.ave_wijzigingen.order_by("-vastgelegd_op", "-id").first()


def geschiedenis(casus: Casus) -> QuerySet[Niveauwijziging]:
    return casus.ave_wijzigingen.order_by("-vastgelegd_op", "-id")


def handelingen(casus: Casus) -> QuerySet[Regiehandeling]:
    return casus.regiehandelingen.order_by("-vastgelegd_op", "-id")


def zorgsignalen(casus: Casus) -> QuerySet[Zorgsignaal]:
    return casus.zorgsignalen.select_related("vastgelegd_door").order_by("-datum", "-id")


def afspraken(casus: Casus) -> QuerySet[Afspraak]:
    """Agreements and deadlines for the procesregisseur's view of the cooperation."""
    return (
        Afspraak.objects.filter(plan__casus=casus)
        .select_related("betrokkene__user", "betrokkene__organisatie", "netwerklid", "deelnemer", "ronde")
        .order_by(F("voltooid_op").asc(nulls_first=True), "uiterlijke_datum", "id")
    )
