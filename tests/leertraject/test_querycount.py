"""Lists have a bounded number of queries (style.md §13): the overview, the cohort page and
its API at 1, 10 and 100 rows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenwerk.gemeenten.models import Normen
from samenwerk.leertraject import services, services_opdrachten
from tests.auth import login
from tests.querycount import assert_constant_queries

from .cohort import extra_deelnemer, maak_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def groot(personas):  # type: ignore[no-untyped-def]
    Normen.objects.voor(personas.gemeente)
    Normen.objects.filter(gemeente=personas.gemeente).update(trainingsgroep_max=200)
    return maak_cohort(personas)


def _deelnemers(personas, cohort):  # type: ignore[no-untyped-def]
    def maak(n: int) -> None:
        for _ in range(n):
            user = extra_deelnemer(personas)
            dn = services.voeg_deelnemer_toe(actor=personas.gebiedsaanjager, traject=cohort.traject, user=user)
            services_opdrachten.lever_in(actor=user, deelnemer=dn, opdracht="A", tekst="x")
            services.leg_aanwezigheid_vast(
                actor=personas.gebiedsaanjager, dag=cohort.dagen[0],
                aanwezig=list(cohort.traject.deelnemers.values_list("pk", flat=True)),
            )  # fmt: skip

    return maak


def test_leertrajectpagina(client, personas, groot):
    login(client, personas.niet_betrokken)
    url = reverse("leertraject:detail", kwargs={"pk": groot.traject.pk})
    assert_constant_queries(_deelnemers(personas, groot), lambda: client.get(url))


def test_api_detail(client, personas, groot):
    login(client, personas.niet_betrokken)
    url = f"/api/v1/leertrajecten/{groot.traject.pk}/"
    assert_constant_queries(_deelnemers(personas, groot), lambda: client.get(url))


def test_overzicht(client, personas):
    login(client, personas.gebiedsaanjager)

    def trajecten(n: int) -> None:
        for _ in range(n):
            cohort = maak_cohort(personas)
            services_opdrachten.lever_in(actor=personas.professional, deelnemer=cohort.deelnemer, opdracht="A", tekst="x")

    assert_constant_queries(trajecten, lambda: client.get(reverse("leertraject:lijst")), sizes=(1, 5, 20))
    assert_constant_queries(lambda n: None, lambda: client.get("/api/v1/leertrajecten/"), sizes=(1,))
