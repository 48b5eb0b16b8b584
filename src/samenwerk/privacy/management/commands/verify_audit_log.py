"""Check that the access log has not been tampered with: every chain complete, unchanged
(HMAC with the key outside the database) and reaching its last signed anchor."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from samenwerk.privacy.ankers import lees_ankers, pad
from samenwerk.privacy.audit import verify
from samenwerk.privacy.models import AuditEntry


class Command(BaseCommand):
    help = "Controleert de hashketen van het toegangslog en de ankers ervan."

    def handle(self, *args: Any, **options: Any) -> None:
        breuken = list(verify())
        for breuk in breuken:
            self.stderr.write(f"Keten {breuk.chain}, rij {breuk.seq}: {breuk.reden}")
        if breuken:
            raise CommandError(f"Het toegangslog is niet intact: {len(breuken)} fout(en).")
        ankers = lees_ankers().laatste
        if not ankers:
            self.stdout.write(
                self.style.WARNING(f"Geen ankers in {pad()}: of het einde van het log is ingekort, is niet te zien.")
            )
        aantal = AuditEntry.objects.count()
        self.stdout.write(self.style.SUCCESS(f"Het toegangslog is intact ({aantal} rijen, {len(ankers)} keten(s) verankerd)."))
