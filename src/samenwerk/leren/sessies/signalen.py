"""The leersessie rhythm for the signal engine (domain.md §10; registered in
settings.SIGNALERING_REGELS): an area with fewer leersessies planned this calendar month
than the municipality's minimum (`Normen.leersessies_per_maand_min`, default 1) signals its
gebiedsaanjager(s). Only areas that hold leersessies count: with a schedule
(`Leerrooster`) or a session in the last twelve months; an area that has not started is not
nagged. A signal without a case (CONTRACT-SIGNALS): it names the people and links to the
area's session list."""

from __future__ import annotations

import calendar
import datetime
from collections import defaultdict
from collections.abc import Iterator

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.gemeenten.models import Gemeente, Normen, Rol, Roltoewijzing
from samenwerk.signalering.regels import Bevinding, regel

from ..models import Leerrooster, Leersessie

GEEN_LEERSESSIE = "leren.geen_leersessie"


def maandgrenzen(dag: datetime.date) -> tuple[datetime.datetime, datetime.datetime, datetime.date]:
    """The month of `dag` in local time: its first moment, the next month's first moment, its last day."""
    tz = timezone.get_current_timezone()
    eerste = dag.replace(day=1)
    laatste = dag.replace(day=calendar.monthrange(dag.year, dag.month)[1])
    volgende = laatste + datetime.timedelta(days=1)
    begin = datetime.datetime.combine(eerste, datetime.time(), tzinfo=tz)
    return begin, datetime.datetime.combine(volgende, datetime.time(), tzinfo=tz), laatste


def _link(gebied_id: int) -> str:
    return reverse("leren:sessies-gebied", args=[gebied_id])


@regel(GEEN_LEERSESSIE, gettext_lazy("Geen leersessie gepland deze maand"), link=_link)
def geen_leersessie(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    aanjagers: dict[int, set[int]] = defaultdict(set)
    for gebied_id, user_id in (
        Roltoewijzing.objects.actief(vandaag)
        .filter(gemeente=gemeente, rol=Rol.GEBIEDSAANJAGER, gebied__isnull=False)
        .values_list("gebied_id", "user_id")
    ):
        aanjagers[gebied_id].add(user_id)
    if not aanjagers:
        return
    begin, eind, laatste = maandgrenzen(vandaag)
    actief = set(Leerrooster.objects.filter(gemeente=gemeente).values_list("gebied_id", flat=True)) | set(
        Leersessie.objects.filter(gemeente=gemeente, begin__gte=begin - datetime.timedelta(days=366), begin__lt=eind)
        .values_list("gebied_id", flat=True)
        .distinct()
    )
    gepland = dict(
        Leersessie.objects.filter(gemeente=gemeente, geannuleerd_op__isnull=True, begin__gte=begin, begin__lt=eind)
        .values_list("gebied_id")
        .annotate(n=Count("id"))
        .values_list("gebied_id", "n")
    )
    for gebied_id, mensen in sorted(aanjagers.items()):
        if gebied_id not in actief:
            continue
        aantal = gepland.get(gebied_id, 0)
        if aantal < normen.leersessies_per_maand_min:
            yield Bevinding(
                soort=GEEN_LEERSESSIE,
                casus_id=None,
                onderwerp=("gemeenten.gebied", gebied_id),
                vervaldatum=laatste,
                tekst=_("Deze maand zijn er %(aantal)s leersessies gepland in dit gebied; minstens %(min)s is het ritme.")
                % {"aantal": aantal, "min": normen.leersessies_per_maand_min},
                gebruikers=frozenset(mensen),
            )
