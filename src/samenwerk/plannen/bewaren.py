"""Retention (issue 7 item 6, style.md §8): when a case's retention period has passed
(the municipality's `bewaartermijn_jaren`, counted from closing), its personal data and
free texts are anonymised. What reports count stays: wellbeing scores, Positieve
Gezondheid scores, statuses, routes, areas, the kinds of people involved and every
duration — all dates of a case shift by the same number of days so that its registration
falls on the first of its month. The access log is never touched.

Lives in plannen because it reaches the case and its plan (casussen ← plannen)."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from samenwerk.berichten.models import Bericht
from samenwerk.casussen.models import Betrokkene, Casus, Correctieverzoek, Gebeurtenis, Inwoner, Netwerklid, Toestemming
from samenwerk.casussen.services import REDEN_ANDERE_HULP, REDEN_INGETROKKEN
from samenwerk.privacy.audit import Onderwerp, record
from samenwerk.privacy.models import Actie, Kanaal

from .models import PLANVELDEN, Afspraak, Evaluatie, GezondheidMeting, PlanVersie, Ronde, Samenwerkplan
from .regels import plus_maanden

PLAN_TEKSTEN = [v for v in PLANVELDEN if v not in ("welzijnscijfer", "overleg_nodig", "evaluatie_datum")]
STANDAARDREDENEN = {REDEN_ANDERE_HULP, REDEN_INGETROKKEN}

# Apps above plannen blank their own free texts and shift their dates by the same days:
# a function of (case, shift) registered in their AppConfig.ready().
ANONIMISEER_DELEN: list[Callable[[Casus, datetime.timedelta], None]] = []


def te_anonimiseren() -> QuerySet[Casus]:
    """Closed cases not yet anonymised; `verlopen` tells which have passed their period."""
    kandidaten = Casus.objects.filter(status="afgesloten", geanonimiseerd_op__isnull=True, afgesloten_op__isnull=False)
    return kandidaten.select_related("gemeente").order_by("afgesloten_op", "pk")


def verlopen(casus: Casus, op: datetime.date | None = None) -> bool:
    dag = op or timezone.localdate()
    return casus.afgesloten_op is not None and plus_maanden(casus.afgesloten_op, 12 * casus.gemeente.bewaartermijn_jaren) <= dag


@transaction.atomic
def anonimiseer_casus(*, casus_id: int) -> bool:
    """Anonymise one case; False (and nothing changed) when it was done already."""
    casus = Casus.objects.select_for_update().get(pk=casus_id)
    if casus.geanonimiseerd_op is not None:
        return False
    schuif = datetime.timedelta(days=casus.aanmelddatum.day - 1)
    _verschuif_datums(casus, schuif)
    Inwoner.objects.filter(pk=casus.inwoner_id).update(
        voornaam="Geanonimiseerd", achternaam="", geboortedatum=None, straat="", postcode="", woonplaats="", telefoon="", email=""
    )
    reden = casus.afsluitreden if casus.afsluitreden in STANDAARDREDENEN else ""
    Casus.objects.filter(pk=casus.pk).update(
        aangemeld_door="", reeds_betrokken="", aanleiding="", afsluitreden=reden, geanonimiseerd_op=timezone.now()
    )
    Netwerklid.objects.filter(casus=casus).update(naam="Netwerklid", telefoon="", email="")
    Toestemming.objects.filter(casus=casus).update(geldt_voor="", toelichting="")
    Gebeurtenis.objects.filter(casus=casus).update(omschrijving=F("soort"), door="")
    Samenwerkplan.objects.filter(casus=casus).update(**dict.fromkeys(PLAN_TEKSTEN, ""))
    for versie in PlanVersie.objects.filter(plan__casus=casus):
        versie.inhoud = {k: (v if k not in PLAN_TEKSTEN else "") for k, v in versie.inhoud.items()}
        versie.door_naam = ""
        versie.save(update_fields=["inhoud", "door_naam"])
    Afspraak.objects.filter(plan__casus=casus).update(wat="", perspectief="")
    Evaluatie.objects.filter(ronde__plan__casus=casus).update(welzijnscijfer_toelichting="", geleerd="")
    Correctieverzoek.objects.filter(casus=casus).update(
        omschrijving="",
        gewenst="",
        reden_weigering="",
        toelichting="",
        ingediend_op=F("ingediend_op") - schuif,
        behandeld_op=F("behandeld_op") - schuif,
    )
    Bericht.objects.filter(planlink__casus=casus).update(aan="geanonimiseerd@invalid", laatste_fout="", gegevens={})
    for deel in ANONIMISEER_DELEN:
        deel(casus, schuif)
    record(
        actor=None,
        actie=Actie.UPDATE,
        gebeurtenis="casus.geanonimiseerd",
        kanaal=Kanaal.TASK,
        onderwerp=Onderwerp(
            gemeente_id=casus.gemeente_id,
            inwoner_id=casus.inwoner_id,
            casus_id=casus.pk,
            object_type="casus",
            object_id=casus.pk,
            gegevenssegment="alles",
        ),
    )
    return True


def _verschuif_datums(casus: Casus, schuif: datetime.timedelta) -> None:
    if not schuif:
        return
    Casus.objects.filter(pk=casus.pk).update(aanmelddatum=F("aanmelddatum") - schuif, afgesloten_op=F("afgesloten_op") - schuif)
    Toestemming.objects.filter(casus=casus).update(datum=F("datum") - schuif, vastgelegd_op=F("vastgelegd_op") - schuif)
    Betrokkene.objects.filter(casus=casus).update(sinds=F("sinds") - schuif, tot=F("tot") - schuif)
    Gebeurtenis.objects.filter(casus=casus).update(tijdstip=F("tijdstip") - schuif)
    Samenwerkplan.objects.filter(casus=casus).update(
        datum=F("datum") - schuif,
        overleg_besloten_op=F("overleg_besloten_op") - schuif,
        evaluatie_datum=F("evaluatie_datum") - schuif,
        erkend_op=F("erkend_op") - schuif,
    )
    PlanVersie.objects.filter(plan__casus=casus).update(op=F("op") - schuif)
    Ronde.objects.filter(plan__casus=casus).update(datum=F("datum") - schuif)
    Afspraak.objects.filter(plan__casus=casus).update(
        start=F("start") - schuif, uiterlijke_datum=F("uiterlijke_datum") - schuif, voltooid_op=F("voltooid_op") - schuif
    )
    GezondheidMeting.objects.filter(casus=casus).update(datum=F("datum") - schuif)
