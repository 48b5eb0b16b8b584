"""AVE levels and their history, the responsibilities per level, the procesregisseur's
recorded actions and external care signals (domain.md §1, §4). Every row carries its gemeente."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerk.casussen.models import Betrokkene, Casus
from samenwerk.gemeenten.models import Gemeente


class Niveau(models.IntegerChoices):
    AVE1 = 1, _("AVE 1 – preventie: problemen vroeg gesignaleerd")
    AVE2 = 2, _("AVE 2 – hulp nodig: een plan wordt gemaakt en uitgevoerd")
    AVE3 = 3, _("AVE 3 – complex, over domeinen heen; samenwerking stokt of veiligheid in het geding")
    AVE4 = 4, _("AVE 4 – totale escalatie: gevaar, maatschappelijke onrust of media-aandacht")


class AveVerantwoordelijkheid(models.Model):
    """One row of a municipality's AVE table (domain.md §4). Levels without a row use
    `STANDAARD`; the functioneel beheerder edits the rows in beheer."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    niveau = models.PositiveSmallIntegerField(_("niveau"), choices=Niveau.choices)
    situatie = models.CharField(_("situatie"), max_length=200)
    casusregie = models.CharField(_("casusregie"), max_length=200, blank=True)
    procesregie = models.CharField(_("procesregie"), max_length=200, blank=True)
    operationeel = models.CharField(_("operationeel verantwoordelijk"), max_length=200)
    bestuurlijk = models.CharField(_("bestuurlijk verantwoordelijk"), max_length=200)

    class Meta:
        verbose_name = _("AVE-verantwoordelijkheid")
        verbose_name_plural = _("AVE-tabel")
        ordering = ["gemeente__naam", "niveau"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "niveau"], name="ave_niveau_uniek_per_gemeente")]

    def __str__(self) -> str:
        return f"AVE {self.niveau} ({self.gemeente})"


# domain.md §4, as the defaults for a municipality that has not filled in its own table.
STANDAARD: dict[int, dict[str, Any]] = {
    1: {
        "situatie": _("Preventie; problemen worden vroeg gesignaleerd"),
        "casusregie": "",
        "procesregie": "",
        "operationeel": _("Diverse organisaties"),
        "bestuurlijk": _("Wethouder"),
    },
    2: {
        "situatie": _("Mensen hebben hulp nodig; een plan wordt gemaakt en uitgevoerd"),
        "casusregie": _("De professional bij wie het zwaartepunt van de zorg ligt"),
        "procesregie": _("Sociaal wijkteam"),
        "operationeel": _("Managers van zorgorganisaties"),
        "bestuurlijk": _("Wethouder"),
    },
    3: {
        "situatie": _("Complex, over domeinen heen; samenwerking niet effectief of vastgelopen; veiligheid in het geding"),
        "casusregie": _("Sociaal wijkteam"),
        "procesregie": _(
            "Gemeentelijk adviseurs zorg en veiligheid (of het Zorg- en Veiligheidshuis bij strafrechtelijke maatregelen)"
        ),
        "operationeel": _("Managers en gemeentesecretaris"),
        "bestuurlijk": _("Wethouder / burgemeester"),
    },
    4: {
        "situatie": _("Totale escalatie; gevaar; maatschappelijke onrust; media-aandacht"),
        "casusregie": _("Adviseur zorg en veiligheid"),
        "procesregie": _("Teamleider veiligheid"),
        "operationeel": _("Gemeente, gemeentesecretaris"),
        "bestuurlijk": _("Burgemeester"),
    },
}


