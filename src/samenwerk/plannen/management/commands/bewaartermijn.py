"""Anonymise every closed case whose retention period has passed. Idempotent: safe to run
daily (cron / systemd timer); running it twice changes nothing the second time."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenwerk.plannen.bewaren import anonimiseer_casus, te_anonimiseren, verlopen


class Command(BaseCommand):
    help = "Anonimiseert afgesloten casussen waarvan de bewaartermijn voorbij is."

    def handle(self, *args: Any, **options: Any) -> None:
        ids = [c.pk for c in te_anonimiseren().iterator(chunk_size=500) if verlopen(c)]
        gedaan = sum(anonimiseer_casus(casus_id=pk) for pk in ids)
        self.stdout.write(f"{gedaan} casus(sen) geanonimiseerd.")
