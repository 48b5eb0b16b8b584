"""Demo table in Lindenhoven (issue 23): Tafel Lindenhoven with five members and its chair
Karin Vermeulen, a year of biweekly meetings (half behind, half ahead), and registrations in
several states: waiting for the next meeting, triaged six weeks ago (casus check due) and
six months ago (procesevaluatie due), one not suitable. Through the services; dates are set
back afterwards because the demo is built in one day. Idempotent."""

from __future__ import annotations

import datetime

from django.utils import timezone

from samenwerk.casussen import services as casussen
from samenwerk.gemeenten.demo import DemoContext

from . import services
from .models import Aanmelding, Bijeenkomst, Tafel

LEDEN = [
    ("professional", "welzijn", "Maatschappelijk werk, buurtcoaches", ["meedoen", "dagelijks_leven"]),
    ("professional2", "thuiszorg", "Wijkverpleging", ["gezondheid", "dagelijks_leven"]),
    ("professional3", "ggz", "Ambulante ggz", ["gezondheid"]),
    ("professional4", "wonen", "Woonconsulent", ["wonen", "financien"]),
    ("procesregisseur", "gem_zw", "Wmo en schuldhulp", ["financien", "meedoen"]),
]

# (first name, last name, area, days ago, life domains, triage or "")
AANMELDINGEN = [
    ("Kees", "Vink", "waterkant", 3, ["wonen", "financien", "gezondheid"], ""),
    ("Mirjam", "Kuipers", "centrum", 5, ["meedoen", "gezondheid"], ""),
    ("Dewi", "Santoso", "heuvelrand", 6, ["dagelijks_leven", "financien"], ""),
    ("Bas", "Oosterhuis", "centrum", 8, ["gezondheid", "wonen"], ""),
    ("Yara", "El Amrani", "waterkant", 40, ["financien", "meedoen"], "geschikt"),
    ("Theo", "Lammers", "heuvelrand", 200, ["gezondheid", "dagelijks_leven"], "geschikt"),
    ("Ingrid", "Post", "centrum", 60, ["wonen", "meedoen"], "andere_route"),
]


def _om_tien(dag: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(dag, datetime.time(10), tzinfo=timezone.get_current_timezone())


def load(ctx: DemoContext) -> None:
    if ctx.gemeente is None or Tafel.objects.filter(gemeente=ctx.gemeente).exists():
        return
    karin = ctx.mensen["tafelvoorzitter"]
    tafel = services.maak_tafel(
        actor=karin, gemeente=ctx.gemeente, naam="Tafel Lindenhoven", locatie="Buurthuis De Linde, zaal 2", voorzitter=karin,
        secretaris=ctx.mensen["procesregisseur"],
    )  # fmt: skip
    vandaag = timezone.localdate()
    for key, org, expertise, gebieden in LEDEN:
        services.voeg_lid_toe(
            actor=karin, tafel=tafel, user=ctx.mensen[key], organisatie=ctx.organisaties[org], expertise=expertise,
            leefgebieden=gebieden, vanaf=vandaag,
        )  # fmt: skip
    eerste = vandaag + datetime.timedelta(days=(1 - vandaag.weekday()) % 7 or 7)  # next Tuesday
    services.plan_reeks(actor=karin, tafel=tafel, eerste=_om_tien(eerste), tot=eerste + datetime.timedelta(weeks=26))
    Bijeenkomst.objects.bulk_create(
        Bijeenkomst(tafel=tafel, begint=b, eindigt=b + services.BIJEENKOMST_DUUR, locatie=tafel.locatie)
        for b in (_om_tien(eerste - datetime.timedelta(weeks=2 * n)) for n in range(1, 14))
    )
    sanne = ctx.mensen["professional"]
    for voornaam, achternaam, gebied, dagen, leefgebieden, triage in AANMELDINGEN:
        datum = vandaag - datetime.timedelta(days=dagen)
        aanmelding = services.meld_aan(
            actor=sanne,
            tafel=tafel,
            gegevens=services.Aanmeldgegevens(
                inwoner_weet_hoe="gesprek",
                inwoner_weet_op=vandaag,
                leefgebieden=leefgebieden,
                geprobeerd="Schuldhulp en wijkteam, los van elkaar.",
                waarom_vast="Elke organisatie wacht op een andere.",
                vraag="Wie pakt met de inwoner de regie, en met wie samen?",
            ),
            nieuwe_casus={
                "organisatie": ctx.organisaties["welzijn"],
                "gebied": ctx.gebieden[gebied],
                "binnengekomen_via": "professional",
                "inwoner": casussen.InwonerGegevens(voornaam=voornaam, achternaam=achternaam, woonplaats="Lindenhoven"),
            },
        )
        if triage:
            services.leg_triage_vast(actor=karin, aanmelding=aanmelding, uitkomst=triage, reden="Besproken aan tafel.")
        if triage == "geschikt":
            duo = tafel.leden.get(user=ctx.mensen["professional3"])
            services.leg_afspraken_vast(
                actor=karin, aanmelding=aanmelding, regievoerder=sanne, duo=duo, duo_bekend=True,
                terug_op=vandaag + datetime.timedelta(weeks=2),
            )  # fmt: skip
        Aanmelding.objects.filter(pk=aanmelding.pk).update(aangemeld_op=datum, inwoner_weet_op=datum)
        aanmelding.casus.__class__.objects.filter(pk=aanmelding.casus_id).update(aanmelddatum=datum)
    # The next meeting's agenda is fixed: three new registrations; the fourth moves on.
    volgende = tafel.bijeenkomsten.filter(begint__gte=timezone.now()).order_by("begint").first()
    services.stel_agenda_op(actor=karin, bijeenkomst=volgende, versie=0)
