"""Check that the access log has not been tampered with: every row's HMAC, every seal's
HMAC, link and rows, no row left unsealed for more than a minute, and every chain reaching
its last signed anchor. `--dagen 1`: only what was sealed in the last day (the daily check)."""

from __future__ import annotations

import datetime
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from samenwerk.privacy.ankers import lees_ankers, pad
from samenwerk.privacy.models import Zegel
from samenwerk.privacy.zegels import verify


class Command(BaseCommand):
    help = "Controleert de rijen, de zegels en de ankers van het toegangslog."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dagen", type=float, help="Alleen wat in de laatste zoveel dagen is verzegeld.")

    def handle(self, *args: Any, dagen: float | None = None, **options: Any) -> None:
        if dagen is not None and dagen <= 0:
            raise CommandError("--dagen moet een positief aantal dagen zijn, bijvoorbeeld --dagen 1 (zonder --dagen: alles).")
        begin = time.monotonic()
        sinds = timezone.now() - datetime.timedelta(days=dagen) if dagen else None
        breuken = list(verify(sinds=sinds))
        for breuk in breuken:
            self.stderr.write(f"Keten {breuk.chain}, {breuk.plek}: {breuk.reden}")
        if breuken:
            raise CommandError(f"Het toegangslog is niet intact: {len(breuken)} fout(en).")
        ankers = lees_ankers()
        if not ankers.zegels and not ankers.rijen:
            self.stdout.write(
                self.style.WARNING(f"Geen ankers in {pad()}: of het einde van het log is ingekort, is niet te zien.")
            )
        zegels = Zegel.objects.filter(tijdstip__gte=sinds) if sinds else Zegel.objects.all()
        omvang = f"{zegels.count()} zegels" + (f" sinds {sinds:%Y-%m-%d %H:%M}" if sinds else "")
        self.stdout.write(
            self.style.SUCCESS(
                f"Het toegangslog is intact ({omvang}, {len(ankers.zegels)} keten(s) verankerd, "
                f"{time.monotonic() - begin:.1f} s)."
            )
        )
