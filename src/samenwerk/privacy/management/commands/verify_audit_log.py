"""Check that the access log has not been tampered with: every chain complete and unchanged."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from samenwerk.privacy.audit import verify
from samenwerk.privacy.models import AuditEntry


class Command(BaseCommand):
    help = "Controleert de hashketen van het toegangslog."

    def handle(self, *args: Any, **options: Any) -> None:
        breuken = list(verify())
        for breuk in breuken:
            self.stderr.write(f"Keten {breuk.chain}, rij {breuk.seq}: {breuk.reden}")
        if breuken:
            raise CommandError(f"Het toegangslog is niet intact: {len(breuken)} fout(en).")
        self.stdout.write(self.style.SUCCESS(f"Het toegangslog is intact ({AuditEntry.objects.count()} rijen)."))
