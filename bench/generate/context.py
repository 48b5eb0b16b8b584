"""What every part of the case generator shares: the seeded random source, the id counters,
the tables waiting for COPY, the audit events of one municipality, and today."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model

from .namen import Pools
from .organisatie import GemeenteData, Persoon
from .tabel import Ids, Tabel

DAG = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Event:
    """One access-log row to be: what happened to which case, by whom, when."""

    tijdstip: datetime.datetime
    actie: str
    gebeurtenis: str
    door: Persoon | None
    rol: str
    casus_id: int
    inwoner_id: int
    object_type: str
    object_id: Any
    segment: str
    velden: tuple[str, ...] = ()
    toestemming: bool | None = True


@dataclass
class Betrokken:
    id: int
    persoon: Persoon
    rol: str


@dataclass
class CasusInfo:
    id: int
    inwoner_id: int
    gebied_id: int
    status: str
    aanmelddatum: datetime.date
    afgesloten_op: datetime.date | None
    regisseur: Betrokken | None
    betrokkenen: list[Betrokken]
    netwerk: list[tuple[int, str]]
    toestemming: bool
    legacy: bool

    @property
    def eind(self) -> datetime.date:
        """The last day anything can have happened to the case."""
        return self.afgesloten_op or datetime.date.max

    def hoofd(self) -> Betrokken | None:
        return self.regisseur or (self.betrokkenen[0] if self.betrokkenen else None)


@dataclass
class Ctx:
    rng: random.Random
    ids: Ids
    pools: Pools
    vandaag: datetime.date
    gemeente: GemeenteData | None = None
    prijslijst: tuple[int, int] | None = None  # (id, jaar) of the municipality's price list
    tabellen: dict[type[Model], Tabel] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)

    def tabel(self, model: type[Model], velden: list[str]) -> Tabel:
        if model not in self.tabellen:
            self.tabellen[model] = Tabel(model, velden)
        return self.tabellen[model]

    def moment(self, dag: datetime.date) -> datetime.datetime:
        """A moment during office hours on that day (UTC, microseconds like a real clock)."""
        r = self.rng
        return datetime.datetime(
            dag.year,
            dag.month,
            dag.day,
            r.randint(7, 15),
            r.randint(0, 59),
            r.randint(0, 59),
            r.randint(0, 999999),
            tzinfo=datetime.UTC,
        )

    def dag_tussen(self, van: datetime.date, tot: datetime.date) -> datetime.date:
        if tot <= van:
            return van
        return van + DAG * self.rng.randint(0, (tot - van).days)

    def log(
        self,
        casus: CasusInfo,
        dag: datetime.date,
        actie: str,
        gebeurtenis: str,
        *,
        door: Betrokken | None = None,
        object_type: str = "casus",
        object_id: Any = None,
        segment: str = "casus",
        velden: tuple[str, ...] = (),
    ) -> None:
        wie = door or casus.hoofd()
        self.events.append(
            Event(
                tijdstip=self.moment(dag),
                actie=actie,
                gebeurtenis=gebeurtenis,
                door=wie.persoon if wie else None,
                rol=wie.rol if wie else "",
                casus_id=casus.id,
                inwoner_id=casus.inwoner_id,
                object_type=object_type,
                object_id=casus.id if object_id is None else object_id,
                segment=segment,
                velden=velden,
                toestemming=casus.toestemming,
            )
        )
