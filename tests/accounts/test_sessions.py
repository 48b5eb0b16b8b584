"""Session limits (30 minutes idle, 12 hours absolute), a new session id at login, and
"Mijn sessies": a person sees their sessions and ends them, never someone else's."""

from __future__ import annotations

import datetime
from html import unescape

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY

from samenwerk.accounts.models import UserSession
from samenwerk.accounts.useragent import describe
from tests.accounts.steps import code_step, password_step
from tests.auth import authenticator, login, totp_code
from tests.factories import UserFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Mobile/15E148 Safari/604.1"
)
EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0"


def browser(user_agent: str = FIREFOX, ip: str = "192.0.2.1") -> Client:
    return Client(headers={"user-agent": user_agent}, REMOTE_ADDR=ip)


def sign_in(client: Client, user) -> None:
    """The real password step (so the browser and address are recorded), then the second step
    as tests.auth.login does it (one TOTP code cannot serve several logins in 30 seconds)."""
    assert password_step(client, user).status_code == 302
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
    session.save()


def test_the_settings():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is False  # touch() saves it once a minute instead
    assert settings.SESSION_ABSOLUTE_SECONDS == 12 * 60 * 60


def test_a_new_session_id_at_login_and_after_the_code(client, personas):
    device = authenticator(personas.professional)
    session = client.session  # an anonymous session, as an attacker could plant one
    session["iets"] = "van voor het inloggen"
    session.save()
    planted = session.session_key
    password_step(client, personas.professional)
    after_password = client.session.session_key
    assert after_password != planted
    assert not Session.objects.filter(session_key=planted).exists()
    code_step(client, totp_code(device))
    assert client.session.session_key not in {planted, after_password}
    assert UserSession.objects.get(user=personas.professional).session_key == client.session.session_key


def test_idle_for_30_minutes_ends_the_session(client, personas):
    login(client, personas.professional)
    start = timezone.now()
    for minutes in (25, 50, 75):  # active every 25 minutes: still in, long past the first 30
        with time_machine.travel(start + datetime.timedelta(minutes=minutes)):
            assert client.get("/").status_code == 200
    with time_machine.travel(start + datetime.timedelta(minutes=75 + 31)):
        response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_idle_limit_slides_once_a_minute_without_a_write_per_page(client, personas, django_assert_num_queries):
    login(client, personas.professional)
    start = timezone.now()
    with time_machine.travel(start + datetime.timedelta(minutes=2)):
        assert client.get("/").status_code == 200  # saves the session: a minute has passed
    verloopt = Session.objects.get(session_key=client.session.session_key).expire_date
    with time_machine.travel(start + datetime.timedelta(minutes=2, seconds=30)):
        assert client.get("/").status_code == 200  # within the minute: no write
        assert Session.objects.get(session_key=client.session.session_key).expire_date == verloopt
    with time_machine.travel(start + datetime.timedelta(minutes=3, seconds=1)):
        assert client.get("/").status_code == 200
        assert Session.objects.get(session_key=client.session.session_key).expire_date > verloopt
    with time_machine.travel(start + datetime.timedelta(minutes=3 + 29)):
        assert client.get("/").status_code == 200  # 29 minutes after the last write: still in
    with time_machine.travel(start + datetime.timedelta(minutes=3 + 29 + 31)):
        assert client.get("/").status_code == 302


def test_twelve_hours_after_login_the_session_ends_however_active(client, personas):
    login(client, personas.professional)
    start = timezone.now()
    for minutes in range(20, 12 * 60, 20):
        with time_machine.travel(start + datetime.timedelta(minutes=minutes)):
            assert client.get("/").status_code == 200, minutes
    with time_machine.travel(start + datetime.timedelta(hours=12, minutes=5)):
        response = client.get("/", follow=True)
        assert response.redirect_chain[0][0].startswith(reverse("login"))
        assert "U bent automatisch uitgelogd: u was 12 uur ingelogd. Log opnieuw in." in unescape(response.content.decode())
        assert client.get(reverse("api:mij")).status_code == 403
    assert not UserSession.objects.filter(user=personas.professional).exists()


def test_a_session_without_a_login_time_counts_as_expired(client, personas):
    login(client, personas.professional)
    session = client.session
    del session["accounts_ingelogd_om"]
    session.save()
    assert client.get("/")["Location"].startswith(reverse("login"))


