"""Writing and verifying the access log. `record()` is the one write path.

Call it inside the transaction of the change it logs (a failed change leaves no log row,
a failed log row rolls the change back), and for reads before the response is returned.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from .middleware import huidig_verzoek
from .models import Actie, AuditEntry, Kanaal, Uitkomst
from .network import client_ip

GENESIS = "0" * 64
_LOCK_CLASS = 7513  # PostgreSQL advisory-lock namespace for the chains

HASHED_FIELDS = [
    "chain", "seq", "prev_hash", "tijdstip", "actie", "uitkomst", "gebeurtenis",
    "gebruiker_id", "gebruiker_naam", "rol", "organisatie",
    "gemeente_id", "inwoner_id", "casus_id", "object_type", "object_id", "gegevenssegment", "velden",
    "doel", "grond_rol", "relatie", "toestemming", "noodtoegang", "reden",
    "kanaal", "ip_adres", "user_agent", "systeem",
]  # fmt: skip


@dataclass(frozen=True)
class Onderwerp:
    """Whose data, and which part of it: pointers only."""

    gemeente_id: int | None = None
    inwoner_id: int | None = None
    casus_id: int | None = None
    object_type: str = ""
    object_id: str | int = ""
    gegevenssegment: str = ""


@dataclass(frozen=True)
class Grondslag:
    """On which basis access was granted or refused (the NEN 7513 check flags)."""

    doel: str = ""
    grond_rol: bool = False
    relatie: str = ""
    toestemming: bool | None = None
    noodtoegang: bool = False
    reden: str = ""


def record(
    *,
    actor: Any,
    actie: Actie | str,
    gebeurtenis: str,
    onderwerp: Onderwerp = Onderwerp(),
    grondslag: Grondslag = Grondslag(),
    velden: Iterable[str] = (),
    rol: str = "",
    organisatie: str = "",
    uitkomst: Uitkomst | str = Uitkomst.SUCCESS,
    request: HttpRequest | None = None,
    kanaal: Kanaal | str | None = None,
) -> AuditEntry:
    """Append one row to the chain of the municipality the data belongs to."""
    regel = Regel(onderwerp=onderwerp, grondslag=grondslag, rol=rol, organisatie=organisatie)
    [entry] = record_many(
        actor=actor, actie=actie, gebeurtenis=gebeurtenis, regels=[regel], velden=velden,
        uitkomst=uitkomst, request=request, kanaal=kanaal,
    )  # fmt: skip
    return entry


@dataclass(frozen=True)
class Regel:
    """One subject of `record_many`: whose data, on which basis, in which role."""

    onderwerp: Onderwerp
    grondslag: Grondslag = Grondslag()
    rol: str = ""
    organisatie: str = ""


def record_many(
    *,
    actor: Any,
    actie: Actie | str,
    gebeurtenis: str,
    regels: Iterable[Regel],
    velden: Iterable[str] = (),
    uitkomst: Uitkomst | str = Uitkomst.SUCCESS,
    request: HttpRequest | None = None,
    kanaal: Kanaal | str | None = None,
) -> list[AuditEntry]:
    """One access by one person to several subjects at once (a list that shows several
    residents): a row per subject, each in its municipality's chain, written with one lock,
    one read of the chain's end and one insert per chain. Chains are locked in order. Rows
    written together are not given their ids back."""
    request = request or huidig_verzoek.get()
    per_chain: dict[int, list[Regel]] = {}
    for regel in regels:
        per_chain.setdefault(regel.onderwerp.gemeente_id or 0, []).append(regel)
    gedeeld = {
        "actie": actie,
        "uitkomst": uitkomst,
        "gebeurtenis": gebeurtenis,
        "gebruiker_id": getattr(actor, "pk", None),
        "gebruiker_naam": _actor_name(actor),
        "velden": sorted(velden),
        "kanaal": kanaal or _channel(request),
        "ip_adres": client_ip(request) if request else None,
        "user_agent": (request.META.get("HTTP_USER_AGENT", "") if request else "")[:300],
    }
    entries: list[AuditEntry] = []
    with transaction.atomic():
        for chain in sorted(per_chain):
            _lock(chain)
            last = AuditEntry.objects.filter(chain=chain).order_by("-seq").values_list("seq", "hash").first()
            seq, prev_hash = last if last else (0, GENESIS)
            nieuw = []
            for regel in per_chain[chain]:
                seq += 1
                entry = _entry(chain, seq, prev_hash, regel, gedeeld)
                nieuw.append(entry)
                prev_hash = entry.hash
            if len(nieuw) == 1:
                nieuw[0].save(force_insert=True)
            else:
                _voeg_toe(nieuw)
            entries += nieuw
    return entries


def _voeg_toe(entries: list[AuditEntry]) -> None:
    """Several rows in one statement: on PostgreSQL one INSERT with all of them (a page of 50
    as 50 statements cost ~0.3 ms each), elsewhere one statement executed for each row
    (bulk_create would split a page into several INSERTs on SQLite, so the number of
    statements would depend on the page)."""
    if connection.vendor == "postgresql":
        AuditEntry.objects.bulk_create(entries)
        return
    velden = [f for f in AuditEntry._meta.concrete_fields if not f.primary_key]
    qn = connection.ops.quote_name
    kolommen = ", ".join(qn(f.column) for f in velden)
    waarden = ", ".join(["%s"] * len(velden))
    # names from the model's own metadata, every value a parameter
    sql = f"INSERT INTO {qn(AuditEntry._meta.db_table)} ({kolommen}) VALUES ({waarden})"  # noqa: S608
    rijen = [[f.get_db_prep_save(getattr(e, f.attname), connection) for f in velden] for e in entries]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rijen)


def _entry(chain: int, seq: int, prev_hash: str, regel: Regel, gedeeld: dict[str, Any]) -> AuditEntry:
    onderwerp, grondslag = regel.onderwerp, regel.grondslag
    entry = AuditEntry(
        chain=chain,
        seq=seq,
        prev_hash=prev_hash,
        tijdstip=timezone.now(),
        rol=regel.rol,
        organisatie=regel.organisatie,
        gemeente_id=onderwerp.gemeente_id,
        inwoner_id=onderwerp.inwoner_id,
        casus_id=onderwerp.casus_id,
        object_type=onderwerp.object_type,
        object_id=str(onderwerp.object_id),
        gegevenssegment=onderwerp.gegevenssegment,
        doel=grondslag.doel,
        grond_rol=grondslag.grond_rol,
        relatie=grondslag.relatie,
        toestemming=grondslag.toestemming,
        noodtoegang=grondslag.noodtoegang,
        reden=grondslag.reden,
        **gedeeld,
    )
    entry.hash = entry_hash(entry)
    return entry


def entry_hash(entry: AuditEntry) -> str:
    """HMAC-SHA256 of the row's fields with the key kept outside the database
    (settings.AUDIT_KEY): without the key nobody can make a changed row, or a rewritten chain
    after it, verify again."""
    payload = {name: _canonical(getattr(entry, name)) for name in HASHED_FIELDS}
    data = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    return hmac.new(settings.AUDIT_KEY.encode(), data, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Breuk:
    chain: int
    seq: int
    reden: str


@dataclass
class Keteneinde:
    """Where a walk over a chain ended, and the hash it found at one asked-for position."""

    seq: int = 0
    hash: str = GENESIS
    hash_op_anker: str | None = None


def verify(chains: Iterable[int] | None = None) -> Iterator[Breuk]:
    """Walk every chain in order; yield each place where the chain does not hold: a row whose
    HMAC does not match (edited, inserted or rewritten without the key), a missing row, a
    row that does not point at its predecessor, and an end before the last signed anchor
    (rows cut off; samenwerk.privacy.ankers)."""
    from .ankers import lees_ankers  # ankers uses this module's walk

    ankers = lees_ankers()
    yield from (Breuk(a.chain, a.seq, "het anker is niet met de sleutel ondertekend") for a in ankers.ongeldig)
    if chains is None:
        chains = set(AuditEntry.objects.values_list("chain", flat=True).distinct().order_by()) | set(ankers.laatste)
    for chain in sorted(set(chains)):
        anker = ankers.laatste.get(chain)
        einde = Keteneinde()
        yield from loop_keten(chain, einde, anker_seq=anker.seq if anker else None)
        if anker is None:
            continue
        if einde.seq < anker.seq:
            reden = f"rij {einde.seq + 1} tot en met {anker.seq} ontbreken: het log is ingekort (anker van {anker.tijdstip})"
            yield Breuk(chain, einde.seq + 1, reden)
        elif einde.hash_op_anker != anker.hash:
            yield Breuk(chain, anker.seq, f"wijkt af van het anker van {anker.tijdstip}")


def loop_keten(
    chain: int, einde: Keteneinde, *, vanaf: tuple[int, str] = (0, GENESIS), anker_seq: int | None = None
) -> Iterator[Breuk]:
    """Walk one chain after position `vanaf` (seq, hash); `einde` holds where it ended."""
    verwacht_seq, prev = vanaf[0] + 1, vanaf[1]
    rijen = AuditEntry.objects.filter(chain=chain, seq__gt=vanaf[0]).order_by("seq")
    for entry in rijen.iterator(chunk_size=2000):
        if entry.seq != verwacht_seq:
            yield Breuk(chain, verwacht_seq, f"rij {verwacht_seq} ontbreekt")
        if entry.prev_hash != prev:
            yield Breuk(chain, entry.seq, "verwijst niet naar de vorige rij")
        if not hmac.compare_digest(entry_hash(entry), entry.hash):
            yield Breuk(chain, entry.seq, "inhoud is gewijzigd")
        if entry.seq == anker_seq:
            einde.hash_op_anker = entry.hash
        verwacht_seq, prev = entry.seq + 1, entry.hash
        einde.seq, einde.hash = entry.seq, entry.hash


def _lock(chain: int) -> None:
    """Serialise appends to one chain. SQLite's IMMEDIATE transactions already do."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_LOCK_CLASS, chain])


def _channel(request: HttpRequest | None) -> str:
    if request is None:
        return Kanaal.TASK
    return Kanaal.API if request.path.startswith("/api/") else Kanaal.WEB


def _actor_name(actor: Any) -> str:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return ""
    return f"{actor} <{actor.email}>"[:200]


def _canonical(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.astimezone(datetime.UTC).isoformat() if getattr(value, "tzinfo", None) else value.isoformat()
    return value
