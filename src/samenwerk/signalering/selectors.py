"""Reads of signals: a person's own (always through `Signalering.objects.voor`, which keeps
only cases they can open), and counts without names for the dashboards. Every function is
a bounded number of queries, whatever the number of cases."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samenwerk.casussen.models import Betrokkene, Casus
from samenwerk.gemeenten.models import Gebied, Gemeente, Organisatie, Roltoewijzing, User
from samenwerk.plannen.models import Afspraak

from .models import ACTIEF, Signalering, Status
from .regels import Soort, Urgentie, soorten, urgentie

DAG = datetime.timedelta(days=1)
URGENTIES: list[tuple[str, Promise]] = [
    (Urgentie.TE_LAAT, _("Over de datum")),
    (Urgentie.DEZE_WEEK, _("Vandaag en de komende zeven dagen")),
    (Urgentie.LATER, _("Later")),
]


def inbox(user: User, gemeente: Gemeente, *, soort: str = "", status: str = Status.OPEN) -> QuerySet[Signalering]:
    qs = Signalering.objects.voor(user).filter(gemeente=gemeente).select_related("casus", "casus__gebied")
    if soort:
        qs = qs.filter(soort=soort)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("vervaldatum", "id")


def signalering_of_404(user: User, pk: int) -> Signalering:
    """Someone's own signal; 404 for anyone else's (it is not revealed that it exists)."""
    signalering = Signalering.objects.voor(user).select_related("casus", "casus__gebied").filter(pk=pk).first()
    if signalering is None:
        raise Http404
    return signalering


def aantal_open(user: User, gemeente: Gemeente) -> int:
    """The number in the navigation: one query, once per request. It is kept on the request's
    user object, which lives as long as the request, so the inbox's default view (exactly these
    rows) gives its paginator the same number instead of counting again. No page changes
    signals and then renders the menu in one request (handling redirects, htmx swaps a row)."""
    bekend: dict[int, int] | None = getattr(user, "_open_signaleringen", None)
    if bekend is None:
        bekend = {}
        user._open_signaleringen = bekend  # type: ignore[attr-defined]
    if gemeente.pk not in bekend:
        bekend[gemeente.pk] = Signalering.objects.voor(user).filter(gemeente=gemeente, status=Status.OPEN).count()
    return bekend[gemeente.pk]


def aandacht(
    user: User, gemeente: Gemeente, *, vandaag: datetime.date | None = None, per_groep: int = 50
) -> list[dict[str, object]]:
    """ "Wat vraagt vandaag aandacht": open signals grouped by urgency (one query; each group
    shows at most `per_groep`, the inbox has all of them)."""
    vandaag = vandaag or timezone.localdate()
    groepen: dict[str, list[Signalering]] = defaultdict(list)
    aantallen: dict[str, int] = defaultdict(int)
    for s in inbox(user, gemeente)[:1000]:
        groep = urgentie(s.vervaldatum, vandaag)
        aantallen[groep] += 1
        if len(groepen[groep]) < per_groep:
            groepen[groep].append(s)
    return [
        {"code": code, "titel": titel, "signaleringen": groepen[code], "aantal": aantallen[code]} for code, titel in URGENTIES
    ]


def startcijfers(user: User, rol: Roltoewijzing) -> list[tuple[str | Promise, int]]:
    """The start-page block of a professional or procesregisseur: one query."""
    vandaag = timezone.localdate()
    telling = (
        Signalering.objects.voor(user)
        .filter(gemeente_id=rol.gemeente_id, status=Status.OPEN)
        .aggregate(
            te_laat=Count("pk", filter=Q(vervaldatum__lt=vandaag)),
            week=Count("pk", filter=Q(vervaldatum__gte=vandaag, vervaldatum__lte=vandaag + 7 * DAG)),
        )
    )
    return [
        (_("signaleringen over de datum"), telling["te_laat"]),
        (_("signaleringen voor de komende zeven dagen"), telling["week"]),
    ]


@dataclass
class Tabel:
    """Counts without names: one row per area (or organisation and area), one column per kind."""

    kolommen: list[Soort]
    rijen: list[tuple[str, list[int]]]


def casus_soorten() -> list[Soort]:
    """The kinds about cases (a rule about no case names a `link`): the only ones a count of
    cases per organisation can hold."""
    return [s for s in soorten().values() if s.link is None]


def gebied_soorten() -> list[Soort]:
    """The kinds the gebiedsaanjager follows: every rule marked for it, other apps' included."""
    return [s for s in soorten().values() if s.gebiedsaanjager]


def _telling(qs: QuerySet[Signalering], *groep: str) -> dict[tuple[object, ...], int]:
    rijen = qs.values(*groep, "soort").annotate(aantal=Count("casus_id", distinct=True)).order_by()
    return {(*(r[g] for g in groep), r["soort"]): r["aantal"] for r in rijen}


