"""The API's error answers: JSON everywhere under /api/ (also for a URL that matches no route),
and documented on every operation in one place (samenwerk/api/schema.py)."""

from __future__ import annotations

import json

import pytest
from django.test import RequestFactory
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer

from samenwerk.api.exceptions import serverfout
from tests.auth import login

pytestmark = pytest.mark.django_db


def test_an_api_url_that_matches_no_route_answers_json(client, personas):
    login(client, personas.professional)
    for pad in ("/api/v1/casussen/null/", "/api/v1/overleggen/-1/", "/api/v1/bestaat-niet/"):
        response = client.get(pad)
        assert response.status_code == 404 and response["Content-Type"] == "application/json", pad
        assert response.json() == {"detail": "Niet gevonden."}
    pagina = client.get("/bestaat-niet/")
    assert pagina.status_code == 404 and pagina["Content-Type"].startswith("text/html")


def test_a_server_error_in_the_api_answers_json():
    fabriek = RequestFactory()
    response = serverfout(fabriek.get("/api/v1/mij/"))
    assert response.status_code == 500 and response["Content-Type"] == "application/json"
    assert serverfout(fabriek.get("/casussen/"))["Content-Type"].startswith("text/html")


def _operaties() -> list[tuple[str, str, dict]]:
    schema = json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))
    return [(methode.upper(), pad, operatie) for pad, item in schema["paths"].items() for methode, operatie in item.items()]


def test_every_operation_documents_its_error_answers():
    operaties = _operaties()
    assert len(operaties) > 50
    for methode, pad, operatie in operaties:
        codes = set(operatie["responses"])
        naam = f"{methode} {pad}"
        assert "403" in codes, naam
        if methode in {"POST", "PUT", "PATCH", "DELETE"}:
            assert "400" in codes, naam
        if "{" in pad:
            assert "404" in codes, naam
        for code, antwoord in operatie["responses"].items():
            if code not in {"204"}:
                assert "content" in antwoord, f"{naam} {code} has no body in the schema"


def test_plan_put_and_patch_say_what_they_require():
    [(_m, _p, put)] = [o for o in _operaties() if o[:2] == ("PUT", "/api/v1/casussen/{id}/plan/")]
    [(_m, _p, patch)] = [o for o in _operaties() if o[:2] == ("PATCH", "/api/v1/casussen/{id}/plan/")]
    assert "verplicht" in put["description"] and "PATCH" in put["description"]
    assert put["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/Plan")
    assert patch["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/PatchedPlan")
    schema = json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))
    assert {"ik_wil", "wonen", "evaluatie_datum", "versie"} <= set(schema["components"]["schemas"]["Plan"]["required"])
    assert "required" not in schema["components"]["schemas"]["PatchedPlan"]
