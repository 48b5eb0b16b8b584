"""The meeting rules run in the signal engine: a meeting not planned within two weeks of the
decision (day before, day of, day after), and an open refusal, for the casusregisseur."""

from __future__ import annotations

import datetime

import pytest

from samenwerk.overleg import antwoorden, services
from samenwerk.overleg.models import Deelnemer
from samenwerk.overleg.signalen import OVERLEG_TE_LAAT, WEIGERING
from samenwerk.signalering.engine import signaleer
from samenwerk.signalering.models import Signalering
from tests.overleg.conftest import genodigde

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("na_dagen", "signaal"), [(13, False), (14, False), (15, True)])
def test_meeting_not_planned_within_two_weeks(personas, casus, na_dagen, signaal):
    besloten = casus.plan.overleg_besloten_op
    signaleer(vandaag=besloten + datetime.timedelta(days=na_dagen))
    gevonden = Signalering.objects.filter(soort=OVERLEG_TE_LAAT, casus=casus, ontvanger=personas.professional)
    assert gevonden.exists() is signaal


def test_planning_the_meeting_ends_the_signal(personas, casus, overleg):
    besloten = casus.plan.overleg_besloten_op
    signaleer(vandaag=besloten + datetime.timedelta(days=15))
    assert not Signalering.objects.filter(soort=OVERLEG_TE_LAAT, status="open").exists()  # planned in time


def test_an_open_refusal_is_signalled_to_the_casusregisseur_only_while_open(personas, overleg):
    services.voeg_deelnemer_toe(actor=personas.professional, overleg=overleg, genodigde=genodigde())
    services.leg_lijst_akkoord_vast(actor=personas.professional, overleg=overleg, verstuurd_door="samen")
    services.nodig_uit(actor=personas.professional, overleg=overleg)
    antwoorden.beantwoord(deelnemer=Deelnemer.objects.get(), komt=False, toelichting="Geen tijd")
    signaleer()
    rij = Signalering.objects.get(soort=WEIGERING)
    assert rij.ontvanger == personas.professional and rij.status == "open"
    assert not Signalering.objects.filter(soort=WEIGERING, ontvanger=personas.gebiedsaanjager).exists()  # no case access
    antwoorden.handel_weigering_af(
        actor=personas.gebiedsaanjager, weigering=Deelnemer.objects.get().weigering, uitkomst="opgelost", toelichting="Komt toch"
    )
    signaleer()
    rij.refresh_from_db()
    assert rij.status != "open"
