"""The synthetic dataset: `genereer(schaal=1.0)` fills an empty, migrated database with 20
municipalities, 100,000 cases in every stage, ~1,000,000 agreements, ~150,000 meetings with
their participants, ~40,000 micro-analyses, ~5,000 professionals, De Tafel per area with three
years of meetings, and the access log that history implies. The same seed gives the same data."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.db import connection
from django.utils import timezone

from samenwerk.casussen.models import Betrokkene, Casus, Gebeurtenis, Inwoner, Netwerklid, Toestemming
from samenwerk.overleg.models import Deelnemer, Overleg, Weigering
from samenwerk.plannen.models import Afspraak, Evaluatie, GezondheidMeting, PlanVersie, Ronde, Samenwerkplan
from samenwerk.regie.models import Niveauwijziging
from samenwerk.rendement.models import Bijdrage, Kostenpost, Microanalyse, Prijslijst

from .audit import AppendOnlyUit, schrijf_audit
from .casussen import maak_casussen
from .context import Ctx
from .namen import Pools
from .organisatie import maak_organisatie
from .tabel import Ids, zet_sequences
from .tafel import maak_tafels

# Parents before children: COPY checks the foreign keys at the end of each statement.
VOLGORDE = [
    Inwoner,
    Casus,
    Betrokkene,
    Toestemming,
    Netwerklid,
    Gebeurtenis,
    Niveauwijziging,
    Samenwerkplan,
    PlanVersie,
    Ronde,
    Afspraak,
    Evaluatie,
    GezondheidMeting,
    Overleg,
    Deelnemer,
    Weigering,
    Microanalyse,
    Bijdrage,
    Kostenpost,
]
CASUSSEN, MENSEN, GEMEENTEN = 100_000, 5_000, 20


def genereer(*, schaal: float = 1.0, seed: int = 8, gemeenten: int = GEMEENTEN, melden: Callable[[str], Any] = print) -> dict:
    begin = time.monotonic()
    pools = Pools.maak(seed)
    per_gemeente = max(20, round(CASUSSEN * schaal / gemeenten))
    mensen = max(30, round(MENSEN * schaal / gemeenten))
    data = maak_organisatie(aantal_gemeenten=gemeenten, mensen_per_gemeente=mensen, seed=seed, pools=pools)
    melden(f"organisatie: {gemeenten} gemeenten, {mensen} mensen per gemeente ({time.monotonic() - begin:.0f} s)")
    ids = Ids()
    vandaag = timezone.localdate()
    audit = 0
    with AppendOnlyUit():
        for nummer, gemeente in enumerate(data):
            ctx = Ctx(rng=random.Random(seed * 1000 + nummer), ids=ids, pools=pools, vandaag=vandaag)
            ctx.prijslijst = Prijslijst.objects.filter(gemeente_id=gemeente.id).values_list("pk", "jaar").first()
            maak_casussen(ctx, gemeente, per_gemeente)
            for model in VOLGORDE:
                if model in ctx.tabellen:
                    ctx.tabellen[model].schrijf()
            audit += schrijf_audit(ctx, gemeente.id)
            melden(f"  {gemeente.naam}: {per_gemeente} casussen ({time.monotonic() - begin:.0f} s)")
    zet_sequences(apps.get_models())
    maak_tafels(seed=seed, melden=melden)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    aantallen = tel()
    return {"schaal": schaal, "seed": seed, "seconden": round(time.monotonic() - begin, 1), "rijen": aantallen}


def tel() -> dict[str, int]:
    """Exact rows per table that holds any."""
    uitkomst = {}
    with connection.cursor() as cursor:
        for model in apps.get_models():
            cursor.execute(f'SELECT COUNT(*) FROM "{model._meta.db_table}"')
            if aantal := cursor.fetchone()[0]:
                uitkomst[model._meta.label] = aantal
    return uitkomst
