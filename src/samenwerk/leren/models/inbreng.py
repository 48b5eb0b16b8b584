"""A case brought to a learning table (domain.md §7, §8): only with the resident's consent
for that purpose, de-identified in the task worker, reviewed by the professional before it
is shared. The original stays in the case; withdrawing consent removes the link."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.casussen.models import Casus
from samenwerk.gemeenten.models import Gemeente


class CasusinbrengQuerySet(models.QuerySet["Casusinbreng"]):
    def for_user(self, user: object) -> CasusinbrengQuerySet:
        """What this person may open: their own contributions (any status), and shared copies
        at a table they sit at (registered for its session and seated there, not cancelled),
        lead, or facilitate as the session's gebiedsaanjager (leren/inbreng/docs)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        from .sessies import Deelname

        aan_tafel = Deelname.objects.filter(user=user, afgemeld_op__isnull=True, tafel__isnull=False).values("tafel_id")
        gedeeld = models.Q(status__in=[Casusinbreng.Status.GEDEELD, Casusinbreng.Status.INGETROKKEN], gedeeld_op__isnull=False)
        tafel = models.Q(tafel_id__in=aan_tafel) | models.Q(tafel__gespreksleider=user) | models.Q(tafel__sessie__aanjager=user)
        return self.filter(models.Q(ingebracht_door=user) | (gedeeld & tafel))


class Casusinbreng(models.Model):
    class Doel(models.TextChoices):
        CASUSTAFEL = "casustafel", _("Casustafel (actieleren)")
        EVALUATIETAFEL = "evaluatietafel", _("Evaluatietafel")

    class Status(models.TextChoices):
        WACHT = "wacht", _("Wordt zonder namen gemaakt")
        TE_BEOORDELEN = "te_beoordelen", _("Te beoordelen")
        GEDEELD = "gedeeld", _("Gedeeld")
        INGETROKKEN = "ingetrokken", _("Ingetrokken")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    casus = models.ForeignKey(
        Casus, on_delete=models.SET_NULL, null=True, blank=True, related_name="leerinbrengen", verbose_name=_("casus")
    )
    ingebracht_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("ingebracht door")
    )
    doel = models.CharField(_("voor"), max_length=20, choices=Doel.choices)
    tafel = models.ForeignKey(
        "leren.Leertafel", on_delete=models.SET_NULL, null=True, blank=True, related_name="inbrengen", verbose_name=_("tafel")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WACHT)
    tekst = models.TextField(_("tekst zonder namen"), blank=True)
    # The text as the professional wrote it, only until it is shared (then emptied): the
    # review shows it beside the de-identified text; the shared copy never keeps it.
    brontekst = models.TextField(_("tekst zoals geschreven"), blank=True)
    vervangingen = models.JSONField(_("vervangingen"), default=list, blank=True)
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    gedeeld_op = models.DateTimeField(_("gedeeld op"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    versie = models.PositiveIntegerField(default=0)

    objects = CasusinbrengQuerySet.as_manager()

    class Meta:
        verbose_name = _("ingebrachte casus")
        verbose_name_plural = _("ingebrachte casussen")
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [
            models.Index(fields=["gemeente", "status"], name="inbreng_gemeente_status"),
            models.Index(fields=["ingebracht_door", "-aangemaakt_op"], name="inbreng_door"),
        ]

    def __str__(self) -> str:
        return f"{self.get_doel_display()} #{self.pk}"
