"""Samenwerkoverleggen of a case whose plan asked for one: the first meeting within about two
weeks of the decision, one at each evaluation, sometimes one planned in the coming weeks
(with open answers and now and then a refusal the gebiedsaanjager follows up). Participants:
the professionals of the case, the resident's network and sometimes an outside professional."""

from __future__ import annotations

import datetime
import uuid

from samenwerk.casussen.models import Gebeurtenis
from samenwerk.casussen.workflow import Status
from samenwerk.overleg.models import Deelnemer, Overleg, Weigering
from samenwerk.privacy.models import Actie

from .context import DAG, CasusInfo, Ctx
from .plannen import PlanInfo

UUR = datetime.timedelta(hours=1)
OVERLEG_VELDEN = [
    "id",
    "gemeente",
    "casus",
    "vorm",
    "soort",
    "doel",
    "begint",
    "eindigt",
    "bij_inwoner_thuis",
    "locatie",
    "locatie_reden",
    "voorzitter",
    "notulist",
    "voorzitter_soort",
    "voorzitter_betrokkene",
    "notulist_soort",
    "notulist_betrokkene",
    "antwoord_voor",
    "organisator",
    "status",
    "uid",
    "volgnummer",
    "versie",
    "lijst_akkoord_op",
    "verstuurd_door",
    "casusregisseur",
    "procesregisseur_toelichting",
    "vervolg",
    "vervolg_datum",
    "gehouden_op",
    "geannuleerd_reden",
    "aangemaakt_op",
]
DEELNEMER_VELDEN = [
    "id",
    "overleg",
    "soort",
    "naam",
    "email",
    "organisatie",
    "user",
    "netwerklid",
    "reden",
    "reden_toelichting",
    "antwoord",
    "antwoord_toelichting",
    "beantwoord_op",
    "uitgenodigd_op",
    "sleutel",
    "aanwezig",
    "afsluitronde",
]


def maak_overleggen(ctx: Ctx, casus: CasusInfo, plan: PlanInfo) -> None:
    rng, vandaag = ctx.rng, ctx.vandaag
    if plan.overleg_besloten_op is None or casus.hoofd() is None:
        return
    open_ = casus.afgesloten_op is None
    if open_ and rng.random() < 0.04:
        return  # decided, never planned: the signal engine's "not within two weeks"
    dagen = [plan.overleg_besloten_op + DAG * rng.randint(3, 13)]
    dagen += [dag for _rid, soort, dag in plan.rondes if soort == "evaluatie"]
    if rng.random() < 0.3:
        dagen.append(dagen[-1] + DAG * rng.randint(20, 40))
    if open_ and casus.status in (Status.UITVOERING, Status.EVALUATIE, Status.HEROPEND) and rng.random() < 0.5:
        dagen.append(vandaag + DAG * rng.randint(1, 21))
    for nummer, dag in enumerate(sorted(dagen)):
        if dag > vandaag + 30 * DAG or (not open_ and dag > casus.eind):
            continue
        _overleg(ctx, casus, dag, nummer)


