"""Micro-analyses of social return for about 40% of the closed cases with a plan (~40,000 at
the default scale): wellbeing before, after and sometimes at the repeat measurement, and cost
lines in the five blocks priced from the municipality's price list."""

from __future__ import annotations

import datetime
from decimal import Decimal

from samenwerk.privacy.models import Actie
from samenwerk.rendement.analyse import bijdrage_van
from samenwerk.rendement.demo import ITEMS
from samenwerk.rendement.keuzes import WEKEN_PER_JAAR, Blok, Eenheid
from samenwerk.rendement.models import Bijdrage, Kostenpost, Microanalyse

from .context import DAG, CasusInfo, Ctx

AANDEEL = 0.85  # of the closed cases that had a plan: ~40,000 at 100,000 cases
# A period for units that have none of their own (hours and consults).
PERIODE = {Eenheid.PER_UUR: "week", Eenheid.PER_CONSULT: "maand"}
JAARLIJKS = [i for i in ITEMS if i[2] != Eenheid.EENMALIG]
EENMALIG = [i for i in ITEMS if i[2] == Eenheid.EENMALIG]
ANALYSE_VELDEN = [
    "id", "gemeente", "casus", "prijslijst", "datum", "weken_per_jaar", "welzijn_voor", "welzijn_voor_toelichting",
    "welzijn_na", "welzijn_na_toelichting", "welzijn_herhaling", "welzijn_herhaling_toelichting", "herhaling_datum",
    "scenario_niets_doen", "versie", "aangemaakt_door", "gewijzigd_door", "gewijzigd_op",
]  # fmt: skip
REGEL_VELDEN = [
    "analyse", "gemeente", "blok", "volgorde", "omschrijving", "code", "prijslijst_jaar", "prijs", "eenheid", "wet",
    "aantal", "frequentie", "periode", "toelichting",
]  # fmt: skip


def maak_analyse(ctx: Ctx, casus: CasusInfo, prijslijst_id: int, jaar: int) -> None:
    rng = ctx.rng
    if casus.afgesloten_op is None or casus.legacy or rng.random() > AANDEEL or casus.hoofd() is None:
        return
    hoofd = casus.hoofd()
    analyse_id = ctx.ids.nieuw(Microanalyse)
    datum = casus.afgesloten_op
    herhaling = casus.afgesloten_op + DAG * rng.randint(190, 360)
    met_herhaling = herhaling < ctx.vandaag and rng.random() < 0.5
    voor = rng.randint(2, 6)
    welzijn = (voor, min(10, voor + rng.randint(0, 4)), min(10, voor + rng.randint(0, 5)) if met_herhaling else None)
    blokken = [(Blok.VOOR, 3), (Blok.EENMALIG, 2), (Blok.NA, 2), (Blok.NIETS_DOEN, 2)]
    if met_herhaling:
        blokken.append((Blok.HERHALING, 2))
    regels = []
    for blok, hoeveel in blokken:
        keuze = EENMALIG if blok == Blok.EENMALIG else JAARLIJKS
        for volgorde, (code, oms, eenheid, prijs, wet) in enumerate(rng.sample(keuze, k=rng.randint(1, hoeveel))):
            regels.append(Kostenpost(
                blok=blok, volgorde=volgorde, omschrijving=oms, code=code, prijs=Decimal(prijs), eenheid=eenheid, wet=wet,
                aantal=Decimal(rng.randint(1, 4)), frequentie=Decimal(1),
                periode="" if blok == Blok.EENMALIG else PERIODE.get(eenheid, ""),
            ))  # fmt: skip
    # The figures the report adds up, as the services store them (rendement.analyse.bijdrage_van).
    analyse = Microanalyse(weken_per_jaar=WEKEN_PER_JAAR, welzijn_herhaling=welzijn[2])
    analyse.herhaling_datum = herhaling if met_herhaling else None
    ctx.tabel(Microanalyse, ANALYSE_VELDEN).add(
        analyse_id, ctx.gemeente.id, casus.id, prijslijst_id, datum, WEKEN_PER_JAAR, welzijn[0], "Het ging niet goed",
        welzijn[1], "Beter", welzijn[2], "Nog steeds beter" if met_herhaling else "", analyse.herhaling_datum,
        "Huisuitzetting en opvang", 1, hoofd.persoon.audit_naam, hoofd.persoon.audit_naam,
        datetime.datetime.combine(datum, datetime.time(12), tzinfo=datetime.UTC),
    )  # fmt: skip
    bijdrage = bijdrage_van(analyse, regels)
    ctx.tabel(Bijdrage, ["analyse", "versie", *bijdrage]).add(analyse_id, 1, *bijdrage.values())
    tabel = ctx.tabel(Kostenpost, REGEL_VELDEN)
    for r in regels:
        tabel.add(
            analyse_id, ctx.gemeente.id, r.blok, r.volgorde, r.omschrijving, r.code, jaar, r.prijs, r.eenheid, r.wet,
            r.aantal, r.frequentie, r.periode, "",
        )  # fmt: skip
    ctx.log(casus, datum, Actie.CREATE, "rendement.analyse.gemaakt", object_type="microanalyse", object_id=analyse_id,
            segment="rendement")  # fmt: skip
