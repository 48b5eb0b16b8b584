"""Reads of cases, always through `Casus.objects.for_user` (style.md §4)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Aggregate, Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from samenwerk.gemeenten.models import Gemeente, User
from samenwerk.privacy.audit import Onderwerp, record
from samenwerk.privacy.models import Actie, Uitkomst

from .models import Betrokkene, Casus, Noodtoegang
from .workflow import OPEN


def casus_of_404(user: User, pk: int, *, gebeurtenis: str = "casus.bekeken") -> Casus:
    """The case if this person may see it. Otherwise 404 — it is not revealed that the case
    exists — and the refused attempt is logged."""
    actief = Prefetch("betrokkenen", queryset=Betrokkene.objects.actief().select_related("user", "organisatie"))
    nood = Noodtoegang.objects.actief().filter(casus=OuterRef("pk"), user=user).order_by("-van").values("reden")[:1]
    casus = (
        Casus.objects.for_user(user)
        .select_related("inwoner", "gebied", "gemeente")
        .prefetch_related(actief)
        .annotate(mijn_noodtoegang=Subquery(nood))
        .filter(pk=pk)
        .first()
    )
    if casus is None:
        bestaand = Casus.objects.filter(pk=pk).values("gemeente_id", "inwoner_id").first()
        if bestaand:
            onderwerp = Onderwerp(**bestaand, casus_id=pk, object_type="casus", object_id=pk)
            record(actor=user, actie=Actie.READ, gebeurtenis=gebeurtenis, uitkomst=Uitkomst.DENIED, onderwerp=onderwerp)
        raise Http404
    return casus


def noodtoegang_kandidaten(user: User) -> QuerySet[Casus]:
    """The cases the break-the-glass form can name for this person: those they may ask
    emergency access to (`rules.noodtoegang_mogelijk`) and those they already take part in
    (the service then says their role decides). Any other case — not existing, in another
    municipality or area, out of reach of the role — is simply not in it, so the form gives
    one answer for all of them after the same single query (issue 17)."""
    from .rules import noodtoegang_mogelijk

    betrokken = Betrokkene.objects.actief().filter(user=user).values("casus_id")
    return Casus.objects.filter(noodtoegang_mogelijk(user) | Q(pk__in=betrokken), gemeente__in=user.gemeenten())


def _per_casus(aggregaat: Aggregate) -> Subquery:
    """A figure per case as a correlated subquery rather than a GROUP BY over the whole list:
    counting the list's pages then skips it, and the database computes it only for the rows
    of the page (bench/: "Mijn casussen" of the busiest casusregisseur)."""
    return Subquery(Casus.objects.filter(pk=OuterRef("pk")).values("pk").annotate(waarde=aggregaat).values("waarde"))


def mijn_casussen(user: User, gemeente: Gemeente, *, gebied_id: int | None = None, status: str = "") -> QuerySet[Casus]:
    """The list of a professional: cases they take part in, with their role in each, the
    next deadline and the number of overdue agreements (over the `plan__afspraken` relation
    that the plannen app adds; casussen does not import plannen)."""
    open_afspraak = Q(plan__afspraken__voltooid_op__isnull=True, plan__afspraken__ingetrokken_op__isnull=True)
    mijn_rol = Betrokkene.objects.actief().filter(casus=OuterRef("pk"), user=user).values("rol")[:1]
    regisseur = Betrokkene.objects.actief().filter(casus=OuterRef("pk"), rol=Betrokkene.Rol.CASUSREGISSEUR)
    qs = (
        Casus.objects.for_user(user)
        .filter(gemeente=gemeente)
        .select_related("inwoner", "gebied")
        .annotate(
            mijn_rol=Subquery(mijn_rol),
            regisseur_voornaam=Subquery(regisseur.values("user__first_name")[:1]),
            regisseur_achternaam=Subquery(regisseur.values("user__last_name")[:1]),
            volgende_deadline=_per_casus(Min("plan__afspraken__uiterlijke_datum", filter=open_afspraak)),
            over_tijd=_per_casus(
                Count("plan__afspraken", filter=open_afspraak & Q(plan__afspraken__uiterlijke_datum__lt=timezone.localdate()))
            ),
        )
    )
    if gebied_id:
        qs = qs.filter(gebied_id=gebied_id)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-aanmelddatum", "-id")


def startcijfers(user: User, gemeente: Gemeente) -> list[tuple[str, int]]:
    """The professional's start-page block: one query."""
    from django.utils.translation import gettext as _

    mijn = Casus.objects.for_user(user).filter(gemeente=gemeente).open()
    regie = Betrokkene.objects.actief().filter(casus=OuterRef("pk"), user=user, rol=Betrokkene.Rol.CASUSREGISSEUR)
    over_tijd = Q(
        plan__afspraken__voltooid_op__isnull=True,
        plan__afspraken__ingetrokken_op__isnull=True,
        plan__afspraken__uiterlijke_datum__lt=timezone.localdate(),
    )
    telling = mijn.annotate(ik_regie=Exists(regie)).aggregate(
        open=Count("pk", distinct=True),
        regie=Count("pk", filter=Q(ik_regie=True), distinct=True),
        te_laat=Count("plan__afspraken", filter=over_tijd, distinct=True),
    )
    return [
        (_("open casussen"), telling["open"]),
        (_("waarvan u casusregisseur bent"), telling["regie"]),
        (_("afspraken over tijd"), telling["te_laat"]),
    ]


