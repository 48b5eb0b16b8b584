"""Cases of one municipality in every stage, with the resident, the professionals involved
(a few busy casusregisseurs, many with a handful of cases), consent, the resident's
network, the AVE level and the timeline; plannen.py and overleg.py add plan, agreements and
meetings. Every step also leaves the access-log event the real service would have written."""

from __future__ import annotations

import datetime
import itertools

from samenwerk.casussen.models import Betrokkene, Binnenkomst, Casus, Gebeurtenis, Inwoner, Netwerklid, Route, Toestemming
from samenwerk.casussen.workflow import Status
from samenwerk.privacy.models import Actie
from samenwerk.regie.models import Niveauwijziging

from . import overleg, plannen, rendement
from .context import DAG, Betrokken, CasusInfo, Ctx
from .namen import RELATIES, postcode, telefoon
from .organisatie import GemeenteData, Persoon

S = Status
# Share of the cases per status, and how old (days) a case in that status can be.
OPEN_STATUSSEN = [
    (S.AANGEMELD, 0.03, 30),
    (S.TRIAGE, 0.01, 30),
    (S.TOESTEMMING, 0.02, 45),
    (S.VRAAGVERHELDERING, 0.04, 60),
    (S.PLAN, 0.05, 90),
    (S.UITVOERING, 0.12, 300),
    (S.EVALUATIE, 0.05, 400),
    (S.HEROPEND, 0.03, 500),
]
PAD = [S.AANGEMELD, S.TOESTEMMING, S.VRAAGVERHELDERING, S.PLAN, S.UITVOERING, S.EVALUATIE]
LEGACY_AANDEEL = 0.10  # closed long ago, past the retention period: what `bewaartermijn` anonymises
SKEW = 0.9  # casusregisseur of rank r gets a share ∝ r^-SKEW: the busiest ~200 open cases at 100,000


def maak_casussen(ctx: Ctx, gemeente: GemeenteData, aantal: int) -> None:
    ctx.gemeente = gemeente
    rng = ctx.rng
    gewichten = list(itertools.accumulate((r + 1) ** -SKEW for r in range(len(gemeente.professionals))))
    statussen, kansen = [], []
    for status, kans, _ouderdom in OPEN_STATUSSEN:
        statussen.append(status)
        kansen.append(kans)
    open_totaal = sum(kansen)
    for nummer in range(aantal):
        if nummer < round(aantal * LEGACY_AANDEEL):
            status, legacy = S.AFGESLOTEN, True
        else:
            legacy = False
            status = rng.choices(statussen, kansen)[0] if rng.random() < open_totaal / (1 - LEGACY_AANDEEL) else S.AFGESLOTEN
        regisseur = rng.choices(gemeente.professionals, cum_weights=gewichten)[0]
        _casus(ctx, gemeente, status, legacy, regisseur)


def _data(ctx: Ctx, status: str, legacy: bool) -> tuple[datetime.date, datetime.date | None]:
    rng, vandaag = ctx.rng, ctx.vandaag
    if legacy:  # closed 15 years and some months ago: past the default retention of 15 years
        aanmeld = vandaag - DAG * rng.randint(16 * 365, 17 * 365)
        return aanmeld, min(aanmeld + DAG * rng.randint(60, 300), vandaag - DAG * (15 * 366 + 30))
    if status == S.AFGESLOTEN:
        aanmeld = vandaag - DAG * rng.randint(60, 6 * 365)
        return aanmeld, min(aanmeld + DAG * rng.randint(40, 420), vandaag - DAG)
    ouderdom = next(o for s, _k, o in OPEN_STATUSSEN if s == status)
    return vandaag - DAG * rng.randint(1, ouderdom), None


