from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samenwerk.berichten.models import Bericht
from samenwerk.berichten.verzending import verstuur
from samenwerk.gemeenten.models import Rol
from samenwerk.leren.models import Actieleren, Evaluatiecel, Evaluatietafel, Leersessie, Leertafel
from samenwerk.leren.trap import services
from tests.factories import RoltoewijzingFactory, UserFactory


def om(dag: datetime.date, uur: int = 15) -> datetime.datetime:
    return datetime.datetime.combine(dag, datetime.time(uur), tzinfo=timezone.get_current_timezone())


def verstuur_alles() -> None:
    """What the worker does after commit: send every queued message (to the smtp fixture)."""
    verstuur.func(list(Bericht.objects.filter(status=Bericht.Status.KLAARGEZET).values_list("pk", flat=True)))


def dilemma(personas, **anders):  # type: ignore[no-untyped-def]
    velden = {
        "actor": personas.professional, "gemeente": personas.gemeente, "titel": "Geen tijd voor overleg",
        "wat_wil_ik": "Elke casus een Samenwerkoverleg", "wat_kan_ik": "Zelf plannen en voorzitten",
        "wat_heb_ik_nodig": "Uren van mijn organisatie",
    }  # fmt: skip
    return services.breng_dilemma_in(**(velden | anders))


@pytest.fixture
def tweede_manager(personas):  # type: ignore[no-untyped-def]
    user = UserFactory(email="manager2@testwijde.example")
    RoltoewijzingFactory(user=user, rol=Rol.MANAGER, gemeente=personas.gemeente, organisatie=personas.andere_organisatie)
    return user


def sessie(personas, dag: datetime.date, gebied=None):  # type: ignore[no-untyped-def]
    return Leersessie.objects.create(
        gemeente=personas.gemeente, gebied=gebied or personas.gebied, begin=om(dag), eind=om(dag, 17),
        aanjager=personas.gebiedsaanjager, locatie="Buurthuis",
    )  # fmt: skip


def evaluatie(personas, dag: datetime.date, cellen: dict[tuple[int, str], str]):  # type: ignore[no-untyped-def]
    tafel = Leertafel.objects.create(sessie=sessie(personas, dag), soort=Leertafel.Soort.EVALUATIE)
    et = Evaluatietafel.objects.create(tafel=tafel, algemeen=True)
    for (stap, vraag), tekst in cellen.items():
        Evaluatiecel.objects.create(evaluatietafel=et, stap=stap, vraag=vraag, tekst=tekst)
    return et


def actieleren(personas, dag: datetime.date, **velden):  # type: ignore[no-untyped-def]
    tafel = Leertafel.objects.create(sessie=sessie(personas, dag), soort=Leertafel.Soort.CASUS)
    return Actieleren.objects.create(tafel=tafel, indiener=personas.professional, vraag="Hoe betrek ik de huisarts?", **velden)