def gebiedstabel(gemeente: Gemeente, gebied_ids: list[int]) -> Tabel:
    """Per area: the number of cases with an open or snoozed signal of each kind (two queries)."""
    kolommen = gebied_soorten()
    qs = Signalering.objects.filter(
        gemeente=gemeente, status__in=ACTIEF, soort__in=[k.code for k in kolommen], casus__gebied_id__in=gebied_ids
    )
    telling = _telling(qs, "casus__gebied_id")
    gebieden = Gebied.objects.filter(gemeente=gemeente, pk__in=gebied_ids).order_by("naam")
    return Tabel(kolommen, [(g.naam, [telling.get((g.pk, k.code), 0) for k in kolommen]) for g in gebieden])


def organisatietabel(gemeente: Gemeente, organisatie_ids: list[int]) -> Tabel:
    """Per organisation and area: cases in which the organisation takes part now, with an
    open or snoozed signal of each kind (three queries)."""
    kolommen = casus_soorten()
    qs = Signalering.objects.filter(
        gemeente=gemeente,
        status__in=ACTIEF,
        casus__betrokkenen__organisatie_id__in=organisatie_ids,
        casus__betrokkenen__tot__isnull=True,
    )
    telling = _telling(qs, "casus__betrokkenen__organisatie_id", "casus__gebied_id")
    organisaties = Organisatie.objects.filter(gemeente=gemeente, pk__in=organisatie_ids).order_by("naam")
    gebieden = list(Gebied.objects.filter(gemeente=gemeente).order_by("naam"))
    rijen = [
        (f"{org.naam} – {gebied.naam}", [telling.get((org.pk, gebied.pk, k.code), 0) for k in kolommen])
        for org in organisaties
        for gebied in gebieden
    ]
    return Tabel(kolommen, rijen)


def gebiedscijfers(user: User, rol: Roltoewijzing) -> list[tuple[str | Promise, int]]:
    """The gebiedsaanjager's start-page block for their area: counts only."""
    tabel = gebiedstabel(rol.gemeente, [rol.gebied_id] if rol.gebied_id else [])
    aantallen = tabel.rijen[0][1] if tabel.rijen else [0] * len(tabel.kolommen)
    return [(_("casussen: %(soort)s") % {"soort": k.label}, n) for k, n in zip(tabel.kolommen, aantallen, strict=True)]


def organisatiecijfers(user: User, rol: Roltoewijzing) -> list[tuple[str | Promise, int]]:
    """The manager's start-page block for their organisation: counts only, over all areas."""
    if not rol.organisatie_id:
        return []
    kolommen = casus_soorten()
    qs = Signalering.objects.filter(
        gemeente_id=rol.gemeente_id,
        status__in=ACTIEF,
        casus__betrokkenen__organisatie_id=rol.organisatie_id,
        casus__betrokkenen__tot__isnull=True,
    )
    telling = {r["soort"]: r["aantal"] for r in qs.values("soort").annotate(aantal=Count("casus_id", distinct=True)).order_by()}
    return [(_("casussen: %(soort)s") % {"soort": k.label}, telling.get(k.code, 0)) for k in kolommen]


def met_details(user: User, signaleringen: list[Signalering]) -> list[Signalering]:
    """What a row needs to be told apart from the next one: the resident's name (only where
    this person sees the resident's data: casusregisseur or participant, not the
    procesregisseur) and, for an agreement's signal, what was agreed. Sets `inwoner_naam`
    and `afspraak_wat` on each row; three queries whatever the number of rows. The caller
    logs the names it shows (`casussen.services.log_lijst`)."""
    casus_ids = {s.casus_id for s in signaleringen if s.casus_id is not None}
    ziet = set(
        Betrokkene.objects.actief()
        .filter(casus_id__in=casus_ids, user=user, rol__in=[Betrokkene.Rol.CASUSREGISSEUR, Betrokkene.Rol.DEELNEMER])
        .values_list("casus_id", flat=True)
    )
    namen = {c.pk: str(c.inwoner) for c in Casus.objects.filter(pk__in=ziet).select_related("inwoner")} if ziet else {}
    afspraak_ids = {s.onderwerp_id for s in signaleringen if s.onderwerp_type == "plannen.afspraak"}
    wat = (
        dict(Afspraak.objects.filter(pk__in=afspraak_ids, plan__casus_id__in=casus_ids).values_list("pk", "wat"))
        if afspraak_ids
        else {}
    )
    for s in signaleringen:
        s.inwoner_naam = namen.get(s.casus_id, "")  # type: ignore[attr-defined]
        s.afspraak_wat = wat.get(s.onderwerp_id, "") if s.onderwerp_type == "plannen.afspraak" else ""  # type: ignore[attr-defined]
    return signaleringen


def casussen_met_naam(signaleringen: list[Signalering]) -> list[Casus]:
    """The cases whose resident's name these rows show, once each (for the access log)."""
    gezien: dict[int, Casus] = {}
    for s in signaleringen:
        if getattr(s, "inwoner_naam", ""):
            gezien.setdefault(s.casus_id, s.casus)
    return list(gezien.values())