class TestMijnSessies:
    def test_lists_my_sessions_with_device_address_and_times(self, personas):
        laptop, phone, other = browser(FIREFOX, "192.0.2.1"), browser(IPHONE, "198.51.100.2"), browser()
        sign_in(laptop, personas.professional)
        sign_in(phone, personas.professional)
        sign_in(other, personas.manager)
        response = laptop.get(reverse("accounts:sessions"))
        html = unescape(response.content.decode())
        assert [s.device for s in response.context["sessies"]] == ["Safari op iPhone", "Firefox op Windows"]
        assert "192.0.2.1" in html and "198.51.100.2" in html
        assert html.count("deze sessie") == 1
        assert "Alle andere sessies beëindigen" in html
        assert 'href="/account/sessies/"' in html  # linked from the header

    def test_end_one_other_session(self, personas):
        laptop, phone = browser(), browser(IPHONE)
        login(laptop, personas.professional)
        login(phone, personas.professional)
        target = UserSession.objects.get(session_key=phone.session.session_key)
        response = laptop.post(reverse("accounts:end-session", args=[target.pk]), follow=True)
        assert "De sessie is beëindigd." in unescape(response.content.decode())
        assert phone.get("/")["Location"].startswith(reverse("login"))
        assert not UserSession.objects.filter(pk=target.pk).exists()
        assert laptop.get("/").status_code == 200

    def test_cannot_end_someone_elses_session(self, personas):
        mine, theirs = browser(), browser()
        login(mine, personas.professional)
        login(theirs, personas.manager)
        target = UserSession.objects.get(user=personas.manager)
        assert mine.post(reverse("accounts:end-session", args=[target.pk])).status_code == 404
        assert mine.post(reverse("accounts:end-session", args=[999_999])).status_code == 404
        assert theirs.get("/").status_code == 200
        assert mine.get(reverse("accounts:end-session", args=[target.pk])).status_code == 405

    def test_end_all_other_sessions(self, personas):
        clients = [browser() for _ in range(3)]
        for c in clients:
            login(c, personas.professional)
        colleague = browser()
        login(colleague, personas.manager)
        response = clients[0].post(reverse("accounts:end-other-sessions"), follow=True)
        assert "2 andere sessies zijn beëindigd." in unescape(response.content.decode())
        assert clients[0].get("/").status_code == 200
        assert all(c.get("/").status_code == 302 for c in clients[1:])
        assert colleague.get("/").status_code == 200
        assert UserSession.objects.filter(user=personas.professional).count() == 1

    def test_ending_the_current_session_logs_out(self, client, personas):
        login(client, personas.professional)
        current = UserSession.objects.get(session_key=client.session.session_key)
        assert client.post(reverse("accounts:end-session", args=[current.pk]))["Location"] == reverse("login")
        assert client.get("/").status_code == 302
        assert not UserSession.objects.filter(pk=current.pk).exists()

    def test_logout_removes_the_row_and_expired_rows_go_at_the_next_login(self, client, personas):
        login(client, personas.professional)
        client.post(reverse("logout"))
        assert not UserSession.objects.exists()
        old = browser()
        login(old, personas.professional)
        with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
            assert old.get("/").status_code == 302  # idle too long
            login(client, personas.professional)
            assert UserSession.objects.filter(user=personas.professional).count() == 1

    def test_last_active_is_kept_to_the_minute(self, client, personas):
        login(client, personas.professional)
        row = UserSession.objects.get()
        start = row.last_seen_at
        with time_machine.travel(start + datetime.timedelta(seconds=30)):
            client.get("/")
        row.refresh_from_db()
        assert row.last_seen_at == start
        with time_machine.travel(start + datetime.timedelta(minutes=5)):
            client.get("/")
        row.refresh_from_db()
        assert row.last_seen_at > start + datetime.timedelta(minutes=4)

    def test_the_page_needs_a_constant_number_of_queries(self, client, personas):
        login(client, personas.professional)

        def more_sessions(n: int) -> None:
            now = timezone.now()
            UserSession.objects.bulk_create(
                UserSession(user=personas.professional, session_key=f"k{UserFactory().pk}", started_at=now, last_seen_at=now)
                for _ in range(n)
            )

        assert_constant_queries(more_sessions, lambda: client.get(reverse("accounts:sessions")))


@pytest.mark.parametrize(
    ("user_agent", "expected"),
    [
        (FIREFOX, "Firefox op Windows"),
        (IPHONE, "Safari op iPhone"),
        (EDGE, "Edge op Windows"),
        ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36", "Chrome op Linux"),
        ("curl/8.5.0", "Onbekende browser"),
        ("", "Onbekende browser"),
    ],
)
def test_device_names(user_agent, expected):
    assert describe(user_agent) == expected
