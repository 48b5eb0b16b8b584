"""What meetings add to the resident's inzage and to the retention job (both live in
plannen; registered in apps.OverlegConfig.ready). After anonymisation the meetings keep
their kind, status, duration and counts (for the figures), nothing that names anyone."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import F

from samenwerk.berichten.models import Bericht
from samenwerk.casussen.models import Casus

from .models import Agendapunt, Checkpunt, Deelnemer, Overleg, Weigering


def inzage_deel(casus: Casus) -> dict[str, Any]:
    overleggen = Overleg.objects.filter(casus=casus).prefetch_related("deelnemers", "agenda").order_by("begint")
    return {
        "samenwerkoverleggen": [
            {
                "vorm": o.get_vorm_display(),
                "soort": o.get_soort_display(),
                "status": o.get_status_display(),
                "doel": o.doel,
                "begint": o.begint.isoformat(),
                "eindigt": o.eindigt.isoformat(),
                "waar": o.waar,
                "voorzitter": o.voorzitter,
                "notulist": o.notulist,
                "deelnemers": [
                    {
                        "naam": d.naam,
                        "organisatie": d.organisatie,
                        "waarom": d.get_reden_display(),
                        "antwoord": d.get_antwoord_display(),
                        "hoe_was_het": d.afsluitronde,
                    }
                    for d in o.deelnemers.all()
                ],
                "aantekeningen": [{"agendapunt": p.titel, "aantekeningen": p.notities} for p in o.agenda.all() if p.notities],
            }
            for o in overleggen
        ]
    }


def anonimiseer(casus: Casus, schuif: datetime.timedelta) -> None:
    overleggen = Overleg.objects.filter(casus=casus)
    overleggen.update(
        doel="", locatie="", locatie_reden="", voorzitter="", notulist="", geannuleerd_reden="", procesregisseur_toelichting="",
        voorzitter_netwerklid=None, notulist_netwerklid=None,
        begint=F("begint") - schuif, eindigt=F("eindigt") - schuif, aangemaakt_op=F("aangemaakt_op") - schuif,
    )  # fmt: skip
    Deelnemer.objects.filter(overleg__casus=casus).update(
        naam="Deelnemer", email="geanonimiseerd@invalid", organisatie="", reden_toelichting="", antwoord_toelichting="",
        afsluitronde="", netwerklid=None, sleutel="", plan_tot=None,
    )  # fmt: skip
    Agendapunt.objects.filter(overleg__casus=casus).update(notities="")
    Checkpunt.objects.filter(overleg__casus=casus).update(antwoord="")
    Bericht.objects.filter(overleg_deelnemer__overleg__casus=casus).update(
        aan="geanonimiseerd@invalid", laatste_fout="", gegevens={}
    )
    Weigering.objects.filter(deelnemer__overleg__casus=casus).update(toelichting="")
