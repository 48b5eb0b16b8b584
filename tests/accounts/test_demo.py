"""Demo accounts can log in: each has an authenticator with the public demo key, and
demo_code prints its current code."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenwerk.accounts.demo import DEMO_KEY
from samenwerk.gemeenten.models import User
from tests.accounts.steps import code_step, password_step
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # each loads the demo (~10 s)


@pytest.fixture
def demo(settings) -> str:
    settings.DEMO_PASSWORD = "demo-wachtwoord-test"
    call_command("load_demo", "--quiet-logins")
    return settings.DEMO_PASSWORD


def test_every_demo_account_has_the_demo_authenticator_once_and_load_demo_says_how_to_get_the_code(demo, capsys):
    call_command("load_demo")  # twice: idempotent
    out = capsys.readouterr().out
    assert "manage.py demo_code <e-mailadres>" in out
    assert "JRUW 4ZDF NZUG 65TF NYWW IZLN N4WW WZLZ" in out
    users = User.objects.all()
    assert users.count() >= 14
    for user in users:
        assert list(TOTPDevice.objects.filter(user=user).values_list("key", "confirmed")) == [(DEMO_KEY, True)], user.email


def test_demo_code_prints_the_code_a_demo_login_accepts(client, demo, capsys):
    call_command("demo_code", "Professional@lindenhoven.example")
    code = capsys.readouterr().out.strip()
    assert code == f"{totp(bytes.fromhex(DEMO_KEY)):06d}"
    user = User.objects.get(email="professional@lindenhoven.example")
    password_step(client, user, password=demo)
    assert code_step(client, code)["Location"] == "/"


def test_demo_code_only_for_demo_accounts_and_never_in_production(settings):
    TOTPDevice.objects.create(user=UserFactory(email="echt@gemeente.example"), name="app", confirmed=True)
    TOTPDevice.objects.create(user=UserFactory(email="demo@lindenhoven.example"), key=DEMO_KEY, confirmed=True)
    with pytest.raises(CommandError, match="geen demo-account"):
        call_command("demo_code", "echt@gemeente.example")
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="niet in productie"):
        call_command("demo_code", "demo@lindenhoven.example")
