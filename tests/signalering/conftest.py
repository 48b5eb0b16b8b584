"""A case with a casusregisseur (the professional), a participant from another organisation
and a procesregisseur, and helpers to give it agreements and signals."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from samenwerk.casussen.models import Betrokkene
from samenwerk.plannen import services as plannen
from samenwerk.plannen.models import Afspraak
from tests.factories import casus_met_team

D = datetime.date
VANDAAG = D(2026, 4, 20)  # a Monday; 27 April is Koningsdag


@pytest.fixture
def bevroren():
    with time_machine.travel(datetime.datetime(2026, 4, 20, 9, 0, tzinfo=datetime.UTC), tick=False):
        yield VANDAAG


def maak_casus(personas, *, gebied=None, collega=True, proces=True):
    casus = casus_met_team(
        personas,
        collega=collega,
        proces=proces,
        gebied=gebied or personas.gebied,
        inwoner__voornaam="Fenna",
        inwoner__achternaam="Geheimnaam",
    )
    plannen.wijzig_plan(actor=personas.professional, casus=casus, inhoud=plannen.PlanInhoud(ik_wil="x"), versie=0)
    return casus


@pytest.fixture
def casus(personas, bevroren):
    return maak_casus(personas)


def afspraak(casus, actor, uiterlijke_datum, *, eigenaar=None, wat="Iets doen") -> Afspraak:
    betrokkene = Betrokkene.objects.get(casus=casus, user=eigenaar, tot__isnull=True) if eigenaar else None
    return plannen.voeg_afspraak_toe(
        actor=actor,
        casus=casus,
        wie="professional" if betrokkene else "inwoner",
        betrokkene=betrokkene,
        wat=wat,
        start=min(uiterlijke_datum, VANDAAG) - datetime.timedelta(days=7),
        uiterlijke_datum=uiterlijke_datum,
        perspectief="Het duurt langer.",
    )
