"""Django's development server for `make demo`, announcing itself in the demo's language
(Dutch) with one line instead of runserver's English banner. Never for production."""

from __future__ import annotations

from typing import Any

from django.contrib.staticfiles.management.commands.runserver import Command as RunserverCommand
from django.core.management.base import CommandError


class Command(RunserverCommand):
    help = "Serveert de demo met de ontwikkelserver van Django (niet voor productie)."

    def handle(self, *args: Any, **options: Any) -> None:
        from django.conf import settings

        if settings.PRODUCTION:
            raise CommandError("De demoserver draait niet in productie (DJANGO_ENV=production).")
        options["skip_checks"] = True  # `make demo` migrated and loaded just before
        super().handle(*args, **options)

    def on_bind(self, server_port: int) -> None:
        self.stdout.write(f"==> De demo draait op {self.protocol}://{self.addr}:{server_port}/ (stoppen met Ctrl+C)")
