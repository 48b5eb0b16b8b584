"""Demo price lists for Lindenhoven, this year and last year. Every price is invented and
marked as such; the items follow the model of the national Maatschappelijke Prijslijst.
Idempotent: running it twice changes nothing, and it never overwrites what a demo user
changed."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from samenwerk.gemeenten.demo import DemoContext

from .keuzes import Eenheid, Wet
from .models import Prijsitem, Prijslijst

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
