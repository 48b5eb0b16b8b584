"""The micro-analysis API: create, the summary with formulas, lines CRUD, 400 with Dutch
field errors, 409 on a stale version, and the access log."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from samenwerk.privacy.models import AuditEntry
from tests.auth import login
from tests.factories import CasusFactory
from tests.rendement.factories import PrijsitemFactory, PrijslijstFactory

pytestmark = pytest.mark.django_db
JAAR = datetime.date.today().year


@pytest.fixture
def opzet(client, personas):
    lijst = PrijslijstFactory(gemeente=personas.gemeente, jaar=JAAR, weken_per_jaar=42)
    item = PrijsitemFactory(prijslijst=lijst, code="MW-UUR", prijs=Decimal("80.00"))
    casus = CasusFactory(
        gebied=personas.gebied, met_toestemming=True, professional=personas.professional, organisatie=personas.organisatie
    )
    login(client, personas.professional)
    return casus, item


def test_the_whole_flow(client, personas, opzet):
    casus, item = opzet
    url = reverse("api:rendement-analyse", args=[casus.pk])
    assert client.get(url).status_code == 404
    response = client.post(url)
    assert response.status_code == 201 and response.json()["versie"] == 1
    kosten = reverse("api:rendement-kosten", args=[casus.pk])
    regel = {"versie": 1, "blok": "voor", "prijsitem": item.pk, "aantal": "2", "periode": "week", "toelichting": "2 uur per week"}
    response = client.post(kosten, regel, content_type="application/json")
    assert response.status_code == 201, response.json()
    nieuw = response.json()
    assert (nieuw["code"], nieuw["prijslijst_jaar"], nieuw["prijs"]) == ("MW-UUR", JAAR, "80.00")
    vrij = {"versie": 2, "blok": "na", "omschrijving": "Maatje", "prijs": "650.00", "eenheid": "jaar", "wet": "wmo"}
    assert client.post(kosten, vrij, content_type="application/json").status_code == 201
    data = client.get(url).json()
    assert data["versie"] == 3
    assert data["samenvatting"]["kosten_voor"]["bedrag"] == "6720.00"
    assert data["samenvatting"]["verschil_na"]["bedrag"] == "6070.00"
    assert data["samenvatting"]["verschil_na"]["weergave"] == "€ 6.070,00"
    assert "€ 6.720,00 − € 650,00 − € 0,00 = € 6.070,00" in data["samenvatting"]["verschil_na"]["formule"]
    post = reverse("api:rendement-kostenpost", args=[casus.pk, nieuw["id"]])
    response = client.patch(post, {"versie": 3, "aantal": "3"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["aantal"] == "3.00"
    response = client.patch(url, {"versie": 4, "welzijn_voor": 4, "welzijn_na": 8}, content_type="application/json")
    assert response.status_code == 200 and response.json()["welzijn_na"] == 8
    assert client.delete(post + "?versie=5").status_code == 204
    assert AuditEntry.objects.filter(kanaal="api", casus_id=casus.pk, gebeurtenis="rendement.regel.verwijderd").exists()


def test_bad_input_is_a_400_with_dutch_field_errors_and_a_stale_version_a_409(client, personas, opzet):
    casus, item = opzet
    url = reverse("api:rendement-analyse", args=[casus.pk])
    client.post(url)
    kosten = reverse("api:rendement-kosten", args=[casus.pk])
    slecht = {"versie": 1, "blok": "voor", "omschrijving": "x", "prijs": "-5.00", "eenheid": "maand", "periode": "week"}
    response = client.post(kosten, slecht, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["prijs"] == ["Een prijs kan niet negatief zijn."]
    vorig = PrijsitemFactory(prijslijst=PrijslijstFactory(gemeente=personas.gemeente, jaar=JAAR - 1))
    response = client.post(kosten, {"versie": 1, "blok": "eenmalig", "prijsitem": vorig.pk}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["prijsitem"] == [
        f"Dit item komt uit de prijslijst {JAAR - 1}; deze analyse rekent met de prijslijst {JAAR}."
    ]
    response = client.patch(url, {"versie": 1, "welzijn_voor": 12}, content_type="application/json")
    assert response.status_code == 400 and "welzijn_voor" in response.json()
    assert (
        client.post(kosten, {"versie": 1, "blok": "eenmalig", "prijsitem": item.pk}, content_type="application/json").status_code
        == 201
    )
    response = client.post(kosten, {"versie": 1, "blok": "eenmalig", "prijsitem": item.pk}, content_type="application/json")
    assert response.status_code == 409 and response.json()["versie"] == 2
    assert client.patch(url, {"welzijn_voor": 5}, content_type="application/json").status_code == 400


def test_the_procesregisseur_and_outsiders_do_not_see_it(client, personas, opzet):
    casus, _item = opzet
    casus.betrokkenen.create(user=personas.procesregisseur, organisatie=personas.organisatie, rol="procesregisseur")
    url = reverse("api:rendement-analyse", args=[casus.pk])
    client.post(url)
    login(client, personas.procesregisseur)
    assert client.get(url).status_code == 403
    login(client, personas.manager)
    assert client.get(url).status_code == 404
