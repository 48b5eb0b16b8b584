"""The outbox (ADR 0005): one row per e-mail the product sends, written in the same
transaction as the change it reports and sent by the task queue after commit. The row
says what kind of message it is and what it is about; the app that registered the kind
writes the e-mail itself when it is sent (`registry.py`)."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Gemeente


class Bericht(models.Model):
    class Status(models.TextChoices):
        KLAARGEZET = "klaargezet", _("klaargezet, wordt verstuurd")
        VERZONDEN = "verzonden", _("verzonden")
        VERVALLEN = "vervallen", _("niet meer nodig, niet verstuurd")
        MISLUKT = "mislukt", _("niet verstuurd: de mailserver bleef weigeren")

    soort = models.CharField(_("soort"), max_length=60)
    aan = models.EmailField(_("aan"))
    gemeente = models.ForeignKey(Gemeente, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    onderwerp_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    onderwerp_id = models.PositiveBigIntegerField(null=True, blank=True)
    onderwerp = GenericForeignKey("onderwerp_type", "onderwerp_id")
    # Small values the kind's composer needs (a sequence number, a one-time link). Keys that
    # start with "_" are secrets: they are removed once the message is sent or given up.
    gegevens = models.JSONField(default=dict, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.KLAARGEZET)
    aangemaakt_op = models.DateTimeField(_("klaargezet op"), default=timezone.now)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    laatste_fout = models.CharField(_("laatste fout"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("uitgaand bericht")
        verbose_name_plural = _("uitgaande berichten")
        ordering = ["aangemaakt_op", "id"]
        indexes = [
            models.Index(fields=["aangemaakt_op"], name="bericht_wachtend", condition=models.Q(status="klaargezet")),
            models.Index(fields=["onderwerp_type", "onderwerp_id"], name="bericht_onderwerp"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} → {self.aan}"

    def get_soort_display(self) -> str:
        from .registry import label_van

        return label_van(self.soort)

    @property
    def wacht(self) -> bool:
        return self.status == self.Status.KLAARGEZET
