"""The rhythm of §10 as signals without a case, at their boundary days."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samenwerk.gemeenten.models import Normen
from samenwerk.leren.models import Leerdocument, Trapdeelnemer, Trapoverleg
from samenwerk.leren.trap import signalen
from samenwerk.plannen.regels import plus_maanden
from samenwerk.signalering.engine import signaleer
from samenwerk.signalering.models import Signalering, Status

from .conftest import om, sessie

pytestmark = pytest.mark.django_db
S = Trapoverleg.Soort
D = timezone.localdate() - datetime.timedelta(days=3)


def _ontvangers(soort: str) -> set[int]:
    return set(Signalering.objects.filter(soort=soort, status=Status.OPEN, casus=None).values_list("ontvanger_id", flat=True))


def _overleg(personas, soort: str, dag: datetime.date, voorzitter, leden=()):  # type: ignore[no-untyped-def]
    overleg = Trapoverleg.objects.create(
        gemeente=personas.gemeente, soort=soort, begint=om(dag), eindigt=om(dag, 17), voorzitter=voorzitter,
        aangemaakt_door=voorzitter,
    )  # fmt: skip
    for user in leden:
        Trapdeelnemer.objects.create(overleg=overleg, user=user)
    return overleg


def test_netwerkoverleg_from_two_weeks_before_the_sixth_week(personas, tweede_manager):
    _overleg(personas, S.NETWERKOVERLEG, D, personas.manager)
    vervaldatum = D + datetime.timedelta(weeks=Normen.objects.voor(personas.gemeente).netwerkoverleg_weken)
    signaleer(vandaag=vervaldatum - datetime.timedelta(days=15))
    assert _ontvangers(signalen.NETWERKOVERLEG) == set()
    signaleer(vandaag=vervaldatum - datetime.timedelta(days=14))
    assert _ontvangers(signalen.NETWERKOVERLEG) == {personas.manager.pk, tweede_manager.pk}  # no core group: every manager
    rij = Signalering.objects.filter(soort=signalen.NETWERKOVERLEG).first()
    assert rij.vervaldatum == vervaldatum and rij.onderwerp_type == "gemeenten.gemeente"
    # planning the next one ends the signal
    _overleg(personas, S.NETWERKOVERLEG, vervaldatum, personas.manager)
    signaleer(vandaag=vervaldatum - datetime.timedelta(days=13))
    assert _ontvangers(signalen.NETWERKOVERLEG) == set()


def test_once_there_is_a_core_group_it_and_the_chair_get_the_signal(personas, tweede_manager):
    _overleg(personas, S.KERNGROEP, D, tweede_manager, leden=[tweede_manager])
    _overleg(personas, S.NETWERKOVERLEG, D, personas.gebiedsaanjager)
    signaleer(vandaag=D + datetime.timedelta(weeks=6))
    assert _ontvangers(signalen.NETWERKOVERLEG) == {tweede_manager.pk, personas.gebiedsaanjager.pk}


def test_steungroep_at_least_four_times_a_year(personas):
    _overleg(personas, S.STEUNGROEP, D, personas.bestuurder)
    vervaldatum = D + datetime.timedelta(days=365 // 4)
    signaleer(vandaag=vervaldatum - datetime.timedelta(days=15))
    assert _ontvangers(signalen.STEUNGROEP) == set()
    signaleer(vandaag=vervaldatum - datetime.timedelta(days=14))
    assert _ontvangers(signalen.STEUNGROEP) == {personas.bestuurder.pk}


def test_intervisie_four_times_a_year_for_every_gebiedsaanjager(personas):
    _overleg(personas, S.INTERVISIE, D, personas.gebiedsaanjager)
    vervaldatum = D + datetime.timedelta(days=365 // 4)
    signaleer(vandaag=vervaldatum - datetime.timedelta(days=15))
    assert _ontvangers(signalen.INTERVISIE) == set()
    signaleer(vandaag=vervaldatum - datetime.timedelta(days=14))
    assert _ontvangers(signalen.INTERVISIE) == {personas.gebiedsaanjager.pk}


def test_nothing_before_the_staircase_starts(personas):
    signaleer(vandaag=D + datetime.timedelta(days=400))
    assert not Signalering.objects.filter(soort__startswith="leren.").exists()


def test_without_meetings_the_first_leersessie_is_the_start(personas):
    sessie(personas, D)
    signaleer(vandaag=D - datetime.timedelta(days=15))
    assert _ontvangers(signalen.NETWERKOVERLEG) == set()
    signaleer(vandaag=D - datetime.timedelta(days=14))
    assert _ontvangers(signalen.NETWERKOVERLEG) == {personas.manager.pk}
    assert _ontvangers(signalen.INTERVISIE) == {personas.gebiedsaanjager.pk}


def test_bundle_from_three_months_due_at_six_per_area(personas):
    sessie(personas, D)  # the area Noord starts; its gebiedsaanjager gets the signal
    vanaf = plus_maanden(D, 3)
    signaleer(vandaag=vanaf - datetime.timedelta(days=1))
    assert _ontvangers(signalen.BUNDEL) == set()
    signaleer(vandaag=vanaf)
    assert _ontvangers(signalen.BUNDEL) == {personas.gebiedsaanjager.pk}
    rij = Signalering.objects.get(soort=signalen.BUNDEL)
    assert (rij.onderwerp_type, rij.onderwerp_id, rij.vervaldatum) == ("gemeenten.gebied", personas.gebied.pk, plus_maanden(D, 6))
    Leerdocument.objects.create(
        gemeente=personas.gemeente,
        gebied=personas.gebied,
        soort="bundel",
        van=D,
        tot=vanaf,
        aangemaakt_door=personas.gebiedsaanjager,
    )
    signaleer(vandaag=vanaf + datetime.timedelta(days=1))
    assert _ontvangers(signalen.BUNDEL) == set()


def test_leergeschiedenis_yearly_per_area(personas):
    sessie(personas, D)
    vervaldatum = plus_maanden(D, 12)
    signaleer(vandaag=vervaldatum - datetime.timedelta(days=15))
    assert _ontvangers(signalen.LEERGESCHIEDENIS) == set()
    signaleer(vandaag=vervaldatum - datetime.timedelta(days=14))
    assert _ontvangers(signalen.LEERGESCHIEDENIS) == {personas.gebiedsaanjager.pk, personas.manager.pk}


def test_signals_link_to_their_pages(personas):
    from samenwerk.signalering.regels import link_van

    assert link_van(signalen.NETWERKOVERLEG, personas.gemeente.pk) == "/leren/overleggen/?soort=netwerkoverleg"
    assert link_van(signalen.BUNDEL, personas.gebied.pk) == f"/leren/documenten/?gebied={personas.gebied.pk}"
    assert link_van(signalen.DILEMMA_OPGELOST, 7) == "/leren/dilemmas/7/"
