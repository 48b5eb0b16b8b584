import pytest
from django.urls import reverse

from samenwerk.gemeenten.models import Organisatie
from tests.auth import login
from tests.factories import OrganisatieFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


def test_lists_only_organisations_of_the_working_municipality(client, personas):
    OrganisatieFactory(gemeente=personas.andere_gemeente, naam="Geheim Elders")
    login(client, personas.professional)
    html = client.get(reverse("portaal:sociale-kaart")).content.decode()
    assert "Welzijn Testwijde" in html
    assert "Zorg Testwijde" in html
    assert "Geheim Elders" not in html
    assert "Welzijn Elders" not in html


def test_filters_by_area_kind_and_search(client, personas):
    login(client, personas.professional)
    url = reverse("portaal:sociale-kaart")
    html = client.get(url, {"gebied": personas.ander_gebied.pk}).content.decode()
    assert "Welzijn Testwijde" in html and "Zorg Testwijde" not in html
    html = client.get(url, {"soort": Organisatie.Soort.ZORG}).content.decode()
    assert "Zorg Testwijde" in html and "Welzijn Testwijde" not in html
    html = client.get(url, {"zoek": "zorg"}).content.decode()
    assert "Zorg Testwijde" in html and "Welzijn Testwijde" not in html


def test_an_area_of_another_municipality_is_a_form_error_not_a_leak(client, personas):
    login(client, personas.professional)
    vreemd = personas.professional_andere_gemeente.rollen.get().organisatie
    vreemd.gebieden.create(gemeente=personas.andere_gemeente, naam="Elders-Oost")
    response = client.get(reverse("portaal:sociale-kaart"), {"gebied": vreemd.gebieden.get().pk, "zoek": "welzijn"})
    html = response.content.decode()
    assert "Selecteer een geldige keuze" in html
    assert 'value="welzijn"' in html  # what the user typed stays


def test_empty_result_says_what_to_do(client, personas):
    login(client, personas.professional)
    html = client.get(reverse("portaal:sociale-kaart"), {"zoek": "bestaat-niet"}).content.decode()
    assert "Geen organisaties gevonden" in html


def test_paginated_by_25(client, personas):
    OrganisatieFactory.create_batch(30, gemeente=personas.gemeente)
    login(client, personas.professional)
    response = client.get(reverse("portaal:sociale-kaart"))
    assert len(response.context["pagina"].object_list) == 25
    response = client.get(reverse("portaal:sociale-kaart"), {"pagina": 2})
    assert len(response.context["pagina"].object_list) == 7


def test_query_count_is_the_same_at_1_10_and_100_rows(client, personas):
    gemeente = personas.andere_gemeente
    user = personas.professional_andere_gemeente
    gebied = user.rollen.get().organisatie.gebieden.create(gemeente=gemeente, naam="Elders-Noord")
    Organisatie.objects.filter(gemeente=gemeente).delete() if False else None
    login(client, user)
    url = reverse("portaal:sociale-kaart")

    def make(n: int) -> None:
        for org in OrganisatieFactory.create_batch(n, gemeente=gemeente):
            org.gebieden.add(gebied)

    # One organisation exists already (Welzijn Elders); the helper adds up to 1, 10, 100 more.
    assert_constant_queries(make, lambda: client.get(url, {"pagina": 1}))
