"""The evaluatietafel (domain.md §7): the twelve steps × three questions, one cell each,
filled by the notulist while the table talks."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Evaluatietafel(models.Model):
    tafel = models.OneToOneField("leren.Leertafel", on_delete=models.CASCADE, related_name="evaluatie", verbose_name=_("tafel"))
    inbreng = models.ForeignKey(
        "leren.Casusinbreng", on_delete=models.SET_NULL, null=True, blank=True, related_name="evaluaties",
        verbose_name=_("ingebrachte casus"),
    )  # fmt: skip
    algemeen = models.BooleanField(_("over algemene successen"), default=False)
    gespreksleider = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("gespreksleider"),
    )  # fmt: skip
    notulist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("notulist"),
    )  # fmt: skip
    tijdbewaker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("tijdbewaker"),
    )  # fmt: skip
    # Who sat at the table, recorded "voor de terugkoppeling" (at most Normen.evaluatietafel_max).
    aanwezigen = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("aanwezigen (voor de terugkoppeling)")
    )
    versie = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("evaluatietafel")
        verbose_name_plural = _("evaluatietafels")

    def __str__(self) -> str:
        return str(self.tafel)


class Evaluatiecel(models.Model):
    """One cell: step 1-12 × question (wat doe je / wat gaat goed / wat is nodig)."""

    class Vraag(models.TextChoices):
        WAT_DOE_JE = "wat_doe_je", _("Wat doe je, hoe doe je dat?")
        WAT_GAAT_GOED = "wat_gaat_goed", _("Wat gaat daarin goed?")
        WAT_NODIG = "wat_nodig", _("Wat is er nog nodig?")

    evaluatietafel = models.ForeignKey(Evaluatietafel, on_delete=models.CASCADE, related_name="cellen")
    stap = models.PositiveSmallIntegerField(_("stap"))
    vraag = models.CharField(_("vraag"), max_length=20, choices=Vraag.choices)
    tekst = models.TextField(_("tekst"), blank=True)
    versie = models.PositiveIntegerField(default=0)
    gewijzigd_op = models.DateTimeField(default=timezone.now)
    gewijzigd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("cel van de evaluatietafel")
        verbose_name_plural = _("cellen van de evaluatietafel")
        ordering = ["evaluatietafel", "stap", "vraag"]
        constraints = [
            models.UniqueConstraint(fields=["evaluatietafel", "stap", "vraag"], name="evaluatiecel_uniek"),
            models.CheckConstraint(condition=models.Q(stap__gte=1, stap__lte=12), name="evaluatiecel_stap_1_12"),
        ]

    def __str__(self) -> str:
        return f"{self.stap}/{self.vraag}"
