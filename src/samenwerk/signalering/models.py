"""Signals (`Signalering`, not "Signal": style.md §2) and the daily e-mail digests.

One row per (kind, subject, recipient). The engine (engine.py) opens, updates and closes
rows; people handle or snooze them (services.py). Rows hold no personal data: a case
number, a kind, a date and a short fixed text."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.casussen.models import Casus, zichtbaar_voor
from samenwerk.gemeenten.models import Gemeente


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    UITGESTELD = "uitgesteld", _("Uitgesteld")
    AFGEHANDELD = "afgehandeld", _("Afgehandeld")
    VERVALLEN = "vervallen", _("Vervallen")


ACTIEF = (Status.OPEN, Status.UITGESTELD)  # the engine keeps these in step with the rules


class Digest(models.Model):
    """One daily e-mail to one person: which signals it counted. Whether and when it went
    out is the outbox's business (`berichten`, ADR 0005)."""

    ontvanger = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    berichten = GenericRelation(
        "berichten.Bericht", content_type_field="onderwerp_type", object_id_field="onderwerp_id", related_query_name="digest"
    )

    class Meta:
        verbose_name = _("dagelijkse e-mail")
        verbose_name_plural = _("dagelijkse e-mails")

    def __str__(self) -> str:
        return f"{self.ontvanger_id} {self.aangemaakt_op:%d-%m-%Y}"


class SignaleringQuerySet(models.QuerySet["Signalering"]):
    def voor(self, user: object) -> SignaleringQuerySet:
        """Someone's own signals: about cases they can open now (access may have ended since),
        and those about no case (a table, a session, a dilemma) in a municipality where they
        hold a role now."""
        # Casus.objects.for_user without the case table: a signal's municipality is its case's.
        if not getattr(user, "is_authenticated", False) or not user.is_active:  # type: ignore[attr-defined]
            return self.none()
        zonder_casus = Q(casus__isnull=True, gemeente__in=user.gemeenten())  # type: ignore[attr-defined]
        return self.filter(zichtbaar_voor(user, casus="casus") | zonder_casus, ontvanger_id=user.pk)  # type: ignore[attr-defined]

    def actief(self) -> SignaleringQuerySet:
        return self.filter(status=Status.OPEN)


class Signalering(models.Model):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    # Empty for a signal about no case (a table without a meeting, a dilemma): its rule's `link` leads there.
    casus = models.ForeignKey(
        Casus, on_delete=models.CASCADE, null=True, blank=True, related_name="signaleringen", verbose_name=_("casus")
    )
    soort = models.CharField(_("soort"), max_length=60)  # a rule's code; rules of other apps add kinds
    onderwerp_type = models.CharField(max_length=60)  # "app_label.model"
    onderwerp_id = models.PositiveBigIntegerField()
    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signaleringen", verbose_name=_("voor")
    )
    vervaldatum = models.DateField(_("datum"))
    tekst = models.CharField(_("omschrijving"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    geopend_op = models.DateTimeField(_("gesignaleerd op"), default=timezone.now)
    uitgesteld_tot = models.DateField(_("uitgesteld tot"), null=True, blank=True)
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    notitie = models.TextField(_("notitie"), blank=True)
    vervallen_op = models.DateTimeField(_("vervallen op"), null=True, blank=True)
    digest = models.ForeignKey(Digest, on_delete=models.SET_NULL, null=True, blank=True, related_name="signaleringen")

    objects = SignaleringQuerySet.as_manager()

    class Meta:
        verbose_name = _("signalering")
        verbose_name_plural = _("signaleringen")
        ordering = ["vervaldatum", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "onderwerp_type", "onderwerp_id", "ontvanger"], name="signalering_een_per_ontvanger"
            ),
            models.CheckConstraint(
                condition=~Q(status="uitgesteld") | Q(uitgesteld_tot__isnull=False), name="signalering_uitgesteld_tot"
            ),
        ]
        indexes = [
            # With the case: the menu's counter (Signalering.objects.voor) from the index alone.
            models.Index(fields=["ontvanger", "gemeente", "status", "casus"], name="sig_ontvanger_status_casus"),
            models.Index(fields=["gemeente", "status", "soort"], name="sig_gemeente_status_soort"),
            models.Index(fields=["ontvanger", "digest", "status"], name="sig_ontvanger_digest"),
        ]

    def __str__(self) -> str:
        return f"{self.soort} {self.onderwerp_type}#{self.onderwerp_id} → {self.ontvanger_id}"
