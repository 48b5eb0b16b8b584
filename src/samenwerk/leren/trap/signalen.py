"""Signals without a case for the rhythm of the upper steps (domain.md §10; registered in
settings.SIGNALERING_REGELS) and the resolution of a dilemma flowing back.

The rhythm rules share one shape: the next one is due a fixed time after the latest (held or
planned); from `VOORAF` days before that day, while nothing later is planned, the right
people get a signal (vervaldatum = the due day, so it stays the same day after day).

- netwerkoverleg: due the latest + Normen.netwerkoverleg_weken; to the core group (the
  invitees of its latest meeting), else every manager, and the latest meeting's chair;
- steungroep: due the latest + a year / Normen.steungroep_per_jaar_min; to the dagelijks
  bestuur, else every executive, and the latest chair;
- intervisie: due the latest + a year / Normen.intervisie_per_jaar; to every gebiedsaanjager;
- bundle (per area): from the latest bundle's end + Normen.bundelen_vanaf_maanden, due at
  + bundelen_tot_maanden; to the area's gebiedsaanjagers;
- leergeschiedenis (per area): due the latest one's end + Normen.leergeschiedenis_maanden; to
  the area's gebiedsaanjagers and the core group (else every manager).

With no meeting or document yet, the due day is the municipality's first leersessie, the
start of the staircase (no leersessie yet: nothing is signalled)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.gemeenten.models import Gemeente, Normen, Rol, Roltoewijzing
from samenwerk.plannen.regels import plus_maanden
from samenwerk.signalering.regels import Bevinding, regel

from ..models import Dilemma, Leerdocument, Leersessie, Trapoverleg
from .services import OPLOSSING, betrokkenen

VOORAF = 14  # days before the due day the signal opens
OPLOSSING_DAGEN = 30  # how long the resolution stays in people's lists
S = Trapoverleg.Soort


def _overleg_link(soort: str) -> str:
    return f"{reverse('leren:overleg-lijst')}?soort={soort}"


def _documenten_link(gebied_id: int) -> str:
    return f"{reverse('leren:document-lijst')}?gebied={gebied_id}"


def volgende(laatste: datetime.date, dagen: int) -> datetime.date:
    return laatste + datetime.timedelta(days=dagen)


def open_vanaf(vervaldatum: datetime.date) -> datetime.date:
    return vervaldatum - datetime.timedelta(days=VOORAF)


def _start(gemeente: Gemeente) -> datetime.date | None:
    eerste = Leersessie.objects.filter(gemeente=gemeente, geannuleerd_op__isnull=True).aggregate(m=Min("begin"))["m"]
    return timezone.localtime(eerste).date() if eerste else None


def _rol(gemeente: Gemeente, rol: str, gebied_id: int | None = None) -> set[int]:
    qs = Roltoewijzing.objects.actief().filter(gemeente=gemeente, rol=rol)
    if gebied_id is not None:
        qs = qs.filter(gebied_id=gebied_id)
    return set(qs.values_list("user_id", flat=True))


def _kern(gemeente: Gemeente, soort: str, anders: str) -> set[int]:
    """The invitees of the latest core-group (or dagelijks bestuur) meeting, else everyone of the role."""
    laatste = Trapoverleg.objects.filter(gemeente=gemeente, soort=soort, geannuleerd_op__isnull=True).order_by("-begint").first()
    if laatste is not None:
        leden = set(laatste.deelnemers.values_list("user_id", flat=True))
        if leden:
            return leden
    return _rol(gemeente, anders)


def _ritme(
    vandaag: datetime.date, gemeente: Gemeente, soort: str, dagen: int, code: str, tekst: str, mensen: Iterable[int]
) -> Iterator[Bevinding]:
    rijen = Trapoverleg.objects.filter(gemeente=gemeente, soort=soort, geannuleerd_op__isnull=True)
    laatste = rijen.order_by("-begint").values("begint", "voorzitter_id").first()
    if laatste is None:
        start = _start(gemeente)
        if start is None:
            return
        vervaldatum, voorzitter = start, None
    else:
        vervaldatum, voorzitter = volgende(timezone.localtime(laatste["begint"]).date(), dagen), laatste["voorzitter_id"]
    if vandaag < open_vanaf(vervaldatum):
        return
    ontvangers = set(mensen) | ({voorzitter} if voorzitter else set())
    yield Bevinding(
        soort=code, casus_id=None, onderwerp=("gemeenten.gemeente", gemeente.pk), vervaldatum=vervaldatum,
        tekst=tekst, gebruikers=frozenset(ontvangers),
    )  # fmt: skip


NETWERKOVERLEG = "leren.netwerkoverleg"
STEUNGROEP = "leren.steungroep"
INTERVISIE = "leren.intervisie"
BUNDEL = "leren.bundel"
LEERGESCHIEDENIS = "leren.leergeschiedenis"
DILEMMA_OPGELOST = OPLOSSING


@regel(NETWERKOVERLEG, gettext_lazy("Netwerkoverleg plannen"), link=lambda _pk: _overleg_link(S.NETWERKOVERLEG))
def netwerkoverleg(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    yield from _ritme(
        vandaag, gemeente, S.NETWERKOVERLEG, normen.netwerkoverleg_weken * 7, NETWERKOVERLEG,
        _("Het volgende netwerkoverleg is nog niet gepland."), _kern(gemeente, S.KERNGROEP, Rol.MANAGER),
    )  # fmt: skip


@regel(STEUNGROEP, gettext_lazy("Steungroep plannen"), link=lambda _pk: _overleg_link(S.STEUNGROEP))
def steungroep(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    yield from _ritme(
        vandaag, gemeente, S.STEUNGROEP, 365 // max(normen.steungroep_per_jaar_min, 1), STEUNGROEP,
        _("De volgende steungroep is nog niet gepland."), _kern(gemeente, S.DAGELIJKS_BESTUUR, Rol.BESTUURDER),
    )  # fmt: skip


@regel(INTERVISIE, gettext_lazy("Intervisie van gebiedsaanjagers plannen"), link=lambda _pk: _overleg_link(S.INTERVISIE))
def intervisie(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    yield from _ritme(
        vandaag, gemeente, S.INTERVISIE, 365 // max(normen.intervisie_per_jaar, 1), INTERVISIE,
        _("De volgende intervisie van de gebiedsaanjagers is nog niet gepland."), _rol(gemeente, Rol.GEBIEDSAANJAGER),
    )  # fmt: skip


def _per_gebied(gemeente: Gemeente, soort: str) -> dict[int, datetime.date]:
    rijen = Leerdocument.objects.filter(gemeente=gemeente, soort=soort, gebied__isnull=False)
    return dict(rijen.values("gebied_id").annotate(laatst=Max("tot")).values_list("gebied_id", "laatst"))


def _gebieden_met_start(gemeente: Gemeente) -> dict[int, datetime.date]:
    rijen = Leersessie.objects.filter(gemeente=gemeente, geannuleerd_op__isnull=True).values("gebied_id").annotate(m=Min("begin"))
    return {r["gebied_id"]: timezone.localtime(r["m"]).date() for r in rijen}


@regel(BUNDEL, gettext_lazy("Successen en leerpunten bundelen"), link=_documenten_link)
def bundel(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    laatst = _per_gebied(gemeente, Leerdocument.Soort.BUNDEL)
    for gebied_id, start in _gebieden_met_start(gemeente).items():
        basis = laatst.get(gebied_id, start)
        if vandaag < plus_maanden(basis, normen.bundelen_vanaf_maanden):
            continue
        yield Bevinding(
            soort=BUNDEL, casus_id=None, onderwerp=("gemeenten.gebied", gebied_id),
            vervaldatum=plus_maanden(basis, normen.bundelen_tot_maanden),
            tekst=_("Tijd om de successen en leerpunten van het gebied te bundelen."),
            gebruikers=frozenset(_rol(gemeente, Rol.GEBIEDSAANJAGER, gebied_id)),
        )  # fmt: skip


@regel(LEERGESCHIEDENIS, gettext_lazy("Leergeschiedenis schrijven"), link=_documenten_link)
def leergeschiedenis(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    laatst = _per_gebied(gemeente, Leerdocument.Soort.LEERGESCHIEDENIS)
    kern = None
    for gebied_id, start in _gebieden_met_start(gemeente).items():
        vervaldatum = plus_maanden(laatst.get(gebied_id, start), normen.leergeschiedenis_maanden)
        if vandaag < open_vanaf(vervaldatum):
            continue
        kern = kern if kern is not None else _kern(gemeente, S.KERNGROEP, Rol.MANAGER)
        yield Bevinding(
            soort=LEERGESCHIEDENIS, casus_id=None, onderwerp=("gemeenten.gebied", gebied_id), vervaldatum=vervaldatum,
            tekst=_("De jaarlijkse leergeschiedenis van het gebied is aan de beurt."),
            gebruikers=frozenset(_rol(gemeente, Rol.GEBIEDSAANJAGER, gebied_id) | kern),
        )  # fmt: skip


@regel(DILEMMA_OPGELOST, gettext_lazy("Dilemma opgelost"), link=lambda pk: reverse("leren:dilemma-detail", args=[pk]))
def dilemma_opgelost(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    """For a month after the resolution, everyone who raised or handled the dilemma."""
    grens = timezone.make_aware(datetime.datetime.combine(vandaag - datetime.timedelta(days=OPLOSSING_DAGEN), datetime.time()))
    for dilemma in Dilemma.objects.filter(gemeente=gemeente, status=Dilemma.Status.OPGELOST, opgelost_op__gte=grens):
        yield Bevinding(
            soort=DILEMMA_OPGELOST, casus_id=None, onderwerp=("leren.dilemma", dilemma.pk),
            vervaldatum=timezone.localtime(dilemma.opgelost_op).date(),
            tekst=_("Er is een oplossing voor een dilemma dat u inbracht of behandelde."),
            gebruikers=frozenset(betrokkenen(dilemma)),
        )  # fmt: skip
