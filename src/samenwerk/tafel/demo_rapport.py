"""Demo history of Tafel Lindenhoven for the stuurgroep report (issue 23 item 10): the year
behind it (a meeting every two weeks), a dozen earlier registrations that went through the
table — triaged, an MDO+ held (most with the resident's network in the closed part, the plan
agreed afterwards), agreements carried out by the network, some cases closed — with their
casus checks and procesevaluaties, and a flexible budget of € 5,000 for two years with
spending decided in those MDO+ meetings. All names are fictional.

The table's decisions and evaluations go through the services; what happened long ago in
other apps (an MDO+ held months back, a plan agreed, a case closed) is written as the
records those apps leave behind, because their services only plan forward. Runs after
tafel.demo; idempotent."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Casus, Netwerklid
from samenwerk.casussen.workflow import Status
from samenwerk.gemeenten.demo import DemoContext
from samenwerk.overleg.models import Agendapunt, Deelnemer, Overleg
from samenwerk.plannen.models import Afspraak, Ronde, Samenwerkplan

from . import budget, services
from .models import Aanmelding, Bijeenkomst, Tafel

# (first name, last name, area, days ago, life domains, triage, duo key, days to the MDO+
# (0: none), network in the closed part, network carries out an agreement, closed after days,
# budget spend (euro, purpose) or None)
HISTORIE = [
    ("Anouk", "de Wit", "centrum", 340, ["wonen", "financien", "gezondheid"], "geschikt", "professional4", 16, True, True, 150,
     (650, "Borg voor een kamer bij een hospita")),
    ("Ruben", "Hendriks", "waterkant", 320, ["gezondheid", "meedoen"], "geschikt", "professional3", 24, True, False, 190, None),
    ("Fatma", "Yilmaz", "heuvelrand", 300, ["dagelijks_leven", "financien", "meedoen"], "geschikt", "professional2", 12, True, True,  # noqa: E501
     120, (420, "Zwemles en sportclub voor de kinderen")),
    ("Gerrit", "Mulder", "centrum", 285, ["gezondheid", "dagelijks_leven"], "niet_geschikt", "", 0, False, False, 0, None),
    ("Samira", "Bakker", "waterkant", 260, ["gezondheid", "wonen"], "geschikt", "professional2", 31, False, True, 0, None),
    ("Wim", "van Dijk", "heuvelrand", 240, ["financien", "meedoen"], "andere_route", "", 0, False, False, 0, None),
    ("Lotte", "Jansen", "centrum", 215, ["meedoen", "gezondheid", "dagelijks_leven"], "geschikt", "professional2", 18, True, True, 0,  # noqa: E501
     (380, "Maaltijdservice voor zes weken")),
    ("Hamza", "Ouali", "waterkant", 190, ["meedoen", "financien", "dagelijks_leven"], "geschikt", "procesregisseur", 21, True, False, 0,  # noqa: E501
     (1200, "Schuld bij de woningcorporatie afgelost, zodat ontruiming van tafel is")),
    ("Els", "Verhoeven", "heuvelrand", 150, ["wonen", "dagelijks_leven"], "geschikt", "professional4", 14, False, False, 0, None),
    ("Joost", "Smit", "centrum", 120, ["gezondheid", "meedoen"], "geschikt", "professional3", 27, True, True, 0,
     (300, "Reiskosten naar de dagbesteding")),
    ("Nadia", "El Idrissi", "waterkant", 95, ["dagelijks_leven", "wonen"], "niet_geschikt", "", 0, False, False, 0, None),
    ("Pieter", "Kramer", "heuvelrand", 70, ["financien", "gezondheid", "meedoen"], "geschikt", "procesregisseur", 19, True,
     True, 0, None),
]  # fmt: skip

CASUSCHECK_PARTIJEN = [("Wijkteam", True), ("Woningcorporatie", True), ("Schuldhulp", False)]


def _om(dag: datetime.date, uur: int) -> datetime.datetime:
    return datetime.datetime.combine(dag, datetime.time(uur), tzinfo=timezone.get_current_timezone())


def load(ctx: DemoContext) -> None:
    if ctx.gemeente is None:
        return
    tafel = Tafel.objects.filter(gemeente=ctx.gemeente, naam="Tafel Lindenhoven").first()
    if tafel is None or tafel.budgetpotten.exists():
        return
    karin, sanne = ctx.mensen["tafelvoorzitter"], ctx.mensen["professional"]
    vandaag = timezone.localdate()
    # The year behind the table: a meeting every two weeks (tafel.demo made the last half year).
    eerste = timezone.localtime(tafel.bijeenkomsten.order_by("begint").first().begint)
    Bijeenkomst.objects.bulk_create(
        Bijeenkomst(tafel=tafel, begint=b, eindigt=b + services.BIJEENKOMST_DUUR, locatie=tafel.locatie)
        for b in (eerste - datetime.timedelta(weeks=2 * n) for n in range(1, 14))
    )
    pot = budget.maak_pot(
        actor=karin, tafel=tafel, naam="Flexibel budget 2025-2027", bedrag=Decimal("5000"),
        van=vandaag - datetime.timedelta(days=365), tot=vandaag + datetime.timedelta(days=365),
    )  # fmt: skip
    for rij in HISTORIE:
        _casus(ctx, tafel, pot, karin, sanne, vandaag, *rij)


def _na(tafel: Tafel, dag: datetime.date) -> Bijeenkomst | None:
    return tafel.bijeenkomsten.filter(begint__date__gte=dag).order_by("begint").first()


def _casus(ctx, tafel, pot, karin, sanne, vandaag, voornaam, achternaam, gebied, dagen, leefgebieden, triage, duo_key,
           mdo_na, netwerk_besloten, netwerk_afspraak, gesloten_na, besteding):  # type: ignore[no-untyped-def]  # fmt: skip
    aangemeld = vandaag - datetime.timedelta(days=dagen)
    aanmelding = services.meld_aan(
        actor=sanne,
        tafel=tafel,
        gegevens=services.Aanmeldgegevens(
            inwoner_weet_hoe="gesprek", inwoner_weet_op=vandaag, leefgebieden=leefgebieden,
            geprobeerd="Hulp van verschillende organisaties, ieder op een eigen leefgebied.",
            waarom_vast="De organisaties wachten op elkaar; niemand overziet het geheel.",
            vraag="Wie pakt samen met de inwoner en het netwerk de regie?",
        ),
        nieuwe_casus={
            "organisatie": ctx.organisaties["welzijn"], "gebied": ctx.gebieden[gebied], "binnengekomen_via": "professional",
            "inwoner": casussen.InwonerGegevens(voornaam=voornaam, achternaam=achternaam, woonplaats="Lindenhoven"),
        },
    )  # fmt: skip
    services.leg_triage_vast(actor=karin, aanmelding=aanmelding, uitkomst=triage, reden="Besproken aan tafel.")
    if duo_key:
        services.leg_afspraken_vast(
            actor=karin, aanmelding=aanmelding, regievoerder=sanne, duo=tafel.leden.get(user=ctx.mensen[duo_key]),
            duo_bekend=True, terug_op=vandaag + datetime.timedelta(weeks=2),
        )  # fmt: skip
    Aanmelding.objects.filter(pk=aanmelding.pk).update(
        aangemeld_op=aangemeld, inwoner_weet_op=aangemeld, bijeenkomst=_na(tafel, aangemeld)
    )
    casus = Casus.objects.get(pk=aanmelding.casus_id)
    Casus.objects.filter(pk=casus.pk).update(aanmelddatum=aangemeld)
    aanmelding.refresh_from_db()
    if triage != "geschikt":
        return
    check = _na(tafel, aangemeld + datetime.timedelta(weeks=6))
    if check is not None and check.begint < timezone.now():
        services.leg_casuscheck_vast(
            actor=karin, bijeenkomst=check, aanmelding=aanmelding, notities="Het plan loopt; de inwoner houdt de regie.",
            partijen=[services.Partij(partij=p, volgens_plan=ja, notities="" if ja else "Nog geen contact gehad.")
                      for p, ja in CASUSCHECK_PARTIJEN],
        )  # fmt: skip
    evaluatie = _na(tafel, aangemeld + datetime.timedelta(days=182))
    if evaluatie is not None and evaluatie.begint < timezone.now():
        services.leg_procesevaluatie_vast(
            actor=karin, bijeenkomst=evaluatie, aanmelding=aanmelding,
            samenwerking="Korte lijnen tussen wijkteam, woningcorporatie en schuldhulp; één plan in plaats van drie.",
            leerzaam="Het netwerk van de inwoner kon meer dan de professionals dachten.",
            perspectief_inwoner="‘Voor het eerst zaten ze allemaal aan mijn tafel en hoefde ik het maar één keer te vertellen.’",
        )  # fmt: skip
    if mdo_na:
        overleg = _mdo(ctx, casus, sanne, aangemeld + datetime.timedelta(days=mdo_na), netwerk_besloten, netwerk_afspraak)
        if besteding:
            bedrag, doel = besteding
            budget.leg_besteding_vast(
                actor=karin, pot=pot, aanmelding=aanmelding, overleg=overleg,
                gegevens=budget.Bestedinggegevens(bedrag=Decimal(bedrag), doel=doel,
                                                  besluit="In het MDO+ samen met de inwoner en het netwerk besloten."),
            )  # fmt: skip
    if gesloten_na:
        Casus.objects.filter(pk=casus.pk).update(
            status=Status.AFGESLOTEN, afgesloten_op=aangemeld + datetime.timedelta(days=gesloten_na)
        )


def _mdo(ctx, casus: Casus, sanne, dag: datetime.date, netwerk_besloten: bool, netwerk_afspraak: bool) -> Overleg:  # type: ignore[no-untyped-def]
    """The records a held MDO+ leaves: the meeting, its six parts (notes in the closed part),
    who was present, the plan agreed afterwards and its agreements."""
    from samenwerk.overleg.inhoud import AGENDA_MDO_PLUS

    overleg = Overleg.objects.create(
        gemeente=ctx.gemeente, casus=casus, vorm=Overleg.Vorm.MDO_PLUS, doel="Samen het plan van de inwoner maken.",
        begint=_om(dag, 14), eindigt=_om(dag, 16), voorzitter=str(sanne), notulist=str(sanne), antwoord_voor=dag,
        organisator=sanne, status=Overleg.Status.GEHOUDEN, gehouden_op=_om(dag, 16), bij_inwoner_thuis=False,
        locatie="Buurthuis De Linde",
    )  # fmt: skip
    Agendapunt.objects.bulk_create(
        Agendapunt(overleg=overleg, volgorde=i, code=code, titel=str(titel), besloten=besloten,
                   notities="De inwoner en het netwerk maakten samen de basis van het plan." if besloten else "Besproken.")
        for i, (code, titel, besloten) in enumerate(AGENDA_MDO_PLUS, 1)
    )  # fmt: skip
    lid = Netwerklid.objects.create(casus=casus, naam="Een buurtgenoot", relatie="buurvrouw", rol=Netwerklid.Rol.BUUR)
    Deelnemer.objects.create(
        overleg=overleg, soort=Deelnemer.Soort.NETWERKLID, naam=lid.naam, email="buurt@voorbeeld.example", netwerklid=lid,
        reden=Deelnemer.Reden.ERVARING, antwoord=Deelnemer.Antwoord.GEACCEPTEERD, aanwezig=netwerk_besloten, sleutel="demo",
    )  # fmt: skip
    plan = Samenwerkplan.objects.create(
        casus=casus, gemeente=ctx.gemeente, datum=dag, ik_wil="Weer overzicht en rust.",
        erkend_op=_om(dag, 17) if netwerk_besloten else None, erkend_versie=0 if netwerk_besloten else None,
    )  # fmt: skip
    ronde = Ronde.objects.create(plan=plan, nummer=0, soort=Ronde.Soort.PLAN, datum=dag)
    Afspraak.objects.create(
        plan=plan, gemeente=ctx.gemeente, ronde=ronde, wie=Afspraak.Wie.INWONER, wat="Post openen samen met het wijkteam",
        start=dag, uiterlijke_datum=dag + datetime.timedelta(weeks=6), voltooid_op=dag + datetime.timedelta(weeks=4),
    )  # fmt: skip
    if netwerk_afspraak:
        Afspraak.objects.create(
            plan=plan, gemeente=ctx.gemeente, ronde=ronde, wie=Afspraak.Wie.NETWERKLID, netwerklid=lid,
            wat="Wekelijks samen boodschappen doen", start=dag, uiterlijke_datum=dag + datetime.timedelta(weeks=6),
        )  # fmt: skip
    return overleg
