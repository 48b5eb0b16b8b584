"""Run the signal rules once (idempotent). Schedule daily: docs/signalering.md."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenwerk.signalering.engine import signaleer
from samenwerk.signalering.models import Signalering, Status


class Command(BaseCommand):
    help = "Werkt de signaleringen bij: nieuwe openen, vervallen sluiten, uitgestelde weer openen."

    def handle(self, *args: Any, **options: Any) -> None:
        uitkomst = signaleer()
        # What changed in this run, and what stands open now: a second run the same day
        # changes nothing, which is not the same as "there are no signals".
        open_ = Signalering.objects.filter(status=Status.OPEN).count()
        self.stdout.write(f"Signaleringen bijgewerkt: {uitkomst}; nu open: {open_}")
