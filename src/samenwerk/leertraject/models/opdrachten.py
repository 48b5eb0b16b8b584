"""A participant's hand-in of one assignment (A-K) and the trainer's feedback on it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..inhoud import CODES
from .traject import Deelnemer


class Inlevering(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Nog niet ingeleverd")
        INGELEVERD = "ingeleverd", _("Ingeleverd, wacht op feedback")
        AANVULLEN = "aanvullen", _("Feedback: graag aanvullen")
        AKKOORD = "akkoord", _("Akkoord")

    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="inleveringen", verbose_name=_("deelnemer"))
    opdracht = models.CharField(_("opdracht"), max_length=1, choices=CODES)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    tekst = models.TextField(_("tekst"), blank=True)
    # Files are small (at most 5 MB, a few types) and belong to the participant: kept with the
    # row so they are deleted with it and are only ever served through the permission check.
    bestand = models.BinaryField(_("bestand"), null=True, blank=True, editable=False)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200, blank=True)
    bestandstype = models.CharField(max_length=100, blank=True)
    deelname = models.ForeignKey(
        "leren.Deelname", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("bezochte leersessie"),
    )  # fmt: skip
    casus = models.ForeignKey(
        "casussen.Casus", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("casus met het eerste Samenwerkplan"),
    )  # fmt: skip
    ingeleverd_op = models.DateTimeField(_("ingeleverd op"), null=True, blank=True)
    feedback = models.TextField(_("feedback"), blank=True)
    feedback_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("feedback van"),
    )  # fmt: skip
    feedback_op = models.DateTimeField(_("feedback op"), null=True, blank=True)
    versie = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("inlevering")
        verbose_name_plural = _("inleveringen")
        ordering = ["deelnemer", "opdracht"]
        constraints = [models.UniqueConstraint(fields=["deelnemer", "opdracht"], name="inlevering_uniek")]
        indexes = [models.Index(fields=["deelnemer", "status"], name="inlevering_status")]

    def __str__(self) -> str:
        return f"{self.deelnemer_id} {self.opdracht}"
