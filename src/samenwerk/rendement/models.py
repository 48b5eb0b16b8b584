"""The municipal price list of societal costs (domain.md §6), one per gemeente per year.

Modelled on the national Maatschappelijke Prijslijst: each item has a unit, a price, a
source and the law or budget it falls under. The micro-analysis per case (`Microanalyse`,
below) copies its prices and its weeks per year from the list of its year.
"""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Gemeente

from .berekening import Kostenregel
from .keuzes import WEKEN_PER_JAAR, Blok, Eenheid, Periode, Wet

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


# --- The micro-analysis of one case (domain.md §6) ------------------------------------------

WELZIJN = [
    MinValueValidator(1, _("Het welzijnscijfer is minimaal 1.")),
    MaxValueValidator(10, _("Het welzijnscijfer is maximaal 10.")),
]
NIET_NEGATIEF = MinValueValidator(Decimal(0), _("Vul 0 of meer in; een negatief getal kan niet."))
MOMENTEN = ["voor", "na", "herhaling"]  # the three wellbeing measurements, in order


class MicroanalyseQuerySet(models.QuerySet["Microanalyse"]):
    def met_regels(self) -> MicroanalyseQuerySet:
        return self.prefetch_related(models.Prefetch("regels", queryset=Kostenpost.objects.order_by("blok", "volgorde", "id")))

    def zonder_actuele_bijdrage(self) -> MicroanalyseQuerySet:
        """Analyses whose stored report figures are missing or belong to another version."""
        return self.exclude(Exists(Bijdrage.objects.filter(analyse=OuterRef("pk"), versie=OuterRef("versie"))))