def _casus(ctx: Ctx, gemeente: GemeenteData, status: str, legacy: bool, regisseur: Persoon) -> None:
    rng, ids = ctx.rng, ctx.ids
    aanmeld, afgesloten = _data(ctx, status, legacy)
    gebied = rng.choice(gemeente.gebieden)
    inwoner_id = ids.nieuw(Inwoner)
    voornaam, achternaam = ctx.pools.naam(rng)
    ctx.tabel(
        Inwoner,
        ["id", "gemeente", "voornaam", "achternaam", "geboortedatum", "straat", "postcode", "woonplaats", "telefoon", "email"],
    ).add(
        inwoner_id,
        gemeente.id,
        voornaam,
        achternaam,
        datetime.date(rng.randint(1935, 2006), rng.randint(1, 12), rng.randint(1, 28)),
        ctx.pools.adres(rng),
        postcode(rng),
        rng.choice(gemeente.wijken[gebied]),
        telefoon(rng),
        f"inwoner{inwoner_id}@bewoners.example",
    )
    casus_id = ids.nieuw(Casus)
    # Who takes part: the casusregisseur and 0-3 others; a few fresh cases have several
    # professionals and nobody steering yet (a signal), a few open ones a procesregisseur.
    zonder_regie = status in (S.AANGEMELD, S.TRIAGE) and rng.random() < 0.2
    anderen = rng.sample(gemeente.professionals, k=min(len(gemeente.professionals), rng.randint(1, 3) + zonder_regie))
    anderen = [p for p in anderen if p.id != regisseur.id][:3]
    tot = afgesloten if legacy else None
    betrokkenen: list[Betrokken] = []
    tabel = ctx.tabel(Betrokkene, ["id", "casus", "user", "organisatie", "rol", "sinds", "tot"])
    for persoon, rol in [(regisseur, "casusregisseur"), *((p, "deelnemer") for p in anderen)]:
        if rol == "casusregisseur" and zonder_regie:
            continue
        b = Betrokken(ids.nieuw(Betrokkene), persoon, rol)
        sinds = aanmeld if rol == "casusregisseur" else ctx.dag_tussen(aanmeld, min(aanmeld + 30 * DAG, ctx.vandaag))
        tabel.add(b.id, casus_id, persoon.id, persoon.organisatie_id, rol, sinds, tot)
        betrokkenen.append(b)
    if status not in (S.AFGESLOTEN, S.AANGEMELD, S.TRIAGE) and gemeente.procesregisseurs and rng.random() < 0.04:
        p = rng.choice(gemeente.procesregisseurs)
        b = Betrokken(ids.nieuw(Betrokkene), p, "procesregisseur")
        tabel.add(b.id, casus_id, p.id, p.organisatie_id or regisseur.organisatie_id, b.rol, aanmeld + 20 * DAG, None)
    regie = next((b for b in betrokkenen if b.rol == "casusregisseur"), None)
    casus = CasusInfo(casus_id, inwoner_id, gebied, status, aanmeld, afgesloten, regie, betrokkenen, [], False, legacy)
    ctx.tabel(
        Casus,
        [
            "id",
            "gemeente",
            "gebied",
            "inwoner",
            "route",
            "status",
            "binnengekomen_via",
            "aangemeld_door",
            "aanmelddatum",
            "reeds_betrokken",
            "aanleiding",
            "afsluitreden",
            "afgesloten_op",
            "geanonimiseerd_op",
            "aangemaakt_op",
            "gewijzigd_op",
        ],
    ).add(
        casus_id,
        gemeente.id,
        gebied,
        inwoner_id,
        Route.TAFEL if rng.random() < 0.05 else Route.SAMENWERKWIJZE,
        status,
        rng.choice(Binnenkomst.values),
        f"{regisseur.naam}, {regisseur.organisatie}",
        aanmeld,
        "Huisarts en schuldhulp",
        "Zorgen over de thuissituatie",
        "Doelen bereikt" if afgesloten else "",
        afgesloten,
        None,
        ctx.moment(aanmeld),
        ctx.moment(afgesloten or aanmeld),
    )
    _geschiedenis(ctx, casus)


