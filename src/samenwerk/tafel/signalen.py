"""The table's rules for the signal engine (domain.md §10; registered in
settings.SIGNALERING_REGELS), every number a `gemeenten.Normen` field:

- a suitable case's casus check (~6 weeks after registration) and procesevaluatie
  (~6 months) are due and not yet recorded (the due day is the registration day plus the
  municipality's number);
- the table has no meeting planned in the next `tafel_interval_weken` weeks: about no case,
  to the chair and the secretary, linking to the table's page;
- kennismaking → MDO+ not within `tafel_mdo_vanaf/tot_weken`, and MDO+ → the next meeting
  (voortgangsgesprek) not within `tafel_vervolg_vanaf/tot_weken`: to the casusregisseur
  (the regievoerder) and the duo partner.

The decisions are pure functions (`geen_bijeenkomst`, `buiten_termijn`), tested at their
boundary days; the page warning on the table reuses the first."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.casussen.workflow import OPEN
from samenwerk.gemeenten.models import Gemeente, Normen
from samenwerk.overleg.models import Overleg
from samenwerk.plannen.regels import plus_maanden
from samenwerk.signalering.regels import Bevinding, Ontvanger, regel

from .models import Aanmelding, Afspraken, Bijeenkomst, Kennismaking, Tafel, Triage

CASUSCHECK = "tafel.casuscheck"
PROCESEVALUATIE = "tafel.procesevaluatie"
GEEN_BIJEENKOMST = "tafel.geen_bijeenkomst"
MDO_TE_LAAT = "tafel.mdo_niet_binnen_termijn"
VERVOLG_TE_LAAT = "tafel.vervolg_niet_binnen_termijn"


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


# --- the table's rhythm, and the Werkwijze's two windows -----------------------------------


def geen_bijeenkomst(vandaag: datetime.date, eerstvolgende: datetime.date | None, interval_weken: int) -> bool:
    """No meeting from today up to and including today + the interval (domain.md §10)."""
    return eerstvolgende is None or eerstvolgende > vandaag + datetime.timedelta(weeks=interval_weken)


def buiten_termijn(
    start: datetime.date, volgende: datetime.date | None, vandaag: datetime.date, vanaf_weken: int, tot_weken: int
) -> bool:
    """The next step should follow `start` within [vanaf, tot] weeks. True when nothing is
    planned and today is past the last day, when it is planned after the last day, or when
    it is planned, still to come, before the first day (too soon to prepare)."""
    eerst = start + datetime.timedelta(weeks=vanaf_weken)
    laatst = start + datetime.timedelta(weeks=tot_weken)
    if volgende is None:
        return vandaag > laatst
    return volgende > laatst or (volgende < eerst and volgende >= vandaag)


def _tafel_link(pk: int) -> str:
    return reverse("tafel:detail", args=[pk])


@regel(GEEN_BIJEENKOMST, gettext_lazy("De Tafel heeft geen bijeenkomst gepland"), link=_tafel_link)
def geen_bijeenkomst_gepland(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    begin = timezone.make_aware(datetime.datetime.combine(vandaag, datetime.time.min))
    bijeenkomsten = Bijeenkomst.objects.filter(tafel=OuterRef("pk"))
    rijen = Tafel.objects.filter(gemeente=gemeente).annotate(
        eerstvolgende=Subquery(bijeenkomsten.filter(begint__gte=begin).order_by("begint").values("begint")[:1]),
        laatste=Subquery(bijeenkomsten.filter(begint__lt=begin).order_by("-begint").values("begint")[:1]),
    )
    for tafel in rijen.values("pk", "voorzitter_id", "secretaris_id", "aangemaakt_op", "eerstvolgende", "laatste"):
        eerstvolgende = timezone.localtime(tafel["eerstvolgende"]).date() if tafel["eerstvolgende"] else None
        if not geen_bijeenkomst(vandaag, eerstvolgende, normen.tafel_interval_weken):
            continue
        # Due: one interval after the last meeting (stable from day to day), or the day the table was set up.
        vorige = tafel["laatste"] or tafel["aangemaakt_op"]
        vervalt = timezone.localtime(vorige).date()
        if tafel["laatste"]:
            vervalt += datetime.timedelta(weeks=normen.tafel_interval_weken)
        yield Bevinding(
            soort=GEEN_BIJEENKOMST,
            casus_id=None,
            onderwerp=("tafel.tafel", tafel["pk"]),
            vervaldatum=min(vervalt, vandaag),
            tekst=_("De Tafel heeft de komende twee weken geen bijeenkomst gepland."),
            ontvangers=frozenset(),
            gebruikers=frozenset(u for u in (tafel["voorzitter_id"], tafel["secretaris_id"]) if u),
        )


def _duo(aanmelding_ids: list[int]) -> dict[int, int]:
    return dict(Afspraken.objects.filter(aanmelding_id__in=aanmelding_ids).values_list("aanmelding_id", "duo__user_id"))


def _datum(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localtime(moment).date() if moment else None


@regel(MDO_TE_LAAT, gettext_lazy("MDO+ niet binnen twee weken na de kennismaking"))
def mdo_te_laat(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    """The first MDO+ of the case on or after the kennismaking, not cancelled."""
    mdo = Overleg.objects.filter(
        casus_id=OuterRef("aanmelding__casus_id"), vorm=Overleg.Vorm.MDO_PLUS, begint__date__gte=OuterRef("datum")
    ).exclude(status=Overleg.Status.GEANNULEERD)
    rijen = list(
        Kennismaking.objects.filter(
            aanmelding__gemeente=gemeente, aanmelding__triage=Triage.GESCHIKT, aanmelding__casus__status__in=OPEN
        )
        .annotate(mdo=Subquery(mdo.order_by("begint").values("begint")[:1]))
        .values("aanmelding_id", "aanmelding__casus_id", "datum", "mdo")
    )
    duo = _duo([r["aanmelding_id"] for r in rijen])
    for rij in rijen:
        if buiten_termijn(rij["datum"], _datum(rij["mdo"]), vandaag, normen.tafel_mdo_vanaf_weken, normen.tafel_mdo_tot_weken):
            yield Bevinding(
                soort=MDO_TE_LAAT,
                casus_id=rij["aanmelding__casus_id"],
                onderwerp=("tafel.aanmelding", rij["aanmelding_id"]),
                vervaldatum=rij["datum"] + datetime.timedelta(weeks=normen.tafel_mdo_tot_weken),
                tekst=_("Het MDO+ is niet een tot twee weken na de kennismaking gepland."),
                ontvangers=frozenset({Ontvanger.CASUSREGISSEUR}),
                gebruikers=frozenset({duo[rij["aanmelding_id"]]}) if rij["aanmelding_id"] in duo else frozenset(),
            )


@regel(VERVOLG_TE_LAAT, gettext_lazy("Voortgangsgesprek niet binnen vier weken na het MDO+"))
def vervolg_te_laat(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    """After the case's first MDO+ that has taken place (on or before today, not cancelled):
    the next meeting of the case, of any kind, not cancelled."""
    niet_geannuleerd = ~Q(status=Overleg.Status.GEANNULEERD)
    eind = timezone.make_aware(datetime.datetime.combine(vandaag, datetime.time.max))
    mdo = Overleg.objects.filter(
        niet_geannuleerd, casus_id=OuterRef("casus_id"), vorm=Overleg.Vorm.MDO_PLUS, begint__lte=eind,
        begint__date__gte=OuterRef("aangemeld_op"),
    )  # fmt: skip
    volgend = Overleg.objects.filter(niet_geannuleerd, casus_id=OuterRef("casus_id"), begint__gt=OuterRef("mdo"))
    rijen = list(
        Aanmelding.objects.filter(gemeente=gemeente, triage=Triage.GESCHIKT, casus__status__in=OPEN)
        .annotate(mdo=Subquery(mdo.order_by("begint").values("begint")[:1]))
        .filter(mdo__isnull=False)
        .annotate(volgende=Subquery(volgend.order_by("begint").values("begint")[:1]))
        .values("pk", "casus_id", "mdo", "volgende")
    )
    duo = _duo([r["pk"] for r in rijen])
    for rij in rijen:
        start = timezone.localtime(rij["mdo"]).date()
        if buiten_termijn(
            start, _datum(rij["volgende"]), vandaag, normen.tafel_vervolg_vanaf_weken, normen.tafel_vervolg_tot_weken
        ):
            yield Bevinding(
                soort=VERVOLG_TE_LAAT,
                casus_id=rij["casus_id"],
                onderwerp=("tafel.aanmelding", rij["pk"]),
                vervaldatum=start + datetime.timedelta(weeks=normen.tafel_vervolg_tot_weken),
                tekst=_("Het voortgangsgesprek is niet drie tot vier weken na het MDO+ gepland."),
                ontvangers=frozenset({Ontvanger.CASUSREGISSEUR}),
                gebruikers=frozenset({duo[rij["pk"]]}) if rij["pk"] in duo else frozenset(),
            )