def _overleg(ctx: Ctx, casus: CasusInfo, dag: datetime.date, nummer: int) -> None:
    rng, vandaag = ctx.rng, ctx.vandaag
    hoofd = casus.hoofd()
    overleg_id = ctx.ids.nieuw(Overleg)
    begint = datetime.datetime(dag.year, dag.month, dag.day, rng.randint(8, 15), rng.choice((0, 30)), tzinfo=datetime.UTC)
    toekomst = dag >= vandaag
    status = (
        Overleg.Status.GEPLAND if toekomst else (Overleg.Status.GEANNULEERD if rng.random() < 0.08 else Overleg.Status.GEHOUDEN)
    )
    gepland_op = ctx.moment(max(dag - DAG * rng.randint(7, 14), casus.aanmelddatum))
    gehouden = begint + 1.5 * UUR if status == Overleg.Status.GEHOUDEN else None
    ctx.tabel(Overleg, OVERLEG_VELDEN).add(
        overleg_id,
        ctx.gemeente.id,
        casus.id,
        "samenwerkwijze",
        "eerste" if nummer == 0 else "evaluatie",
        "Samen het plan doorlopen",
        begint,
        begint + 1.5 * UUR,
        True,
        "",
        "",
        hoofd.persoon.naam,
        hoofd.persoon.naam,
        "betrokkene",  # chair and note-taker: the case's lead professional
        hoofd.id,
        "betrokkene",
        hoofd.id,
        dag - 3 * DAG,
        hoofd.persoon.id,
        status,
        uuid.UUID(int=rng.getrandbits(128), version=4),
        1,
        1,
        gepland_op,
        "professional",
        casus.regisseur.id if casus.regisseur else None,
        "",
        "",
        None,
        gehouden,
        "Inwoner ziek" if status == Overleg.Status.GEANNULEERD else "",
        gepland_op,
    )
    ctx.log(casus, gepland_op.date(), Actie.CREATE, "overleg.gepland", object_type="overleg", object_id=overleg_id)
    ctx.log(casus, gepland_op.date(), Actie.UPDATE, "overleg.uitgenodigd", object_type="overleg", object_id=overleg_id)
    _tijdlijn(ctx, casus, gepland_op, "Samenwerkoverleg gepland")
    if gehouden:
        ctx.log(
            casus,
            dag,
            Actie.UPDATE,
            "overleg.afgesloten",
            object_type="overleg",
            object_id=overleg_id,
            velden=("casusregisseur", "status", "vervolg"),
        )
        _tijdlijn(ctx, casus, gehouden, "Samenwerkoverleg gehouden")
    _deelnemers(ctx, casus, overleg_id, status, gepland_op)


def _deelnemers(ctx: Ctx, casus: CasusInfo, overleg_id: int, status: str, uitgenodigd: datetime.datetime) -> None:
    rng = ctx.rng
    tabel = ctx.tabel(Deelnemer, DEELNEMER_VELDEN)
    mensen: list[tuple[str, str, str, str, int | None, int | None]] = [
        ("professional", b.persoon.naam, b.persoon.email, b.persoon.organisatie, b.persoon.id, None) for b in casus.betrokkenen
    ]
    mensen += [("netwerklid", naam, f"netwerk{lid}@bewoners.example", "", None, lid) for lid, naam in casus.netwerk]
    if rng.random() < 0.4:
        naam = " ".join(ctx.pools.naam(rng))
        mensen.append(("professional", naam, f"extern{overleg_id}@partner.example", "Huisartsenpraktijk", None, None))
    gehouden = status == Overleg.Status.GEHOUDEN
    for soort, naam, email, organisatie, user_id, lid in mensen:
        deelnemer_id = ctx.ids.nieuw(Deelnemer)
        if status == Overleg.Status.GEPLAND:
            antwoord = rng.choices(["uitgenodigd", "geaccepteerd", "afgewezen"], [0.4, 0.5, 0.1])[0]
        else:
            antwoord = "geaccepteerd" if rng.random() < 0.95 else "afgewezen"
        beantwoord = uitgenodigd + DAG * rng.randint(0, 3) if antwoord != "uitgenodigd" else None
        tabel.add(
            deelnemer_id,
            overleg_id,
            soort,
            naam,
            email,
            organisatie,
            user_id,
            lid,
            rng.choice(Deelnemer.Reden.values),
            "",
            antwoord,
            "",
            beantwoord,
            uitgenodigd,
            rng.randbytes(16).hex(),
            (antwoord == "geaccepteerd") if gehouden else None,
            "",
        )
        if antwoord == "afgewezen" and status == Overleg.Status.GEPLAND and soort == "professional":
            ctx.tabel(Weigering, ["id", "gemeente", "gebied", "deelnemer", "reden", "gemeld_op", "uitkomst", "toelichting"]).add(
                ctx.ids.nieuw(Weigering), ctx.gemeente.id, casus.gebied_id, deelnemer_id, "afgewezen", beantwoord, "open", ""
            )


def _tijdlijn(ctx: Ctx, casus: CasusInfo, tijdstip: datetime.datetime, tekst: str) -> None:
    hoofd = casus.hoofd()
    ctx.tabel(Gebeurtenis, ["id", "casus", "tijdstip", "soort", "omschrijving", "door"]).add(
        ctx.ids.nieuw(Gebeurtenis), casus.id, tijdstip, "overleg", tekst, hoofd.persoon.naam if hoofd else ""
    )
