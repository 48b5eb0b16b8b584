"""Login, the start page per role, the navigation per role and switching municipality."""

from html import unescape

import pytest
from django.urls import reverse

from samenwerk.gemeenten.models import Rol
from samenwerk.portaal.startpagina import LEGE_STAAT
from tests.auth import authenticator, login, totp_code
from tests.factories import TEST_PASSWORD, RoltoewijzingFactory

pytestmark = pytest.mark.django_db


def nav_labels(response) -> list[str]:
    return [str(item["label"]) for item in response.context["navigatie"]]


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("portaal:start"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_login_with_email_and_password_then_a_code(client, personas):
    device = authenticator(personas.professional)
    response = client.post(reverse("login"), {"username": personas.professional.email, "password": TEST_PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:verify") + "?next=%2F"
    response = client.post(response.redirect_chain[-1][0], {"code": totp_code(device)}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("portaal:start")
    assert "Mijn casussen" in response.content.decode()


def test_wrong_password_shows_a_dutch_error_and_keeps_the_email(client, personas):
    response = client.post(reverse("login"), {"username": personas.professional.email, "password": "fout"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Het e-mailadres of het wachtwoord klopt niet" in html
    assert f'value="{personas.professional.email}"' in html


def test_logout_needs_post(client, personas):
    login(client, personas.professional)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("portaal:start")).status_code == 302


@pytest.mark.parametrize(
    ("persona", "rol"),
    [
        ("professional", Rol.SOCIAAL_PROFESSIONAL),
        ("procesregisseur", Rol.PROCESREGISSEUR),
        ("gebiedsaanjager", Rol.GEBIEDSAANJAGER),
        ("manager", Rol.MANAGER),
        ("bestuurder", Rol.BESTUURDER),
        ("tafelvoorzitter", Rol.TAFELVOORZITTER),
        ("onderzoeker", Rol.ONDERZOEKER),
        ("beheerder", Rol.FUNCTIONEEL_BEHEERDER),
        ("privacyfunctionaris", Rol.PRIVACYFUNCTIONARIS),
    ],
)
def test_start_page_shows_the_block_of_each_role_and_no_other(client, personas, persona, rol):
    login(client, getattr(personas, persona))
    html = unescape(client.get(reverse("portaal:start")).content.decode())
    html = html[html.index("<main") : html.index("</main>")]  # the navigation may share words with block titles
    titel, leeg = LEGE_STAAT[rol]
    assert str(titel) in html
    assert str(leeg).split(".")[0] in html
    for andere, (andere_titel, _leeg) in LEGE_STAAT.items():
        if andere != rol:
            assert str(andere_titel) not in html, f"{persona} sees the block of {andere}"


def test_a_person_with_two_roles_sees_both_blocks(client, personas):
    RoltoewijzingFactory(user=personas.professional, rol=Rol.AMBASSADEUR, organisatie=personas.organisatie)
    login(client, personas.professional)
    html = client.get(reverse("portaal:start")).content.decode()
    assert str(LEGE_STAAT[Rol.SOCIAAL_PROFESSIONAL][0]) in html
    assert str(LEGE_STAAT[Rol.AMBASSADEUR][0]) in html


def test_someone_without_a_role_is_told_whom_to_ask(client, personas):
    login(client, personas.zonder_rol)
    response = client.get(reverse("portaal:start"))
    assert "Vraag de functioneel beheerder" in response.content.decode()
    assert nav_labels(response) == ["Start", "Sociale kaart"]


def test_beheerder_sees_the_counts_of_their_municipality_and_the_admin_link(client, personas):
    login(client, personas.beheerder)
    response = client.get(reverse("portaal:start"))
    html = response.content.decode()
    assert "Inrichting" in nav_labels(response)
    assert 'href="/beheer/"' in html
    # two gebieden, two organisaties, eleven people with a role in Testwijde
    assert '<dd class="utrecht-data-list__item-value">2</dd>' in html
    assert '<dd class="utrecht-data-list__item-value">11</dd>' in html


@pytest.mark.parametrize("persona", ["professional", "manager", "privacyfunctionaris", "onderzoeker"])
def test_only_the_beheerder_gets_the_inrichting_item(client, personas, persona):
    login(client, getattr(personas, persona))
    assert "Inrichting" not in nav_labels(client.get(reverse("portaal:start")))


def test_current_page_is_marked_in_the_navigation(client, personas):
    login(client, personas.professional)
    html = client.get(reverse("portaal:sociale-kaart")).content.decode()
    assert '<a class="utrecht-nav-list__link" href="/sociale-kaart/" aria-current="page">' in html


def test_switching_municipality(client, personas):
    user = personas.professional
    RoltoewijzingFactory(user=user, organisatie=personas.professional_andere_gemeente.rollen.get().organisatie)
    login(client, user)
    response = client.get(reverse("portaal:start"))
    assert response.context["werkcontext"].gemeente == personas.andere_gemeente  # alphabetical: Elders first
    response = client.post(reverse("portaal:gemeente-kiezen"), {"gemeente": personas.gemeente.pk}, follow=True)
    assert "U werkt nu in gemeente Testwijde." in response.content.decode()
    assert response.context["werkcontext"].gemeente == personas.gemeente


def test_cannot_switch_to_a_municipality_without_a_role(client, personas):
    login(client, personas.professional)
    response = client.post(reverse("portaal:gemeente-kiezen"), {"gemeente": personas.andere_gemeente.pk}, follow=True)
    assert "U heeft geen rol in die gemeente." in response.content.decode()
    assert response.context["werkcontext"].gemeente == personas.gemeente
    response = client.post(reverse("portaal:gemeente-kiezen"), {"gemeente": "abc"}, follow=True)
    assert "U heeft geen rol in die gemeente." in response.content.decode()


def test_start_page_query_count_does_not_grow_with_roles(client, personas, django_assert_max_num_queries):
    login(client, personas.beheerder)
    for rol in (Rol.TAFELVOORZITTER, Rol.ONDERZOEKER, Rol.PRIVACYFUNCTIONARIS):
        RoltoewijzingFactory(user=personas.beheerder, rol=rol, gemeente=personas.gemeente, organisatie=None)
    # 4 for the page, the session and the user; 1 for the verified two-factor device; 3 for saving
    # the session on every request (the idle limit moves with each one: savepoint, update, release)
    with django_assert_max_num_queries(8):
        client.get(reverse("portaal:start"))


def test_english_is_available(client, personas):
    login(client, personas.professional)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("portaal:start")).content.decode()
    assert "My cases" in html
    assert '<html lang="en">' in html


def test_every_task_of_the_beheerder_is_one_click_from_the_start_page(client, personas):
    import re

    login(client, personas.beheerder)
    html = client.get(reverse("portaal:start")).content.decode()
    for label in [
        "Mensen en hun rollen",
        "Organisaties",
        "Gebieden en wijken",
        "Normen en termijnen van de gemeente",
        "Prijslijsten",
        "Verantwoordelijkheden per AVE-niveau",
    ]:
        href = re.search(rf'href="([^"]+)"[^>]*>{label}</a>', html)
        assert href, label
        assert client.get(href.group(1)).status_code == 200, label
