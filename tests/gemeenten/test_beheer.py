"""The functioneel beheerder manages their own municipality in the admin, and only that."""

import pytest
from django.urls import reverse

from samenwerk.gemeenten.models import Organisatie, Rol, Roltoewijzing, User
from tests.auth import login
from tests.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["professional", "manager", "privacyfunctionaris", "zonder_rol"])
def test_others_cannot_enter_the_admin(client, personas, persona):
    login(client, getattr(personas, persona))
    response = client.get(reverse("beheer:index"))
    assert response.status_code == 302
    assert reverse("beheer:login") in response["Location"]


def test_beheerder_sees_only_their_own_municipality(client, personas):
    OrganisatieFactory(gemeente=personas.andere_gemeente, naam="Geheim Elders")
    login(client, personas.beheerder)
    html = client.get(reverse("beheer:gemeenten_organisatie_changelist")).content.decode()
    assert "Welzijn Testwijde" in html
    assert "Geheim Elders" not in html
    html = client.get(reverse("beheer:gemeenten_user_changelist")).content.decode()
    assert "prof@testwijde.example" in html
    assert "prof@elders.example" not in html
    vreemd = Organisatie.objects.get(naam="Geheim Elders")
    response = client.get(reverse("beheer:gemeenten_organisatie_change", args=[vreemd.pk]))
    assert response.status_code == 302  # the admin redirects: "does not exist"


def test_beheerder_adds_an_organisation(client, personas):
    login(client, personas.beheerder)
    response = client.post(
        reverse("beheer:gemeenten_organisatie_add"),
        {
            "gemeente": personas.gemeente.pk,
            "naam": "Buurthuis De Linde",
            "soort": "welzijn",
            "relatie": "samenwerkingspartner",
            "gebieden": [personas.gebied.pk],
            "expertise": "",
            "email": "",
            "telefoon": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    org = Organisatie.objects.get(naam="Buurthuis De Linde")
    assert list(org.gebieden.all()) == [personas.gebied]


def test_beheerder_cannot_add_an_organisation_to_another_municipality(client, personas):
    login(client, personas.beheerder)
    response = client.post(
        reverse("beheer:gemeenten_organisatie_add"),
        {"gemeente": personas.andere_gemeente.pk, "naam": "Indringer", "soort": "welzijn", "relatie": "deelnemer"},
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Organisatie.objects.filter(naam="Indringer").exists()


def _role_formset(prefix: str, rows: list[dict[str, object]], initial: int = 0) -> dict[str, object]:
    data: dict[str, object] = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{i}-{key}"] = value
    return data


def test_beheerder_adds_a_person_with_a_role(client, personas):
    login(client, personas.beheerder)
    data = {
        "email": "nieuw@testwijde.example",
        "first_name": "Nina",
        "last_name": "Nieuw",
        "usable_password": "true",
        "password1": "Een-lang-wachtwoord-2026",
        "password2": "Een-lang-wachtwoord-2026",
    }
    data |= _role_formset(
        "rollen",
        [
            {
                "rol": Rol.SOCIAAL_PROFESSIONAL,
                "gemeente": personas.gemeente.pk,
                "organisatie": personas.organisatie.pk,
                "geldig_vanaf": "2026-01-01",
            }
        ],
    )
    response = client.post(reverse("beheer:gemeenten_user_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(email="nieuw@testwijde.example")
    assert [(r.rol, r.organisatie) for r in user.rollen.all()] == [(Rol.SOCIAAL_PROFESSIONAL, personas.organisatie)]


def test_new_person_without_a_role_is_refused(client, personas):
    login(client, personas.beheerder)
    data = {
        "email": "zwever@testwijde.example",
        "first_name": "Zwever",
        "last_name": "Z",
        "usable_password": "true",
        "password1": "Een-lang-wachtwoord-2026",
        "password2": "Een-lang-wachtwoord-2026",
    }
    data |= _role_formset("rollen", [])
    response = client.post(reverse("beheer:gemeenten_user_add"), data)
    assert response.status_code == 200
    assert not User.objects.filter(email="zwever@testwijde.example").exists()


def test_role_scope_errors_reach_the_beheerder_in_dutch(client, personas):
    login(client, personas.beheerder)
    user = personas.zonder_rol
    Roltoewijzing.objects.create(user=user, rol=Rol.ONDERZOEKER, gemeente=personas.gemeente)
    bestaande = user.rollen.get()
    data = {"email": user.email, "first_name": user.first_name, "last_name": user.last_name, "telefoon": "", "is_active": "on"}
    data |= _role_formset(
        "rollen",
        [
            {
                "id": bestaande.pk,
                "user": user.pk,
                "rol": Rol.ONDERZOEKER,
                "gemeente": personas.gemeente.pk,
                "geldig_vanaf": "2026-01-01",
            },
            {"rol": Rol.GEBIEDSAANJAGER, "gemeente": personas.gemeente.pk, "geldig_vanaf": "2026-01-01"},
        ],
        initial=1,
    )
    response = client.post(reverse("beheer:gemeenten_user_change", args=[user.pk]), data)
    assert response.status_code == 200
    assert "Kies het gebied waarin deze rol wordt uitgeoefend." in response.content.decode()
    assert user.rollen.count() == 1
