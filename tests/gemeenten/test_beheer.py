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


# Issue 17 items 6 and 7: account-wide actions stay within the beheerder's say; role changes
# are in the access log; nobody grants themselves a sensitive role.


def _wijzig(client, user, rollen: list[dict[str, object]], **account: object):
    """POST the change page as the admin's form would, with these role rows (existing ones first)."""
    data = {"email": user.email, "first_name": user.first_name, "last_name": user.last_name, "telefoon": ""}
    if user.is_active:
        data["is_active"] = "on"
    data |= account
    data = {k: v for k, v in data.items() if v is not None}
    bestaande = sum(1 for r in rollen if "id" in r)
    for i, rij in enumerate(rollen):  # the hidden initial value the admin sends for a callable default
        if "_vanaf" in rij:
            data[f"initial-rollen-{i}-geldig_vanaf"] = rij["_vanaf"]
    data |= _role_formset("rollen", [{k: v for k, v in r.items() if k != "_vanaf"} for r in rollen], initial=bestaande)
    return client.post(reverse("beheer:gemeenten_user_change", args=[user.pk]), data)


def _rij(toewijzing: Roltoewijzing, **wijziging: object) -> dict[str, object]:
    rij = {
        "id": toewijzing.pk,
        "user": toewijzing.user_id,
        "rol": toewijzing.rol,
        "gemeente": toewijzing.gemeente_id,
        "gebied": toewijzing.gebied_id or "",
        "organisatie": toewijzing.organisatie_id or "",
        "geldig_vanaf": toewijzing.geldig_vanaf.isoformat(),
        "geldig_tot": toewijzing.geldig_tot.isoformat() if toewijzing.geldig_tot else "",
        "_vanaf": toewijzing.geldig_vanaf.isoformat(),
    }
    return rij | wijziging


@pytest.fixture
def ook_elders(personas):
    """The professional of Testwijde also works in Elders."""
    Roltoewijzing.objects.create(
        user=personas.professional,
        rol=Rol.SOCIAAL_PROFESSIONAL,
        gemeente=personas.andere_gemeente,
        organisatie=Organisatie.objects.get(naam="Welzijn Elders"),
    )
    return personas.professional


def test_account_wide_actions_on_someone_who_also_works_elsewhere_are_refused(client, personas, ook_elders):
    user = ook_elders
    user.set_password("Het-oude-wachtwoord-2026")
    user.save()
    login(client, personas.beheerder)
    html = client.get(reverse("beheer:gemeenten_user_change", args=[user.pk])).content.decode()
    assert "ook een rol in Elders" in html and "Beëindig de rollen in uw eigen gemeente" in html
    # deactivating (and a new e-mail address) is not taken
    eigen = user.rollen.get(gemeente=personas.gemeente)
    _wijzig(client, user, [_rij(eigen)], is_active=None, email="overgenomen@testwijde.example")
    user.refresh_from_db()
    assert user.is_active and user.email == "prof@testwijde.example"
    # the password cannot be reset
    url = reverse("beheer:auth_user_password_change", args=[user.pk])
    response = client.post(url, {"password1": "Nieuw-wachtwoord-2026!", "password2": "Nieuw-wachtwoord-2026!"}, follow=True)
    assert "ook een rol in Elders" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("Het-oude-wachtwoord-2026")
    # nor can the account be deleted
    assert client.post(reverse("beheer:gemeenten_user_delete", args=[user.pk]), {"post": "yes"}).status_code == 403
    response = client.post(
        reverse("beheer:gemeenten_user_changelist"), {"action": "delete_selected", "_selected_action": [user.pk], "post": "yes"}
    )
    assert User.objects.filter(pk=user.pk).exists()
    # what the beheerder can do: end the role in their own municipality, which ends access here only
    assert _wijzig(client, user, [_rij(eigen, DELETE="on")]).status_code == 302
    assert list(user.gemeenten()) == [personas.andere_gemeente]
    assert user.is_active


def test_account_wide_actions_within_ones_own_municipality_are_allowed_and_logged(client, personas):
    from samenwerk.privacy.models import AuditEntry

    user = personas.collega_andere_organisatie
    login(client, personas.beheerder)
    assert "ook een rol in" not in client.get(reverse("beheer:gemeenten_user_change", args=[user.pk])).content.decode()
    _wijzig(client, user, [_rij(user.rollen.get())], is_active=None)
    user.refresh_from_db()
    assert not user.is_active
    rij = AuditEntry.objects.get(gebeurtenis="account.gedeactiveerd")
    assert (rij.gebruiker_id, rij.gemeente_id, rij.object_id, rij.velden) == (
        personas.beheerder.pk,
        personas.gemeente.pk,
        str(user.pk),
        ["is_active"],
    )


