"""Demo regie in Lindenhoven: the municipality's AVE table, levels for the running cases, one
case scaled up with a procesregisseur who called the participants together, and an external
signal. Built through the services; idempotent (nothing is added when the table exists)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from samenwerk.casussen.models import Casus
from samenwerk.gemeenten.demo import DemoContext

from . import services
from .models import STANDAARD, AveVerantwoordelijkheid


def load(ctx: DemoContext) -> None:
    if ctx.gemeente is None or AveVerantwoordelijkheid.objects.filter(gemeente=ctx.gemeente).exists():
        return
    for niveau, waarden in STANDAARD.items():
        AveVerantwoordelijkheid.objects.create(gemeente=ctx.gemeente, niveau=niveau, **{k: str(v) for k, v in waarden.items()})
    sanne, ilse = ctx.mensen["professional"], ctx.mensen["procesregisseur"]
    open_casussen = Casus.objects.filter(gemeente=ctx.gemeente).exclude(status__in=["aangemeld", "afgesloten"]).order_by("pk")
    for casus in open_casussen:
        services.wijzig_niveau(actor=sanne, casus=casus, naar=2, reden="Er is een plan; de hulp loopt.")
    casus = open_casussen.filter(status="uitvoering").first()
    if casus is None:
        return
    services.leg_signaal_vast(
        actor=sanne,
        casus=casus,
        bron="woningcorporatie",
        afzender="Woonstichting Lindenhoven",
        datum=timezone.localdate() - datetime.timedelta(days=3),
        tekst="Huurachterstand van drie maanden; de corporatie overweegt een ontruimingsprocedure.",
    )
    organisatie = ilse.actieve_rollen(ctx.gemeente).filter(rol="procesregisseur").first().organisatie
    services.schaal_op(
        actor=sanne,
        casus=casus,
        user=ilse,
        organisatie=organisatie,
        reden="escalatie_dreigt",
        toelichting="Dreigende ontruiming; schuldhulp en corporatie komen niet tot een afspraak.",
    )
    services.wijzig_niveau(actor=sanne, casus=casus, naar=3, reden="Ontruiming dreigt; de samenwerking stokt.")
    services.roep_bijeen(
        actor=ilse,
        casus=casus,
        datum=timezone.localdate() + datetime.timedelta(days=5),
        bericht="Graag met schuldhulp, corporatie en wijkteam om tafel om de ontruiming te voorkomen.",
    )
