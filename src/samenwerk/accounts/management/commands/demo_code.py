"""Print the current two-factor code of a demo account (see samenwerk.accounts.demo)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenwerk.accounts.demo import DEMO_KEY


class Command(BaseCommand):
    help = "Toont de huidige code (6 cijfers) van de tweestapsverificatie van een demo-account."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("email", help="E-mailadres van het demo-account")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo-codes bestaan niet in productie (DJANGO_ENV=production).")
        email = options["email"].strip().lower()
        device = TOTPDevice.objects.filter(user__email=email, key=DEMO_KEY, confirmed=True).first()
        if device is None:
            raise CommandError(f"{email} is geen demo-account. Laad de demo met: python manage.py load_demo")
        code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
        self.stdout.write(f"{code:0{device.digits}d}")
