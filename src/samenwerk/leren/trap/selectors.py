"""Reading the upper steps: visibility in the querysets (style.md §6), a fixed number of
queries per list whatever its length."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from samenwerk.gemeenten.models import Gemeente, User

from ..models import NIVEAUS, Dilemma, Dilemmastap, Leerdocument, Niveau, Trapdeelnemer, Trapoverleg
from . import rules


def overleggen(user: User, gemeente: Gemeente, soort: str = "") -> QuerySet[Trapoverleg]:
    """The meetings of the kinds the person takes part in, and those they were invited to."""
    eigen = Trapdeelnemer.objects.filter(user=user).values("overleg_id")
    qs = Trapoverleg.objects.filter(gemeente=gemeente).filter(
        Q(soort__in=rules.zichtbare_soorten(user, gemeente)) | Q(pk__in=eigen)
    )
    if soort:
        qs = qs.filter(soort=soort)
    return (
        qs.select_related("voorzitter")
        .annotate(
            aantal_genodigden=Count("deelnemers", distinct=True),
            aantal_besluiten=Count("besluiten", distinct=True),
            aantal_acties=Count("acties", distinct=True),
        )
        .order_by("-begint", "-id")
    )


def overleg_of_404(user: User, pk: int) -> Trapoverleg:
    overleg = Trapoverleg.objects.select_related("voorzitter", "gemeente").filter(pk=pk).first()
    if overleg is None or not rules.mag_overleg_zien(user, overleg):
        raise Http404
    return overleg


def agenda(overleg: Trapoverleg) -> QuerySet:  # type: ignore[type-arg]
    return overleg.agenda.select_related("dilemma", "document__gebied")


def deelnemers(overleg: Trapoverleg) -> QuerySet[Trapdeelnemer]:
    return overleg.deelnemers.select_related("user").order_by("user__last_name", "user__first_name", "pk")


def dilemmas(user: User, gemeente: Gemeente, *, niveau: str = "", status: str = "") -> QuerySet[Dilemma]:
    if not rules.heeft_rol(user, gemeente):
        return Dilemma.objects.none()
    qs = Dilemma.objects.filter(gemeente=gemeente)
    if niveau:
        qs = qs.filter(niveau=niveau)
    if status:
        qs = qs.filter(status=status)
    hier = Dilemmastap.objects.filter(dilemma=OuterRef("pk"), niveau=OuterRef("niveau")).values("begonnen_op")[:1]
    return qs.select_related("ingebracht_door", "gebied").annotate(op_niveau_sinds=Subquery(hier))


def dilemma_of_404(user: User, pk: int) -> Dilemma:
    dilemma = Dilemma.objects.select_related("ingebracht_door", "gebied", "gemeente", "opgelost_door").filter(pk=pk).first()
    if dilemma is None or not rules.heeft_rol(user, dilemma.gemeente_id):
        raise Http404
    return dilemma


def stappen(dilemma: Dilemma) -> list[Dilemmastap]:
    return list(
        dilemma.stappen.select_related("actieleren__tafel__sessie", "overleg").prefetch_related("notities__door").order_by("pk")
    )


@dataclass(frozen=True)
class Niveaucijfers:
    niveau: str
    label: str
    open: int
    opgelost: int
    geescaleerd: int
    gemiddelde_dagen: float | None  # lead time at this level of the stays that ended


def per_niveau(gemeente: Gemeente) -> list[Niveaucijfers]:
    """Status and lead time per level: two queries."""
    open_ = dict(
        Dilemma.objects.filter(gemeente=gemeente, status=Dilemma.Status.OPEN)
        .values("niveau")
        .annotate(n=Count("pk"))
        .values_list("niveau", "n")
    )
    duur: dict[str, list[datetime.timedelta]] = {n: [] for n in NIVEAUS}
    uitkomsten: dict[tuple[str, str], int] = {}
    for niveau, uitkomst, begin, einde in Dilemmastap.objects.filter(
        dilemma__gemeente=gemeente, geeindigd_op__isnull=False
    ).values_list("niveau", "uitkomst", "begonnen_op", "geeindigd_op"):
        duur[niveau].append(einde - begin)
        uitkomsten[(niveau, uitkomst)] = uitkomsten.get((niveau, uitkomst), 0) + 1
    labels = dict(Niveau.choices)
    return [
        Niveaucijfers(
            niveau=n,
            label=str(labels[n]),
            open=open_.get(n, 0),
            opgelost=uitkomsten.get((n, Dilemmastap.Uitkomst.OPGELOST), 0),
            geescaleerd=uitkomsten.get((n, Dilemmastap.Uitkomst.GEESCALEERD), 0),
            gemiddelde_dagen=round(sum(d.total_seconds() for d in duur[n]) / len(duur[n]) / 86400, 1) if duur[n] else None,
        )
        for n in NIVEAUS
    ]


def dagen_sinds(moment: datetime.datetime | None) -> int | None:
    return (timezone.now() - moment).days if moment else None


def documenten(user: User, gemeente: Gemeente, *, gebied_id: int | None = None, soort: str = "") -> QuerySet[Leerdocument]:
    if not rules.heeft_rol(user, gemeente):
        return Leerdocument.objects.none()
    qs = Leerdocument.objects.filter(gemeente=gemeente)
    if gebied_id:
        qs = qs.filter(gebied_id=gebied_id)
    if soort:
        qs = qs.filter(soort=soort)
    return qs.select_related("gebied", "aangemaakt_door")


def document_of_404(user: User, pk: int) -> Leerdocument:
    document = Leerdocument.objects.select_related("gebied", "gemeente").filter(pk=pk).first()
    if document is None or not rules.heeft_rol(user, document.gemeente_id):
        raise Http404
    return document


def versies(document: Leerdocument) -> QuerySet:  # type: ignore[type-arg]
    return document.versies.select_related("door").order_by("-nummer")
