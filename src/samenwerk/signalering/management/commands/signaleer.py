"""Run the signal rules once (idempotent). Schedule daily: docs/signalering.md."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenwerk.signalering.engine import signaleer


class Command(BaseCommand):
    help = "Werkt de signaleringen bij: nieuwe openen, vervallen sluiten, uitgestelde weer openen."

    def handle(self, *args: Any, **options: Any) -> None:
        uitkomst = signaleer()
        self.stdout.write(f"Signaleringen: {uitkomst}")
