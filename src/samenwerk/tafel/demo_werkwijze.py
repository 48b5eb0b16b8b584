"""Demo of the Werkwijze Samen aan Zet in Lindenhoven (after tafel.demo, before the signal
engine's run): two suitable cases carried on after the table, and a second table that has
just been set up. Fictional people; dates relative to today; idempotent.

- Yara El Amrani: kennismaking a month ago, an ecogram and a voorbereiding — but no MDO+ yet
  (signal `tafel.mdo_niet_binnen_termijn`).
- Theo Lammers: kennismaking and an MDO+ half a year ago, no voortgangsgesprek since (signal
  `tafel.vervolg_niet_binnen_termijn`).
- Tafel Heuvelrand: set up, no meeting planned yet (signal `tafel.geen_bijeenkomst`)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from samenwerk.gemeenten.demo import DemoContext
from samenwerk.overleg import inhoud
from samenwerk.overleg.models import Agendapunt, Checkpunt, Overleg

from . import services
from .models import Aanmelding, Ecogram, Ecogrampersoon, Kennismaking, MdoProfessional, Tafel, Voorbereiding

DAG = datetime.timedelta(days=1)
NETWERK = [
    ("Samira", "zus", "familie", 1, "steunend"),
    ("Mo", "zoon", "familie", 1, "wisselend"),
    ("Joke", "buurvrouw", "buurt", 2, "steunend"),
    ("Karel", "oud-collega", "werk", 3, "niet"),
    ("Wijkverpleging", "thuiszorg", "professional", 2, "steunend"),
]


def _om(dag: datetime.date, uur: int) -> datetime.datetime:
    return datetime.datetime.combine(dag, datetime.time(uur), tzinfo=timezone.get_current_timezone())


def load(ctx: DemoContext) -> None:
    if ctx.gemeente is None or not ctx.mensen:
        return
    if Kennismaking.objects.filter(aanmelding__gemeente=ctx.gemeente).exists():
        return
    aanmeldingen = {
        a.casus.inwoner.achternaam: a
        for a in Aanmelding.objects.filter(gemeente=ctx.gemeente, triage="geschikt").select_related("casus__inwoner")
    }
    vandaag = timezone.localdate()
    sanne = ctx.mensen["professional"]
    if "El Amrani" in aanmeldingen:
        yara = aanmeldingen["El Amrani"]
        _kennismaking(yara, sanne, vandaag - 30 * DAG, "Hoe kan ik weer rust krijgen over mijn geld en mijn huis?")
        ecogram = Ecogram.objects.create(aanmelding=yara, versie=len(NETWERK))
        Ecogrampersoon.objects.bulk_create(
            Ecogrampersoon(ecogram=ecogram, naam=n, relatie=r, kring=k, nabijheid=d, steun=s) for n, r, k, d, s in NETWERK
        )
        voorbereiding = Voorbereiding.objects.create(
            aanmelding=yara, inwoner_informeert="Yara vertelt het zelf aan Samira en Joke.",
            duo_legt_uit="Het duo belt Mo en legt uit wat het MDO+ is.", versie=1,
        )  # fmt: skip
        MdoProfessional.objects.bulk_create(
            [
                MdoProfessional(voorbereiding=voorbereiding, naam="Pieter Bos", organisatie="Schuldhulp Lindenhoven",
                                rol="Schuldregeling", uitgenodigd=True),
                MdoProfessional(voorbereiding=voorbereiding, naam="Anouk Smit", organisatie="Woonstichting De Linde",
                                rol="Huurachterstand", uitgenodigd=False),
            ]
        )  # fmt: skip
    if "Lammers" in aanmeldingen:
        theo = aanmeldingen["Lammers"]
        kennis = vandaag - 190 * DAG
        _kennismaking(theo, sanne, kennis, "Hoe kan ik weer meedoen in de buurt?")
        _gehouden_mdo(ctx, theo, kennis + 10 * DAG)
    if not Tafel.objects.filter(gemeente=ctx.gemeente, naam="Tafel Heuvelrand").exists():
        services.maak_tafel(
            actor=ctx.mensen["tafelvoorzitter"], gemeente=ctx.gemeente, naam="Tafel Heuvelrand",
            locatie="Dorpshuis Heuvelrand", voorzitter=ctx.mensen["tafelvoorzitter"], gebied=ctx.gebieden["heuvelrand"],
        )  # fmt: skip


def _kennismaking(aanmelding: Aanmelding, door, datum: datetime.date, vraag: str) -> None:  # type: ignore[no-untyped-def]
    Kennismaking.objects.create(
        aanmelding=aanmelding, datum=datum, plaats=Kennismaking.Plaats.THUIS, aanwezig="De inwoner, het duo en een zus",
        vertrouwd_netwerklid="De zus van de inwoner", centrale_vraag=vraag, wie_kan_helpen="Familie en een buurvrouw",
        vastgelegd_door=door, versie=1,
    )  # fmt: skip


def _gehouden_mdo(ctx: DemoContext, aanmelding: Aanmelding, dag: datetime.date) -> None:
    """An MDO+ held in the past (the services plan meetings in the future only)."""
    sanne = ctx.mensen["professional"]
    mdo = Overleg.objects.create(
        gemeente=ctx.gemeente, casus=aanmelding.casus, vorm=Overleg.Vorm.MDO_PLUS, doel="Samen het plan maken",
        begint=_om(dag, 19), eindigt=_om(dag, 21), voorzitter=str(sanne), notulist=str(sanne), antwoord_voor=dag - 2 * DAG,
        organisator=sanne, status=Overleg.Status.GEHOUDEN, gehouden_op=_om(dag, 21),
    )  # fmt: skip
    Agendapunt.objects.bulk_create(
        Agendapunt(overleg=mdo, volgorde=i, code=code, titel=str(titel), besloten=besloten)
        for i, (code, titel, besloten) in enumerate(inhoud.AGENDA_MDO_PLUS, start=1)
    )
    Checkpunt.objects.bulk_create(
        Checkpunt(overleg=mdo, lijst=lijst, code=code, vraag=str(vraag), antwoord="Besproken met de inwoner")
        for lijst, code, vraag in inhoud.VOORBEREIDING + inhoud.VEILIGHEID
    )
