"""When each periodic command last ran (written by `manage.py periodiek <command>`, which the
systemd timers in deploy/ call). No personal data."""

from __future__ import annotations

from django.db import models


class PeriodiekeRun(models.Model):
    commando = models.CharField(max_length=100, unique=True)
    laatst_gestart = models.DateTimeField()
    laatst_geslaagd = models.DateTimeField(null=True, blank=True)
    laatst_mislukt = models.DateTimeField(null=True, blank=True)
    duur_seconden = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["commando"]

    def __str__(self) -> str:
        return self.commando
