"""Seal what is ready and append a signed anchor of every access-log chain whose seals grew
(run every few minutes)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from samenwerk.privacy.ankers import pad, schrijf_ankers


class Command(BaseCommand):
    help = "Verzegelt wat klaar is en schrijft een ondertekend anker van elke keten naar SAMENWERK_AUDIT_ANCHOR_DIR."

    def handle(self, *args: Any, **options: Any) -> None:
        nieuw, breuken = schrijf_ankers()
        for anker in nieuw:
            self.stdout.write(f"Keten {anker.chain}: anker bij zegel {anker.positie}.")
        for breuk in breuken:
            self.stderr.write(f"Keten {breuk.chain}, {breuk.plek}: {breuk.reden}")
        if breuken:
            raise CommandError(f"Niet verankerd: het toegangslog is niet intact ({len(breuken)} fout(en)).")
        self.stdout.write(self.style.SUCCESS(f"{len(nieuw)} anker(s) toegevoegd aan {pad()}."))
