"""Periodic work for meetings (run it every hour, e.g. from cron or a systemd timer):
invitees who did not answer by the reply date are reported to the gebiedsaanjager, and any
e-mail still waiting in the outbox (after a mail-server outage) is queued again — the
same as `berichten_versturen`, kept here so existing timers keep working. Running it
twice does nothing twice."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from samenwerk.berichten.verzending import verstuur_wachtende
from samenwerk.overleg.antwoorden import bewaak_antwoorden


class Command(BaseCommand):
    help = "Meldt genodigden die niet op tijd antwoordden en biedt e-mail die nog wacht opnieuw aan."

    def handle(self, *args: object, **options: object) -> None:
        gemeld = bewaak_antwoorden()
        wachtend = verstuur_wachtende()
        self.stdout.write(
            f"Overleggen bewaakt: {len(gemeld)} genodigden zonder antwoord gemeld aan de gebiedsaanjager, "
            f"{wachtend} e-mails die bleven liggen opnieuw aangeboden."
        )
