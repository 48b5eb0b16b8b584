"""Writing the access log. `record()` / `record_many()` are the one write path.

Call it inside the transaction of the change it logs (a failed change leaves no log row,
a failed log row rolls the change back), and for reads before the response is returned.
A request's rows get their ids first (one statement), then an HMAC over their fields and
that id, then go in with one INSERT: no lock, no look-up of a chain's end, so requests do
not wait on each other. privacy.zegels seals them into a chain per municipality shortly
after and verifies them.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from .middleware import huidig_verzoek
from .models import Actie, AuditEntry, Kanaal, Uitkomst
from .network import client_ip

GENESIS = "0" * 64

# Rows written before the seals (issue 21) were chained one by one (chain, seq, prev_hash)
# and their HMAC has no id; every newer row's HMAC covers its id too, so a copy of a genuine
# row under another id does not verify.
HASHED_FIELDS = [
    "chain", "seq", "prev_hash", "tijdstip", "actie", "uitkomst", "gebeurtenis",
    "gebruiker_id", "gebruiker_naam", "rol", "organisatie",
    "gemeente_id", "inwoner_id", "casus_id", "object_type", "object_id", "gegevenssegment", "velden",
    "doel", "grond_rol", "relatie", "toestemming", "noodtoegang", "reden",
    "kanaal", "ip_adres", "user_agent", "systeem",
]  # fmt: skip
HASHED_FIELDS_MET_ID = ["id", *HASHED_FIELDS]
# A list view's row (issue 21) also names its residents and cases; rows without such lists
# keep the HMAC above, so rows written before the lists still verify. Which of the two a row
# uses follows from its content, and changing that content changes the HMAC's input either way.
HASHED_FIELDS_LIJST = [*HASHED_FIELDS_MET_ID, "inwoner_ids", "casus_ids"]


@dataclass(frozen=True)
class Onderwerp:
    """Whose data, and which part of it: pointers only."""

    gemeente_id: int | None = None
    inwoner_id: int | None = None
    casus_id: int | None = None
    object_type: str = ""
    object_id: str | int = ""
    gegevenssegment: str = ""
    # a list view's row: every resident and case it showed (see `bundel`)
    inwoner_ids: tuple[int, ...] = ()
    casus_ids: tuple[int, ...] = ()


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
    velden: tuple[str, ...] | None = None  # this row's fields, when they differ from the call's


def bundel(regels: Iterable[Regel]) -> list[Regel]:
    """A list view's rows about the cases it showed, as one row per basis naming them all
    (issue 21): a page of 25 residents on one basis is one row, not 25. Rows on another basis
    (emergency access with its reason, another role, consent or not, another municipality's
    chain) stay rows of their own, so every resident still sees on which basis their name was
    shown. A row that names an object beside its case is written as it is."""
    uit: list[Regel | list[Regel]] = []  # a row as it is, or the place of a basis's group
    groepen: dict[Regel, list[Regel]] = {}
    for regel in regels:
        o = regel.onderwerp
        if o.inwoner_ids or o.casus_ids or str(o.object_id) not in ("", str(o.casus_id)):
            uit.append(regel)  # even twice: a log never folds two reads into one
            continue
        sleutel = replace(regel, onderwerp=replace(o, inwoner_id=None, casus_id=None, object_id=""))
        if sleutel not in groepen:
            uit.append(groepen.setdefault(sleutel, []))
        groepen[sleutel].append(regel)
    return [plek if isinstance(plek, Regel) else _lijstregel(plek) for plek in uit]


def _lijstregel(groep: list[Regel]) -> Regel:
    eerste = groep[0]
    ids = replace(
        eerste.onderwerp, inwoner_id=None, casus_id=None, object_id="",
        inwoner_ids=tuple(sorted({r.onderwerp.inwoner_id for r in groep if r.onderwerp.inwoner_id is not None})),
        casus_ids=tuple(sorted({r.onderwerp.casus_id for r in groep if r.onderwerp.casus_id is not None})),
    )  # fmt: skip
    return replace(eerste, onderwerp=ids)


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
    residents): a row per subject, each for its municipality's chain, all in one INSERT."""
    request = request or huidig_verzoek.get()
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
    entries = [_entry(regel, gedeeld) for regel in regels]
    if not entries:
        return entries
    # One transaction from taking the ids to the INSERT (inside the caller's, if any): on
    # PostgreSQL the sealer waits for it, on SQLite it holds the write lock (IMMEDIATE).
    with transaction.atomic(savepoint=False):
        _schrijf(entries)
    return entries


def _schrijf(entries: list[AuditEntry]) -> None:
    for entry, nieuw_id in zip(entries, _nieuwe_ids(len(entries)), strict=True):
        entry.id = nieuw_id
        entry.hash = entry_hash(entry)
    if len(entries) == 1:
        entries[0].save(force_insert=True)
    else:
        _voeg_toe(entries)


