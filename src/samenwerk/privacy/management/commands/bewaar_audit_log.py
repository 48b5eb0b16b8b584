"""The access log's months (daily): create the coming months' tables ahead, and remove whole
months whose rows are all older than the retention period (SAMENWERK_AUDIT_BEWAARTERMIJN_JAREN,
at least five). `--droog`: only say what would go."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from samenwerk.privacy import partities


class Command(BaseCommand):
    help = "Maakt de komende maanden van het toegangslog aan en voert maanden af die de bewaartermijn voorbij zijn."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--droog", action="store_true", help="Alleen laten zien wat zou worden afgevoerd.")

    def handle(self, *args: Any, droog: bool = False, **options: Any) -> None:
        try:
            grens = partities.grens()
        except ValueError as fout:
            raise CommandError(str(fout)) from fout
        if not droog:
            for naam in partities.maak_vooruit():
                self.stdout.write(f"Aangemaakt: {naam}.")
        afgevoerd = partities.voer_af(droog=droog)
        for stap in afgevoerd:
            a = stap.afvoer
            wat = f"{a.partitie} ({a.rijen} rijen)" if a.partitie else f"{a.rijen} rijen van voor {a.tot:%Y-%m-%d}"
            if stap.seconden is None:
                self.stdout.write(f"Zou afvoeren: {wat}.")
            else:
                self.stdout.write(f"Afgevoerd: {wat} in {stap.seconden:.2f} s.")
        termijn = f"{partities.bewaartermijn_jaren()} jaar: alles van voor {grens:%Y-%m-%d} (UTC)"
        if not afgevoerd:
            self.stdout.write(self.style.SUCCESS(f"Niets af te voeren (bewaartermijn {termijn})."))
        elif not droog:
            self.stdout.write(self.style.SUCCESS(f"{len(afgevoerd)} keer afgevoerd (bewaartermijn {termijn})."))
