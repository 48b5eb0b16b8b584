"""Queue every e-mail still waiting in the outbox after a mail-server outage (run it hourly,
see docs/berichten.md). Running it twice sends nothing twice."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from samenwerk.berichten.verzending import verstuur_wachtende


class Command(BaseCommand):
    help = "Queue the e-mail that is still waiting in the outbox."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"{verstuur_wachtende()} e-mails queued again")
