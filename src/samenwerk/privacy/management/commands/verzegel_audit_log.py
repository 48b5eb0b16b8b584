"""Seal the access log's new rows (privacy.zegels). Once, or with `--blijf` every `--interval`
seconds as a service (deploy/systemd/samenwerk-zegelaar.service, and `make demo`)."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from samenwerk.privacy.zegels import verzegel

logger = logging.getLogger("samenwerk.privacy")


class Command(BaseCommand):
    help = "Verzegelt de nieuwe rijen van het toegangslog per keten."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--blijf", action="store_true", help="Blijf draaien en verzegel elke --interval seconden.")
        parser.add_argument("--interval", type=float, default=5.0)

    def handle(self, *args: Any, blijf: bool = False, interval: float = 5.0, **options: Any) -> None:
        while True:
            uitkomst = verzegel()
            if not blijf:
                self.stdout.write(f"{uitkomst.rijen} rij(en) verzegeld in {uitkomst.zegels} zegel(s), tot rij {uitkomst.tot_id}.")
                return
            if uitkomst.rijen:
                logger.info("access log sealed", extra={"rijen": uitkomst.rijen, "zegels": uitkomst.zegels})
            close_old_connections()
            time.sleep(interval)
