"""Demo leersessies in Lindenhoven (issue 18): a year in two areas (Heuvelrand with Bram
Visser, Centrum with Noor Hendriks) — nine months behind, three ahead — with every kind of
table, registrations (some late, some after the agenda and link went out), attendance per
table, actieleren records (some found useful, some not), reports and feedback. Centrum has
no session this calendar month (its next one is next month), so Noor gets the rhythm
signal. Fictional.
Past sessions are written directly (the services refuse the past); the rest through the
services. Idempotent: an area that has a schedule is left alone."""

from __future__ import annotations

import datetime
import itertools

from django.utils import timezone

from samenwerk.gemeenten.demo import DemoContext

from ..models import Deelname, Leerrooster, Leersessie, Leertafel, Sessiefeedback
from . import actieleren, services

GEBIEDEN = [
    # area, facilitator, weekday, time, online, place, theme
    ("heuvelrand", "aanjager", 2, datetime.time(15), False, "Wijkcentrum De Heuvel, grote zaal", "Schulden en armoede"),
    ("centrum", "aanjager2", 3, datetime.time(13, 30), True, "", "Samenwerken met de huisarts"),
]
DEELNEMERS = ["professional", "professional2", "professional3", "professional4", "procesregisseur", "manager"]
VRAGEN = [
    ("Hoe krijg ik de huisarts aan tafel zonder dat de inwoner het gevoel heeft dat over hem gepraat wordt?", True,
     "Het advies om de inwoner zelf de uitnodiging te laten sturen."),
    ("Een gezin wil geen hulp meer na drie wisselingen van hulpverlener. Hoe begin ik opnieuw?", True,
     "De tip om eerst te vragen wat wél goed ging."),
    ("Hoe houd ik de regie als de woningcorporatie al een ontruimingsdatum heeft?", False, ""),
    ("Wanneer stop je met samenwerken als een partner steeds niet komt?", True,
     "Het voorbeeld van een afspraak op papier met de manager erbij."),
]  # fmt: skip
ADVIEZEN = [
    "Laat de inwoner zelf vertellen wie er nodig is.",
    "Bel vooraf, mail daarna de afspraak.",
    "Vraag de manager om ruimte in de agenda.",
    "Begin met wat wél lukt.",
]
VERSLAGEN = [
    ("Kennismaken met nieuwe collega's en twee vragen met actieleren.", "Open gesprekken; iedereen kwam aan het woord.",
     "De evaluatietafel had te weinig tijd."),
    ("Samen leren van een afgeronde casus.", "Concrete adviezen die meteen bruikbaar zijn.",
     "Managers waren er nauwelijks."),
]  # fmt: skip


