"""The buddy appointment (domain.md §7, module 5): three months after the last day of the
course both buddies get a signal — about no case, named directly (CONTRACT-SIGNALS.md) —
until one of them records that the appointment took place."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.gemeenten.models import Gemeente, Normen
from samenwerk.signalering.regels import Bevinding, regel

from .models import Maatjes

MAATJESAFSPRAAK = "leertraject.maatjesafspraak"


def link(onderwerp_id: int) -> str:
    return reverse("leertraject:maatjes", kwargs={"paar_id": onderwerp_id})


@regel(MAATJESAFSPRAAK, gettext_lazy("Maatjesafspraak na het leertraject"), link=link)
def maatjesafspraak(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    rijen = Maatjes.objects.filter(traject__gemeente=gemeente, afspraak_op__lte=vandaag, gehouden_op__isnull=True).values(
        "pk", "afspraak_op", "eerste__user_id", "tweede__user_id"
    )
    for rij in rijen:
        yield Bevinding(
            soort=MAATJESAFSPRAAK,
            casus_id=None,
            onderwerp=("leertraject.maatjes", rij["pk"]),
            vervaldatum=rij["afspraak_op"],
            tekst=_("Tijd voor de maatjesafspraak: drie maanden na het leertraject."),
            ontvangers=frozenset(),
            gebruikers=frozenset({rij["eerste__user_id"], rij["tweede__user_id"]}),
        )
