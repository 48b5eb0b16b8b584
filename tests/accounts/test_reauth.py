"""Re-authentication before sensitive actions: password + code within the last 5 minutes."""

from __future__ import annotations

import datetime
from html import unescape

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.accounts.steps import code_step, password_step
from tests.auth import authenticator, login, totp_code
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.accounts.urls")]

CONFIRM = "/account/bevestigen/"


def confirm(client, user, *, password: str = TEST_PASSWORD, code: str | None = None, next_url: str = "/test/gevoelig/"):
    code = code if code is not None else totp_code(authenticator(user))
    return client.post(f"{CONFIRM}?next={next_url}", {"password": password, "code": code, "next": next_url})


def test_without_a_recent_confirmation_the_page_sends_the_person_to_confirm(client, personas):
    login(client, personas.professional)
    response = client.get("/test/gevoelig/?formaat=csv")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:confirm") + "?next=%2Ftest%2Fgevoelig%2F%3Fformaat%3Dcsv"
    html = unescape(client.get(response["Location"]).content.decode())
    assert "Bevestig dat u het bent" in html
    assert 'value="/test/gevoelig/?formaat=csv"' in html


def test_password_and_code_open_it_for_five_minutes(client, personas):
    login(client, personas.professional)
    response = confirm(client, personas.professional)
    assert response["Location"] == "/test/gevoelig/"
    assert client.get("/test/gevoelig/").content == b"geheime export"
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=4, seconds=50)):
        assert client.get("/test/gevoelig/").status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=5, seconds=10)):
        assert client.get("/test/gevoelig/")["Location"].startswith(CONFIRM)


def test_a_wrong_password_or_code_is_refused_in_dutch(client, personas):
    login(client, personas.professional)
    response = confirm(client, personas.professional, password="fout")
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Dit wachtwoord klopt niet." in html
    assert 'value="fout"' not in html  # a password is never shown again
    response = confirm(
        client, personas.professional, code="000000" if totp_code(authenticator(personas.professional)) != "000000" else "111111"
    )
    assert "Deze code klopt niet" in unescape(response.content.decode())
    assert client.get("/test/gevoelig/").status_code == 302
    response = client.post(CONFIRM, {"password": "", "code": ""})
    assert "Vul uw wachtwoord in." in response.content.decode() and "Vul de code in." in response.content.decode()


def test_logging_in_with_password_and_code_counts_as_a_confirmation(client, personas):
    device = authenticator(personas.professional)
    password_step(client, personas.professional)
    code_step(client, totp_code(device))
    assert client.get("/test/gevoelig/").status_code == 200


def test_a_slow_second_step_does_not_count(client, personas):
    device = authenticator(personas.professional)
    password_step(client, personas.professional)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=6)):
        code_step(client, totp_code(device))
        assert client.get("/").status_code == 200
        assert client.get("/test/gevoelig/").status_code == 302


@pytest.mark.parametrize("target", ["https://elders.example/export", "//elders.example/", "/\\elders.example"])
def test_next_never_leaves_the_site(client, personas, target):
    login(client, personas.professional)
    assert confirm(client, personas.professional, next_url=target)["Location"] == "/"


def test_anonymous_goes_to_the_login_page(client):
    response = client.get("/test/gevoelig/")
    assert response["Location"].startswith(reverse("login"))


def test_the_api_answers_403_in_dutch_until_confirmed(client, personas):
    login(client, personas.professional)
    response = client.get("/test/api/gevoelig/")
    assert response.status_code == 403
    assert response.json()["detail"] == (
        "Bevestig eerst dat u het bent, met uw wachtwoord en een code, op /account/bevestigen/. Dat geldt 5 minuten."
    )
    confirm(client, personas.professional)
    assert client.get("/test/api/gevoelig/").json() == {"export": "geheim"}
    client.logout()
    assert client.get("/test/api/gevoelig/").status_code == 403


def test_five_wrong_passwords_lock_out_and_end_the_session(client, personas):
    login(client, personas.professional)
    for _ in range(4):
        assert confirm(client, personas.professional, password="fout").status_code == 200
    response = confirm(client, personas.professional, password="fout")
    assert response.status_code == 429
    assert "5 keer een verkeerd wachtwoord" in unescape(response.content.decode())
    assert client.get("/")["Location"].startswith(reverse("login"))
    assert password_step(client, personas.professional).status_code == 429
