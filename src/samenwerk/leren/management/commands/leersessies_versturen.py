"""Send the agenda and link of the coming leersessies (idempotent). Schedule hourly:
docs/leren.md."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenwerk.leren.sessies.versturen import verstuur_agenda


class Command(BaseCommand):
    help = "Zet de agenda en link klaar voor de aangemelden van leersessies die binnenkort beginnen."

    def handle(self, *args: Any, **options: Any) -> None:
        aantal = verstuur_agenda()
        self.stdout.write(f"Agenda's van leersessies klaargezet: {aantal}")
