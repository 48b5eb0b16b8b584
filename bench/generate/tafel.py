"""De Tafel at national scale (issue 23): a table per area of every municipality, chaired by
the municipality's tafelvoorzitter, eight members from its professionals, three years of
biweekly meetings (past ones with their fixed agenda: check-in, blocks per registration,
check-out), registrations of the area's cases in every state, a flexible budget with
spending decided in MDO+ meetings (some of the cases' meetings become MDO+). Written after
the cases, with the ORM's bulk insert (ids from the sequences)."""

from __future__ import annotations

import datetime
import random
import uuid
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db import connection
from django.utils import timezone

from samenwerk.gemeenten.models import Rol, Roltoewijzing
from samenwerk.overleg.models import Overleg
from samenwerk.tafel.models import (
    Aanmelding,
    Agendablok,
    Besteding,
    Bijeenkomst,
    Budgetpot,
    Leefgebied,
    Tafel,
    Tafellid,
)

JAREN = 3
LEDEN = 8
NIEUW_PER_BIJEENKOMST = 2.5  # registrations per meeting on average
TRIAGE = [("geschikt", 0.7), ("niet_geschikt", 0.1), ("andere_route", 0.1)]
BATCH = 5000


def maak_tafels(*, seed: int, melden: Callable[[str], Any] = print) -> dict[str, int]:
    rng = random.Random(seed * 7 + 23)
    vandaag = timezone.localdate()
    tz = timezone.get_current_timezone()
    begin = vandaag - datetime.timedelta(weeks=52 * JAREN)
    rollen = Roltoewijzing.objects.filter(rol__in=[Rol.TAFELVOORZITTER, Rol.SOCIAAL_PROFESSIONAL])
    voorzitters: dict[int, list[int]] = defaultdict(list)
    professionals: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for user_id, rol, gemeente_id, org_id in rollen.values_list("user_id", "rol", "gemeente_id", "organisatie_id"):
        if rol == Rol.TAFELVOORZITTER:
            voorzitters[gemeente_id].append(user_id)
        elif org_id:
            professionals[gemeente_id].append((user_id, org_id))
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, gemeente_id FROM gemeenten_gebied ORDER BY id")
        gebieden = cursor.fetchall()
    tafels = Tafel.objects.bulk_create(
        [
            Tafel(gemeente_id=g, gebied_id=gebied, naam=f"Tafel {gebied}", locatie="Buurthuis", voorzitter_id=voorzitters[g][0])
            for gebied, g in gebieden
            if voorzitters[g] and professionals[g]
        ]
    )
    leden = []
    for tafel in tafels:
        for user_id, org_id in rng.sample(professionals[tafel.gemeente_id], min(LEDEN, len(professionals[tafel.gemeente_id]))):
            gebieden_ = rng.sample(Leefgebied.values, 2)
            leden.append(Tafellid(tafel=tafel, user_id=user_id, organisatie_id=org_id, expertise="Bench", leefgebieden=gebieden_,
                                  vanaf=begin))  # fmt: skip
    Tafellid.objects.bulk_create(leden, batch_size=BATCH)
    eerste = datetime.datetime.combine(begin + datetime.timedelta(days=(1 - begin.weekday()) % 7), datetime.time(10), tzinfo=tz)
    reeks = []
    b = eerste
    while b.date() <= vandaag + datetime.timedelta(weeks=26):
        reeks.append(b)
        b += datetime.timedelta(weeks=2)
    bijeenkomsten = Bijeenkomst.objects.bulk_create(
        [
            Bijeenkomst(tafel=t, uid=uuid.UUID(int=rng.getrandbits(128)), begint=s, eindigt=s + datetime.timedelta(hours=2),
                        locatie=t.locatie, agenda_opgesteld_op=s - datetime.timedelta(days=3) if s.date() < vandaag else None)
            for t in tafels
            for s in reeks
        ],
        batch_size=BATCH,
    )  # fmt: skip
    per_tafel: dict[int, list[Bijeenkomst]] = defaultdict(list)
    for bk in bijeenkomsten:
        per_tafel[bk.tafel_id].append(bk)
    # The area's cases registered at its table, oldest first.
    casussen: dict[int, list[tuple[int, datetime.date]]] = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, gebied_id, aanmelddatum FROM casussen_casus WHERE aanmelddatum >= %s ORDER BY id", [begin])
        for casus_id, gebied_id, datum in cursor.fetchall():
            casussen[gebied_id].append((casus_id, datum))
    aanmeldingen = []
    for tafel in tafels:
        verleden = [bk for bk in per_tafel[tafel.pk] if bk.begint.date() < vandaag]
        aantal = min(len(casussen[tafel.gebied_id]), round(NIEUW_PER_BIJEENKOMST * len(verleden)))
        for casus_id, datum in sorted(rng.sample(casussen[tafel.gebied_id], aantal), key=lambda c: c[1]):
            bk = next((x for x in verleden if x.begint.date() >= datum), None)
            triage = _kies(rng) if bk is not None else ""
            aanmeldingen.append(
                Aanmelding(gemeente_id=tafel.gemeente_id, tafel=tafel, casus_id=casus_id, aangemeld_door_id=tafel.voorzitter_id,
                           aangemeld_op=datum, inwoner_weet_hoe="gesprek", inwoner_weet_op=datum,
                           leefgebieden=rng.sample(Leefgebied.values, rng.randint(2, 4)), geprobeerd="Bench", waarom_vast="Bench",
                           vraag="Bench", bijeenkomst=bk, triage=triage, triage_reden="Bench" if triage else "")
            )  # fmt: skip
    aanmeldingen = Aanmelding.objects.bulk_create(aanmeldingen, batch_size=BATCH)
    blokken = []
    nieuw_op: dict[int, list[int]] = defaultdict(list)
    for a in aanmeldingen:
        if a.bijeenkomst_id:
            nieuw_op[a.bijeenkomst_id].append(a.pk)
    for bk in bijeenkomsten:
        if bk.agenda_opgesteld_op is None:
            continue
        rij = [("checkin", None, 10)]
        for a_id in nieuw_op[bk.pk][:3]:
            rij += [("inbreng", a_id, 5), ("vragen", a_id, 5), ("tips", a_id, 5), ("afspraken", a_id, 5)]
        rij.append(("checkout", None, 10))
        blokken += [
            Agendablok(bijeenkomst=bk, volgorde=i, soort=s, aanmelding_id=a, minuten=m) for i, (s, a, m) in enumerate(rij, 1)
        ]
    Agendablok.objects.bulk_create(blokken, batch_size=BATCH)
    # MDO+: the held meetings of suitable registrations become MDO+; a budget per table, and
    # a spend for about one in five of those cases.
    geschikt = [a for a in aanmeldingen if a.triage == "geschikt"]
    Overleg.objects.filter(casus_id__in=[a.casus_id for a in geschikt]).update(vorm=Overleg.Vorm.MDO_PLUS)
    mdo = dict(
        Overleg.objects.filter(casus_id__in=[a.casus_id for a in geschikt], vorm=Overleg.Vorm.MDO_PLUS).values_list(
            "casus_id", "pk"
        )
    )
    potten = Budgetpot.objects.bulk_create(
        [Budgetpot(tafel=t, naam="Flexibel budget", bedrag=Decimal("5000"), van=vandaag - datetime.timedelta(weeks=52),
                   tot=vandaag + datetime.timedelta(weeks=52), aangemaakt_door_id=t.voorzitter_id) for t in tafels]
    )  # fmt: skip
    pot_van = {p.tafel_id: p for p in potten}
    Besteding.objects.bulk_create(
        [
            Besteding(pot=pot_van[a.tafel_id], aanmelding=a, overleg_id=mdo[a.casus_id], bedrag=Decimal(rng.randint(50, 900)),
                      doel="Bench", besluit="Bench", besloten_op=max(a.aangemeld_op, pot_van[a.tafel_id].van),
                      vastgelegd_door_id=a.aangemeld_door_id)
            for a in geschikt
            if a.casus_id in mdo and rng.random() < 0.2
        ],
        batch_size=BATCH,
    )  # fmt: skip
    uitkomst = {"tafels": len(tafels), "bijeenkomsten": len(bijeenkomsten), "aanmeldingen": len(aanmeldingen),
                "agendablokken": len(blokken)}  # fmt: skip
    melden(f"tafel: {uitkomst}")
    return uitkomst


def _kies(rng: random.Random) -> str:
    r, totaal = rng.random(), 0.0
    for waarde, kans in TRIAGE:
        totaal += kans
        if r < totaal:
            return waarde
    return ""
