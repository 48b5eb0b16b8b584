"""Two-factor authentication (issue 7): nobody gets past the second step without a code."""

from __future__ import annotations

import datetime
from html import unescape

import pytest
import time_machine
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenwerk.accounts.middleware import OTP_EXEMPT
from tests.accounts.steps import code_step, password_step
from tests.auth import authenticator, login, totp_code

pytestmark = pytest.mark.django_db


def _names(patterns: list[URLPattern | URLResolver], prefix: str = "") -> list[str]:
    names = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            names += _names(pattern.url_patterns, f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix)
        elif pattern.name:
            names.append(prefix + pattern.name)
    return names


def every_url() -> list[tuple[str, str]]:
    """Every named URL of the project that needs no arguments, plus those that do, with made-up ones."""
    urls = []
    for name in sorted(set(_names(get_resolver().url_patterns))):
        if name in OTP_EXEMPT:
            continue
        try:
            urls.append((name, reverse(name)))
        except Exception:  # noqa: S112  (needs arguments: added below)
            continue
    urls += [
        ("api:sociale-kaart", reverse("api:sociale-kaart", kwargs={"gemeente": "testwijde"})),
        ("accounts:end-session", reverse("accounts:end-session", args=[1])),
        ("beheer:gemeenten_organisatie_change", reverse("beheer:gemeenten_organisatie_change", args=[1])),
    ]
    return urls


def unverified(client, user) -> None:
    """Past the password step only (Django's login, no device in the session)."""
    client.force_login(user)


@pytest.mark.parametrize("has_device", [True, False], ids=["with-authenticator", "without-authenticator"])
def test_an_unverified_person_reaches_no_page_and_no_api(client, personas, has_device):
    user = personas.beheerder
    if has_device:
        authenticator(user)
    unverified(client, user)
    step = reverse("accounts:verify" if has_device else "accounts:enrol")
    urls = every_url()
    assert len(urls) > 20
    for name, url in urls:
        for method in (client.get, client.post):
            response = method(url)
            if name.startswith("api:"):
                assert response.status_code == 403, name
                assert response.json() == {"detail": "Bevestig eerst uw inlog met de code uit uw authenticator-app."}
            else:
                assert response.status_code == 302, name
                assert response["Location"].startswith(f"{step}?next="), name


def test_what_an_unverified_person_may_reach(client, personas):
    unverified(client, personas.professional)
    assert client.get(reverse("accounts:enrol")).status_code == 200
    assert client.get(reverse("accounts:qr")).status_code == 200
    assert client.post(reverse("set_language"), {"language": "en", "next": "/"}).status_code == 302
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("portaal:start"))["Location"].startswith(reverse("login"))


def test_the_redirect_keeps_where_the_person_was_going(client, personas):
    authenticator(personas.professional)
    unverified(client, personas.professional)
    response = client.get("/sociale-kaart/?zoek=schuld")
    assert response["Location"] == reverse("accounts:verify") + "?next=%2Fsociale-kaart%2F%3Fzoek%3Dschuld"


def test_no_menu_before_the_second_step(client, personas):
    authenticator(personas.professional)
    unverified(client, personas.professional)
    html = client.get(reverse("accounts:verify")).content.decode()
    assert "Hoofdmenu" not in html
    assert "Mijn sessies" not in html
    assert "Uitloggen" in html


class TestEnrolment:
    def test_first_login_shows_the_qr_code_and_the_key_and_a_code_confirms_it(self, client, personas):
        user = personas.professional
        response = password_step(client, user)
        assert response["Location"] == "/"
        response = client.get("/", follow=True)
        assert response.redirect_chain[-1][0] == reverse("accounts:enrol") + "?next=%2F"
        html = response.content.decode()
        device = TOTPDevice.objects.get(user=user, confirmed=False)
        secret = response.context["secret"]
        assert secret in html and secret.replace(" ", "") in device.config_url
        assert f'src="{reverse("accounts:qr")}"' in html
        assert 'autocomplete="one-time-code"' in html

        qr = client.get(reverse("accounts:qr"))
        assert qr["Content-Type"] == "image/svg+xml"
        assert qr.content.lstrip().startswith(b"<?xml") and b"<svg" in qr.content
        assert b"style" not in qr.content and b"script" not in qr.content
        assert client.get(reverse("accounts:enrol")).context["secret"] == secret  # the same key on every visit

        response = client.post(
            f"{reverse('accounts:enrol')}?next=/sociale-kaart/", {"code": totp_code(device), "next": "/sociale-kaart/"}
        )
        assert response["Location"] == reverse("accounts:backup-codes") + "?next=%2Fsociale-kaart%2F"
        device.refresh_from_db()
        assert device.confirmed
        assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id

        response = client.get(response["Location"])
        codes = response.context["codes"]
        assert len(codes) == 10 == len(set(codes))
        assert all(code in response.content.decode() for code in codes)
        assert sorted(StaticToken.objects.filter(device__user=user).values_list("token", flat=True)) == sorted(codes)
        assert 'href="/sociale-kaart/"' in response.content.decode()
        # shown once only
        assert client.get(reverse("accounts:backup-codes"))["Location"] == "/"
        assert client.get("/sociale-kaart/").status_code == 200

    def test_a_wrong_code_is_refused_in_dutch(self, client, personas):
        unverified(client, personas.professional)
        client.get(reverse("accounts:enrol"))
        response = client.post(reverse("accounts:enrol"), {"code": "12345"})
        html = unescape(response.content.decode())
        assert response.status_code == 200
        assert "Deze code klopt niet. Typ de code van 6 cijfers die uw app nu laat zien." in html
        assert 'value="12345"' in html and 'aria-invalid="true"' in html
        assert not TOTPDevice.objects.filter(user=personas.professional, confirmed=True).exists()
        response = client.post(reverse("accounts:enrol"), {"code": ""})
        assert "Vul de code in." in response.content.decode()

    def test_someone_with_an_authenticator_cannot_add_another(self, client, personas):
        """With only the password, nobody can replace the authenticator of an account."""
        authenticator(personas.professional)
        unverified(client, personas.professional)
        response = client.get(f"{reverse('accounts:enrol')}?next=/sociale-kaart/")
        assert response["Location"] == reverse("accounts:verify") + "?next=%2Fsociale-kaart%2F"
        assert client.post(reverse("accounts:enrol"), {"code": "123456"}).status_code == 302
        assert client.get(reverse("accounts:qr")).status_code == 404
        assert TOTPDevice.objects.filter(user=personas.professional).count() == 1


