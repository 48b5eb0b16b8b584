"""The casus check (yes/no per party) and the procesevaluatie (the resident's perspective
required), and their signals at their boundary days."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samenwerk.gemeenten.models import Normen
from samenwerk.tafel import services, signalen
from samenwerk.tafel.models import Aanmelding, Procesevaluatie
from tests.auth import login
from tests.factories import casus_met_team
from tests.tafel.conftest import gegevens

pytestmark = pytest.mark.django_db

AANGEMELD = datetime.date(2026, 1, 5)


@pytest.fixture
def geschikt(personas, tafel):
    aanmelding = services.meld_aan(
        actor=personas.professional, tafel=tafel, casus=casus_met_team(personas, collega=False, proces=False), gegevens=gegevens()
    )
    services.leg_triage_vast(actor=personas.tafelvoorzitter, aanmelding=aanmelding, uitkomst="geschikt", reden="past")
    Aanmelding.objects.filter(pk=aanmelding.pk).update(aangemeld_op=AANGEMELD)
    aanmelding.refresh_from_db()
    return aanmelding


def _soorten(regel, vandaag, personas):
    return [b.onderwerp for b in regel(vandaag, Normen.objects.voor(personas.gemeente), personas.gemeente)]


def test_casus_check_signal_at_its_boundary_days_and_gone_once_recorded(personas, bijeenkomst, geschikt):
    due = datetime.date(2026, 2, 16)  # six weeks after 5 January
    assert _soorten(signalen.casuscheck, due - datetime.timedelta(days=1), personas) == []
    [bevinding] = signalen.casuscheck(due, Normen.objects.voor(personas.gemeente), personas.gemeente)
    assert (bevinding.onderwerp, bevinding.vervaldatum, bevinding.casus_id) == (
        ("tafel.aanmelding", geschikt.pk),
        due,
        geschikt.casus_id,
    )
    services.leg_casuscheck_vast(
        actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, aanmelding=geschikt,
        partijen=[services.Partij("Schuldhulp", True), services.Partij("Woningcorporatie", False, "nog niet gebeld")],
    )  # fmt: skip
    assert _soorten(signalen.casuscheck, due, personas) == []


def test_procesevaluatie_signal_at_its_boundary_days(personas, bijeenkomst, geschikt):
    due = datetime.date(2026, 7, 5)
    assert _soorten(signalen.procesevaluatie, due - datetime.timedelta(days=1), personas) == []
    assert _soorten(signalen.procesevaluatie, due, personas) == [("tafel.aanmelding", geschikt.pk)]
    services.leg_procesevaluatie_vast(
        actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, aanmelding=geschikt, samenwerking="Goed",
        leerzaam="Vroeg de corporatie erbij", perspectief_inwoner="Ik voel me weer gehoord",
    )  # fmt: skip
    assert _soorten(signalen.procesevaluatie, due, personas) == []


def test_unsuitable_cases_are_not_signalled(personas, geschikt):
    Aanmelding.objects.filter(pk=geschikt.pk).update(triage="andere_route")
    assert _soorten(signalen.casuscheck, datetime.date(2026, 12, 1), personas) == []


def test_the_rules_are_registered(settings):
    assert "samenwerk.tafel.signalen.casuscheck" in settings.SIGNALERING_REGELS
    assert "samenwerk.tafel.signalen.procesevaluatie" in settings.SIGNALERING_REGELS


def test_casus_check_needs_a_yes_or_no_per_party(personas, bijeenkomst, geschikt):
    with pytest.raises(ValidationError) as fout:
        services.leg_casuscheck_vast(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, aanmelding=geschikt,
                                     partijen=[services.Partij("Schuldhulp", None)])  # fmt: skip
    assert "ja of nee" in str(fout.value)


def test_procesevaluatie_without_the_residents_perspective_keeps_what_was_typed(client, personas, tafel, bijeenkomst, geschikt):
    login(client, personas.tafelvoorzitter)
    url = reverse("tafel:voorzitter", args=[tafel.pk, bijeenkomst.pk])
    data = {"actie": "procesevaluatie", "aanmelding": geschikt.pk, "samenwerking": "Soepel", "leerzaam": "Korte lijnen",
            "perspectief_inwoner": ""}  # fmt: skip
    # the registration is on this meeting's agenda as a procesevaluatie
    bijeenkomst.blokken.create(volgorde=1, soort="procesevaluatie", aanmelding=geschikt, minuten=10)
    response = client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Schrijf op hoe de inwoner zelf het proces ziet" in html and "Korte lijnen" in html
    assert client.post(url, data | {"perspectief_inwoner": "Eindelijk rust"}).status_code == 302
    assert Procesevaluatie.objects.get().perspectief_inwoner == "Eindelijk rust"
    casuscheck = {"actie": "casuscheck", "aanmelding": geschikt.pk, "partij_1": "Schuldhulp", "volgens_plan_1": "ja"}
    bijeenkomst.blokken.create(volgorde=2, soort="casuscheck", aanmelding=geschikt, minuten=10)
    assert client.post(url, casuscheck).status_code == 302
    html = client.get(url).content.decode()
    assert "Casuscheck vastleggen" in html and "Procesevaluatie vastleggen" in html


def test_api_procesevaluatie_requires_the_residents_perspective(client, personas, tafel, bijeenkomst, geschikt):
    login(client, personas.tafelvoorzitter)
    url = reverse("api:tafel-procesevaluatie", args=[tafel.pk, geschikt.pk])
    data = {"bijeenkomst": bijeenkomst.pk, "samenwerking": "Goed", "leerzaam": "Veel", "perspectief_inwoner": ""}
    response = client.post(url, data, content_type="application/json")
    assert response.status_code == 400 and "perspectief_inwoner" in response.json()
    assert client.post(url, data | {"perspectief_inwoner": "Gehoord"}, content_type="application/json").status_code == 201
    url = reverse("api:tafel-casuscheck", args=[tafel.pk, geschikt.pk])
    data = {"bijeenkomst": bijeenkomst.pk, "partijen": [{"partij": "Schuldhulp", "volgens_plan": True}]}
    assert client.post(url, data, content_type="application/json").status_code == 201
