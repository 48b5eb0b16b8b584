"""Demo cases in Lindenhoven, in every stage, built through the same services a user calls
(so the access log and the timelines are real). Every resident is invented. Idempotent:
nothing is added when the demo cases exist already."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Casus
from samenwerk.gemeenten.demo import DemoContext

from . import inwoner, services
from .models import PlanLink
from .services import EvaluatieInhoud, PlanInhoud

# (voornaam, achternaam, geboren, straat, gebied, via, dagen geleden aangemeld, eindstadium)
INWONERS = [
    ("Mila", "Verhoeven", (1987, 4, 12), "Lindelaan 14", "centrum", "huisarts", 3, "aangemeld"),
    ("Daan", "Kuipers", (1959, 9, 2), "Molenweg 3", "waterkant", "woningcorporatie", 6, "geweigerd"),
    ("Yara", "El Idrissi", (1994, 1, 23), "Rietkade 41", "waterkant", "inwoner", 10, "vraagverheldering"),
    ("Henk", "Scholten", (1948, 6, 30), "Ekelhorsterweg 7", "heuvelrand", "netwerk", 20, "plan"),
    ("Sevda", "Aydın", (1979, 11, 5), "Stationsstraat 22", "centrum", "politie", 45, "uitvoering"),
    ("Ruud", "Brinkman", (1969, 3, 17), "Veldrodeweg 2", "heuvelrand", "huisarts", 120, "twee_rondes"),
    ("Anouk", "de Haan", (1991, 8, 9), "Havenplein 5", "waterkant", "professional", 200, "afgesloten"),
]


# The resident's link of the demo is public like the demo password, so `make demo` can print
# it (a real link is random and only its hash is stored). load_demo refuses production.
DEMO_INWONER_TOKEN = "demo-plan-van-sevda-aydin"  # noqa: S105 (public on purpose, demo only)


def load(ctx: DemoContext) -> None:
    if ctx.gemeente is None:
        return
    if not Casus.objects.filter(gemeente=ctx.gemeente).exists():
        _casussen(ctx)
    _inwonerlink(ctx)


def _inwonerlink(ctx: DemoContext) -> None:
    """Sevda Aydın's plan through her own link, valid for the usual period from today."""
    casus = Casus.objects.filter(gemeente=ctx.gemeente, inwoner__voornaam="Sevda").select_related("inwoner").first()
    if casus is None:
        return
    PlanLink.objects.update_or_create(
        token_hash=inwoner.hash_van(DEMO_INWONER_TOKEN),
        defaults={
            "casus": casus,
            "aangemaakt_door": ctx.mensen.get("professional"),
            "verloopt_op": timezone.now() + inwoner.GELDIG,
            "ingetrokken_op": None,
        },
    )
    pad = reverse("inwoner:plan", args=[DEMO_INWONER_TOKEN])
    ctx.meldingen.append(f"De kant van de inwoner (zonder account): het plan van {casus.inwoner} op {{site}}{pad}")


