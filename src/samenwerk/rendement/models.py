"""The municipal price list of societal costs (domain.md §6), one per gemeente per year.

Modelled on the national Maatschappelijke Prijslijst: each item has a unit, a price, a
source and the law or budget it falls under. The micro-analysis per case (later, with the
Casus) takes its prices and its weeks per year from the list of its year.
"""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Gemeente

from .keuzes import WEKEN_PER_JAAR, Eenheid, Wet

EERSTE_JAAR, LAATSTE_JAAR = 2000, 2100
ITEMVELDEN = ["code", "omschrijving", "eenheid", "prijs", "wet", "bron"]
CODE_VALIDATOR = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$", _("Een code bestaat uit letters, cijfers, punten, streepjes en liggende streepjes.")
)


class PrijslijstQuerySet(models.QuerySet["Prijslijst"]):
    def met_aantal_items(self) -> PrijslijstQuerySet:
        return self.annotate(aantal_items=models.Count("items"))


class Prijslijst(models.Model):
    """The price list of one municipality for one year."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="prijslijsten", verbose_name=_("gemeente"))
    jaar = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(EERSTE_JAAR), MaxValueValidator(LAATSTE_JAAR)]
    )
    weken_per_jaar = models.PositiveSmallIntegerField(
        _("weken per jaar"),
        default=WEKEN_PER_JAAR,
        validators=[MinValueValidator(1), MaxValueValidator(53)],
        help_text=_(
            "Hoe vaak een wekelijkse kostenpost per jaar meetelt, meestal 42 (vakanties niet meegerekend). "
            "Een analyse bewaart het getal dat gold toen zij werd gemaakt."
        ),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    bijgewerkt_door = models.CharField(_("bijgewerkt door"), max_length=200, blank=True, editable=False)

    objects = PrijslijstQuerySet.as_manager()

    class Meta:
        verbose_name = _("prijslijst")
        verbose_name_plural = _("prijslijsten")
        ordering = ["gemeente__naam", "-jaar"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "jaar"], name="prijslijst_een_per_gemeente_per_jaar")]

    def __str__(self) -> str:
        return _("Prijslijst %(jaar)s van %(gemeente)s") % {"jaar": self.jaar, "gemeente": self.gemeente}


class Prijsitem(models.Model):
    """One price of the list: "uur maatschappelijk werk, € 80,00 per uur, Wmo"."""

    prijslijst = models.ForeignKey(Prijslijst, on_delete=models.CASCADE, related_name="items", verbose_name=_("prijslijst"))
    code = models.CharField(
        _("code"),
        max_length=30,
        validators=[CODE_VALIDATOR],
        help_text=_("Korte, vaste naam van het item, uniek in de lijst, bijvoorbeeld MW-UUR. Wordt in hoofdletters bewaard."),
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    eenheid = models.CharField(_("eenheid"), max_length=10, choices=Eenheid.choices)
    prijs = models.DecimalField(
        _("prijs in euro"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"), _("De prijs moet hoger zijn dan € 0,00."))],
    )
    bron = models.CharField(_("bron"), max_length=200, blank=True, help_text=_("Waar komt de prijs vandaan?"))
    wet = models.CharField(_("wet of budget"), max_length=20, choices=Wet.choices)

    class Meta:
        verbose_name = _("prijsitem")
        verbose_name_plural = _("prijsitems")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["prijslijst", "code"],
                name="prijsitem_code_uniek_in_lijst",
                violation_error_message=_("Deze code komt al voor in de prijslijst."),
            ),
            models.CheckConstraint(condition=Q(prijs__gt=0), name="prijsitem_prijs_positief"),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.omschrijving}"

    def clean_fields(self, exclude: Collection[str] | None = None) -> None:
        self.code = normaliseer_code(self.code)  # before the validators see it
        super().clean_fields(exclude=exclude)


def normaliseer_code(code: str) -> str:
    """Codes are compared and stored in capitals without surrounding spaces: 'mw-uur ' is MW-UUR."""
    return (code or "").strip().upper()
