"""Reads for the meeting pages, each in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from samenwerk.berichten.models import Bericht
from samenwerk.casussen.models import Casus, Toestemming
from samenwerk.gemeenten.models import Gemeente, Normen, Rol, User
from samenwerk.plannen.models import Afspraak, Samenwerkplan

from . import regels
from .models import Deelnemer, Overleg, Weigering


def overzicht(casus: Casus) -> dict[str, object]:
    """The case's meetings and the two-week rule: decided when, due when, late or not."""
    overleggen = list(casus.overleggen.order_by("-begint"))
    besloten_op = (
        Samenwerkplan.objects.filter(casus=casus, overleg_nodig=True).values_list("overleg_besloten_op", flat=True).first()
    )
    eerste = min(
        (timezone.localtime(o.begint).date() for o in overleggen if o.status != Overleg.Status.GEANNULEERD), default=None
    )
    vandaag = timezone.localdate()
    weken = Normen.objects.voor(casus.gemeente_id).overleg_binnen_weken
    return {
        "overleggen": overleggen,
        "besloten_op": besloten_op,
        "uiterlijk": regels.uiterlijk_overleg(besloten_op, weken) if besloten_op else None,
        "te_laat": regels.overleg_te_laat(besloten_op, eerste, vandaag, weken),
    }


def plantoestemmingen(overleg: Overleg) -> dict[str, bool]:
    """Per participant name: does the resident's latest consent to share the plan stand?"""
    laatste: dict[str, bool] = {}
    for geldt_voor, gegeven in (
        Toestemming.objects.filter(casus_id=overleg.casus_id, doel=Toestemming.Doel.PLAN_DELEN)
        .order_by("vastgelegd_op", "id")
        .values_list("geldt_voor", "gegeven")
    ):
        laatste[geldt_voor] = gegeven
    return laatste


def detail(overleg: Overleg, *, volledig: bool = True) -> dict[str, object]:
    """Everything on the meeting page; without `volledig` (the procesregisseur) only the
    professionals on the list, not the resident's network."""
    deelnemers = list(overleg.deelnemers.select_related("doorgestuurd_door", "weigering"))
    if not volledig:
        deelnemers = [d for d in deelnemers if d.soort == Deelnemer.Soort.PROFESSIONAL]
    toestemming = plantoestemmingen(overleg)
    for d in deelnemers:
        d.plan_toestemming = toestemming.get(d.naam)
    checklist = list(overleg.checklist.all())
    return {
        "deelnemers": deelnemers,
        "checklist_klaar": sum(1 for p in checklist if p.afgehandeld),
        "checklist_totaal": len(checklist),
        "agenda": list(overleg.agenda.all()),
        "berichten": berichten_over(overleg, deelnemers),
        "nog_uit_te_nodigen": sum(1 for d in deelnemers if d.antwoord == Deelnemer.Antwoord.NOG_NIET),
    }


def afspraken_van(overleg: Overleg) -> list[Afspraak]:
    if overleg.ronde_id is None:
        return []
    return list(Afspraak.objects.filter(ronde_id=overleg.ronde_id).select_related("betrokkene__user", "netwerklid", "deelnemer"))


def mijn_overleggen(user: User) -> QuerySet[Overleg]:
    """Meetings of the cases this person takes part in, newest first (agenda page and feed)."""
    eigen = Deelnemer.objects.filter(overleg=OuterRef("pk"), user=user).exclude(
        antwoord__in=[Deelnemer.Antwoord.AFGEWEZEN, Deelnemer.Antwoord.DOORGESTUURD]
    )
    return (
        Overleg.objects.for_user(user)
        .filter(Q(organisator=user) | Exists(eigen))
        .exclude(status=Overleg.Status.GEANNULEERD)
        .select_related("casus")
        .order_by("-begint")
    )


def weigeringen_voor(user: User, gemeente: Gemeente) -> QuerySet[Weigering]:
    """Refusals in the areas where this person is gebiedsaanjager — nothing else of the case."""
    gebieden = user.actieve_rollen(gemeente).filter(rol=Rol.GEBIEDSAANJAGER).values("gebied_id")
    return (
        Weigering.objects.filter(gemeente=gemeente, gebied_id__in=gebieden)
        .select_related("deelnemer__overleg__casus", "gebied")
        .order_by("uitkomst", "-gemeld_op")
    )


def berichten_over(overleg: Overleg, deelnemers: list[Deelnemer]) -> list[Bericht]:
    """The meeting's e-mails in the outbox, newest first, each with its invitee (one query)."""
    per_id = {d.pk: d for d in deelnemers}
    berichten = list(Bericht.objects.filter(overleg_deelnemer__overleg=overleg).order_by("-aangemaakt_op", "-id")[:50])
    for bericht in berichten:
        bericht.deelnemer = per_id.get(bericht.onderwerp_id)
    return berichten