def _geschiedenis(ctx: Ctx, casus: CasusInfo) -> None:
    rng = ctx.rng
    tijdlijn = ctx.tabel(Gebeurtenis, ["id", "casus", "tijdstip", "soort", "omschrijving", "door"])
    hoofd = casus.hoofd()
    door = hoofd.persoon.naam if hoofd else ""

    def gebeurd(dag: datetime.date, soort: str, tekst: str) -> None:
        tijdlijn.add(ctx.ids.nieuw(Gebeurtenis), casus.id, ctx.moment(dag), soort, tekst, door)

    gebeurd(casus.aanmelddatum, "aanmelding", "Aangemeld")
    ctx.log(casus, casus.aanmelddatum, Actie.CREATE, "casus.aangemeld", segment="persoonsgegevens")
    for b in casus.betrokkenen:
        ctx.log(casus, casus.aanmelddatum, Actie.CREATE, "betrokkene.toegevoegd", object_type="betrokkene", object_id=b.id)
    if casus.regisseur:
        gebeurd(casus.aanmelddatum, "casusregie", f"{casus.regisseur.persoon.naam} is casusregisseur")
    # The statuses the case went through, one step every few days.
    eind = casus.status if casus.status not in (S.AFGESLOTEN, S.HEROPEND) else S.EVALUATIE
    stappen = PAD[: PAD.index(eind) + 1] if eind in PAD else PAD[:1]
    if casus.status == S.TRIAGE:
        stappen = [S.AANGEMELD, S.TRIAGE]
    if casus.status == S.AFGESLOTEN and rng.random() < 0.15:  # closed before any plan
        stappen = PAD[:2]
    laatste = min(casus.eind, ctx.vandaag)
    dagen = [casus.aanmelddatum]
    for _stap in stappen[1:]:
        dagen.append(min(dagen[-1] + DAG * rng.randint(3, 20), laatste))
    for stap, dag in zip(stappen[1:], dagen[1:], strict=True):
        gebeurd(dag, "status", f"Status: {stap}")
        ctx.log(casus, dag, Actie.UPDATE, "casus.status", velden=("status",))
        if stap == S.TOESTEMMING:
            _toestemming(ctx, casus, dag)
    if S.VRAAGVERHELDERING in stappen:
        _netwerk(ctx, casus, dagen[min(2, len(dagen) - 1)])
        if S.PLAN in stappen:
            plan = plannen.maak_plan(ctx, casus, dagen[stappen.index(S.PLAN)])
            overleg.maak_overleggen(ctx, casus, plan)
            if ctx.prijslijst:
                rendement.maak_analyse(ctx, casus, *ctx.prijslijst)
    slot = {S.AFGESLOTEN: [S.AFGESLOTEN], S.HEROPEND: [S.AFGESLOTEN, S.HEROPEND]}.get(casus.status, [])
    for stap in slot:
        dag = casus.afgesloten_op or min(dagen[-1] + 60 * DAG, ctx.vandaag)
        gebeurd(dag, "status", f"Status: {stap}")
        ctx.log(casus, dag, Actie.UPDATE, "casus.status", velden=("status",))
    _ave(ctx, casus)
    # Reads: the case page and the plan are opened every now and then.
    for _ in range(rng.randint(1, 4)):
        ctx.log(casus, ctx.dag_tussen(casus.aanmelddatum, laatste), Actie.READ, "casus.bekeken", segment="persoonsgegevens")


def _toestemming(ctx: Ctx, casus: CasusInfo, dag: datetime.date) -> None:
    hoofd = casus.hoofd()
    ctx.tabel(
        Toestemming,
        ["id", "casus", "doel", "geldt_voor", "gegeven", "datum", "wijze", "toelichting", "vastgelegd_door", "vastgelegd_op"],
    ).add(
        ctx.ids.nieuw(Toestemming),
        casus.id,
        Toestemming.Doel.SAMENWERKWIJZE,
        "",
        True,
        dag,
        Toestemming.Wijze.MONDELING,
        "",
        hoofd.persoon.id if hoofd else None,
        ctx.moment(dag),
    )
    casus.toestemming = True
    ctx.log(casus, dag, Actie.CREATE, "toestemming.vastgelegd", object_type="toestemming", segment="toestemming")


def _netwerk(ctx: Ctx, casus: CasusInfo, dag: datetime.date) -> None:
    rng = ctx.rng
    tabel = ctx.tabel(Netwerklid, ["id", "casus", "naam", "relatie", "rol", "telefoon", "email"])
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
        lid_id = ctx.ids.nieuw(Netwerklid)
        naam = " ".join(ctx.pools.naam(rng))
        relatie = rng.choice(RELATIES)
        rol = "vrijwilliger" if relatie == "vrijwilliger" else rng.choice(["familie", "vriend", "buur"])
        tabel.add(lid_id, casus.id, naam, relatie, rol, telefoon(rng), f"netwerk{lid_id}@bewoners.example")
        casus.netwerk.append((lid_id, naam))
        ctx.log(casus, dag, Actie.CREATE, "netwerklid.toegevoegd", object_type="netwerklid", object_id=lid_id)


def _ave(ctx: Ctx, casus: CasusInfo) -> None:
    rng = ctx.rng
    hoofd = casus.hoofd()
    if hoofd is None or rng.random() > 0.3:
        return
    naar = 3 if rng.random() < 0.1 else 2
    ctx.tabel(
        Niveauwijziging,
        [
            "id",
            "casus",
            "gemeente",
            "van",
            "naar",
            "reden",
            "datum",
            "besloten_door",
            "besloten_door_naam",
            "rol",
            "vastgelegd_op",
        ],
    ).add(
        ctx.ids.nieuw(Niveauwijziging),
        casus.id,
        ctx.gemeente.id,
        None,
        naar,
        "Vastgesteld bij de start",
        casus.aanmelddatum,
        hoofd.persoon.id,
        hoofd.persoon.naam,
        hoofd.rol,
        ctx.moment(casus.aanmelddatum),
    )
