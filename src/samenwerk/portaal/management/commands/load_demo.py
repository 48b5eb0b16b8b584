"""Load the fictional demo municipality (idempotent). Each app adds its own loader to
settings.DEMO_LOADERS; they share one DemoContext so later data can build on earlier."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from samenwerk.accounts.demo import demo_secret
from samenwerk.gemeenten.demo import DemoContext


class Command(BaseCommand):
    help = "Laadt de fictieve demogemeente Lindenhoven en toont de demo-logins."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="Toon de logins niet.")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("De demo wordt niet geladen in productie (DJANGO_ENV=production).")
        ctx = DemoContext()
        with transaction.atomic():
            for dotted in settings.DEMO_LOADERS:
                import_string(dotted)(ctx)
        if options["quiet_logins"]:
            return
        self.stdout.write(self.style.SUCCESS("Demogemeente Lindenhoven is geladen. Inloggen op http://127.0.0.1:8000 met:"))
        breedte = max(len(e) for e, _n, _r in ctx.logins)
        for email, naam, rollen in ctx.logins:
            self.stdout.write(f"  {email.ljust(breedte)}  {naam} – {rollen}")
        self.stdout.write(f"Wachtwoord voor alle demo-accounts: {settings.DEMO_PASSWORD}")
        self.stdout.write(
            "Daarna vraagt het platform een code: toon die met '.venv/bin/python manage.py demo_code <e-mailadres>', "
            f"of zet de demosleutel {demo_secret()} in een authenticator-app."
        )