_SQLITE_LAATSTE = (  # the model's own table name, no user input
    "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0), "  # noqa: S608
    f"COALESCE((SELECT MAX(id) FROM {AuditEntry._meta.db_table}), 0))"
)
_SEQUENCE: list[str] = []  # PostgreSQL: the id column's sequence, looked up once per process


def _nieuwe_ids(aantal: int) -> list[int]:
    """Ids for rows about to be written, inside a transaction. PostgreSQL hands them out from
    the table's own sequence (never twice, increasing in the order asked). The transaction gets
    its id (xid) *before* the first number is taken, so from then until it commits it is in
    every snapshot's list of running transactions: the sealer's safe limit waits for it
    (privacy.zegels). Without that a number taken between two statements would belong to no
    running transaction for a moment, and a sealer looking then could seal past it. On SQLite
    the caller holds the write lock, so the highest id so far plus one is free."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if not _SEQUENCE:
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [AuditEntry._meta.db_table])
                _SEQUENCE.append(cursor.fetchone()[0])
            # the WHERE runs before each row's nextval: the xid first, then the numbers
            cursor.execute(
                "SELECT nextval(%s) FROM generate_series(1, %s) WHERE pg_current_xact_id() IS NOT NULL",
                [_SEQUENCE[0], aantal],
            )
            return [rij[0] for rij in cursor.fetchall()]
        cursor.execute(_SQLITE_LAATSTE, [AuditEntry._meta.db_table])
        laatste = cursor.fetchone()[0]
    return list(range(laatste + 1, laatste + 1 + aantal))


def _voeg_toe(entries: list[AuditEntry]) -> None:
    """Several rows in one statement: on PostgreSQL one INSERT with all of them (a page of 50
    as 50 statements cost ~0.3 ms each), elsewhere one statement executed for each row
    (bulk_create would split a page into several INSERTs on SQLite, so the number of
    statements would depend on the page)."""
    if connection.vendor == "postgresql":
        AuditEntry.objects.bulk_create(entries)
        return
    velden = list(AuditEntry._meta.concrete_fields)
    qn = connection.ops.quote_name
    kolommen = ", ".join(qn(f.column) for f in velden)
    waarden = ", ".join(["%s"] * len(velden))
    # names from the model's own metadata, every value a parameter
    sql = f"INSERT INTO {qn(AuditEntry._meta.db_table)} ({kolommen}) VALUES ({waarden})"  # noqa: S608
    rijen = [[f.get_db_prep_save(getattr(e, f.attname), connection) for f in velden] for e in entries]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rijen)


def _entry(regel: Regel, gedeeld: dict[str, Any]) -> AuditEntry:
    onderwerp, grondslag = regel.onderwerp, regel.grondslag
    entry = AuditEntry(
        chain=onderwerp.gemeente_id or 0,
        seq=None,
        prev_hash="",
        tijdstip=timezone.now(),
        rol=regel.rol,
        organisatie=regel.organisatie,
        gemeente_id=onderwerp.gemeente_id,
        inwoner_id=onderwerp.inwoner_id,
        casus_id=onderwerp.casus_id,
        inwoner_ids=sorted(set(onderwerp.inwoner_ids)),
        casus_ids=sorted(set(onderwerp.casus_ids)),
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
    if regel.velden is not None:
        entry.velden = sorted(regel.velden)
    return entry


def entry_hash(entry: AuditEntry) -> str:
    """HMAC-SHA256 of the row's fields (and, since the seals, its id) with the key kept outside
    the database (settings.AUDIT_KEY): without the key nobody can make a changed, moved or
    added row verify again."""
    velden = HASHED_FIELDS if entry.seq is not None else HASHED_FIELDS_LIJST  # read no more than needed
    return hash_van({name: getattr(entry, name, None) for name in velden})


def hash_van(waarden: dict[str, Any]) -> str:
    """`entry_hash` of a row read as values (`.values(*HASHED_FIELDS_LIJST)`): the verifier
    walks millions of rows and skips building a model for each."""
    velden = _gehasht(waarden)
    payload = {name: waarden[name] for name in velden}
    payload["tijdstip"] = _canonical(payload["tijdstip"])  # the one date among them
    data = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    return hmac.new(settings.AUDIT_KEY.encode(), data, hashlib.sha256).hexdigest()


def _gehasht(waarden: dict[str, Any]) -> list[str]:
    if waarden["seq"] is not None:  # rows from before the seals: no id
        return HASHED_FIELDS
    return HASHED_FIELDS_LIJST if waarden.get("inwoner_ids") or waarden.get("casus_ids") else HASHED_FIELDS_MET_ID


@dataclass(frozen=True)
class Breuk:
    """A place where the log does not hold: `plek` names the row or seal, `reden` what is wrong."""

    chain: int
    plek: str
    reden: str


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