class Microanalyse(models.Model):
    """The social return of one case: the resident's wellbeing before, after and at the
    repeat measurement, and the societal costs in five blocks. Personal data: only people
    who can open the case see it. It keeps the weeks per year and the prices it used, so a
    later change of the price list never changes it."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    casus = models.OneToOneField("casussen.Casus", on_delete=models.CASCADE, related_name="microanalyse", verbose_name=_("casus"))
    prijslijst = models.ForeignKey(
        Prijslijst, on_delete=models.PROTECT, related_name="analyses", verbose_name=_("prijslijst"), null=True, blank=True
    )
    datum = models.DateField(_("datum van de analyse"))
    weken_per_jaar = models.PositiveSmallIntegerField(
        _("weken per jaar"),
        validators=[MinValueValidator(1), MaxValueValidator(53)],
        help_text=_("Overgenomen uit de prijslijst toen de analyse werd gemaakt; blijft daarna gelijk."),
    )
    welzijn_voor = models.PositiveSmallIntegerField(_("welzijnscijfer vooraf (1-10)"), null=True, blank=True, validators=WELZIJN)
    welzijn_voor_toelichting = models.CharField(_("toelichting van de inwoner vooraf"), max_length=300, blank=True)
    welzijn_na = models.PositiveSmallIntegerField(_("welzijnscijfer achteraf (1-10)"), null=True, blank=True, validators=WELZIJN)
    welzijn_na_toelichting = models.CharField(_("toelichting van de inwoner achteraf"), max_length=300, blank=True)
    welzijn_herhaling = models.PositiveSmallIntegerField(
        _("welzijnscijfer bij de herhaalmeting (1-10)"), null=True, blank=True, validators=WELZIJN
    )
    welzijn_herhaling_toelichting = models.CharField(
        _("toelichting van de inwoner bij de herhaalmeting"), max_length=300, blank=True
    )
    herhaling_datum = models.DateField(
        _("datum van de herhaalmeting"), null=True, blank=True, help_text=_("6 tot 12 maanden na het afsluiten van de casus.")
    )
    scenario_niets_doen = models.TextField(
        _("wat was er gebeurd als we niets hadden gedaan?"),
        blank=True,
        help_text=_("Een aannemelijk scenario, bijvoorbeeld: huisuitzetting en opname in de crisisopvang."),
    )
    versie = models.PositiveIntegerField(_("versie"), default=1)
    aangemaakt_door = models.CharField(_("aangemaakt door"), max_length=200, editable=False)
    gewijzigd_door = models.CharField(_("gewijzigd door"), max_length=200, editable=False)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = MicroanalyseQuerySet.as_manager()

    class Meta:
        verbose_name = _("micro-analyse")
        verbose_name_plural = _("micro-analyses")
        indexes = [models.Index(fields=["gemeente", "datum"], name="analyse_gemeente_datum")]
        constraints = [
            models.CheckConstraint(
                condition=Q(welzijn_voor__isnull=True) | Q(welzijn_voor__gte=1, welzijn_voor__lte=10), name="analyse_welzijn_voor"
            ),
            models.CheckConstraint(
                condition=Q(welzijn_na__isnull=True) | Q(welzijn_na__gte=1, welzijn_na__lte=10), name="analyse_welzijn_na"
            ),
            models.CheckConstraint(
                condition=Q(welzijn_herhaling__isnull=True) | Q(welzijn_herhaling__gte=1, welzijn_herhaling__lte=10),
                name="analyse_welzijn_herhaling",
            ),
        ]

    def __str__(self) -> str:
        return _("Micro-analyse van %(casus)s") % {"casus": self.casus}

    def welzijn(self, moment: str) -> int | None:
        return getattr(self, f"welzijn_{moment}")  # type: ignore[no-any-return]


class Kostenpost(models.Model):
    """One line of a cost block: description, price (from the price list, copied, or a free
    price), quantity, how often, and the assumption behind it ("3 à 4 uur per week")."""

    analyse = models.ForeignKey(Microanalyse, on_delete=models.CASCADE, related_name="regels", verbose_name=_("analyse"))
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    blok = models.CharField(_("blok"), max_length=20, choices=Blok.choices)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    prijsitem = models.ForeignKey(
        Prijsitem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("item uit de prijslijst"),
        help_text=_("Leeg laten voor een vrije prijs."),
    )
    # A copy of what the price list said when the line was made: the list may change later.
    code = models.CharField(_("code in de prijslijst"), max_length=30, blank=True)
    prijslijst_jaar = models.PositiveSmallIntegerField(_("jaar van de prijslijst"), null=True, blank=True)
    prijs = models.DecimalField(_("prijs in euro"), max_digits=12, decimal_places=2, validators=[NIET_NEGATIEF])
    eenheid = models.CharField(_("eenheid"), max_length=10, choices=Eenheid.choices)
    wet = models.CharField(_("wet of budget"), max_length=20, choices=Wet.choices, default=Wet.ANDERS)
    aantal = models.DecimalField(_("aantal"), max_digits=10, decimal_places=2, default=Decimal(1), validators=[NIET_NEGATIEF])
    frequentie = models.DecimalField(
        _("hoe vaak"), max_digits=10, decimal_places=2, default=Decimal(1), validators=[NIET_NEGATIEF]
    )
    periode = models.CharField(_("per"), max_length=10, choices=Periode.choices, blank=True)
    toelichting = models.TextField(
        _("toelichting op de aanname"), max_length=2000, blank=True, help_text=_("Bijvoorbeeld: 3 à 4 uur per week.")
    )

    class Meta:
        verbose_name = _("kostenpost")
        verbose_name_plural = _("kostenposten")
        ordering = ["blok", "volgorde", "id"]
        indexes = [models.Index(fields=["analyse", "blok"], name="kostenpost_analyse_blok")]
        constraints = [
            models.CheckConstraint(condition=Q(prijs__gte=0, aantal__gte=0, frequentie__gte=0), name="kostenpost_niet_negatief"),
        ]

    def __str__(self) -> str:
        return f"{self.get_blok_display()}: {self.omschrijving}"

    def als_kostenregel(self) -> Kostenregel:
        """The line for the pure calculation (berekening.py)."""
        return Kostenregel(
            omschrijving=self.omschrijving,
            prijs=Decimal(self.prijs),
            eenheid=self.eenheid,
            aantal=Decimal(self.aantal),
            frequentie=Decimal(self.frequentie),
            periode=Periode.EENMALIG if self.blok == Blok.EENMALIG else (self.periode or None),
            wet=self.wet,
            code=self.code,
        )


def _bedrag(naam: str, **kwargs: object) -> models.BigIntegerField:
    return models.BigIntegerField(naam, **kwargs)  # type: ignore[arg-type]


class Bijdrage(models.Model):
    """What one analysis adds to the social-return report (analyse.bijdrage_van), stored by
    the services whenever the analysis or its lines change, for the analysis's version
    `versie`. The report adds these up in the database instead of recomputing thousands of
    analyses per request, and recomputes any analysis whose stored version differs.

    Amounts are whole numbers of millionths of a euro: every amount of an analysis is one
    (prices, quantities and frequencies have two decimals, weeks are whole), and whole
    numbers add up exactly on every database, where decimals would become floating point on
    SQLite."""

    analyse = models.OneToOneField(Microanalyse, on_delete=models.CASCADE, primary_key=True, related_name="bijdrage")
    versie = models.PositiveIntegerField()
    telt_na = models.BooleanField(help_text="Costs before and after: counts for the difference after.")
    telt_herhaling = models.BooleanField(help_text="Costs before and at the repeat measurement.")
    kosten_voor = _bedrag("kosten per jaar vooraf (1)")
    eenmalig = _bedrag("eenmalige investering (2)")
    kosten_na = _bedrag("kosten per jaar achteraf (3)")
    verschil_na = _bedrag("verschil (1) − (3) − (2)")
    kosten_herhaling = _bedrag("kosten per jaar bij de herhaalmeting (3b)", null=True)
    verschil_herhaling = _bedrag("verschil (1) − (3b) − (2)", null=True)
    # (1) − (3) − (2) per law or budget: one column per Wet (a test fails when a Wet has none).
    verschil_wmo = _bedrag("verschil Wmo")
    verschil_zvw = _bedrag("verschil Zvw")
    verschil_wlz = _bedrag("verschil Wlz")
    verschil_participatiewet = _bedrag("verschil Participatiewet")
    verschil_jeugdwet = _bedrag("verschil Jeugdwet")
    verschil_anders = _bedrag("verschil anders")

    class Meta:
        verbose_name = _("bijdrage aan het rapport")
        verbose_name_plural = _("bijdragen aan het rapport")

    def __str__(self) -> str:
        return f"{self.analyse_id} v{self.versie}"