def test_a_role_elsewhere_that_has_ended_does_not_stand_in_the_way(client, personas, ook_elders):
    ook_elders.rollen.filter(gemeente=personas.andere_gemeente).update(geldig_tot="2020-01-01")
    login(client, personas.beheerder)
    _wijzig(client, ook_elders, [_rij(ook_elders.rollen.get(gemeente=personas.gemeente))], is_active=None)
    ook_elders.refresh_from_db()
    assert not ook_elders.is_active


@pytest.mark.parametrize("rol", [Rol.PRIVACYFUNCTIONARIS, Rol.GEBIEDSAANJAGER, Rol.FUNCTIONEEL_BEHEERDER])
def test_nobody_grants_themselves_a_sensitive_role(client, personas, rol):
    from samenwerk.privacy.models import AuditEntry

    ik = personas.beheerder
    login(client, ik)
    eigen = ik.rollen.get()
    nieuw = {"rol": rol, "gemeente": personas.gemeente.pk, "geldig_vanaf": "2026-01-01"}
    if rol == Rol.GEBIEDSAANJAGER:
        nieuw["gebied"] = personas.gebied.pk
    if rol == Rol.FUNCTIONEEL_BEHEERDER:  # a second copy, from an earlier date
        nieuw["geldig_vanaf"] = "2020-01-01"
    response = _wijzig(client, ik, [_rij(eigen), nieuw])
    assert response.status_code == 200
    assert "U kunt uzelf de rol" in response.content.decode() and "Vraag een andere beheerder" in response.content.decode()
    assert ik.rollen.count() == 1
    assert not AuditEntry.objects.filter(gebeurtenis__startswith="rol.").exists()


def test_changing_ones_own_role_into_a_sensitive_one_is_refused_ending_it_is_not(client, personas):
    ik = personas.beheerder
    ambassadeur = Roltoewijzing.objects.create(
        user=ik, rol=Rol.AMBASSADEUR, gemeente=personas.gemeente, organisatie=personas.organisatie
    )
    login(client, ik)
    eigen = ik.rollen.get(rol=Rol.FUNCTIONEEL_BEHEERDER)
    response = _wijzig(client, ik, [_rij(eigen), _rij(ambassadeur, rol=Rol.PROCESREGISSEUR)])
    assert response.status_code == 200 and "U kunt uzelf de rol Procesregisseur niet geven" in response.content.decode()
    ambassadeur.refresh_from_db()
    assert ambassadeur.rol == Rol.AMBASSADEUR
    # ending one's own sensitive role is one's own call
    response = _wijzig(client, ik, [_rij(eigen, geldig_tot="2099-12-31"), _rij(ambassadeur)])
    assert response.status_code == 302, response.content.decode()[:2000]
    eigen.refresh_from_db()
    assert eigen.geldig_tot.isoformat() == "2099-12-31"


def test_every_role_change_is_in_the_access_log(client, personas):
    from samenwerk.privacy.models import AuditEntry

    tweede = User.objects.create_user("beheer2@testwijde.example")
    Roltoewijzing.objects.create(user=tweede, rol=Rol.FUNCTIONEEL_BEHEERDER, gemeente=personas.gemeente)
    login(client, tweede)
    ik = personas.beheerder
    eigen = ik.rollen.get()
    # another beheerder grants the privacy officer's role: allowed, and logged
    nieuw = {"rol": Rol.PRIVACYFUNCTIONARIS, "gemeente": personas.gemeente.pk, "geldig_vanaf": "2026-01-01"}
    assert _wijzig(client, ik, [_rij(eigen), nieuw]).status_code == 302
    privacy = ik.rollen.get(rol=Rol.PRIVACYFUNCTIONARIS)
    rij = AuditEntry.objects.get(gebeurtenis="rol.toegekend")
    assert (rij.actie, rij.gebruiker_id, rij.gemeente_id, rij.object_type, rij.object_id) == (
        "create",
        tweede.pk,
        personas.gemeente.pk,
        "roltoewijzing",
        str(privacy.pk),
    )
    assert f"gebruiker {ik.pk}: privacyfunctionaris" in rij.reden
    # ended, changed, removed
    assert _wijzig(client, ik, [_rij(eigen), _rij(privacy, geldig_tot="2026-06-30")]).status_code == 302
    privacy.refresh_from_db()
    assert _wijzig(client, ik, [_rij(eigen), _rij(privacy, geldig_vanaf="2026-02-01")]).status_code == 302
    privacy.refresh_from_db()
    assert _wijzig(client, ik, [_rij(eigen), _rij(privacy, DELETE="on")]).status_code == 302
    gelogd = list(AuditEntry.objects.filter(gebeurtenis__startswith="rol.").order_by("id").values_list("gebeurtenis", "velden"))
    assert gelogd == [
        ("rol.toegekend", []),
        ("rol.beeindigd", ["geldig_tot"]),
        ("rol.gewijzigd", ["geldig_vanaf"]),
        ("rol.verwijderd", []),
    ]
    assert not ik.rollen.filter(rol=Rol.PRIVACYFUNCTIONARIS).exists()
