"""Signals about no case (a table without a meeting, a dilemma, an improvement point): they
go to exactly the people a rule names who hold a role in the municipality, appear in their
inbox, API and e-mail count with a link to the subject's page, and can be handled."""

from __future__ import annotations

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse

from samenwerk.signalering import services
from samenwerk.signalering.engine import signaleer
from samenwerk.signalering.models import Signalering, Status
from samenwerk.signalering.regels import Bevinding, regel
from tests.auth import login
from tests.signalering.conftest import VANDAAG

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren")]

ONTVANGERS: set[int] = set()  # who the test rule names; set per test
ACTIEF = {"aan": True}


@regel("test.zonder_casus", "Zonder casus", link=lambda pk: f"/onderwerp/{pk}/")
def zonder_casus(vandaag, normen, gemeente):
    if ACTIEF["aan"]:
        yield Bevinding(
            soort="test.zonder_casus",
            casus_id=None,
            onderwerp=("gemeenten.gemeente", gemeente.pk),
            vervaldatum=vandaag,
            tekst="Er staat geen bijeenkomst gepland.",
            gebruikers=frozenset(ONTVANGERS),
        )


REGELS = override_settings(SIGNALERING_REGELS=["tests.signalering.test_zonder_casus.zonder_casus"])


@pytest.fixture(autouse=True)
def _regel():
    ACTIEF["aan"] = True
    with REGELS:
        yield
    ONTVANGERS.clear()


def test_goes_to_the_named_people_with_a_role_in_the_municipality_only(personas):
    ONTVANGERS.update({personas.tafelvoorzitter.pk, personas.professional_andere_gemeente.pk, personas.zonder_rol.pk})
    uitkomst = signaleer()
    # per municipality: the chair holds a role in the first, the other professional in the second
    rijen = set(Signalering.objects.values_list("ontvanger_id", "gemeente_id", "casus_id"))
    assert rijen == {
        (personas.tafelvoorzitter.pk, personas.gemeente.pk, None),
        (personas.professional_andere_gemeente.pk, personas.andere_gemeente.pk, None),
    }
    assert uitkomst.nieuw == 2
    assert signaleer().nieuw == 0  # idempotent


def test_an_inactive_person_gets_nothing_and_the_signal_lapses_when_the_condition_ends(personas):
    personas.manager.is_active = False
    personas.manager.save()
    ONTVANGERS.update({personas.manager.pk, personas.gebiedsaanjager.pk})
    signaleer()
    assert set(Signalering.objects.values_list("ontvanger_id", flat=True)) == {personas.gebiedsaanjager.pk}
    ACTIEF["aan"] = False
    assert signaleer().vervallen == 1
    assert Signalering.objects.get().status == Status.VERVALLEN


def test_inbox_api_and_handling(personas, client):
    ONTVANGERS.add(personas.gebiedsaanjager.pk)
    signaleer()
    s = Signalering.objects.get()
    assert set(Signalering.objects.voor(personas.gebiedsaanjager)) == {s}
    assert not Signalering.objects.voor(personas.professional).exists()
    login(client, personas.gebiedsaanjager)
    pagina = client.get(reverse("signalering:inbox"))
    assert pagina.status_code == 200
    assert f'href="/onderwerp/{personas.gemeente.pk}/"' in pagina.content.decode()
    api = client.get("/api/v1/signaleringen/")
    assert api.status_code == 200, api.content
    rij = api.json()["results"][0]
    assert (rij["casus"], rij["casus_nummer"], rij["link"]) == (None, None, f"/onderwerp/{personas.gemeente.pk}/")
    services.stel_uit(actor=personas.gebiedsaanjager, signalering=s, tot=VANDAAG + datetime.timedelta(days=3))
    services.handel_af(actor=personas.gebiedsaanjager, signalering=s, notitie="Bijeenkomst gepland.")
    s.refresh_from_db()
    assert s.status == Status.AFGEHANDELD


def test_someone_who_lost_their_role_no_longer_sees_it(personas):
    ONTVANGERS.add(personas.gebiedsaanjager.pk)
    signaleer()
    personas.gebiedsaanjager.rollen.update(geldig_tot=VANDAAG - datetime.timedelta(days=1))
    assert not Signalering.objects.voor(personas.gebiedsaanjager).exists()
