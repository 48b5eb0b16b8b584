"""Reads for the leertraject pages and API: visibility through `Leertraject.objects.for_user`,
a bounded number of queries per page (tests/leertraject/test_querycount.py)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from samenwerk.casussen.models import Casus
from samenwerk.config.replica import leest_van_replica
from samenwerk.gemeenten.models import Gemeente, User
from samenwerk.leren.models import Deelname, Leertafel

from . import inhoud
from .models import Aanwezigheid, Certificaat, Deelnemer, Inlevering, Leertraject, Maatjes


def trajecten_voor(user: User, gemeente: Gemeente) -> QuerySet[Leertraject]:
    return (
        Leertraject.objects.for_user(user)
        .filter(gemeente=gemeente)
        .select_related("gebied", "didactisch_trainer", "ervaringstrainer")
        .annotate(
            aantal_deelnemers=Count("deelnemers", distinct=True),
            aantal_dagen=Count("dagen", distinct=True),
            aantal_certificaten=Count(
                "deelnemers__certificaat", filter=Q(deelnemers__certificaat__ingetrokken_op__isnull=True), distinct=True
            ),
            open_opdrachten=Count(
                "deelnemers__inleveringen", filter=Q(deelnemers__inleveringen__status="ingeleverd"), distinct=True
            ),
        )
    )


def traject_of_404(user: User, pk: int) -> Leertraject:
    traject = (
        Leertraject.objects.for_user(user)
        .select_related("gemeente", "gebied", "didactisch_trainer", "ervaringstrainer")
        .filter(pk=pk)
        .first()
    )
    if traject is None:
        raise Http404
    return traject


def deelnemer_of_404(traject: Leertraject, deelnemer_id: int) -> Deelnemer:
    deelnemer = traject.deelnemers.select_related("user", "organisatie").filter(pk=deelnemer_id).first()
    if deelnemer is None:
        raise Http404
    deelnemer.traject = traject
    return deelnemer


@dataclass
class Stand:
    """Where a participant stands against the course's rule."""

    deelnemer: Deelnemer
    dagen_aanwezig: int
    akkoord: set[str]
    status: dict[str, str]
    certificaat: Certificaat | None
    regel_gehaald: bool
    ontbreekt: list[str]


def _stand(deelnemer: Deelnemer, traject: Leertraject) -> Stand:
    status = {i.opdracht: i.status for i in deelnemer.inleveringen.all()}
    akkoord = {code for code, s in status.items() if s == Inlevering.Status.AKKOORD}
    dagen = sum(1 for a in deelnemer.aanwezigheden.all() if a.aanwezig)
    ontbreekt = sorted(inhoud.VERPLICHT - akkoord)
    certificaat = getattr(deelnemer, "certificaat", None)
    return Stand(
        deelnemer=deelnemer,
        dagen_aanwezig=dagen,
        akkoord=akkoord,
        status=status,
        certificaat=certificaat,
        regel_gehaald=dagen >= traject.min_dagen_aanwezig and not ontbreekt,
        ontbreekt=ontbreekt,
    )


def deelnemers_met_stand(traject: Leertraject) -> list[Stand]:
    """Every participant with attendance, assignment states and certificate: four queries."""
    deelnemers = (
        traject.deelnemers.select_related("user", "organisatie", "certificaat")
        .prefetch_related(
            Prefetch("inleveringen", queryset=Inlevering.objects.only("pk", "deelnemer_id", "opdracht", "status")),
            Prefetch("aanwezigheden", queryset=Aanwezigheid.objects.only("pk", "deelnemer_id", "dag_id", "aanwezig")),
        )
        .defer("certificaat__credential", "certificaat__jws")
    )
    return [_stand(d, traject) for d in deelnemers]


def stand_van(deelnemer: Deelnemer) -> Stand:
    deelnemer = (
        Deelnemer.objects.select_related("user", "organisatie", "traject", "certificaat")
        .prefetch_related("inleveringen", "aanwezigheden")
        .get(pk=deelnemer.pk)
    )
    return _stand(deelnemer, deelnemer.traject)


def maatjes(traject: Leertraject) -> list[Maatjes]:
    return list(traject.maatjes.select_related("eerste__user", "eerste__organisatie", "tweede__user", "tweede__organisatie"))


def aanwezigheid_per_dag(traject: Leertraject) -> dict[int, set[int]]:
    rijen = Aanwezigheid.objects.filter(dag__traject=traject, aanwezig=True).values_list("dag_id", "deelnemer_id")
    per_dag: dict[int, set[int]] = {}
    for dag_id, deelnemer_id in rijen:
        per_dag.setdefault(dag_id, set()).add(deelnemer_id)
    return per_dag


def nieuwkomers(traject: Leertraject) -> QuerySet[Deelname]:
    """People who sat at a nieuwkomertafel of a leersessie in this municipality and came, and
    are in no cohort yet: candidates for the next one (one row per person, the latest session)."""
    al_in_een_traject = Deelnemer.objects.filter(traject__gemeente=traject.gemeente_id).values("user_id")
    return (
        Deelname.objects.filter(
            sessie__gemeente=traject.gemeente_id,
            tafel__soort=Leertafel.Soort.NIEUWKOMER,
            aanwezig=True,
            user__is_active=True,
        )
        .exclude(user_id__in=al_in_een_traject)
        .select_related("user", "sessie__gebied")
        .order_by("user_id", "-sessie__begin")
    )


def leersessies_van(user: User, gemeente_id: int) -> QuerySet[Deelname]:
    """The person's own attended learning sessions (for assignments C and K)."""
    return (
        Deelname.objects.filter(user=user, sessie__gemeente=gemeente_id, aanwezig=True, sessie__begin__lte=timezone.now())
        .select_related("sessie__gebied")
        .order_by("-sessie__begin")
    )


def casussen_met_eigen_plan(user: User) -> QuerySet[Casus]:
    """Cases the person takes part in now and whose Samenwerkplan they wrote in (assignment B).
    Only the link is kept; whoever opens it needs their own access to the case."""
    eigen = Casus.objects.for_user(user).filter(plan__versies__door=user).values("pk")
    return Casus.objects.filter(pk__in=eigen).order_by("-aanmelddatum", "-pk")


def inlevering_van(deelnemer: Deelnemer, code: str) -> Inlevering | None:
    return (
        deelnemer.inleveringen.select_related("deelname__sessie__gebied", "casus", "feedback_door").filter(opdracht=code).first()
    )


@leest_van_replica
def cijfers(gemeente: Gemeente) -> list[dict[str, object]]:
    """Per organisation: how many people took part in a cohort and how many hold a valid
    certificate (a figure for the leergeschiedenis). One query."""
    rijen = (
        Deelnemer.objects.filter(traject__gemeente=gemeente)
        .values("organisatie__naam")
        .annotate(
            deelnemers=Count("user", distinct=True),
            getraind=Count("user", filter=Q(certificaat__isnull=False, certificaat__ingetrokken_op__isnull=True), distinct=True),
        )
        .order_by("-getraind", "organisatie__naam")
    )
    return list(rijen)
