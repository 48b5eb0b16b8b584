"""ZET's rules for the signal engine (registered in settings.SIGNALERING_REGELS). They
concern no case (CONTRACT-SIGNALS: `casus_id=None`, the named `gebruikers`, a `link`):

- `zet.verbeterpunt_te_laat`: an improvement point not finished the day after its date →
  the round's evaluators (they follow it up; the page is theirs).
- `zet.terugkoppeling`: the resident asked for feedback and it is not yet recorded, from a
  week before its date → the interviewer ("the product reminds the interviewer").

Texts hold no personal data."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.gemeenten.models import Gemeente, Normen
from samenwerk.signalering.regels import Bevinding, regel

from .models import Evaluatieronde, Interview, Rondelid, Verbeterpunt

VERBETERPUNT_TE_LAAT = "zet.verbeterpunt_te_laat"
TERUGKOPPELING = "zet.terugkoppeling"
TERUGKOPPELING_VOORAF_DAGEN = 7


def _link_verbeterpunt(pk: int) -> str:
    ronde_id = Verbeterpunt.objects.filter(pk=pk).values_list("ronde_id", flat=True).first()
    return reverse("zet:verbeterpunten", kwargs={"pk": ronde_id}) if ronde_id else ""


def _link_interview(pk: int) -> str:
    ronde_id = Interview.objects.filter(pk=pk).values_list("rondecasus__ronde_id", flat=True).first()
    return reverse("zet:interview", kwargs={"pk": ronde_id, "interview_id": pk}) if ronde_id else ""


@regel(VERBETERPUNT_TE_LAAT, gettext_lazy("ZET-verbeterpunt over tijd"), link=_link_verbeterpunt)
def verbeterpunt_te_laat(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    punten = list(
        Verbeterpunt.objects.filter(gemeente=gemeente, uiterlijk__lt=vandaag)
        .exclude(status=Verbeterpunt.Status.AFGEROND)
        .values("pk", "ronde_id", "uiterlijk")
    )
    leden: dict[int, set[int]] = defaultdict(set)
    for ronde_id, user_id in Rondelid.objects.filter(ronde_id__in={p["ronde_id"] for p in punten}).values_list(
        "ronde_id", "user_id"
    ):
        leden[ronde_id].add(user_id)
    for p in punten:
        yield Bevinding(
            soort=VERBETERPUNT_TE_LAAT,
            casus_id=None,
            onderwerp=("zet.verbeterpunt", p["pk"]),
            vervaldatum=p["uiterlijk"],
            tekst=_("Een verbeterpunt uit een ZET-ronde is over tijd: volg het op of stel de datum bij."),
            gebruikers=frozenset(leden[p["ronde_id"]]),
        )


@regel(TERUGKOPPELING, gettext_lazy("Terugkoppeling aan de inwoner na ZET"), link=_link_interview)
def terugkoppeling(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    grens = vandaag + datetime.timedelta(days=TERUGKOPPELING_VOORAF_DAGEN)
    for rij in Interview.objects.filter(
        gemeente=gemeente,
        terugkoppeling_gewenst=True,
        terugkoppeling_gegeven_op__isnull=True,
        terugkoppeling_uiterlijk__lte=grens,
        rondecasus__casus__isnull=False,
        rondecasus__ronde__status=Evaluatieronde.Status.OPEN,
    ).values("pk", "interviewer_id", "terugkoppeling_uiterlijk"):
        yield Bevinding(
            soort=TERUGKOPPELING,
            casus_id=None,
            onderwerp=("zet.interview", rij["pk"]),
            vervaldatum=rij["terugkoppeling_uiterlijk"],
            tekst=_("De inwoner wil terugkoppeling na het ZET-interview; leg vast wanneer die gegeven is."),
            gebruikers=frozenset({rij["interviewer_id"]}),
        )
