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


@pytest.mark.parametrize("url", ["api:casussen", "api:signaleringen"])
def test_a_municipality_that_is_no_slug_is_404_not_a_database_error(client, personas, url):
    """Found by the contract run on PostgreSQL: a NUL byte in ?gemeente= reached the query
    (PostgreSQL refuses it: 500)."""
    from django.urls import reverse

    login(client, personas.professional)
    for gemeente in ("test\x00wijde", "Ærø", "../testwijde"):
        assert client.get(reverse(url), {"gemeente": gemeente}).status_code == 404, gemeente
    assert client.get(reverse(url), {"gemeente": "testwijde"}).status_code == 200


def test_a_version_that_is_no_number_is_400_not_a_crash(client, personas):
    """`"²".isdigit()` is true but int("²") raises: the cost line's DELETE answered 500."""
    from decimal import Decimal

    from django.urls import reverse

    from samenwerk.rendement import services_analyse as analyses
    from tests.factories import CasusFactory

    casus = CasusFactory(
        gebied=personas.gebied, met_toestemming=True, professional=personas.professional, organisatie=personas.organisatie
    )
    analyse = analyses.maak_analyse(actor=personas.professional, casus=casus)
    regel = analyses.voeg_regel_toe(
        actor=personas.professional,
        analyse=analyse,
        gegevens=analyses.RegelGegevens(blok="voor", omschrijving="Maatje", prijs=Decimal(10), eenheid="uur", periode="week"),
    )
    login(client, personas.professional)
    url = reverse("api:rendement-kostenpost", args=[casus.pk, regel.pk])
    for versie in ("²", "١", "-1", ""):
        response = client.delete(f"{url}?versie={versie}")
        assert response.status_code == 400 and "versie" in response.json(), versie


def test_a_price_item_code_with_a_nul_byte_is_404_not_a_database_error(client, personas):
    """The `{code}` in the path reaches the query as text; PostgreSQL refuses a NUL byte in it."""
    from django.utils import timezone

    from samenwerk.gemeenten.models import Rol
    from tests.factories import RoltoewijzingFactory
    from tests.rendement.factories import PrijsitemFactory, PrijslijstFactory

    RoltoewijzingFactory(user=personas.professional, rol=Rol.FUNCTIONEEL_BEHEERDER, gemeente=personas.gemeente)
    jaar = timezone.localdate().year
    PrijsitemFactory(prijslijst=PrijslijstFactory(gemeente=personas.gemeente, jaar=jaar), code="MW-UUR")
    login(client, personas.professional)
    basis = f"/api/v1/gemeenten/testwijde/prijslijsten/{jaar}/items/"
    assert client.get(basis + "MW-UUR/").status_code == 200
    for code in ("MW%00UUR", "%00"):
        response = client.get(f"{basis}{code}/")
        assert response.status_code == 404 and response.json() == {"detail": "Niet gevonden."}, code
