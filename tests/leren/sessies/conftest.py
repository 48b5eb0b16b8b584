from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samenwerk.leren.models import Leersessie, Leertafel
from samenwerk.leren.sessies import services


def om(dag: datetime.date, uur: int = 15) -> datetime.datetime:
    return datetime.datetime.combine(dag, datetime.time(uur), tzinfo=timezone.get_current_timezone())


def maak_sessie(personas, *, dagen: int = 10, online: bool = True, max_deelnemers: int | None = None) -> Leersessie:
    """A session in Noord (the gebiedsaanjager's area) with the three standard tables."""
    begin = om(timezone.localdate() + datetime.timedelta(days=dagen))
    sessie = Leersessie.objects.create(
        gemeente=personas.gemeente, gebied=personas.gebied, begin=begin, eind=begin + datetime.timedelta(hours=2),
        online=online, link="https://meet.example/leersessie-noord" if online else "",
        locatie="" if online else "Buurthuis De Linde", aanjager=personas.gebiedsaanjager, max_deelnemers=max_deelnemers,
    )  # fmt: skip
    for i, soort in enumerate(services.STANDAARDTAFELS):
        Leertafel.objects.create(sessie=sessie, soort=soort, volgorde=i)
    return sessie


@pytest.fixture
def sessie(personas) -> Leersessie:
    return maak_sessie(personas)


def casustafel(sessie: Leersessie) -> Leertafel:
    return sessie.tafels.get(soort=Leertafel.Soort.CASUS)
