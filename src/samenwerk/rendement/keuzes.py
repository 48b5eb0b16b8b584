"""The fixed lists of social return (domain.md §6), shared by the models and the pure
calculation in berekening.py, so both speak the same values."""

from __future__ import annotations

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _


class Eenheid(TextChoices):
    """What one price of the price list buys."""

    PER_UUR = "uur", _("per uur")
    PER_CONSULT = "consult", _("per consult")
    PER_WEEK = "week", _("per week")
    PER_MAAND = "maand", _("per maand")
    PER_JAAR = "jaar", _("per jaar")
    EENMALIG = "eenmalig", _("eenmalig")


class Periode(TextChoices):
    """How often a line recurs: "2 uur, 1 keer per week"."""

    WEEK = "week", _("per week")
    MAAND = "maand", _("per maand")
    JAAR = "jaar", _("per jaar")
    EENMALIG = "eenmalig", _("eenmalig")


# A unit that is itself a period recurs by that period unless the line says otherwise; an
# hour or a consult has no period of its own, so the line must say how often it happens.
EIGEN_PERIODE: dict[str, Periode | None] = {
    Eenheid.PER_UUR: None,
    Eenheid.PER_CONSULT: None,
    Eenheid.PER_WEEK: Periode.WEEK,
    Eenheid.PER_MAAND: Periode.MAAND,
    Eenheid.PER_JAAR: Periode.JAAR,
    Eenheid.EENMALIG: Periode.EENMALIG,
}

# Which periods make sense for a unit: a week can recur every week, month or year, but a
# month of something cannot happen every week.
TOEGESTANE_PERIODEN: dict[str, frozenset[Periode]] = {
    Eenheid.PER_UUR: frozenset(Periode),
    Eenheid.PER_CONSULT: frozenset(Periode),
    Eenheid.EENMALIG: frozenset(Periode),
    Eenheid.PER_WEEK: frozenset(Periode),
    Eenheid.PER_MAAND: frozenset({Periode.MAAND, Periode.JAAR, Periode.EENMALIG}),
    Eenheid.PER_JAAR: frozenset({Periode.JAAR, Periode.EENMALIG}),
}


class Wet(TextChoices):
    """The law or budget a cost falls under; the aggregates show where savings land."""

    WMO = "wmo", "Wmo"
    ZVW = "zvw", "Zvw"
    WLZ = "wlz", "Wlz"
    PARTICIPATIEWET = "participatiewet", "Participatiewet"
    JEUGDWET = "jeugdwet", "Jeugdwet"
    ANDERS = "anders", _("anders")


class Blok(TextChoices):
    """The five cost blocks of a micro-analysis (domain.md §6, "Maatschappelijke kosten")."""

    VOOR = "voor", _("Kosten per jaar vooraf")
    EENMALIG = "eenmalig", _("Eenmalige kosten van de oplossing")
    NA = "na", _("Kosten per jaar achteraf")
    HERHALING = "herhaling", _("Kosten per jaar bij de herhaalmeting")
    NIETS_DOEN = "niets_doen", _("Kosten per jaar als we niets hadden gedaan")


WEKEN_PER_JAAR = 42  # domain.md §6 and §10: holidays leave 42 working weeks; configurable
