"""The price list in the API: read by the roles that use it, written by the beheerder through
the same services; 400 with Dutch field errors, 403 for readers, 404 for other municipalities."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse

from samenwerk.rendement.models import Prijsitem, Prijslijst
from tests.auth import login
from tests.querycount import assert_constant_queries
from tests.rendement.factories import PrijsitemFactory, PrijslijstFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lijst(personas):
    lijst = PrijslijstFactory(gemeente=personas.gemeente, jaar=2026)
    PrijsitemFactory(prijslijst=lijst, code="MW-UUR", omschrijving="Uur maatschappelijk werk", prijs=Decimal("82.50"))
    return lijst


def lijsten_url(slug="testwijde"):
    return reverse("api:prijslijsten", kwargs={"gemeente": slug})


def lijst_url(jaar=2026, slug="testwijde"):
    return reverse("api:prijslijst", kwargs={"gemeente": slug, "jaar": jaar})


def items_url(jaar=2026, slug="testwijde"):
    return reverse("api:prijsitems", kwargs={"gemeente": slug, "jaar": jaar})


def item_url(code, jaar=2026, slug="testwijde"):
    return reverse("api:prijsitem", kwargs={"gemeente": slug, "jaar": jaar, "code": code})


ITEM = {"code": "HA-CONSULT", "omschrijving": "Consult huisarts", "eenheid": "consult", "prijs": "35.00", "wet": "zvw"}


def test_needs_login(client, lijst):
    assert client.get(lijsten_url()).status_code == 403


def test_professional_reads_lists_and_items(client, personas, lijst):
    login(client, personas.professional)
    data = client.get(lijsten_url()).json()
    assert data["results"] == [
        {
            "jaar": 2026,
            "weken_per_jaar": 42,
            "toelichting": "Testprijzen, verzonnen.",
            "aantal_items": 1,
            "bijgewerkt_op": data["results"][0]["bijgewerkt_op"],
            "bijgewerkt_door": "",
        }
    ]
    assert client.get(lijst_url()).json()["aantal_items"] == 1
    items = client.get(items_url()).json()
    assert items["results"] == [
        {
            "code": "MW-UUR",
            "omschrijving": "Uur maatschappelijk werk",
            "eenheid": "uur",
            "prijs": "82.50",  # a decimal string, never a float
            "wet": "wmo",
            "bron": "Verzonnen voor de test",
        }
    ]
    assert client.get(item_url("mw-uur")).json()["code"] == "MW-UUR"


def test_professional_cannot_write(client, personas, lijst):
    login(client, personas.professional)
    assert client.post(lijsten_url(), {"jaar": 2027}, content_type="application/json").status_code == 403
    assert client.patch(lijst_url(), {"weken_per_jaar": 1}, content_type="application/json").status_code == 403
    assert client.post(items_url(), ITEM, content_type="application/json").status_code == 403
    assert client.put(item_url("MW-UUR"), ITEM, content_type="application/json").status_code == 403
    assert client.delete(item_url("MW-UUR")).status_code == 403
    assert client.post(reverse("api:prijslijst-importeren", kwargs={"gemeente": "testwijde", "jaar": 2026})).status_code == 403
    # no 400 either: invalid input from someone who may not write is still a 403
    assert client.post(items_url(), {"prijs": "x"}, content_type="application/json").status_code == 403
    assert Prijslijst.objects.count() == 1 and Prijsitem.objects.count() == 1


@pytest.mark.parametrize("persona", ["professional_andere_gemeente", "tafelvoorzitter"])
def test_who_may_not_read_gets_404(client, personas, lijst, persona):
    login(client, getattr(personas, persona))
    for url in (lijsten_url(), lijst_url(), items_url(), item_url("MW-UUR")):
        assert client.get(url).status_code == 404, url


def test_another_municipality_is_404_even_for_a_beheerder(client, personas, lijst):
    PrijslijstFactory(gemeente=personas.andere_gemeente, jaar=2026)
    login(client, personas.beheerder)
    assert client.get(lijsten_url("elders")).status_code == 404
    assert client.post(items_url(slug="elders"), ITEM, content_type="application/json").status_code == 404
    assert client.get(lijst_url(2030)).status_code == 404
    assert client.get(item_url("BESTAAT-NIET")).status_code == 404


def test_beheerder_creates_a_year_as_a_copy(client, personas, lijst):
    login(client, personas.beheerder)
    response = client.post(lijsten_url(), {"jaar": 2027}, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["aantal_items"] == 1
    response = client.post(lijsten_url(), {"jaar": 2027}, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"jaar": ["Er is al een prijslijst voor 2027."]}
    response = client.post(lijsten_url(), {"jaar": 2028, "kopieer": False, "weken_per_jaar": 46}, content_type="application/json")
    assert (response.json()["aantal_items"], response.json()["weken_per_jaar"]) == (0, 46)


def test_beheerder_changes_the_list_settings(client, personas, lijst):
    login(client, personas.beheerder)
    response = client.patch(lijst_url(), {"weken_per_jaar": 46}, content_type="application/json")
    assert response.status_code == 200 and response.json()["weken_per_jaar"] == 46
    assert response.json()["bijgewerkt_door"] == str(personas.beheerder)
    response = client.patch(lijst_url(), {"weken_per_jaar": 99}, content_type="application/json")
    assert response.status_code == 400 and list(response.json()) == ["weken_per_jaar"]


def test_beheerder_adds_changes_and_deletes_items(client, personas, lijst):
    login(client, personas.beheerder)
    response = client.post(items_url(), ITEM | {"code": "ha-consult"}, content_type="application/json")
    assert response.status_code == 201, response.json()
    assert response.json() == ITEM | {"bron": ""}
    response = client.patch(item_url("HA-CONSULT"), {"prijs": "36.5"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["prijs"] == "36.50"
    assert lijst.items.get(code="HA-CONSULT").prijs == Decimal("36.50")
    assert client.delete(item_url("HA-CONSULT")).status_code == 204
    assert not lijst.items.filter(code="HA-CONSULT").exists()


def test_bad_input_is_a_400_with_dutch_field_errors(client, personas, lijst):
    login(client, personas.beheerder)
    slecht = {"code": "met spatie", "omschrijving": "", "eenheid": "dag", "prijs": "0", "wet": "ruimtevaart"}
    response = client.post(items_url(), slecht, content_type="application/json")
    assert response.status_code == 400
    fouten = response.json()
    assert set(fouten) == {"code", "omschrijving", "eenheid", "prijs", "wet"}
    assert fouten["prijs"] == ["De prijs moet hoger zijn dan € 0,00."]
    assert fouten["eenheid"] == ['"dag" is een ongeldige keuze.']
    assert fouten["code"] == ["Een code bestaat uit letters, cijfers, punten, streepjes en liggende streepjes."]
    response = client.post(items_url(), ITEM | {"prijs": "12,5x"}, content_type="application/json")
    assert response.status_code == 400 and list(response.json()) == ["prijs"]
    response = client.post(items_url(), ITEM | {"code": "mw-uur"}, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"code": ["Deze code komt al voor in de prijslijst."]}
    response = client.post(items_url(), "{kapot", content_type="application/json")
    assert response.status_code == 400
    assert Prijsitem.objects.count() == 1


def test_import_through_the_api(client, personas, lijst):
    login(client, personas.beheerder)
    url = reverse("api:prijslijst-importeren", kwargs={"gemeente": "testwijde", "jaar": 2026})
    fout = io.BytesIO(b"code;omschrijving;eenheid;prijs;wet\r\nA;Uur;uur;12,5x;wmo\r\n")
    fout.name = "fout.csv"
    response = client.post(url, {"bestand": fout})
    assert response.status_code == 400
    assert response.json() == {
        "fouten": [
            {
                "rij": 2,
                "kolom": "prijs",
                "melding": "'12,5x' is geen bedrag",
                "tekst": "Rij 2, kolom prijs: '12,5x' is geen bedrag",
            }
        ]
    }
    goed = io.BytesIO(b"code;omschrijving;eenheid;prijs;wet\r\nA;Uur;uur;12,5;wmo\r\n")
    goed.name = "goed.csv"
    response = client.post(url, {"bestand": goed})
    assert response.json() == {"toegevoegd": 1, "gewijzigd": 0, "ongewijzigd": 0, "niet_in_bestand": 1}
    assert client.post(url, {}).status_code == 400


def test_item_list_query_count_is_constant(client, personas, lijst):
    login(client, personas.professional)
    assert_constant_queries(lambda n: PrijsitemFactory.create_batch(n, prijslijst=lijst), lambda: client.get(items_url()))


def test_list_of_years_query_count_is_constant(client, personas, lijst):
    login(client, personas.professional)
    jaren = iter(range(1900, 2000))
    assert_constant_queries(
        lambda n: [PrijsitemFactory(prijslijst__gemeente=personas.gemeente, prijslijst__jaar=next(jaren)) for _ in range(n)],
        lambda: client.get(lijsten_url()),
    )


def test_schema_describes_the_price_list(client, personas):
    login(client, personas.professional)
    text = client.get(reverse("api:schema")).content.decode()
    assert "/api/v1/gemeenten/{gemeente}/prijslijsten/{jaar}/items/{code}/" in text
