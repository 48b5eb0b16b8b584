"""The table's case rules for the signal engine (domain.md §10; registered in
settings.SIGNALERING_REGELS): a suitable case's casus check (~6 weeks after registration)
and procesevaluatie (~6 months) are due and not yet recorded. The due day is the
registration day plus the municipality's number (`gemeenten.Normen`)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.casussen.workflow import OPEN
from samenwerk.gemeenten.models import Gemeente, Normen
from samenwerk.plannen.regels import plus_maanden
from samenwerk.signalering.regels import Bevinding, regel

from .models import Aanmelding, Triage

CASUSCHECK = "tafel.casuscheck"
PROCESEVALUATIE = "tafel.procesevaluatie"


def casuscheck_vanaf(aangemeld_op: datetime.date, weken: int) -> datetime.date:
    return aangemeld_op + datetime.timedelta(weeks=weken)


def procesevaluatie_vanaf(aangemeld_op: datetime.date, maanden: int) -> datetime.date:
    return plus_maanden(aangemeld_op, maanden)


def _geschikt(gemeente: Gemeente):  # type: ignore[no-untyped-def]
    return Aanmelding.objects.filter(gemeente=gemeente, triage=Triage.GESCHIKT, casus__status__in=OPEN)


@regel(CASUSCHECK, gettext_lazy("Casuscheck aan de Tafel"))
def casuscheck(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    grens = vandaag - datetime.timedelta(weeks=normen.tafel_casuscheck_weken)
    for rij in (
        _geschikt(gemeente).filter(aangemeld_op__lte=grens, casuschecks__isnull=True).values("pk", "casus_id", "aangemeld_op")
    ):
        yield Bevinding(
            soort=CASUSCHECK,
            casus_id=rij["casus_id"],
            onderwerp=("tafel.aanmelding", rij["pk"]),
            vervaldatum=casuscheck_vanaf(rij["aangemeld_op"], normen.tafel_casuscheck_weken),
            tekst=_("De casuscheck aan de Tafel is aan de beurt: is iedereen betrokken volgens plan?"),
        )


@regel(PROCESEVALUATIE, gettext_lazy("Procesevaluatie aan de Tafel"))
def procesevaluatie(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    maanden = normen.tafel_procesevaluatie_maanden
    kandidaten = _geschikt(gemeente).filter(procesevaluatie__isnull=True).values("pk", "casus_id", "aangemeld_op")
    for rij in kandidaten.filter(aangemeld_op__lte=vandaag):
        vanaf = procesevaluatie_vanaf(rij["aangemeld_op"], maanden)
        if vanaf <= vandaag:
            yield Bevinding(
                soort=PROCESEVALUATIE,
                casus_id=rij["casus_id"],
                onderwerp=("tafel.aanmelding", rij["pk"]),
                vervaldatum=vanaf,
                tekst=_("De procesevaluatie aan de Tafel is aan de beurt, met het perspectief van de inwoner."),
            )
