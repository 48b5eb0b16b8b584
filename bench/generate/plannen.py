"""The Samenwerkplan of a case: its versions, the first plan and the evaluation rounds, about
a dozen agreements per plan (overdue ones in open cases, so the signal engine finds work),
the evaluations and now and then a Positieve Gezondheid measurement."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from samenwerk.casussen.models import Gebeurtenis
from samenwerk.casussen.workflow import Status
from samenwerk.plannen.models import PLANVELDEN, Afspraak, Evaluatie, GezondheidMeting, PlanVersie, Ronde, Samenwerkplan
from samenwerk.privacy.models import Actie

from .context import DAG, CasusInfo, Ctx
from .namen import IK_WIL, LEERPUNT, WAT
from .tabel import js

S = Status
EVALUATIES = {S.PLAN: (0, 0), S.UITVOERING: (0, 1), S.EVALUATIE: (1, 2), S.AFGESLOTEN: (1, 3), S.HEROPEND: (1, 3)}
AFSPRAKEN = {S.PLAN: (2, 6)}  # otherwise (8, 17): about twelve per plan


@dataclass
class PlanInfo:
    id: int
    datum: datetime.date
    rondes: list[tuple[int, str, datetime.date]]
    overleg_besloten_op: datetime.date | None


def maak_plan(ctx: Ctx, casus: CasusInfo, plandag: datetime.date) -> PlanInfo:
    rng, ids = ctx.rng, ctx.ids
    laatste = min(casus.eind, ctx.vandaag)
    plan_id = ids.nieuw(Samenwerkplan)
    # Rounds: the first plan, then an evaluation every six to ten weeks while there is time.
    rondes: list[tuple[int, str, datetime.date]] = [(ids.nieuw(Ronde), Ronde.Soort.PLAN, plandag)]
    laag, hoog = EVALUATIES.get(casus.status, (0, 1))
    for _ in range(rng.randint(laag, hoog)):
        dag = rondes[-1][2] + DAG * rng.randint(42, 70)
        if dag > laatste:
            break
        rondes.append((ids.nieuw(Ronde), Ronde.Soort.EVALUATIE, dag))
    evaluatie_datum = rondes[-1][2] + DAG * rng.randint(42, 70)
    overleg_op = plandag if rng.random() < 0.7 else None
    versie = len(rondes)
    welzijn = rng.randint(2, 7)
    inhoud = dict.fromkeys(PLANVELDEN, "") | {"ik_wil": rng.choice(IK_WIL), "welzijnscijfer": welzijn}
    ctx.tabel(
        Samenwerkplan,
        [
            "id",
            "casus",
            "gemeente",
            "datum",
            "ik_wil",
            "welzijnscijfer",
            "welzijnscijfer_toelichting",
            "ik_kan_zelf",
            "ik_kan_gevraagd",
            "nodig_kort",
            "nodig_lang",
            "gezondheid",
            "dagelijks_leven",
            "financien",
            "wonen",
            "meedoen",
            "overleg_nodig",
            "overleg_reden",
            "overleg_besloten_op",
            "evaluatie_datum",
            "evaluatie_organisator",
            "erkend_op",
            "erkend_versie",
            "versie",
        ],
    ).add(
        plan_id,
        casus.id,
        ctx.gemeente.id,
        plandag,
        inhoud["ik_wil"],
        welzijn,
        "Het gaat wisselend",
        "Koken en de kinderen naar school brengen",
        "Klussen in de buurt",
        "Rust in de financiën",
        "Een vast aanspreekpunt",
        "",
        "",
        "Betalingsachterstanden",
        "",
        "",
        overleg_op is not None,
        "Meerdere organisaties betrokken" if overleg_op else "",
        overleg_op,
        evaluatie_datum,
        "Casusregisseur",
        ctx.moment(plandag),
        versie,
        versie,
    )
    hoofd = casus.hoofd()
    versies = ctx.tabel(PlanVersie, ["id", "plan", "nummer", "inhoud", "gewijzigde_velden", "door", "door_naam", "op"])
    inhoud_js = js(inhoud)
    for nummer, (_rid, _soort, dag) in enumerate(rondes, start=1):
        versies.add(
            ids.nieuw(PlanVersie),
            plan_id,
            nummer,
            inhoud_js,
            '["ik_wil"]',
            hoofd.persoon.id if hoofd else None,
            hoofd.persoon.naam if hoofd else "",
            ctx.moment(dag),
        )
        ctx.log(
            casus, dag, Actie.UPDATE, "plan.gewijzigd", object_type="plan", object_id=plan_id, segment="plan", velden=("ik_wil",)
        )
        _tijdlijn(ctx, casus, dag, "plan", f"Plan opgeslagen (versie {nummer})")
    tabel = ctx.tabel(Ronde, ["id", "plan", "nummer", "soort", "datum"])
    for nummer, (rid, soort, dag) in enumerate(rondes):
        tabel.add(rid, plan_id, nummer, soort, dag)
        if soort == Ronde.Soort.EVALUATIE:
            _evaluatie(ctx, casus, rid, dag)
    _afspraken(ctx, casus, plan_id, rondes, laatste)
    _meting(ctx, casus, plandag)
    for _ in range(rng.randint(1, 3)):
        ctx.log(
            casus,
            ctx.dag_tussen(plandag, laatste),
            Actie.READ,
            "plan.bekeken",
            object_type="plan",
            object_id=plan_id,
            segment="plan",
        )
    return PlanInfo(plan_id, plandag, rondes, overleg_op)


def _tijdlijn(ctx: Ctx, casus: CasusInfo, dag: datetime.date, soort: str, tekst: str) -> None:
    hoofd = casus.hoofd()
    ctx.tabel(Gebeurtenis, ["id", "casus", "tijdstip", "soort", "omschrijving", "door"]).add(
        ctx.ids.nieuw(Gebeurtenis), casus.id, ctx.moment(dag), soort, tekst, hoofd.persoon.naam if hoofd else ""
    )


def _evaluatie(ctx: Ctx, casus: CasusInfo, ronde_id: int, dag: datetime.date) -> None:
    rng = ctx.rng
    ctx.tabel(
        Evaluatie,
        [
            "id",
            "ronde",
            "acties_gedaan",
            "verdere_acties_nodig",
            "welzijnscijfer",
            "welzijnscijfer_toelichting",
            "geleerd",
            "vorm",
        ],
    ).add(
        ctx.ids.nieuw(Evaluatie),
        ronde_id,
        rng.choice(Evaluatie.Acties.values),
        rng.random() < 0.6,
        rng.randint(4, 9),
        "Beter dan eerst",
        rng.choice(LEERPUNT),
        "overleg",
    )
    ctx.log(casus, dag, Actie.CREATE, "evaluatie.vastgelegd", object_type="evaluatie", object_id=ronde_id, segment="plan")
    _tijdlijn(ctx, casus, dag, "evaluatie", "Evaluatie vastgelegd")


def _afspraken(ctx: Ctx, casus: CasusInfo, plan_id: int, rondes: list, laatste: datetime.date) -> None:
    rng, vandaag = ctx.rng, ctx.vandaag
    tabel = ctx.tabel(
        Afspraak,
        [
            "id",
            "plan",
            "gemeente",
            "ronde",
            "wie",
            "betrokkene",
            "netwerklid",
            "wat",
            "start",
            "uiterlijke_datum",
            "perspectief",
            "voltooid_op",
            "intrekreden",
            "versie",
        ],
    )
    laag, hoog = AFSPRAKEN.get(casus.status, (8, 17))
    professionals = [b for b in casus.betrokkenen if b.rol != "procesregisseur"]
    for _ in range(rng.randint(laag, hoog)):
        ronde_id, _soort, start = rng.choice(rondes)
        lang = rng.random() < 0.1
        uiterlijk = start + DAG * (rng.randint(60, 120) if lang else 42)
        kans = rng.random()
        wie = "professional" if kans < 0.6 and professionals else ("netwerklid" if kans < 0.75 and casus.netwerk else "inwoner")
        door = rng.choice(professionals) if wie == "professional" else None
        lid = rng.choice(casus.netwerk)[0] if wie == "netwerklid" else None
        if casus.afgesloten_op or casus.legacy:
            klaar = ctx.dag_tussen(start, min(uiterlijk, laatste)) if rng.random() < 0.95 else None
        elif uiterlijk < vandaag:
            klaar = ctx.dag_tussen(start, min(uiterlijk, vandaag)) if rng.random() < 0.85 else None
        else:
            klaar = ctx.dag_tussen(start, vandaag) if rng.random() < 0.3 else None
        afspraak_id = ctx.ids.nieuw(Afspraak)
        wat = rng.choice(WAT)
        tabel.add(
            afspraak_id,
            plan_id,
            ctx.gemeente.id,
            ronde_id,
            wie,
            door.id if door else None,
            lid,
            wat,
            start,
            uiterlijk,
            "Binnen drie maanden duidelijkheid" if lang else "",
            klaar,
            "",
            0,
        )
        ctx.log(casus, start, Actie.CREATE, "afspraak.gemaakt", object_type="afspraak", object_id=afspraak_id, segment="plan")
        _tijdlijn(ctx, casus, start, "afspraak", f"Afspraak gemaakt: {wat}")
        if klaar:
            ctx.log(
                casus,
                klaar,
                Actie.UPDATE,
                "afspraak.voltooid",
                door=door,
                object_type="afspraak",
                object_id=afspraak_id,
                segment="plan",
                velden=("voltooid_op",),
            )
            _tijdlijn(ctx, casus, klaar, "afspraak", f"Afspraak voltooid: {wat}")


def _meting(ctx: Ctx, casus: CasusInfo, plandag: datetime.date) -> None:
    rng = ctx.rng
    dagen = [plandag] if rng.random() < 0.25 else []
    if casus.afgesloten_op and rng.random() < 0.4:
        herhaling = casus.afgesloten_op + DAG * rng.randint(190, 360)
        if herhaling < ctx.vandaag:
            dagen.append(herhaling)
    hoofd = casus.hoofd()
    tabel = ctx.tabel(
        GezondheidMeting,
        [
            "id",
            "casus",
            "gemeente",
            "datum",
            "lichaamsfuncties",
            "mentaal_welbevinden",
            "zingeving",
            "kwaliteit_van_leven",
            "meedoen",
            "dagelijks_functioneren",
            "door",
        ],
    )
    for dag in dagen:
        tabel.add(
            ctx.ids.nieuw(GezondheidMeting),
            casus.id,
            ctx.gemeente.id,
            dag,
            *(rng.randint(3, 9) for _ in range(6)),
            hoofd.persoon.id if hoofd else None,
        )
        ctx.log(casus, dag, Actie.CREATE, "gezondheid.gemeten", object_type="gezondheidmeting", segment="gezondheid")