class TestVerify:
    def test_login_with_a_code_from_the_app(self, client, personas):
        device = authenticator(personas.professional)
        password_step(client, personas.professional)
        response = client.get(reverse("accounts:verify") + "?next=/sociale-kaart/")
        assert response.status_code == 200
        assert "Code invullen" in response.content.decode()
        key_before = client.session.session_key
        response = code_step(client, totp_code(device), next_url="/sociale-kaart/")
        assert response["Location"] == "/sociale-kaart/"
        assert client.session.session_key != key_before  # a new session id after the second step
        assert client.get("/sociale-kaart/").status_code == 200
        # verified already: the step sends the person on
        assert client.get(reverse("accounts:verify"))["Location"] == "/"

    def test_a_code_works_once(self, client, personas):
        device = authenticator(personas.professional)
        code = totp_code(device)
        password_step(client, personas.professional)
        assert code_step(client, code).status_code == 302
        client.post(reverse("logout"))
        password_step(client, personas.professional)
        with time_machine.travel(timezone.now() + datetime.timedelta(seconds=3)):
            response = code_step(client, code)
        assert response.status_code == 200
        assert "Deze code klopt niet" in response.content.decode()

    def test_a_wrong_code_gets_a_dutch_error_and_repeated_ones_slow_down(self, client, personas):
        device = authenticator(personas.professional)
        password_step(client, personas.professional)
        wrong = "000000" if totp_code(device) != "000000" else "111111"
        response = code_step(client, wrong)
        html = unescape(response.content.decode())
        assert response.status_code == 200
        assert "Deze code klopt niet. Typ de code van 6 cijfers die uw app nu laat zien, of een herstelcode." in html
        assert 'role="alert"' in html
        # straight away again, even the right code: django-otp's throttle
        response = code_step(client, totp_code(device))
        assert "U heeft te vaak een verkeerde code getypt. Probeer het over 1 seconde opnieuw." in unescape(
            response.content.decode()
        )
        assert DEVICE_ID_SESSION_KEY not in client.session
        with time_machine.travel(timezone.now() + datetime.timedelta(seconds=2)):
            assert code_step(client, totp_code(device)).status_code == 302

    def test_login_with_a_backup_code_once(self, client, personas):
        authenticator(personas.professional)
        static = StaticDevice.objects.create(user=personas.professional, name="Herstelcodes")
        static.token_set.create(token="abcd2345")
        password_step(client, personas.professional)
        assert code_step(client, "ABCD 2345")["Location"] == "/"
        assert client.session[DEVICE_ID_SESSION_KEY] == static.persistent_id
        assert client.get("/").status_code == 200
        assert not static.token_set.exists()

        client.post(reverse("logout"))
        password_step(client, personas.professional)
        with time_machine.travel(timezone.now() + datetime.timedelta(seconds=2)):
            response = code_step(client, "abcd2345")
        assert "Deze code klopt niet" in response.content.decode()

    @pytest.mark.parametrize("target", ["https://elders.example/", "//elders.example/", "javascript:alert(1)"])
    def test_next_never_leaves_the_site(self, client, personas, target):
        device = authenticator(personas.professional)
        password_step(client, personas.professional)
        assert code_step(client, totp_code(device), next_url=target)["Location"] == "/"

    def test_without_an_authenticator_the_step_is_setting_one_up(self, client, personas):
        unverified(client, personas.professional)
        assert client.get(reverse("accounts:verify"))["Location"].startswith(reverse("accounts:enrol"))

    def test_anonymous_goes_to_the_login_page(self, client):
        assert client.get(reverse("accounts:verify"))["Location"].startswith(reverse("login"))


def test_the_test_login_helper_is_verified(client, personas):
    login(client, personas.professional)
    assert client.get("/").status_code == 200
    assert client.get(reverse("api:mij")).status_code == 200
