"""The certificate of participation and its Open Badge 3.0 credential, and the signing keys
of a municipality (docs/leertraject.md: how a badge is signed, published and revoked)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Gemeente

from .traject import Deelnemer


class Badgesleutel(models.Model):
    """An ES256 key pair of a municipality. The private key is kept encrypted
    (privacy.geheimen); the public key stays published after retirement, so badges signed
    with it keep verifying."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    kid = models.CharField(_("sleutel-id"), max_length=100, unique=True)
    publiek = models.JSONField(_("publieke sleutel (JWK)"))
    privaat_versleuteld = models.TextField(editable=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    uitgefaseerd_op = models.DateTimeField(_("uitgefaseerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("badgesleutel")
        verbose_name_plural = _("badgesleutels")
        ordering = ["gemeente", "-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["gemeente", "uitgefaseerd_op"], name="badgesleutel_actief")]

    def __str__(self) -> str:
        return self.kid


class Certificaat(models.Model):
    """Issued when attendance and assignments meet the course's rule, or when a trainer
    overrode the rule with a reason. Revocation keeps the row: a revoked badge verifies as
    revoked, with its date."""

    deelnemer = models.OneToOneField(Deelnemer, on_delete=models.CASCADE, related_name="certificaat", verbose_name=_("deelnemer"))
    badge_id = models.UUIDField(_("badge-id"), default=uuid.uuid4, unique=True, editable=False)
    uitgegeven_op = models.DateTimeField(_("uitgegeven op"), default=timezone.now)
    uitgegeven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uitgegeven door")
    )
    regel_gehaald = models.BooleanField(_("regel gehaald"))
    afwijkreden = models.TextField(_("reden om van de regel af te wijken"), blank=True)
    sleutel = models.ForeignKey(Badgesleutel, on_delete=models.PROTECT, related_name="+", verbose_name=_("sleutel"))
    jws = models.TextField(_("ondertekende badge (compacte JWS)"), editable=False)
    credential = models.JSONField(_("badge (Open Badge 3.0)"), editable=False)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    intrekreden = models.TextField(_("reden van intrekken"), blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("ingetrokken door"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("certificaat")
        verbose_name_plural = _("certificaten")
        ordering = ["-uitgegeven_op", "-id"]

    def __str__(self) -> str:
        return str(self.badge_id)