@dataclass(frozen=True)
class Aandacht:
    """What needs attention first on the case page: agreements over time, this person's own
    open signals, the next meeting and the next deadline. Counts and dates only (no plan text),
    so the case page's own access-log row covers the read."""

    over_tijd: int
    oudste_over_tijd: datetime.date | None
    volgende_deadline: datetime.date | None
    evaluatie_op: datetime.date | None
    open_signaleringen: int
    volgend_overleg: dict[str, object] | None

    @property
    def iets(self) -> bool:
        return bool(self.over_tijd or self.open_signaleringen or self.volgend_overleg or self.volgende_deadline)


def aandacht(user: User, casus: Casus) -> Aandacht:
    """Three queries, whatever the size of the case. The related names (plan, overleggen,
    signaleringen) belong to the apps above casussen; like mijn_casussen, nothing is imported."""
    vandaag = timezone.localdate()
    open_afspraak = Q(plan__afspraken__voltooid_op__isnull=True, plan__afspraken__ingetrokken_op__isnull=True)
    cijfers = Casus.objects.filter(pk=casus.pk).aggregate(
        over_tijd=Count("plan__afspraken", filter=open_afspraak & Q(plan__afspraken__uiterlijke_datum__lt=vandaag)),
        oudste=Min("plan__afspraken__uiterlijke_datum", filter=open_afspraak & Q(plan__afspraken__uiterlijke_datum__lt=vandaag)),
        volgende=Min(
            "plan__afspraken__uiterlijke_datum", filter=open_afspraak & Q(plan__afspraken__uiterlijke_datum__gte=vandaag)
        ),
        evaluatie=Min("plan__evaluatie_datum", filter=Q(plan__evaluatie_datum__gte=vandaag)),
    )
    signaleringen = casus.signaleringen.filter(ontvanger=user, status="open").count()
    overleg = (
        casus.overleggen.filter(status="gepland", eindigt__gte=timezone.now()).order_by("begint").values("pk", "begint").first()
    )
    return Aandacht(
        over_tijd=cijfers["over_tijd"],
        oudste_over_tijd=cijfers["oudste"],
        volgende_deadline=cijfers["volgende"],
        evaluatie_op=cijfers["evaluatie"],
        open_signaleringen=signaleringen,
        volgend_overleg=overleg,
    )


def procesregiecijfers(user: User, gemeente: Gemeente) -> list[tuple[str, int]]:
    """The procesregisseur's start-page block: the same cases as their *Mijn casussen* (one query)."""
    from django.utils.translation import gettext as _

    telling = (
        Casus.objects.for_user(user)
        .filter(gemeente=gemeente)
        .aggregate(alle=Count("pk"), open=Count("pk", filter=Q(status__in=OPEN)))
    )
    return [(_("casussen waarin u meewerkt"), telling["alle"]), (_("waarvan open"), telling["open"])]
