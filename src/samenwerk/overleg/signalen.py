"""The meeting rules for the signal engine (domain.md §10, issue 4 item 5): a meeting not
planned within the municipality's number of weeks after the decision to hold one, and an
invitee who declined or did not answer and whose refusal is still open. Both are counted on
the gebiedsaanjager's dashboard; the decision itself is a pure function in `regels`."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.casussen.workflow import OPEN
from samenwerk.gemeenten.models import Gemeente, Normen
from samenwerk.plannen.models import Samenwerkplan
from samenwerk.signalering.regels import Bevinding, regel

from . import regels
from .models import Overleg, Weigering

OVERLEG_TE_LAAT = "overleg.niet_binnen_termijn"
WEIGERING = "overleg.weigering"


@regel(OVERLEG_TE_LAAT, gettext_lazy("Samenwerkoverleg niet binnen twee weken"), gebiedsaanjager=True)
def overleg_te_laat(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    niet_geannuleerd = ~Q(casus__overleggen__status=Overleg.Status.GEANNULEERD)
    rijen = (
        Samenwerkplan.objects.filter(
            gemeente=gemeente, overleg_nodig=True, overleg_besloten_op__isnull=False, casus__status__in=OPEN
        )
        .annotate(eerste=Min("casus__overleggen__begint", filter=niet_geannuleerd))
        .values("casus_id", "pk", "overleg_besloten_op", "eerste")
    )
    weken = normen.overleg_binnen_weken
    for rij in rijen:
        eerste = timezone.localtime(rij["eerste"]).date() if rij["eerste"] else None
        if regels.overleg_te_laat(rij["overleg_besloten_op"], eerste, vandaag, weken):
            yield Bevinding(
                soort=OVERLEG_TE_LAAT,
                casus_id=rij["casus_id"],
                onderwerp=("plannen.samenwerkplan", rij["pk"]),
                vervaldatum=regels.uiterlijk_overleg(rij["overleg_besloten_op"], weken),
                tekst=_("Er is besloten tot een Samenwerkoverleg, maar het is niet binnen de termijn gepland."),
            )


@regel(WEIGERING, gettext_lazy("Genodigde komt niet of antwoordt niet"), gebiedsaanjager=True)
def weigering(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    rijen = Weigering.objects.filter(
        gemeente=gemeente, uitkomst=Weigering.Uitkomst.OPEN, deelnemer__overleg__status=Overleg.Status.GEPLAND
    ).values("pk", "deelnemer__overleg__casus_id", "deelnemer__overleg__begint", "reden")
    for rij in rijen:
        yield Bevinding(
            soort=WEIGERING,
            casus_id=rij["deelnemer__overleg__casus_id"],
            onderwerp=("overleg.weigering", rij["pk"]),
            vervaldatum=timezone.localtime(rij["deelnemer__overleg__begint"]).date(),
            tekst=_("Een genodigde professional komt niet naar het overleg; de gebiedsaanjager is ingelicht."),
        )
