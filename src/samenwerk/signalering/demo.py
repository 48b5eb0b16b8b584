"""Demo signals in Lindenhoven: two more invented residents whose cases trigger the kinds the
plannen demo does not (no casusregisseur, evaluation date passed, repeat measurement due),
then one run of the engine over all demo cases. Dates are relative to today. Idempotent."""

from __future__ import annotations

import datetime

from django.utils import timezone

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Casus, Inwoner
from samenwerk.gemeenten.demo import DemoContext
from samenwerk.plannen import services as plannen
from samenwerk.plannen.regels import plus_maanden

from .engine import signaleer
from .models import Signalering, Status

DAG = datetime.timedelta(days=1)


def load(ctx: DemoContext) -> None:
    if ctx.gemeente is None or not ctx.mensen:
        return
    if not Inwoner.objects.filter(gemeente=ctx.gemeente, achternaam__in=["Postma", "Wolters"]).exists():
        _zonder_regie(ctx)
        _afgesloten(ctx)
    signaleer()
    open_ = Signalering.objects.filter(status=Status.OPEN)
    personen = open_.values("ontvanger").distinct().count()
    ctx.meldingen.append(f"Signaleringen na een ronde over de democasussen: {open_.count()} open, voor {personen} personen.")


def _inwoner(voornaam: str, achternaam: str, straat: str) -> casussen.InwonerGegevens:
    return casussen.InwonerGegevens(
        voornaam=voornaam, achternaam=achternaam, straat=straat, postcode="1234 AB", woonplaats="Lindenhoven"
    )


def _zonder_regie(ctx: DemoContext) -> None:
    """Two professionals and a procesregisseur, nobody casusregisseur; the evaluation date
    has passed; one agreement is overdue, one is due in three days."""
    sanne, ahmed, ilse = ctx.mensen["professional"], ctx.mensen["professional2"], ctx.mensen["procesregisseur"]
    vandaag = timezone.localdate()
    casus = casussen.meld_aan(
        actor=sanne,
        organisatie=ctx.organisaties["welzijn"],
        gebied=ctx.gebieden["centrum"],
        binnengekomen_via="woningcorporatie",
        aanmelddatum=vandaag - 70 * DAG,
        inwoner=_inwoner("Wim", "Postma", "Kerkstraat 9"),
        casusregisseur=False,
    )
    casussen.leg_toestemming_vast(actor=sanne, casus=casus, doel="samenwerkwijze", gegeven=True, wijze="mondeling")
    collega = casussen.voeg_professional_toe(actor=sanne, casus=casus, user=ahmed, organisatie=ctx.organisaties["thuiszorg"])
    casussen.voeg_professional_toe(
        actor=sanne, casus=casus, user=ilse, organisatie=ctx.organisaties["gem_zw"], rol="procesregisseur"
    )
    plannen.wijzig_plan(
        actor=sanne,
        casus=casus,
        versie=0,
        inhoud=plannen.PlanInhoud(
            ik_wil="Ik wil in mijn huis kunnen blijven wonen.",
            welzijnscijfer=5,
            evaluatie_datum=vandaag - 10 * DAG,
            evaluatie_organisator="Sanne de Vries",
        ),
    )
    plannen.voeg_afspraak_toe(
        actor=sanne, casus=casus, wie="professional", betrokkene=collega, wat="Huisbezoek met de woningcorporatie",
        start=vandaag - 50 * DAG,
    )  # fmt: skip
    plannen.voeg_afspraak_toe(
        actor=sanne, casus=casus, wie="inwoner", wat="Zelf de meterstanden doorgeven", start=vandaag - 39 * DAG
    )


def _afgesloten(ctx: DemoContext) -> None:
    """Closed seven months ago: the repeat wellbeing measurement is due."""
    sanne = ctx.mensen["professional"]
    vandaag = timezone.localdate()
    casus = casussen.meld_aan(
        actor=sanne,
        organisatie=ctx.organisaties["welzijn"],
        gebied=ctx.gebieden["heuvelrand"],
        binnengekomen_via="huisarts",
        aanmelddatum=plus_maanden(vandaag, -10),
        inwoner=_inwoner("Greet", "Wolters", "Brinkweg 4"),
    )
    casussen.leg_toestemming_vast(actor=sanne, casus=casus, doel="samenwerkwijze", gegeven=True, wijze="schriftelijk")
    casussen.wijzig_status(actor=sanne, casus=casus, naar="afgesloten", reden="Doel bereikt")
    # The services close a case today; the demo needs one closed in the past.
    Casus.objects.filter(pk=casus.pk).update(afgesloten_op=plus_maanden(vandaag, -7))
