"""The API: the same services; 4xx with field errors, never 500; the public verification."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache

from samenwerk.leertraject import badges, services_certificaat
from tests.auth import login

from .cohort import extra_deelnemer, haal_de_regel, maak_cohort

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture(autouse=True)
def _leeg_cache():  # type: ignore[no-untyped-def]
    cache.clear()
    yield
    cache.clear()


def test_leertraject_aanmaken_en_lezen(client, personas):
    login(client, personas.gebiedsaanjager)
    data = {"naam": "API-traject", "vorm": "drie_dagen", "didactisch_trainer": personas.niet_betrokken.pk,
            "ervaringstrainer": personas.professional_andere_gemeente.pk}  # fmt: skip
    response = client.post(f"{API}/leertrajecten/", data, content_type="application/json")
    assert response.status_code == 400 and "ervaringstrainer" in response.json()
    data["ervaringstrainer"] = personas.tafelvoorzitter.pk
    response = client.post(f"{API}/leertrajecten/", data, content_type="application/json")
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert [t["id"] for t in client.get(f"{API}/leertrajecten/").json()["results"]] == [pk]
    login(client, personas.professional)
    assert client.post(f"{API}/leertrajecten/", data, content_type="application/json").status_code == 403
    assert client.get(f"{API}/leertrajecten/{pk}/").status_code == 404


def test_deelnemers_aanwezigheid_opdrachten_en_certificaat(client, personas):
    cohort = maak_cohort(personas)
    t = cohort.traject
    login(client, personas.niet_betrokken)
    detail = client.get(f"{API}/leertrajecten/{t.pk}/").json()
    assert len(detail["deelnemers"]) == 2 and detail["waarschuwingen"]
    nieuw = extra_deelnemer(personas)
    r = client.post(f"{API}/leertrajecten/{t.pk}/deelnemers/", {"user": nieuw.pk, "versie": 0}, content_type="application/json")
    assert r.status_code == 409 and r.json()["versie"] == t.versie
    r = client.post(f"{API}/leertrajecten/{t.pk}/deelnemers/", {"user": nieuw.pk}, content_type="application/json")
    assert r.status_code == 201
    r = client.put(
        f"{API}/leertrajecten/{t.pk}/dagen/{cohort.dagen[0].pk}/aanwezigheid/", {"aanwezig": [cohort.deelnemer.pk]},
        content_type="application/json",
    )  # fmt: skip
    assert r.status_code == 204
    r = client.put(
        f"{API}/leertrajecten/{t.pk}/dagen/{cohort.dagen[0].pk}/aanwezigheid/",
        {"aanwezig": ["x"]},
        content_type="application/json",
    )
    assert r.status_code == 400
    basis = f"{API}/leertrajecten/{t.pk}/deelnemers/{cohort.deelnemer.pk}"
    # The trainer cannot hand in for the participant; the participant can.
    assert client.post(f"{basis}/opdrachten/A/", {"tekst": "x"}, content_type="application/json").status_code == 403
    login(client, personas.professional)
    r = client.post(f"{basis}/opdrachten/A/", {"tekst": ""}, content_type="application/json")
    assert r.status_code == 400 and "tekst" in r.json()
    r = client.post(f"{basis}/opdrachten/A/", {"tekst": "Mijn leervraag"}, content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "ingeleverd"
    assert client.post(f"{basis}/opdrachten/Z/", {"tekst": "x"}, content_type="application/json").status_code == 404
    r = client.post(f"{basis}/certificaat/", {}, content_type="application/json")
    assert r.status_code == 403
    login(client, personas.niet_betrokken)
    r = client.post(f"{basis}/opdrachten/A/feedback/", {"akkoord": False}, content_type="application/json")
    assert r.status_code == 400
    r = client.post(f"{basis}/opdrachten/A/feedback/", {"akkoord": True, "versie": 1}, content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "akkoord"
    r = client.post(f"{basis}/certificaat/", {}, content_type="application/json")
    assert r.status_code == 400 and "afwijkreden" in r.json()
    r = client.post(f"{basis}/certificaat/", {"afwijkreden": "Uitzondering"}, content_type="application/json")
    assert r.status_code == 201
    assert r.json()["credential"]["proof"]["jwt"] == r.json()["jws"]
    r = client.post(f"{basis}/certificaat/intrekken/", {"reden": "Fout"}, content_type="application/json")
    assert r.status_code == 200 and r.json()["ingetrokken_op"]


def test_publieke_verificatie_zonder_account(client, personas):
    cohort = maak_cohort(personas)
    haal_de_regel(cohort, cohort.deelnemer, personas.niet_betrokken)
    certificaat = services_certificaat.geef_certificaat_uit(actor=personas.niet_betrokken, deelnemer=cohort.deelnemer)
    url = f"{API}/badges/verifieren/"
    r = client.post(url, {"badge": json.dumps(badges.als_json(certificaat))}, content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "geldig"
    veranderd = json.dumps(badges.als_json(certificaat)).replace("Leertraject test", "Leertraject tesT")
    r = client.post(url, {"badge": veranderd}, content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "ongeldig" and not r.json()["geldig"]
    for rommel in ({"badge": "rommel"}, {}, {"badge": 5}, "geen json"):
        r = client.post(url, rommel, content_type="application/json")
        assert r.status_code == 400, (rommel, r.content)
    r = client.post(url, {"badge": "x" * 70000}, content_type="application/json")
    assert r.status_code == 400
    services_certificaat.trek_in(actor=personas.niet_betrokken, certificaat=certificaat, reden="Fout")
    r = client.post(url, {"badge": certificaat.jws}, content_type="application/json")
    assert r.json()["status"] == "ingetrokken" and r.json()["ingetrokken_op"]
