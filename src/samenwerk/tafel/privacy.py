"""What the table adds to the resident's inzage and to the retention job (both in plannen;
registered in apps.TafelConfig.ready, ADR 0004). After anonymisation a registration keeps
its table, life domains, triage outcome and dates shifted like the case's (for the
stuurgroep figures), nothing that tells about the resident."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import F

from samenwerk.casussen.models import Casus

from .models import (
    Aanmelding,
    Besluit,
    Bezwaar,
    Blokverloop,
    Casuscheck,
    CasuscheckPartij,
    Ecogrampersoon,
    Kennismaking,
    MdoProfessional,
    Procesevaluatie,
    Tip,
    Voorbereiding,
)


def inzage_deel(casus: Casus) -> dict[str, Any]:
    aanmeldingen = Aanmelding.objects.filter(casus=casus).select_related("tafel", "aangemeld_door", "bijeenkomst")
    return {
        "tafelaanmeldingen": [
            {
                "tafel": a.tafel.naam,
                "aangemeld_op": a.aangemeld_op.isoformat(),
                "aangemeld_door": str(a.aangemeld_door),
                "namens": a.namens,
                "hoe_u_het_wist": a.get_inwoner_weet_hoe_display(),
                "wanneer_u_het_hoorde": a.inwoner_weet_op.isoformat(),
                "leefgebieden": a.leefgebied_labels(),
                "wat_al_geprobeerd_is": a.geprobeerd,
                "waarom_professionals_vastlopen": a.waarom_vast,
                "vraag_aan_de_tafel": a.vraag,
                "besluit_van_de_tafel": a.get_triage_display(),
                "waarom": a.triage_reden,
                "tips": [t.tekst for t in Tip.objects.filter(aanmelding=a).order_by("id")],
                "besluiten": [
                    {"besluit": b.tekst, "bezwaren": [z.tekst for z in b.bezwaren.all()]}
                    for b in Besluit.objects.filter(aanmelding=a).prefetch_related("bezwaren").order_by("id")
                ],
                "casuschecks": [
                    {
                        "aantekeningen": c.notities,
                        "partijen": [
                            {"partij": p.partij, "volgens_plan": p.volgens_plan, "toelichting": p.notities}
                            for p in c.partijen.all()
                        ],
                    }
                    for c in Casuscheck.objects.filter(aanmelding=a).prefetch_related("partijen").order_by("id")
                ],
                "procesevaluatie": [
                    {"samenwerking": e.samenwerking, "leerzaam": e.leerzaam, "uw_perspectief": e.perspectief_inwoner}
                    for e in Procesevaluatie.objects.filter(aanmelding=a)
                ],
                **werkwijze_deel(a),
                "aantekeningen": [
                    v.notities
                    for v in Blokverloop.objects.filter(blok__aanmelding=a).exclude(notities="").order_by("blok__volgorde")
                ],
            }
            for a in aanmeldingen.order_by("aangemeld_op", "id")
        ]
    }


def werkwijze_deel(aanmelding: Aanmelding) -> dict[str, Any]:
    """The Werkwijze Samen aan Zet (steps 3-4) of one registration, for the resident's inzage."""
    kennismaking = Kennismaking.objects.filter(aanmelding=aanmelding).first()
    voorbereiding = Voorbereiding.objects.filter(aanmelding=aanmelding).first()
    return {
        "kennismaking": None
        if kennismaking is None
        else {
            "datum": kennismaking.datum.isoformat(),
            "waar": kennismaking.get_plaats_display(),
            "wie_waren_erbij": kennismaking.aanwezig,
            "iemand_die_u_vertrouwt": kennismaking.vertrouwd_netwerklid,
            "uw_vraag": kennismaking.centrale_vraag,
            "wie_kan_helpen": kennismaking.wie_kan_helpen,
        },
        "ecogram": [
            {
                "naam": p.naam,
                "relatie": p.relatie,
                "kring": p.get_kring_display(),
                "hoe_dichtbij": p.get_nabijheid_display(),
                "steunend": p.get_steun_display(),
            }
            for p in Ecogrampersoon.objects.filter(ecogram__aanmelding=aanmelding).order_by("id")
        ],
        "voorbereiding": None
        if voorbereiding is None
        else {
            "wie_u_informeert": voorbereiding.inwoner_informeert,
            "aan_wie_het_duo_het_uitlegt": voorbereiding.duo_legt_uit,
            "professionals": [
                {"naam": p.naam, "organisatie": p.organisatie, "rol": p.rol, "uitgenodigd": p.uitgenodigd}
                for p in voorbereiding.professionals.order_by("id")
            ],
        },
    }


def anonimiseer(casus: Casus, schuif: datetime.timedelta) -> None:
    # The Werkwijze: names of the network and what was said go; the dates shift like the case's.
    Kennismaking.objects.filter(aanmelding__casus=casus).update(
        aanwezig="", vertrouwd_netwerklid="", centrale_vraag="", wie_kan_helpen="", datum=F("datum") - schuif
    )
    Ecogrampersoon.objects.filter(ecogram__aanmelding__casus=casus).update(naam="", relatie="")
    Voorbereiding.objects.filter(aanmelding__casus=casus).update(inwoner_informeert="", duo_legt_uit="")
    MdoProfessional.objects.filter(voorbereiding__aanmelding__casus=casus).update(naam="", rol="")
    Tip.objects.filter(aanmelding__casus=casus).update(tekst="")
    Casuscheck.objects.filter(aanmelding__casus=casus).update(notities="")
    CasuscheckPartij.objects.filter(casuscheck__aanmelding__casus=casus).update(partij="", notities="")
    Procesevaluatie.objects.filter(aanmelding__casus=casus).update(samenwerking="", leerzaam="", perspectief_inwoner="")
    Bezwaar.objects.filter(besluit__aanmelding__casus=casus).update(tekst="")
    Besluit.objects.filter(aanmelding__casus=casus).update(tekst="")
    Blokverloop.objects.filter(blok__aanmelding__casus=casus).update(notities="")
    Aanmelding.objects.filter(casus=casus).update(
        namens="", geprobeerd="", waarom_vast="", vraag="", triage_reden="",
        aangemeld_op=F("aangemeld_op") - schuif, inwoner_weet_op=F("inwoner_weet_op") - schuif,
    )  # fmt: skip