def _casussen(ctx: DemoContext) -> None:
    sanne, ahmed = ctx.mensen["professional"], ctx.mensen["professional2"]
    femke = ctx.mensen["professional3"]
    welzijn, thuiszorg = ctx.organisaties["welzijn"], ctx.organisaties["thuiszorg"]
    vandaag = timezone.localdate()
    for voornaam, achternaam, geboren, straat, gebied, via, dagen, stadium in INWONERS:
        begin = vandaag - datetime.timedelta(days=dagen)
        casus = casussen.meld_aan(
            actor=sanne,
            organisatie=welzijn,
            gebied=ctx.gebieden[gebied],
            binnengekomen_via=via,
            aanmelddatum=begin,
            inwoner=casussen.InwonerGegevens(
                voornaam=voornaam,
                achternaam=achternaam,
                geboortedatum=datetime.date(*geboren),
                straat=straat,
                postcode="1234 AB",
                woonplaats="Lindenhoven",
                telefoon="06-00000000",
            ),
            reeds_betrokken="Huisarts, thuiszorg" if via == "huisarts" else "",
        )
        if stadium == "aangemeld":
            continue
        if stadium == "geweigerd":
            casussen.leg_toestemming_vast(
                actor=sanne, casus=casus, doel="samenwerkwijze", gegeven=False, wijze="mondeling", datum=begin
            )
            continue
        casussen.leg_toestemming_vast(
            actor=sanne, casus=casus, doel="samenwerkwijze", gegeven=True, wijze="schriftelijk", datum=begin
        )
        collega = casussen.voeg_professional_toe(actor=sanne, casus=casus, user=ahmed, organisatie=thuiszorg)
        dochter = casussen.voeg_netwerklid_toe(
            actor=sanne, casus=casus, naam=f"Lotte {achternaam}", relatie="dochter", rol="familie"
        )
        if stadium == "vraagverheldering":
            continue
        _plan(sanne, casus, voornaam)
        if stadium == "plan":
            continue
        start = begin + datetime.timedelta(days=7)
        services.voeg_afspraak_toe(
            actor=sanne, casus=casus, wie="professional", betrokkene=collega, wat="Wijkverpleging twee keer per week", start=start
        )
        services.voeg_afspraak_toe(
            actor=sanne, casus=casus, wie="netwerklid", netwerklid=dochter, wat="Samen de post doornemen op zondag", start=start
        )
        services.voeg_afspraak_toe(
            actor=sanne, casus=casus, wie="inwoner", wat="Zelf de huisarts bellen over de slaapproblemen", start=start
        )
        if stadium == "uitvoering":
            continue
        for afspraak in casus.plan.afspraken.all():
            services.voltooi_afspraak(actor=sanne, afspraak=afspraak, op=min(start + datetime.timedelta(days=30), vandaag))
        services.evalueer(
            actor=sanne,
            casus=casus,
            inhoud=EvaluatieInhoud(
                acties_gedaan="deels",
                verdere_acties_nodig=True,
                welzijnscijfer=6,
                welzijnscijfer_toelichting="Rustiger, maar de schulden blijven",
                geleerd="De dochter wil meer doen dan we dachten.",
                datum=start + datetime.timedelta(days=42),
            ),
        )
        services.voeg_afspraak_toe(
            actor=sanne,
            casus=casus,
            wie="professional",
            betrokkene=collega,
            wat="Aanmelden bij Schuldhulp Op Orde",
            start=start + datetime.timedelta(days=42),
        )
        if casus.gebied == ctx.gebieden["heuvelrand"]:
            casussen.voeg_professional_toe(actor=sanne, casus=casus, user=femke, organisatie=ctx.organisaties["ggz"])
        services.evalueer(
            actor=sanne,
            casus=casus,
            inhoud=EvaluatieInhoud(
                acties_gedaan="alle",
                verdere_acties_nodig=stadium != "afgesloten",
                welzijnscijfer=8,
                geleerd="Kleine stappen werken.",
                datum=min(start + datetime.timedelta(days=84), vandaag),
            ),
        )
        if stadium == "afgesloten":
            services.meet_gezondheid(
                actor=sanne,
                casus=casus,
                datum=begin,
                lichaamsfuncties=5,
                mentaal_welbevinden=3,
                zingeving=4,
                kwaliteit_van_leven=3,
                meedoen=2,
                dagelijks_functioneren=5,
            )
            services.meet_gezondheid(
                actor=sanne,
                casus=casus,
                lichaamsfuncties=6,
                mentaal_welbevinden=7,
                zingeving=6,
                kwaliteit_van_leven=7,
                meedoen=6,
                dagelijks_functioneren=7,
            )
            casussen.wijzig_status(actor=sanne, casus=casus, naar="afgesloten", reden="Doel bereikt")


def _plan(actor: object, casus: Casus, voornaam: str) -> None:
    services.wijzig_plan(
        actor=actor,
        casus=casus,
        versie=0,
        inhoud=PlanInhoud(  # type: ignore[arg-type]
            ik_wil="Ik wil weer rust in mijn hoofd en mijn eigen post kunnen openen.",
            welzijnscijfer=4,
            welzijnscijfer_toelichting="Ik slaap slecht door de rekeningen.",
            ik_kan_zelf="Elke ochtend een wandeling; mijn dochter helpt op zondag.",
            ik_kan_gevraagd="Ik kan goed koken voor de buurtmaaltijd.",
            nodig_kort="Overzicht van mijn schulden.",
            nodig_lang="Iemand die af en toe meekijkt naar de post.",
            financien="Achterstand huur en energie.",
            wonen="Huurwoning, te groot sinds de kinderen uit huis zijn.",
            overleg_nodig=True,
            overleg_reden="Schulden, wonen en gezondheid hangen samen; meerdere organisaties nodig.",
            evaluatie_datum=casus.aanmelddatum + datetime.timedelta(days=56),
            evaluatie_organisator="Sanne de Vries",
        ),
    )
