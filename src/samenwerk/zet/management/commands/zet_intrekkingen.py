"""Nightly and idempotent: a resident's ZET consent withdrawn on the case itself takes the case
out of every round (services.verwerk_intrekkingen; the round keeps a dated note only)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenwerk.zet.services import verwerk_intrekkingen


class Command(BaseCommand):
    help = "Haal casussen waarvan de ZET-toestemming is ingetrokken uit de ZET-rondes."

    def handle(self, *args: Any, **options: Any) -> None:
        aantal = verwerk_intrekkingen()
        self.stdout.write(f"{aantal} casus(sen) uit ZET-rondes gehaald.")
