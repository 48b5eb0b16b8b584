"""Reading leersessies: visibility in the querysets (anyone with a role in the municipality
sees its sessions), lists with a constant number of queries, and what other parts need
(`nieuwkomers` and `bezochte_leersessies` for the leertraject)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from samenwerk.gemeenten.models import Gebied, Gemeente, Normen, Roltoewijzing, User

from ..models import Actieleren, Casusinbreng, Deelname, Leersessie, Leertafel

ACTIEF = Q(deelnames__afgemeld_op__isnull=True)


def _gemeenten(user: User) -> QuerySet[Roltoewijzing]:
    return Roltoewijzing.objects.actief().filter(user=user).values("gemeente_id")


def sessies_voor(user: User) -> QuerySet[Leersessie]:
    return Leersessie.objects.filter(gemeente_id__in=_gemeenten(user))


def sessie_of_404(user: User, pk: int) -> Leersessie:
    sessie = sessies_voor(user).select_related("gebied", "aanjager", "gemeente").filter(pk=pk).first()
    if sessie is None:
        raise Http404
    return sessie


def gebied_of_404(user: User, pk: int) -> Gebied:
    gebied = Gebied.objects.filter(pk=pk, gemeente_id__in=_gemeenten(user)).select_related("gemeente").first()
    if gebied is None:
        raise Http404
    return gebied


def sessies_in_gebied(gebied: Gebied) -> QuerySet[Leersessie]:
    return (
        Leersessie.objects.filter(gebied=gebied)
        .select_related("aanjager")
        .annotate(aantal_aanmeldingen=Count("deelnames", filter=ACTIEF, distinct=True))
        .order_by("-begin", "-id")
    )


def sessielijst(user: User, gebied_id: int | None = None) -> QuerySet[Leersessie]:
    qs = sessies_voor(user).select_related("gebied", "aanjager")
    if gebied_id is not None:
        qs = qs.filter(gebied_id=gebied_id)
    return qs.annotate(aantal_aanmeldingen=Count("deelnames", filter=ACTIEF, distinct=True)).order_by("-begin", "-id")


def gebieden_met_volgende(gemeente: Gemeente, nu: datetime.datetime) -> list[Gebied]:
    """The municipality's areas with their next session (two queries)."""
    gebieden = list(Gebied.objects.filter(gemeente=gemeente).order_by("naam"))
    volgende: dict[int, Leersessie] = {}
    for sessie in Leersessie.objects.filter(gemeente=gemeente, begin__gt=nu, geannuleerd_op__isnull=True).order_by("begin"):
        volgende.setdefault(sessie.gebied_id, sessie)
    for gebied in gebieden:
        gebied.volgende_sessie = volgende.get(gebied.pk)  # type: ignore[attr-defined]
    return gebieden


def mijn_aanmeldingen(user: User, nu: datetime.datetime) -> QuerySet[Deelname]:
    return (
        Deelname.objects.filter(user=user, afgemeld_op__isnull=True, sessie__begin__gt=nu)
        .select_related("sessie__gebied")
        .order_by("sessie__begin")
    )


def deelname_van(user: User, sessie: Leersessie) -> Deelname | None:
    return Deelname.objects.filter(user=user, sessie=sessie, afgemeld_op__isnull=True).first()


def tafels_met_deelnames(sessie: Leersessie) -> list[Leertafel]:
    deelnames = Deelname.objects.filter(afgemeld_op__isnull=True).select_related("user").order_by("user__last_name", "id")
    return list(
        sessie.tafels.select_related("gespreksleider").prefetch_related(
            Prefetch("deelnames", queryset=deelnames, to_attr="aan_tafel"),
            Prefetch("actieleren", queryset=Actieleren.objects.select_related("indiener"), to_attr="vragen"),
        )
    )


def aanmeldingen(sessie: Leersessie) -> QuerySet[Deelname]:
    return (
        Deelname.objects.filter(sessie=sessie, afgemeld_op__isnull=True)
        .select_related("user", "tafel")
        .order_by("aangemeld_op", "id")
    )


@dataclass(frozen=True)
class Waarschuwing:
    tafel: Leertafel
    tekst: str


