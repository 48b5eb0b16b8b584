"""The rhythm signal at its boundary days: a month with fewer sessions than the minimum."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samenwerk.gemeenten.models import Normen
from samenwerk.leren.models import Leerrooster, Leersessie
from samenwerk.leren.sessies.signalen import GEEN_LEERSESSIE
from samenwerk.signalering.engine import signaleer
from samenwerk.signalering.models import Signalering, Status

pytestmark = pytest.mark.django_db


def sessie_op(personas, moment: datetime.datetime, **anders) -> Leersessie:
    return Leersessie.objects.create(
        gemeente=personas.gemeente, gebied=personas.gebied, begin=moment, eind=moment + datetime.timedelta(hours=2),
        locatie="x", aanjager=personas.gebiedsaanjager, **anders,
    )  # fmt: skip


def lokaal(jaar: int, maand: int, dag: int, uur: int = 0) -> datetime.datetime:
    return datetime.datetime(jaar, maand, dag, uur, tzinfo=timezone.get_current_timezone())


def open_signalen():
    return list(Signalering.objects.filter(soort=GEEN_LEERSESSIE, status=Status.OPEN).values_list("ontvanger_id", "onderwerp_id"))


def test_a_month_without_a_session_signals_the_areas_gebiedsaanjager(personas):
    sessie_op(personas, lokaal(2027, 3, 31, 23))  # the last hour of March
    signaleer(vandaag=datetime.date(2027, 3, 31))
    assert open_signalen() == []
    signaleer(vandaag=datetime.date(2027, 4, 1))
    # Only Noord has a gebiedsaanjager; Zuid has none to tell.
    assert open_signalen() == [(personas.gebiedsaanjager.pk, personas.gebied.pk)]
    rij = Signalering.objects.get(soort=GEEN_LEERSESSIE)
    assert rij.casus_id is None and rij.vervaldatum == datetime.date(2027, 4, 30)
    assert "0 leersessies" in rij.tekst
    sessie_op(personas, lokaal(2027, 4, 1, 0))  # the first moment of April counts for April
    signaleer(vandaag=datetime.date(2027, 4, 1))
    assert open_signalen() == []


def test_a_cancelled_session_does_not_count_and_the_minimum_is_the_municipalitys(personas):
    sessie_op(personas, lokaal(2027, 5, 12, 15), geannuleerd_op=timezone.now())
    signaleer(vandaag=datetime.date(2027, 5, 2))
    assert len(open_signalen()) == 1
    Leersessie.objects.update(geannuleerd_op=None)
    signaleer(vandaag=datetime.date(2027, 5, 2))
    assert open_signalen() == []
    normen = Normen.objects.voor(personas.gemeente.pk)
    normen.leersessies_per_maand_min = 2
    normen.save()
    signaleer(vandaag=datetime.date(2027, 5, 2))
    assert len(open_signalen()) == 1
    assert "1 leersessies" in Signalering.objects.get(soort=GEEN_LEERSESSIE, status=Status.OPEN).tekst


def test_an_area_without_schedule_or_sessions_is_not_signalled(personas):
    signaleer(vandaag=datetime.date(2027, 4, 1))
    assert open_signalen() == []
    # A schedule means the area holds leersessies: from then on the rhythm is watched.
    Leerrooster.objects.create(
        gemeente=personas.gemeente, gebied=personas.gebied, weekdag=2, tijd=datetime.time(15), locatie="x",
        aanjager=personas.gebiedsaanjager,
    )  # fmt: skip
    signaleer(vandaag=datetime.date(2027, 4, 1))
    assert open_signalen() == [(personas.gebiedsaanjager.pk, personas.gebied.pk)]


def test_the_signal_links_to_the_areas_sessions(personas):
    from samenwerk.signalering.regels import link_van

    assert link_van(GEEN_LEERSESSIE, personas.gebied.pk) == f"/leren/gebieden/{personas.gebied.pk}/sessies/"
