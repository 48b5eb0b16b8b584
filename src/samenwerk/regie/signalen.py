"""External care signals reach the casusregisseur (issue 5 item 2): a signal recorded in the
last week is a signal in the inbox until handled; after a week unhandled it lapses, the care
signal itself stays on the case page."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.casussen.workflow import OPEN
from samenwerk.gemeenten.models import Gemeente, Normen
from samenwerk.signalering.regels import Bevinding, Ontvanger, regel

from .models import Zorgsignaal

NIEUW_ZORGSIGNAAL = "regie.zorgsignaal"
NIEUW_DAGEN = 7


def nieuw_geldt(*, datum: datetime.date, vandaag: datetime.date, dagen: int = NIEUW_DAGEN) -> bool:
    """Recorded within the last `dagen` days (today included), not in the future."""
    return vandaag - datetime.timedelta(days=dagen) < datum <= vandaag


@regel(NIEUW_ZORGSIGNAAL, gettext_lazy("Nieuw zorgsignaal van buiten"))
def nieuw_zorgsignaal(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    rijen = Zorgsignaal.objects.filter(
        gemeente=gemeente, casus__status__in=OPEN, datum__gt=vandaag - datetime.timedelta(days=NIEUW_DAGEN)
    ).values("pk", "casus_id", "datum", "bron")
    for rij in rijen:
        if nieuw_geldt(datum=rij["datum"], vandaag=vandaag):
            yield Bevinding(
                soort=NIEUW_ZORGSIGNAAL,
                casus_id=rij["casus_id"],
                onderwerp=("regie.zorgsignaal", rij["pk"]),
                vervaldatum=rij["datum"],
                tekst=_("Er is een zorgsignaal van buiten vastgelegd; bekijk het op de casuspagina."),
                ontvangers=frozenset({Ontvanger.CASUSREGISSEUR}),
            )
