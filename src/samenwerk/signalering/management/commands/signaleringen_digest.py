"""Queue the daily e-mail for everyone with new signals (idempotent). Schedule daily after
`signaleer`: docs/signalering.md. The task worker (`manage.py db_worker`) sends them."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenwerk.signalering.digest import maak_digests


class Command(BaseCommand):
    help = "Zet de dagelijkse e-mail met nieuwe signaleringen klaar (zonder persoonsgegevens)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Dagelijkse e-mail met nieuwe signaleringen klaargezet voor {maak_digests()} personen.")
