"""`manage.py backup DIR`: database (pg_dump custom format or SQLite's online backup), the
access log's anchors and uploaded files, and a manifest with every table's row count."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from samenwerk.ops import backup


class Command(BaseCommand):
    help = "Maakt een back-up: database, ankers van het toegangslog, bestanden en een manifest."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("doel", type=Path, help="een lege of nieuwe map")

    def handle(self, *args: Any, doel: Path, **options: Any) -> None:
        manifest = backup.maak(doel)
        rijen = sum(manifest["tabellen"].values())
        self.stdout.write(f"Back-up in {doel}: {len(manifest['tabellen'])} tabellen, {rijen} rijen, {manifest['seconden']} s.")
        if options["verbosity"] > 1:
            self.stdout.write(json.dumps(manifest, indent=2))