def _om(dag: datetime.date, tijd: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(dag, tijd, tzinfo=timezone.get_current_timezone())


def load(ctx: DemoContext) -> None:
    if ctx.gemeente is None:
        return
    for sleutel, aanjager_key, weekdag, tijd, online, locatie, thema in GEBIEDEN:
        gebied = ctx.gebieden.get(sleutel)
        aanjager = ctx.mensen.get(aanjager_key)
        if gebied is None or aanjager is None or Leerrooster.objects.filter(gebied=gebied).exists():
            continue
        link = f"https://meet.lindenhoven.example/leersessie-{sleutel}" if online else ""
        rooster = services.bewaar_rooster(
            actor=aanjager, gebied=gebied,
            gegevens=services.Roostergegevens(weekdag=weekdag, tijd=tijd, online=online, locatie=locatie, link=link,
                                              thematafel=thema, max_deelnemers=20),
        )  # fmt: skip
        vandaag = timezone.localdate()
        volgende_maand = (vandaag.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        overslaan = sleutel == "centrum"  # no session this month: the rhythm signal
        vanaf = volgende_maand if overslaan else vandaag
        services.plan_reeks(actor=aanjager, rooster=rooster, vanaf=vanaf, tot=vandaag + datetime.timedelta(weeks=13))
        _verleden(ctx, rooster, aanjager, weeks=39, deze_maand=not overslaan)
        _komende(ctx, gebied)


def _verleden(ctx: DemoContext, rooster: Leerrooster, aanjager, weeks: int, deze_maand: bool) -> None:  # type: ignore[no-untyped-def]
    vandaag = timezone.localdate()
    eerste = services.eerste_dag(vandaag - datetime.timedelta(weeks=weeks), rooster.weekdag)
    mensen = [ctx.mensen[k] for k in DEELNEMERS if k in ctx.mensen]
    vragen = itertools.cycle(VRAGEN)
    for n, dag in enumerate(eerste + datetime.timedelta(weeks=4 * i) for i in range(weeks // 4 + 1)):
        if dag >= vandaag:
            break
        if not deze_maand and (dag.year, dag.month) == (vandaag.year, vandaag.month):
            continue
        begin = _om(dag, rooster.tijd)
        sessie = Leersessie.objects.create(
            gemeente_id=rooster.gemeente_id, gebied=rooster.gebied, begin=begin, eind=begin + datetime.timedelta(hours=2),
            online=rooster.online, locatie=rooster.locatie, link=rooster.link, aanjager=aanjager,
            max_deelnemers=rooster.max_deelnemers, agenda_verstuurd_op=begin - datetime.timedelta(hours=24),
            plenair="Welkom, terugblik op de acties van vorige keer, uitleg van de tafels.",
        )  # fmt: skip
        soorten = [Leertafel.Soort.NIEUWKOMER, Leertafel.Soort.CASUS, Leertafel.Soort.EVALUATIE, Leertafel.Soort.THEMA]
        if n % 3 == 0:
            soorten.append(Leertafel.Soort.ANDERS)
        tafels = [
            Leertafel.objects.create(
                sessie=sessie,
                soort=s,
                volgorde=i,
                naam={Leertafel.Soort.THEMA: rooster.thematafel, Leertafel.Soort.ANDERS: "Intervisie managers"}.get(s, ""),
                gespreksleider=aanjager if s == Leertafel.Soort.CASUS else None,
            )
            for i, s in enumerate(soorten)
        ]
        casus, nieuwkomer = tafels[1], tafels[0]
        deelnames = []
        for i, persoon in enumerate(mensen):
            # Most on time; one late; one after the agenda went out (no link).
            dagen_vooraf = 10 if i < 4 else (2 if i == 4 else 0)
            aangemeld = begin - datetime.timedelta(days=dagen_vooraf, hours=3)
            tafel = nieuwkomer if (n == 0 and i == 3) else (casus if i < 3 or i == 5 else tafels[2])
            deelnames.append(
                Deelname(
                    sessie=sessie,
                    user=persoon,
                    aangemeld_op=aangemeld,
                    laat=dagen_vooraf < 3,
                    zonder_link=dagen_vooraf == 0,
                    tafel=tafel,
                    aanwezig=not (i == 2 and n % 4 == 1),
                )
            )
        Deelname.objects.bulk_create(deelnames)
        vraag, nuttig, wat = next(vragen)
        adviseurs = mensen[1:4]
        actieleren.maak_actieleren(
            actor=aanjager, tafel=casus,
            gegevens=actieleren.Actielerengegevens(
                indiener=mensen[0], vraag=vraag, gespreksleider=aanjager,
                les_vorige_keer="Eerst de inwoner vragen wie er aan tafel moet." if n else "",
                deelnemers=[(p, p.rollen.first().organisatie.expertise[:60] if p.rollen.first().organisatie else "")
                            for p in adviseurs],
                adviezen=[actieleren.Adviesregel(ADVIEZEN[j], p, gekozen=j < 2) for j, p in enumerate(adviseurs)],
                dialoog_adviseur=adviseurs[0], vervolgstappen="Binnen twee weken bellen en terugkoppelen.",
                volgende_inbrenger=mensen[1], nuttig_bevonden=nuttig if n % 5 else None, wat_nuttig=wat if n % 5 else "",
            ),
        )  # fmt: skip
        doelen, positief, aandacht = VERSLAGEN[n % 2]
        organisatie = next((r.organisatie for r in mensen[5].rollen.all() if r.organisatie_id), None)
        acties = [("Folder voor nieuwkomers bijwerken", organisatie, mensen[5])] if organisatie else []
        services.bewaar_verslag(
            actor=aanjager, sessie=sessie,
            gegevens=services.Verslaggegevens(doelen=doelen, positief=positief, aandachtspunten=aandacht, acties=acties),
        )  # fmt: skip
        Sessiefeedback.objects.bulk_create(
            Sessiefeedback(sessie=sessie, user=p, score_inhoud=3 + (i + n) % 3, score_organisatie=4 + (i % 2),
                           opmerking="Leerzaam, graag vaker." if i == 0 else "", gegeven_op=sessie.eind)
            for i, p in enumerate(mensen[:4])
        )  # fmt: skip


def _komende(ctx: DemoContext, gebied) -> None:  # type: ignore[no-untyped-def]
    """The next session: three registered in time, one late."""
    volgende = Leersessie.objects.filter(gebied=gebied, begin__gt=timezone.now()).order_by("begin").first()
    if volgende is None:
        return
    for key in ("professional", "professional2", "manager"):
        if key in ctx.mensen:
            services.meld_aan(actor=ctx.mensen[key], sessie=volgende)
