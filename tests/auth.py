"""Signing a test client in as a person. Every test logs in through here, so that when the
sign-in gains steps the tests follow in one place.

`login` does what the two steps of logging in do (samenwerk.accounts): the password step
(Django's login, which starts the session bookkeeping) and the second factor (the person's
authenticator, made when missing, is recorded as the session's verified device).
"""

from __future__ import annotations

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenwerk.gemeenten.models import User


def authenticator(user: User) -> TOTPDevice:
    """The person's confirmed authenticator app, made when they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name="Test-authenticator", confirmed=True)


def totp_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code the person's app shows now (or `steps_ahead` periods of 30 seconds later)."""
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead).token()
    return f"{token:0{device.digits}d}"


def login(client: Client, user: User) -> None:
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
    session.save()


def confirm_recently(client: Client) -> None:
    """As if the person just re-entered password and code (for exports and other sensitive actions)."""
    import time

    from samenwerk.accounts.sessions import CONFIRMED_AT

    session = client.session
    session[CONFIRMED_AT] = time.time()
    session.save()
