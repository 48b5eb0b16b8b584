"""A case with a plan, a network member and a second professional, and a planned meeting."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Betrokkene
from samenwerk.overleg import services
from samenwerk.plannen import services as plannen
from tests.factories import CasusFactory


def over_dagen(dagen: int, uur: int = 10, minuut: int = 0) -> datetime.datetime:
    dag = timezone.localdate() + datetime.timedelta(days=dagen)
    return datetime.datetime.combine(dag, datetime.time(uur, minuut), tzinfo=timezone.get_current_timezone())


def gegevens(**anders: object) -> services.OverlegGegevens:
    basis = {
        "vorm": "samenwerkwijze",
        "soort": "eerste",
        "doel": "Samen kijken hoe Fenna weer rust krijgt in haar geldzaken",
        "begint": over_dagen(5),
        "eindigt": over_dagen(5, 11, 30),
        # The resident is involved in every case; tests that need a professional say so.
        "voorzitter": ("inwoner", None),
        "notulist": ("inwoner", None),
    }
    return services.OverlegGegevens(**(basis | anders))


@pytest.fixture
def casus(personas):
    casus = CasusFactory(
        gebied=personas.gebied,
        met_toestemming=True,
        professional=personas.professional,
        organisatie=personas.organisatie,
        inwoner__voornaam="Fenna",
        inwoner__achternaam="Testinwoner",
        inwoner__straat="Lindelaan 4",
        inwoner__postcode="1234 AB",
        inwoner__woonplaats="Testwijde",
    )
    Betrokkene.objects.create(casus=casus, user=personas.collega_andere_organisatie, organisatie=personas.andere_organisatie)
    casussen.voeg_netwerklid_toe(
        actor=personas.professional,
        casus=casus,
        naam="Joke Buurvrouw",
        relatie="buurvrouw",
        rol="buur",
        email="joke@buren.example",
    )
    plannen.wijzig_plan(
        actor=personas.professional,
        casus=casus,
        versie=0,
        inhoud=plannen.PlanInhoud(ik_wil="Rust in mijn geldzaken", overleg_nodig=True, overleg_reden="Schulden en wonen"),
    )
    return casus


@pytest.fixture
def overleg(personas, casus):
    return services.plan_overleg(actor=personas.professional, casus=casus, gegevens=gegevens())


def genodigde(**anders: object) -> services.Genodigde:
    basis = {
        "soort": "professional",
        "naam": "Wim Woningcorporatie",
        "email": "wim@wonen.example",
        "organisatie": "Wonen Testwijde",
        "reden": "kennis",
    }
    return services.Genodigde(**(basis | anders))


def vul_checklist_in(overleg) -> None:
    services.beantwoord_checklist(
        actor=overleg.organisator, overleg=overleg, antwoorden={p.pk: ("besproken", False) for p in overleg.checklist.all()}
    )
