"""Run a periodic command and record when it ran and whether it succeeded, for the health
endpoint and the metrics: `manage.py periodiek signaleer` (deploy/systemd calls it this way).
Only the commands in settings.PERIODIEKE_COMMANDOS; the exit status is the command's."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from samenwerk.ops.models import PeriodiekeRun

logger = logging.getLogger("samenwerk.ops")


class Command(BaseCommand):
    help = "Voert een periodieke opdracht uit en legt vast wanneer die liep (voor /gezondheid/)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("commando", choices=sorted(settings.PERIODIEKE_COMMANDOS))
        parser.add_argument("argumenten", nargs="*")

    def handle(self, *args: Any, commando: str, argumenten: list[str], **options: Any) -> None:
        start = time.monotonic()
        PeriodiekeRun.objects.update_or_create(commando=commando, defaults={"laatst_gestart": timezone.now()})
        try:
            call_command(commando, *argumenten, verbosity=options["verbosity"])
        except BaseException as error:
            PeriodiekeRun.objects.filter(commando=commando).update(
                laatst_mislukt=timezone.now(), duur_seconden=time.monotonic() - start
            )
            logger.error("periodic command failed", extra={"commando": commando, "fout": type(error).__name__})
            raise CommandError(f"{commando} failed: {type(error).__name__}") from error
        duur = time.monotonic() - start
        PeriodiekeRun.objects.filter(commando=commando).update(laatst_geslaagd=timezone.now(), duur_seconden=duur)
        logger.info("periodic command finished", extra={"commando": commando, "duur_seconden": round(duur, 3)})