def tafelwaarschuwingen(sessie: Leersessie, tafels: list[Leertafel], normen: Normen) -> list[Waarschuwing]:
    """Table sizes of domain.md §10 (a warning with the number; nothing is refused): an
    action-learning group live 6-8 / online 2-5, an evaluatietafel at most 8. Counted: the
    people present, or while nobody is marked present, those placed at the table."""
    uit = []
    for tafel in tafels:
        rijen = tafel.aan_tafel  # type: ignore[attr-defined]
        aanwezig = [d for d in rijen if d.aanwezig]
        aantal = len(aanwezig) if any(d.aanwezig is not None for d in rijen) else len(rijen)
        if tafel.soort == Leertafel.Soort.CASUS and aantal:
            laag, hoog = (
                (normen.actieleren_online_min, normen.actieleren_online_max)
                if sessie.online
                else (normen.actieleren_live_min, normen.actieleren_live_max)
            )
            if aantal > hoog:
                tekst = _("%(tafel)s: %(aantal)s mensen, meer dan de %(grens)s voor actieleren. Splits de groep.")
                uit.append(Waarschuwing(tafel, tekst % {"tafel": tafel, "aantal": aantal, "grens": hoog}))
            elif aantal < laag:
                tekst = _("%(tafel)s: %(aantal)s mensen, minder dan de %(grens)s voor actieleren.")
                uit.append(Waarschuwing(tafel, tekst % {"tafel": tafel, "aantal": aantal, "grens": laag}))
        elif tafel.soort == Leertafel.Soort.EVALUATIE and aantal > normen.evaluatietafel_max:
            tekst = _("%(tafel)s: %(aantal)s mensen, meer dan de %(grens)s aan een evaluatietafel.")
            uit.append(Waarschuwing(tafel, tekst % {"tafel": tafel, "aantal": aantal, "grens": normen.evaluatietafel_max}))
    return uit


def gedeelde_inbreng(gemeente_id: int) -> QuerySet[Casusinbreng]:
    """Cases brought in and shared without names: the only ones an actieleren may name."""
    return Casusinbreng.objects.filter(gemeente_id=gemeente_id, status=Casusinbreng.Status.GEDEELD).order_by("-gedeeld_op")


def actieleren_of_404(user: User, pk: int) -> Actieleren:
    rij = (
        Actieleren.objects.filter(pk=pk, tafel__sessie__gemeente_id__in=_gemeenten(user))
        .select_related(
            "tafel__sessie__gebied", "indiener", "gespreksleider", "dialoog_adviseur", "volgende_inbrenger", "inbreng"
        )
        .first()
    )
    if rij is None:
        raise Http404
    return rij


def tafel_of_404(user: User, pk: int) -> Leertafel:
    tafel = Leertafel.objects.filter(pk=pk, sessie__gemeente_id__in=_gemeenten(user)).select_related("sessie__gebied").first()
    if tafel is None:
        raise Http404
    return tafel


def feedbacksamenvatting(sessie: Leersessie) -> dict[str, object]:
    cijfers = sessie.feedback.aggregate(aantal=Count("id"), inhoud=Avg("score_inhoud"), organisatie=Avg("score_organisatie"))
    cijfers["opmerkingen"] = list(sessie.feedback.exclude(opmerking="").values_list("opmerking", flat=True))
    return cijfers


# --- For the leertraject (issue 20) -----------------------------------------------------------


def nieuwkomers(gemeente: Gemeente, *, sinds: datetime.datetime | datetime.date) -> QuerySet[User]:
    """People who were present at a nieuwkomertafel of the municipality since `sinds`."""
    return User.objects.filter(
        leersessie_deelnames__aanwezig=True,
        leersessie_deelnames__tafel__soort=Leertafel.Soort.NIEUWKOMER,
        leersessie_deelnames__sessie__gemeente=gemeente,
        leersessie_deelnames__sessie__begin__gte=sinds,
    ).distinct()


def bezochte_leersessies(user: User) -> QuerySet[Leersessie]:
    """The sessions the person was present at, newest first."""
    return Leersessie.objects.filter(deelnames__user=user, deelnames__aanwezig=True).select_related("gebied").order_by("-begin")
