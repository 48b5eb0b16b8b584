"""The price list in the scoped beheer: the functioneel beheerder sees and edits only the
lists of their own municipality."""

from decimal import Decimal

import pytest
from django.urls import reverse

from samenwerk.gemeenten.models import Rol
from samenwerk.rendement.models import Prijslijst
from tests.auth import login
from tests.factories import RoltoewijzingFactory, UserFactory
from tests.rendement.factories import PrijsitemFactory, PrijslijstFactory

pytestmark = pytest.mark.django_db


def inline(rijen: list[dict[str, object]], initial: int = 0) -> dict[str, object]:
    data: dict[str, object] = {
        "items-TOTAL_FORMS": len(rijen),
        "items-INITIAL_FORMS": initial,
        "items-MIN_NUM_FORMS": 0,
        "items-MAX_NUM_FORMS": 1000,
    }
    for i, rij in enumerate(rijen):
        data |= {f"items-{i}-{k}": v for k, v in rij.items()}
    return data


def item(code: str, prijs: str = "82,50") -> dict[str, object]:
    return {"code": code, "omschrijving": f"Item {code}", "eenheid": "uur", "prijs": prijs, "wet": "wmo", "bron": ""}


def test_beheerder_sees_only_the_lists_of_their_municipality(client, personas):
    eigen = PrijslijstFactory(gemeente=personas.gemeente, jaar=2026)
    vreemd = PrijslijstFactory(gemeente=personas.andere_gemeente, jaar=2025)
    PrijsitemFactory(prijslijst=vreemd, omschrijving="Geheim tarief Elders")
    login(client, personas.beheerder)
    html = client.get(reverse("beheer:rendement_prijslijst_changelist")).content.decode()
    assert "Prijslijst 2026 van Testwijde" in html
    assert "Elders" not in html
    assert client.get(reverse("beheer:rendement_prijslijst_change", args=[eigen.pk])).status_code == 200
    response = client.get(reverse("beheer:rendement_prijslijst_change", args=[vreemd.pk]))
    assert response.status_code == 302  # the admin's "does not exist"
    assert "Geheim tarief" not in client.get(response["Location"], follow=True).content.decode()


@pytest.mark.parametrize("persona", ["professional", "manager", "professional_andere_gemeente"])
def test_others_do_not_get_into_the_price_list_admin(client, personas, persona):
    PrijslijstFactory(gemeente=personas.gemeente)
    login(client, getattr(personas, persona))
    response = client.get(reverse("beheer:rendement_prijslijst_changelist"))
    assert response.status_code == 302 and reverse("beheer:login") in response["Location"]


def test_beheerder_adds_a_list_with_items_inline(client, personas):
    login(client, personas.beheerder)
    data = {"gemeente": personas.gemeente.pk, "jaar": 2026, "weken_per_jaar": 42, "toelichting": ""}
    data |= inline([item("mw-uur", "€ 1.234,56"), item("HA-CONSULT", "35")])
    response = client.post(reverse("beheer:rendement_prijslijst_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    lijst = Prijslijst.objects.get(gemeente=personas.gemeente, jaar=2026)
    assert list(lijst.items.values_list("code", "prijs")) == [("HA-CONSULT", Decimal("35.00")), ("MW-UUR", Decimal("1234.56"))]
    assert lijst.bijgewerkt_door == str(personas.beheerder)


def test_the_same_code_twice_is_an_error_not_a_crash(client, personas):
    login(client, personas.beheerder)
    data = {"gemeente": personas.gemeente.pk, "jaar": 2026, "weken_per_jaar": 42, "toelichting": ""}
    data |= inline([item("mw-uur"), item("MW-UUR")])
    response = client.post(reverse("beheer:rendement_prijslijst_add"), data)
    assert response.status_code == 200
    assert "code" in response.content.decode() and "dubbel" in response.content.decode().lower()
    assert not Prijslijst.objects.exists()


def test_beheerder_cannot_add_a_list_to_another_municipality(client, personas):
    login(client, personas.beheerder)
    data = {"gemeente": personas.andere_gemeente.pk, "jaar": 2026, "weken_per_jaar": 42, "toelichting": ""} | inline([])
    response = client.post(reverse("beheer:rendement_prijslijst_add"), data)
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Prijslijst.objects.exists()


def test_copy_to_next_year_action(client, personas):
    lijst = PrijslijstFactory(gemeente=personas.gemeente, jaar=2026)
    PrijsitemFactory.create_batch(2, prijslijst=lijst)
    login(client, personas.beheerder)
    url = reverse("beheer:rendement_prijslijst_changelist")
    response = client.post(url, {"action": "kopieer_naar_volgend_jaar", "_selected_action": [lijst.pk]}, follow=True)
    assert "Prijslijst 2027 van Testwijde is aangemaakt." in response.content.decode()
    assert Prijslijst.objects.get(jaar=2027).items.count() == 2
    response = client.post(url, {"action": "kopieer_naar_volgend_jaar", "_selected_action": [lijst.pk]}, follow=True)
    assert "Er is al een prijslijst voor 2027." in response.content.decode()


def test_a_beheerder_of_another_municipality_sees_nothing_of_this_one(client, personas):
    lijst = PrijslijstFactory(gemeente=personas.gemeente, jaar=2026)
    item = PrijsitemFactory(prijslijst=lijst, omschrijving="Tarief van Testwijde")
    elders = UserFactory(email="beheer@elders.example")
    RoltoewijzingFactory(user=elders, rol=Rol.FUNCTIONEEL_BEHEERDER, gemeente=personas.andere_gemeente, organisatie=None)
    login(client, elders)
    html = client.get(reverse("beheer:rendement_prijslijst_changelist")).content.decode()
    assert "Testwijde" not in html and "0 prijslijsten" in html
    assert client.get(reverse("beheer:rendement_prijslijst_change", args=[lijst.pk])).status_code == 302
    response = client.post(reverse("beheer:rendement_prijslijst_delete", args=[lijst.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert Prijslijst.objects.filter(pk=lijst.pk).exists() and lijst.items.filter(pk=item.pk).exists()