class Niveauwijziging(models.Model):
    """One change of a case's AVE level: date, reason and who decided. Never edited; the
    latest row is the case's level now."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="ave_wijzigingen", verbose_name=_("casus"))
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    van = models.PositiveSmallIntegerField(_("van niveau"), choices=Niveau.choices, null=True, blank=True)
    naar = models.PositiveSmallIntegerField(
        _("naar niveau"), choices=Niveau.choices, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    reden = models.TextField(_("reden"))
    datum = models.DateField(_("datum van het besluit"), default=timezone.localdate)
    besloten_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    besloten_door_naam = models.CharField(_("besloten door"), max_length=200)
    rol = models.CharField(_("rol in de casus"), max_length=20, blank=True)
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("wijziging van het AVE-niveau")
        verbose_name_plural = _("wijzigingen van het AVE-niveau")
        ordering = ["-vastgelegd_op", "-id"]
        indexes = [models.Index(fields=["casus", "-vastgelegd_op"], name="ave_casus_tijd")]

    def __str__(self) -> str:
        return f"AVE {self.van or '–'} → {self.naar} ({self.datum})"

    @property
    def richting(self) -> str:
        if self.van is None:
            return str(_("vastgesteld"))
        return str(_("escalatie") if self.naar > self.van else _("afschaling"))


class RegiehandelingQuerySet(models.QuerySet["Regiehandeling"]):
    def escalaties(self) -> RegiehandelingQuerySet:
        """What the dilemma flow of the managers and executives reads."""
        return self.filter(soort=Regiehandeling.Soort.ESCALATIE)


class Regiehandeling(models.Model):
    """What happens in procesregie: opschalen (the casusregisseur adds a procesregisseur),
    and the procesregisseur calling the participants together, deciding, escalating to
    management or board, and stepping down (domain.md §1)."""

    class Soort(models.TextChoices):
        OPSCHALING = "opschaling", _("Opgeschaald: procesregisseur toegevoegd")
        BIJEENROEPING = "bijeenroeping", _("Deelnemers bijeengeroepen")
        BESLUIT = "besluit", _("Besluit van de procesregisseur")
        ESCALATIE = "escalatie", _("Geëscaleerd")
        TERUGTREDING = "terugtreding", _("Procesregisseur teruggetreden")

    class Reden(models.TextChoices):
        SAMENWERKING_STOKT = "samenwerking_stokt", _("De samenwerking stokt")
        HULP_NIET_EFFECTIEF = "hulp_niet_effectief", _("De hulp is niet effectief")
        ESCALATIE_DREIGT = "escalatie_dreigt", _("Escalatie dreigt")

    class Escalatieniveau(models.TextChoices):
        MANAGER = "manager", _("Management")
        BESTUURDER = "bestuurder", _("Bestuur")

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="regiehandelingen", verbose_name=_("casus"))
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    procesregisseur = models.ForeignKey(
        Betrokkene, on_delete=models.PROTECT, related_name="regiehandelingen", verbose_name=_("procesregisseur")
    )
    reden = models.CharField(_("reden van opschalen"), max_length=30, choices=Reden.choices, blank=True)
    escalatieniveau = models.CharField(_("escaleren naar"), max_length=20, choices=Escalatieniveau.choices, blank=True)
    datum = models.DateField(_("datum"), default=timezone.localdate)
    tekst = models.TextField(_("tekst"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    door_naam = models.CharField(_("door"), max_length=200)
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    objects = RegiehandelingQuerySet.as_manager()

    class Meta:
        verbose_name = _("regiehandeling")
        verbose_name_plural = _("regiehandelingen")
        ordering = ["-vastgelegd_op", "-id"]
        indexes = [
            models.Index(fields=["casus", "-vastgelegd_op"], name="regiehandeling_casus_tijd"),
            models.Index(fields=["gemeente", "soort", "-vastgelegd_op"], name="regiehandeling_soort"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.datum})"


class Zorgsignaal(models.Model):
    """An external care signal about the resident (police, neighbours, housing corporation,
    energy company, GP ...) attached to a case (domain.md §4). Not called `Signalering`:
    that is the signal engine's word for its own warnings."""

    class Bron(models.TextChoices):
        POLITIE = "politie", _("Politie")
        BUREN = "buren", _("Buren")
        WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
        ENERGIEBEDRIJF = "energiebedrijf", _("Energiebedrijf")
        HUISARTS = "huisarts", _("Huisarts")
        ANDERS = "anders", _("Anders")

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="zorgsignalen", verbose_name=_("casus"))
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices)
    afzender = models.CharField(
        _("van wie"), max_length=200, blank=True, help_text=_("Bijvoorbeeld de naam van de wijkagent of de corporatie")
    )
    datum = models.DateField(_("datum van het signaal"), default=timezone.localdate)
    tekst = models.TextField(_("wat is er gesignaleerd?"), max_length=1000)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("zorgsignaal")
        verbose_name_plural = _("zorgsignalen")
        ordering = ["-datum", "-id"]
        indexes = [models.Index(fields=["casus", "-datum"], name="zorgsignaal_casus_datum")]

    def __str__(self) -> str:
        return f"{self.get_bron_display()} ({self.datum})"
