"""A cohort on the personas (tests/conftest.py): the gebiedsaanjager organises it, niet_betrokken
is the didactic trainer and the tafelvoorzitter the experience expert; the professional and
the colleague of the other organisation take part. Also used by the permission matrix."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from samenwerk.gemeenten.models import Organisatie, User
from samenwerk.leertraject import inhoud, services, services_opdrachten
from samenwerk.leertraject.models import Deelnemer, Leertraject, Lesdag
from tests.factories import RoltoewijzingFactory, UserFactory


@dataclass
class Cohort:
    traject: Leertraject
    deelnemer: Deelnemer  # the professional
    deelnemer2: Deelnemer  # the colleague of the other organisation
    dagen: list[Lesdag]


def moment(dag: datetime.date, uur: int = 9) -> datetime.datetime:
    return datetime.datetime.combine(dag, datetime.time(uur), tzinfo=timezone.get_current_timezone())


def maak_cohort(personas, *, dagen_terug: tuple[int, ...] = (60, 40, 20)) -> Cohort:  # type: ignore[no-untyped-def]
    traject = services.maak_traject(
        actor=personas.gebiedsaanjager, gemeente=personas.gemeente, naam="Leertraject test", vorm="drie_dagen",
        didactisch_trainer=personas.niet_betrokken, ervaringstrainer=personas.tafelvoorzitter,
    )  # fmt: skip
    vandaag = timezone.localdate()
    dagen = [
        services.plan_dag(
            actor=personas.gebiedsaanjager, traject=traject, nummer=n, begin=moment(vandaag - datetime.timedelta(days=t)),
            eind=moment(vandaag - datetime.timedelta(days=t), 16), locatie="Buurthuis",
        )
        for n, t in enumerate(dagen_terug, 1)
    ]  # fmt: skip
    eerste = services.voeg_deelnemer_toe(actor=personas.gebiedsaanjager, traject=traject, user=personas.professional)
    tweede = services.voeg_deelnemer_toe(
        actor=personas.gebiedsaanjager, traject=traject, user=personas.collega_andere_organisatie
    )
    traject.refresh_from_db()
    return Cohort(traject=traject, deelnemer=eerste, deelnemer2=tweede, dagen=dagen)


def haal_de_regel(cohort: Cohort, deelnemer: Deelnemer, trainer: User) -> None:
    """Every day present and every required assignment approved."""
    for dag in cohort.dagen:
        aanwezig = set(dag.aanwezigheden.filter(aanwezig=True).values_list("deelnemer_id", flat=True)) | {deelnemer.pk}
        services.leg_aanwezigheid_vast(actor=trainer, dag=dag, aanwezig=aanwezig)
    for code in sorted(inhoud.VERPLICHT):
        inlevering = services_opdrachten.lever_in(actor=deelnemer.user, deelnemer=deelnemer, opdracht=code, tekst="Uitwerking")
        services_opdrachten.geef_feedback(actor=trainer, inlevering=inlevering, feedback="Goed", akkoord=True)


def extra_deelnemer(personas, organisatie: Organisatie | None = None) -> User:  # type: ignore[no-untyped-def]
    user = UserFactory()
    RoltoewijzingFactory(user=user, organisatie=organisatie or personas.andere_organisatie, gemeente=personas.gemeente)
    return user
