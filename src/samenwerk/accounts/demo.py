"""Demo: every demo account gets an authenticator with the same fixed, public demo key, so a
person trying the demo can log in (settings.DEMO_LOADERS). Idempotent.

The key is the 20 bytes of "Lindenhoven-demo-key"; in an authenticator app type it as
JRUW 4ZDF NZUG 65TF NYWW IZLN N4WW WZLZ. Without an app, `python manage.py demo_code <e-mail>`
prints the current code. Never used outside the demo: load_demo refuses to run in production.
"""

from __future__ import annotations

from django_otp.plugins.otp_totp.models import TOTPDevice

from samenwerk.gemeenten.demo import DemoContext
from samenwerk.gemeenten.models import User

from .otp import secret_text

DEMO_KEY = b"Lindenhoven-demo-key".hex()
DEMO_DEVICE_NAME = "Demo-authenticator"


def demo_secret() -> str:
    return secret_text(TOTPDevice(key=DEMO_KEY))


def load(ctx: DemoContext) -> None:
    for user in User.objects.filter(email__in=[email for email, _naam, _rollen in ctx.logins]):
        TOTPDevice.objects.get_or_create(user=user, name=DEMO_DEVICE_NAME, defaults={"key": DEMO_KEY, "confirmed": True})
