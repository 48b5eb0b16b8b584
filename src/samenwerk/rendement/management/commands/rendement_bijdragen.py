"""Store the figures the social-return report adds up, for every micro-analysis whose stored
figures are missing or stale: run once after upgrading to the release that added them
(docs/rendement.md). Idempotent."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenwerk.rendement.services_analyse import werk_bijdragen_bij


class Command(BaseCommand):
    help = "Bewaar de cijfers van het rendementsrapport bij elke micro-analyse waar ze ontbreken of verouderd zijn."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Micro-analyses bijgewerkt: {werk_bijdragen_bij()}")
