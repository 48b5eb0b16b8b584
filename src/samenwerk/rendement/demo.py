"""Demo price lists for Lindenhoven, this year and last year, and micro-analyses on four of
the demo cases of plannen/demo.py (made through the services, so the access log and the
timelines are real). Every price is invented and marked as such; the items follow the model
of the national Maatschappelijke Prijslijst. Idempotent: running it twice changes nothing,
and it never overwrites what a demo user changed."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from samenwerk.casussen.models import Casus
from samenwerk.gemeenten.demo import DemoContext

from . import services_analyse as analyses
from .keuzes import Blok, Eenheid, Wet
from .models import Microanalyse, Prijsitem, Prijslijst

TOELICHTING = (
    "Demo: alle prijzen zijn verzonnen en alleen bedoeld om de werkwijze te laten zien. Gebruik ze niet voor echte analyses."
)
BRON = "Demo – verzonnen prijs (naar het model van de Maatschappelijke Prijslijst)"
INDEX_VORIG_JAAR = Decimal("1.035")  # last year's prices: this year's without 3.5% indexation

E, W = Eenheid, Wet
ITEMS: list[tuple[str, str, Eenheid, str, Wet]] = [
    ("MW-UUR", "Uur maatschappelijk werk", E.PER_UUR, "84.00", W.WMO),
    ("WT-UUR", "Uur sociaal wijkteam", E.PER_UUR, "88.50", W.WMO),
    ("HH-UUR", "Uur huishoudelijke hulp", E.PER_UUR, "34.20", W.WMO),
    ("WV-UUR", "Uur wijkverpleging", E.PER_UUR, "79.50", W.ZVW),
    ("GGZ-UUR", "Uur ambulante ggz-behandeling", E.PER_UUR, "128.00", W.ZVW),
    ("JH-UUR", "Uur ambulante jeugdhulp", E.PER_UUR, "92.00", W.JEUGDWET),
    ("POLITIE-UUR", "Uur inzet wijkagent", E.PER_UUR, "95.00", W.ANDERS),
    ("HA-CONSULT", "Consult huisarts", E.PER_CONSULT, "13.75", W.ZVW),
    ("POH-CONSULT", "Consult praktijkondersteuner ggz", E.PER_CONSULT, "28.90", W.ZVW),
    ("BW-WEEK", "Week beschermd wonen", E.PER_WEEK, "1680.00", W.WMO),
    ("DB-WEEK", "Week dagbesteding", E.PER_WEEK, "245.00", W.WMO),
    ("VPH-WEEK", "Week verblijf in een verpleeghuis", E.PER_WEEK, "1960.00", W.WLZ),
    ("BIJSTAND-MAAND", "Maand bijstandsuitkering alleenstaande", E.PER_MAAND, "1310.00", W.PARTICIPATIEWET),
    ("BEWIND-MAAND", "Maand beschermingsbewind", E.PER_MAAND, "118.00", W.PARTICIPATIEWET),
    ("MAATJE-JAAR", "Jaar maatje via de vrijwilligerscentrale", E.PER_JAAR, "650.00", W.WMO),
    ("SEH", "Bezoek spoedeisende hulp", E.EENMALIG, "285.00", W.ZVW),
    ("CRISIS-GGZ", "Inzet crisisdienst ggz", E.EENMALIG, "1450.00", W.ZVW),
    ("BB", "Bijzondere bijstand", E.EENMALIG, "450.00", W.PARTICIPATIEWET),
    ("SHV-TRAJECT", "Traject schuldhulpverlening", E.EENMALIG, "2750.00", W.ANDERS),
    ("HUISUITZETTING", "Huisuitzetting", E.EENMALIG, "7500.00", W.ANDERS),
]


def _prijs(prijs: str, *, vorig_jaar: bool) -> Decimal:
    bedrag = Decimal(prijs)
    if vorig_jaar:
        bedrag = (bedrag / INDEX_VORIG_JAAR).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return bedrag


def load(ctx: DemoContext) -> None:
    gemeente = ctx.gemeente
    if gemeente is None:  # pragma: no cover - the gemeenten loader runs first
        raise RuntimeError("The rendement demo needs the demo municipality (samenwerk.gemeenten.demo.load).")
    beheerder = ctx.mensen.get("beheerder")
    dit_jaar = timezone.localdate().year
    for jaar in (dit_jaar - 1, dit_jaar):
        lijst, _nieuw = Prijslijst.objects.get_or_create(
            gemeente=gemeente, jaar=jaar, defaults={"toelichting": TOELICHTING, "bijgewerkt_door": str(beheerder or "")}
        )
        for code, omschrijving, eenheid, prijs, wet in ITEMS:
            Prijsitem.objects.get_or_create(
                prijslijst=lijst,
                code=code,
                defaults={
                    "omschrijving": omschrijving,
                    "eenheid": eenheid,
                    "prijs": _prijs(prijs, vorig_jaar=jaar < dit_jaar),
                    "bron": BRON,
                    "wet": wet,
                },
            )
    _analyses(ctx, Prijslijst.objects.get(gemeente=gemeente, jaar=dit_jaar))


# Per resident (achternaam): wellbeing changes beyond what the plan prefills, and the cost
# lines as (blok, code, aantal, frequentie, periode, toelichting). "OVERLEG" is the
# professionals' meeting time, added the "one click" way.
R = analyses.RegelGegevens
ANALYSES: dict[str, tuple[dict[str, object], list[tuple[str, str, str, str, str, str]]]] = {
    "Scholten": ({}, [("voor", "HH-UUR", "3", "1", "week", "3 uur per week, volgens de thuiszorg")]),
    "Aydın": (
        {},
        [
            ("voor", "POLITIE-UUR", "1.5", "1", "week", "Meldingen van overlast, 1 à 2 uur per week"),
            ("voor", "SEH", "1", "2", "jaar", "Twee keer per jaar naar de spoedeisende hulp"),
            ("eenmalig", "BB", "1", "1", "", "Bijzondere bijstand voor een bed en een koelkast"),
        ],
    ),
    "Brinkman": (
        {"welzijn_na_toelichting": "Ik heb weer een dagritme"},
        [
            ("voor", "GGZ-UUR", "2", "1", "week", "2 uur ambulante ggz per week"),
            ("voor", "CRISIS-GGZ", "1", "2", "jaar", "Twee crisiscontacten in het afgelopen jaar"),
            ("voor", "POLITIE-UUR", "1", "2", "maand", "Wijkagent komt 2 keer per maand langs"),
            ("eenmalig", "OVERLEG", "", "", "", ""),
            ("na", "GGZ-UUR", "1", "2", "maand", "Nog 2 gesprekken per maand"),
            ("na", "DB-WEEK", "1", "1", "week", "Dagbesteding bij de kringloop"),
        ],
    ),
    "de Haan": (
        {"welzijn_herhaling": 7, "welzijn_herhaling_toelichting": "Het gaat goed, soms nog zorgen over geld"},
        [
            ("voor", "MW-UUR", "3.5", "1", "week", "3 à 4 uur per week maatschappelijk werk"),
            ("voor", "HA-CONSULT", "1", "2", "maand", "Twee keer per maand bij de huisarts"),
            ("voor", "BIJSTAND-MAAND", "1", "1", "maand", "Bijstand, geen werk"),
            ("eenmalig", "SHV-TRAJECT", "1", "1", "", "Schuldhulp: een traject"),
            ("eenmalig", "OVERLEG", "", "", "", ""),
            ("na", "MW-UUR", "1", "1", "maand", "Eén uur per maand, afbouwen"),
            ("na", "MAATJE-JAAR", "1", "1", "jaar", "Een maatje van de vrijwilligerscentrale"),
            ("herhaling", "MAATJE-JAAR", "1", "1", "jaar", "Het maatje komt nog"),
            ("herhaling", "HA-CONSULT", "1", "1", "maand", "Eén keer per maand bij de huisarts"),
            ("niets_doen", "HUISUITZETTING", "1", "1", "", "Huisuitzetting wegens huurschuld"),
            ("niets_doen", "BW-WEEK", "1", "1", "week", "Daarna beschermd wonen"),
            ("niets_doen", "BIJSTAND-MAAND", "1", "1", "maand", "Bijstand blijft"),
        ],
    ),
}


def _analyses(ctx: DemoContext, lijst: Prijslijst) -> None:
    if Microanalyse.objects.filter(gemeente=lijst.gemeente).exists():
        return
    sanne = ctx.mensen.get("professional")
    items = {i.code: i for i in lijst.items.all()}
    vandaag = timezone.localdate()
    for achternaam, (welzijn, regels) in ANALYSES.items():
        casus = Casus.objects.filter(gemeente=lijst.gemeente, inwoner__achternaam=achternaam).first()
        if casus is None or sanne is None:
            continue
        analyse = analyses.maak_analyse(actor=sanne, casus=casus, prijslijst=lijst)
        analyse.casus = casus
        if welzijn:
            gegevens = {veld: getattr(analyse, veld) for veld in analyses.ANALYSEVELDEN} | welzijn
            if "welzijn_herhaling" in welzijn:
                gegevens["herhaling_datum"] = vandaag
                gegevens["scenario_niets_doen"] = "Zonder hulp was de huurschuld opgelopen tot een huisuitzetting."
            analyse = analyses.wijzig_analyse(
                actor=sanne, analyse=analyse, gegevens=analyses.AnalyseGegevens(**gegevens), versie=analyse.versie
            )
        for blok, code, aantal, frequentie, periode, toelichting in regels:
            if code == "OVERLEG":
                overleggen = [(casus.aanmelddatum, Decimal("1.5"), 4), (casus.aanmelddatum, Decimal(1), 3)]
                analyses.voeg_vergadertijd_toe(
                    actor=sanne, analyse=analyse, blok=Blok.EENMALIG, prijsitem=items["WT-UUR"], overleggen=overleggen
                )
                continue
            gegevens_regel = R(
                blok=blok,
                prijsitem=items[code],
                aantal=Decimal(aantal),
                frequentie=Decimal(frequentie),
                periode=periode,
                toelichting=toelichting,
            )
            analyses.voeg_regel_toe(actor=sanne, analyse=analyse, gegevens=gegevens_regel)
