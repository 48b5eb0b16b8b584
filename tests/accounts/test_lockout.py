"""Lockout after repeated wrong passwords (django-axes): 5 per e-mail address and IP address,
then 30 minutes closed, with a clear Dutch message on the login page."""

from __future__ import annotations

import datetime
from html import unescape

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tests.accounts.steps import password_step

pytestmark = pytest.mark.django_db

LOCKED = "U heeft 5 keer een verkeerd wachtwoord getypt. Daarom kunt u met dit e-mailadres 30 minuten niet inloggen."


def test_the_settings_of_the_lockout():
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert "rules.permissions.ObjectPermissionBackend" in settings.AUTHENTICATION_BACKENDS
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 30 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_five_wrong_passwords_lock_the_account_for_30_minutes(client, personas):
    user = personas.professional
    for _ in range(4):
        response = password_step(client, user, password="fout")
        assert response.status_code == 200
        assert "klopt niet" in response.content.decode()
    response = password_step(client, user, password="fout")
    html = unescape(response.content.decode())
    assert response.status_code == 429
    assert LOCKED in html
    assert "Het e-mailadres of het wachtwoord klopt niet" not in html
    assert f'value="{user.email}"' in html  # the e-mail address is kept

    # the right password does not help while locked
    response = password_step(client, user)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=29)):
        assert password_step(client, user, password="nog-steeds-fout").status_code == 429
    # counted from the last failed attempt
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=29 + 31)):
        response = password_step(client, user)
        assert response.status_code == 302
        assert response["Location"] == "/"


def test_the_lockout_is_per_ip_address_and_ignores_upper_case(client, personas):
    user = personas.professional
    for email in ["Prof@testwijde.example", "PROF@testwijde.example", "prof@testwijde.example", "prof@Testwijde.example"]:
        client.post(reverse("login"), {"username": email, "password": "fout"})
    assert password_step(client, user, password="fout").status_code == 429
    assert password_step(client, user, REMOTE_ADDR="192.0.2.10").status_code == 302


def test_a_successful_login_clears_the_count(client, personas):
    user = personas.professional
    for _ in range(4):
        password_step(client, user, password="fout")
    assert password_step(client, user).status_code == 302
    client.post(reverse("logout"))
    for _ in range(4):
        assert password_step(client, user, password="fout").status_code == 200


def test_behind_our_proxy_the_forwarded_address_counts(client, personas, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    user = personas.professional
    for _ in range(5):
        password_step(client, user, password="fout", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert password_step(client, user, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429
    # an address the client writes in front of the proxy's does not unlock it
    assert password_step(client, user, HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7").status_code == 429
    # another client behind the same proxy is not locked out
    assert password_step(client, user, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 302
