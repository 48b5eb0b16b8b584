"""The rules of the Samenwerkwijze at case level (domain.md §3 steps 5-6, §10). Each rule:
one query for candidates, a pure decision per row (the `*_geldt` functions), a finding."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.db.models import Count, Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.casussen.models import Betrokkene, Casus
from samenwerk.casussen.workflow import OPEN, Status
from samenwerk.gemeenten.models import Gemeente, Normen
from samenwerk.plannen.models import Afspraak, Ronde, Samenwerkplan
from samenwerk.plannen.regels import herhaalmeting_venster

from .regels import Bevinding, Ontvanger, regel

DAG = datetime.timedelta(days=1)
# An evaluation held at most this long before the agreed date counts as that evaluation.
EVALUATIE_MARGE = datetime.timedelta(days=14)

AFSPRAAK_TE_LAAT = "afspraak.te_laat"
AFSPRAAK_BIJNA = "afspraak.bijna"
EVALUATIE_VERSTREKEN = "evaluatie.verstreken"
GEEN_CASUSREGISSEUR = "casus.geen_casusregisseur"
HERHAALMETING = "casus.herhaalmeting"


# --- Pure decisions -------------------------------------------------------------------------


def afspraak_te_laat_geldt(*, uiterlijke_datum: datetime.date, voltooid_op: datetime.date | None, vandaag: datetime.date) -> bool:
    """Past its latest date and not done: signalled from the day after the latest date."""
    return voltooid_op is None and uiterlijke_datum < vandaag


def afspraak_bijna_geldt(
    *, uiterlijke_datum: datetime.date, voltooid_op: datetime.date | None, vandaag: datetime.date, dagen: int
) -> bool:
    """Not done and due within `dagen` calendar days (the latest date itself included)."""
    return voltooid_op is None and vandaag <= uiterlijke_datum <= vandaag + dagen * DAG


def evaluatie_verstreken_geldt(
    *, evaluatie_datum: datetime.date | None, laatste_evaluatie: datetime.date | None, vandaag: datetime.date
) -> bool:
    """The agreed evaluation date has passed and no evaluation round was held for it (an
    evaluation up to EVALUATIE_MARGE before the date counts)."""
    if evaluatie_datum is None or evaluatie_datum >= vandaag:
        return False
    return laatste_evaluatie is None or laatste_evaluatie < evaluatie_datum - EVALUATIE_MARGE


def geen_casusregisseur_geldt(*, professionals: int, casusregisseurs: int) -> bool:
    """One casusregisseur whenever more than one professional is involved (domain.md §1)."""
    return professionals > 1 and casusregisseurs == 0


def herhaalmeting_geldt(
    *,
    afgesloten_op: datetime.date | None,
    laatste_meting: datetime.date | None,
    vandaag: datetime.date,
    maanden: tuple[int, int],
) -> bool:
    """Inside the window of 6-12 months after closing, without a measurement in that window."""
    if afgesloten_op is None:
        return False
    vroegst, laatst = herhaalmeting_venster(afgesloten_op, maanden)
    return vroegst <= vandaag <= laatst and (laatste_meting is None or laatste_meting < vroegst)


# --- Rules ----------------------------------------------------------------------------------


def _open_afspraken(gemeente: Gemeente, tot: datetime.date) -> Iterator[dict[str, object]]:
    return (
        Afspraak.objects.filter(
            gemeente=gemeente,
            voltooid_op__isnull=True,
            ingetrokken_op__isnull=True,  # a withdrawn agreement is no longer due
            uiterlijke_datum__lte=tot,
            plan__casus__status__in=OPEN,
        )
        .values("pk", "plan__casus_id", "uiterlijke_datum", "voltooid_op", "wie", "betrokkene__user_id")
        .iterator()
    )


def _eigenaar(rij: dict[str, object]) -> frozenset[int]:
    """The owner of an agreement, when that is a professional with an account."""
    if rij["wie"] == Afspraak.Wie.PROFESSIONAL and rij["betrokkene__user_id"]:
        return frozenset({rij["betrokkene__user_id"]})  # type: ignore[arg-type]
    return frozenset()


@regel(AFSPRAAK_TE_LAAT, gettext_lazy("Afspraak over tijd"), gebiedsaanjager=True)
def afspraak_te_laat(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    for rij in _open_afspraken(gemeente, vandaag - DAG):
        if afspraak_te_laat_geldt(uiterlijke_datum=rij["uiterlijke_datum"], voltooid_op=rij["voltooid_op"], vandaag=vandaag):  # type: ignore[arg-type]
            yield Bevinding(
                soort=AFSPRAAK_TE_LAAT,
                casus_id=rij["plan__casus_id"],  # type: ignore[arg-type]
                onderwerp=("plannen.afspraak", rij["pk"]),  # type: ignore[arg-type]
                vervaldatum=rij["uiterlijke_datum"],  # type: ignore[arg-type]
                tekst=_("Afspraak niet voltooid; de uiterlijke datum is verstreken."),
                gebruikers=_eigenaar(rij),
            )


@regel(AFSPRAAK_BIJNA, gettext_lazy("Afspraak loopt bijna af"))
def afspraak_bijna(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    dagen = normen.afspraak_waarschuwing_dagen
    for rij in _open_afspraken(gemeente, vandaag + dagen * DAG):
        if afspraak_bijna_geldt(
            uiterlijke_datum=rij["uiterlijke_datum"],  # type: ignore[arg-type]
            voltooid_op=rij["voltooid_op"],  # type: ignore[arg-type]
            vandaag=vandaag,
            dagen=dagen,
        ):
            yield Bevinding(
                soort=AFSPRAAK_BIJNA,
                casus_id=rij["plan__casus_id"],  # type: ignore[arg-type]
                onderwerp=("plannen.afspraak", rij["pk"]),  # type: ignore[arg-type]
                vervaldatum=rij["uiterlijke_datum"],  # type: ignore[arg-type]
                tekst=_("Afspraak nog niet voltooid; de uiterlijke datum komt dichtbij."),
                gebruikers=_eigenaar(rij),
            )


@regel(EVALUATIE_VERSTREKEN, gettext_lazy("Evaluatie niet gehouden"))
def evaluatie_verstreken(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    plannen = (
        Samenwerkplan.objects.filter(gemeente=gemeente, casus__status__in=OPEN, evaluatie_datum__lt=vandaag)
        .annotate(laatste=Max("rondes__datum", filter=Q(rondes__soort=Ronde.Soort.EVALUATIE)))
        .values("pk", "casus_id", "evaluatie_datum", "laatste")
    )
    for rij in plannen.iterator():
        if evaluatie_verstreken_geldt(evaluatie_datum=rij["evaluatie_datum"], laatste_evaluatie=rij["laatste"], vandaag=vandaag):
            yield Bevinding(
                soort=EVALUATIE_VERSTREKEN,
                casus_id=rij["casus_id"],
                onderwerp=("plannen.samenwerkplan", rij["pk"]),
                vervaldatum=rij["evaluatie_datum"],
                tekst=_("De afgesproken evaluatiedatum is voorbij en er is geen evaluatie vastgelegd."),
            )


@regel(GEEN_CASUSREGISSEUR, gettext_lazy("Geen casusregisseur"), gebiedsaanjager=True)
def geen_casusregisseur(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    actief = Q(betrokkenen__tot__isnull=True)
    casussen = (
        Casus.objects.filter(gemeente=gemeente, status__in=OPEN)
        .annotate(
            professionals=Count("betrokkenen", filter=actief & ~Q(betrokkenen__rol=Betrokkene.Rol.PROCESREGISSEUR)),
            regisseurs=Count("betrokkenen", filter=actief & Q(betrokkenen__rol=Betrokkene.Rol.CASUSREGISSEUR)),
            sinds=Max("betrokkenen__sinds", filter=actief),
        )
        .filter(professionals__gt=1, regisseurs=0)
        .values("pk", "professionals", "regisseurs", "sinds")
    )
    for rij in casussen.iterator():
        if geen_casusregisseur_geldt(professionals=rij["professionals"], casusregisseurs=rij["regisseurs"]):
            yield Bevinding(
                soort=GEEN_CASUSREGISSEUR,
                casus_id=rij["pk"],
                onderwerp=("casussen.casus", rij["pk"]),
                vervaldatum=rij["sinds"],
                tekst=_("Er werken meerdere professionals aan deze casus, maar niemand is casusregisseur."),
                ontvangers=frozenset({Ontvanger.DEELNEMERS, Ontvanger.PROCESREGISSEUR}),
            )


@regel(HERHAALMETING, gettext_lazy("Herhaalmeting welzijn"))
def herhaalmeting(vandaag: datetime.date, normen: Normen, gemeente: Gemeente) -> Iterator[Bevinding]:
    vanaf, tot = normen.herhaalmeting_maanden
    casussen = (
        Casus.objects.filter(
            gemeente=gemeente,
            status=Status.AFGESLOTEN,
            geanonimiseerd_op__isnull=True,
            # a generous pre-selection; the pure function decides on calendar months
            afgesloten_op__gte=vandaag - (31 * tot + 1) * DAG,
            afgesloten_op__lte=vandaag - (28 * vanaf - 1) * DAG,
        )
        .annotate(laatste=Max("gezondheidsmetingen__datum"))
        .values("pk", "afgesloten_op", "laatste")
    )
    for rij in casussen.iterator():
        if herhaalmeting_geldt(
            afgesloten_op=rij["afgesloten_op"], laatste_meting=rij["laatste"], vandaag=vandaag, maanden=(vanaf, tot)
        ):
            yield Bevinding(
                soort=HERHAALMETING,
                casus_id=rij["pk"],
                onderwerp=("casussen.casus", rij["pk"]),
                vervaldatum=herhaalmeting_venster(rij["afgesloten_op"], (vanaf, tot))[1],
                tekst=_("Tijd voor de herhaalmeting van het welzijn, %(vanaf)s tot %(tot)s maanden na het afsluiten.")
                % {"vanaf": vanaf, "tot": tot},
            )
