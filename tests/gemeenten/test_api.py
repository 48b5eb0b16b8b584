import pytest
from django.urls import reverse

from tests.auth import login
from tests.factories import OrganisatieFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


def kaart_url(slug: str) -> str:
    return reverse("api:sociale-kaart", kwargs={"gemeente": slug})


def test_api_needs_login(client, personas):
    assert client.get(reverse("api:mij")).status_code == 403
    assert client.get(kaart_url("testwijde")).status_code == 403


def test_mij_lists_the_active_roles(client, personas):
    login(client, personas.gebiedsaanjager)
    data = client.get(reverse("api:mij")).json()
    assert data["email"] == "aanjager@testwijde.example"
    assert data["rollen"] == [
        {
            "rol": "gebiedsaanjager",
            "gemeente": "Testwijde",
            "gebied": "Noord",
            "organisatie": None,
            "geldig_vanaf": data["rollen"][0]["geldig_vanaf"],
            "geldig_tot": None,
        }
    ]


def test_sociale_kaart_of_own_municipality_with_filters(client, personas):
    login(client, personas.professional)
    data = client.get(kaart_url("testwijde")).json()
    assert data["count"] == 2
    assert [o["naam"] for o in data["results"]] == ["Welzijn Testwijde", "Zorg Testwijde"]
    data = client.get(kaart_url("testwijde"), {"gebied": personas.ander_gebied.pk}).json()
    assert [o["naam"] for o in data["results"]] == ["Welzijn Testwijde"]


def test_another_municipality_answers_404(client, personas):
    login(client, personas.professional)
    assert client.get(kaart_url("elders")).status_code == 404
    assert client.get(kaart_url("bestaat-niet")).status_code == 404


def test_bad_filter_is_a_400_with_field_errors(client, personas):
    login(client, personas.professional)
    response = client.get(kaart_url("testwijde"), {"gebied": "abc", "soort": "ruimtevaart"})
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"gebied", "soort"}
    assert "Selecteer een geldige keuze" in body["soort"][0]


def test_api_query_count_is_constant(client, personas):
    login(client, personas.professional)
    assert_constant_queries(
        lambda n: OrganisatieFactory.create_batch(n, gemeente=personas.gemeente, gebieden=[personas.gebied]),
        lambda: client.get(kaart_url("testwijde")),
    )


def test_schema_is_served_and_describes_the_endpoints(client, personas):
    login(client, personas.professional)
    response = client.get(reverse("api:schema"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "/api/v1/gemeenten/{gemeente}/sociale-kaart/" in text
