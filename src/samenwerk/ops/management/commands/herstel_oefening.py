"""`manage.py herstel_oefening BACKUPDIR`: the restore drill (samenwerk.ops.herstel). Exits
non-zero when any check fails; prints the report (JSON with --json)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from samenwerk.ops import herstel


class Command(BaseCommand):
    help = "Herstelt een back-up in een nieuwe database en controleert die (rijen, toegangslog, een casus)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("backup", type=Path)
        parser.add_argument("--casus", type=int, help="de casus die geopend moet worden (standaard: één met casusregisseur)")
        parser.add_argument("--bewaar", action="store_true", help="laat de herstelde PostgreSQL-database staan")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, backup: Path, casus: int | None, bewaar: bool, **options: Any) -> None:
        with tempfile.TemporaryDirectory(prefix="samenwerk-herstel-") as werkmap:
            rapport = herstel.oefen(backup, Path(werkmap), casus=casus, bewaar=bewaar)
        if options["json"]:
            self.stdout.write(json.dumps(rapport, indent=2, sort_keys=True))
        else:
            self.stdout.write(
                f"Hersteld in {rapport['herstel_seconden']} s, gecontroleerd in {rapport['controle_seconden']} s "
                f"(totaal {rapport['totaal_seconden']} s): {rapport['tabellen']} tabellen met {rapport['rijen']} rijen, "
                f"verschillen: {len(rapport['verschillen'])}; toegangslog: {rapport['toegangslog_rijen']} rijen, "
                f"breuken: {len(rapport['breuken'])}; casus {rapport['casus']} geopend: {rapport['casus_geopend']}."
            )
        if not rapport["geslaagd"]:
            raise CommandError("De herstel-oefening is NIET geslaagd.")
