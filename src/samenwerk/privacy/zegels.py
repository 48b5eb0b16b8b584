"""Sealing and verifying the access log (issue 21).

A request writes its rows with one INSERT and no lock (privacy.audit). The sealer
(`manage.py verzegel_audit_log`, every few seconds) then takes every row up to a *safe limit*
and writes, per municipality's chain that has new rows, one seal: the id range it covers, the
number of rows, a SHA-256 digest over their ids and HMACs in id order, the previous seal's
hash, and an HMAC over all of that. `checkpoint_audit_log` anchors the newest seal of each
chain outside the database (privacy.ankers).

The safe limit is the highest id below which no row can still appear. On PostgreSQL ids come
from the table's sequence, which never hands out a lower number later, and a writing
transaction has its xid before it takes them (privacy.audit._nieuwe_ids); so a row with a
lower id that is not visible yet belongs to a transaction that was running when the sealer
looked. The sealer reads the highest visible id and the snapshot in one statement, then waits
until every transaction of this database in that snapshot has ended (milliseconds for
requests; a long one holds the seal back, and verification reports rows left unsealed after a
minute). On SQLite one writer at a time holds the lock, so the highest committed id is safe
at once.

`verify()` walks each chain's seals: every seal's HMAC and its link to the previous one, and
the rows of its range counted and digested again, each row's own HMAC checked; rows after the
last seal are checked one by one and reported when they are older than a minute.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from .audit import GENESIS, HASHED_FIELDS_LIJST, Breuk, hash_van
from .models import AuditEntry, Zegel

if TYPE_CHECKING:
    from .ankers import Ankers

ONVERZEGELD_TOEGESTAAN = datetime.timedelta(minutes=1)
PER_KEER = 50_000  # rows per round of the sealer: a bounded amount of memory and work


def zegel_hash(zegel: Zegel) -> str:
    velden = {
        "chain": zegel.chain, "seq": zegel.seq, "tot_id": zegel.tot_id, "aantal": zegel.aantal,
        "digest": zegel.digest, "prev_hash": zegel.prev_hash,
        "tijdstip": zegel.tijdstip.astimezone(datetime.UTC).isoformat(),
    }  # fmt: skip
    data = b"samenwerk-toegangslog-zegel|" + json.dumps(velden, sort_keys=True).encode()
    return hmac.new(settings.AUDIT_KEY.encode(), data, hashlib.sha256).hexdigest()


class _Digest:
    def __init__(self) -> None:
        self.sha = hashlib.sha256()
        self.aantal = 0

    def voeg_toe(self, rij_id: int, rij_hash: str) -> None:
        self.sha.update(f"{rij_id}:{rij_hash}\n".encode())
        self.aantal += 1

    def hexdigest(self) -> str:
        return self.sha.hexdigest()


def verzegeld_tot() -> int:
    """The id up to which every row is sealed (each round seals every chain to one limit)."""
    return Zegel.objects.aggregate(m=Max("tot_id"))["m"] or 0


# Of the transactions running when the sealer looked (the snapshot's list, xid8), those of
# this database that still run. pg_stat_activity shows an xid only for sessions of the same
# role (or pg_read_all_stats): the sealer runs as the application's role. Transactions of
# other databases on the same server do not hold this log's seals back.
_NOG_BEZIG = (
    "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
    "AND backend_xid IS NOT NULL AND backend_xid::text::bigint IN "
    "(SELECT x::text::bigint %% 4294967296 FROM pg_snapshot_xip(%s::pg_snapshot) AS x)"
)


def veilige_grens(*, wachten: float = 10.0) -> int | None:
    """The highest id below which no row can still appear; None when a transaction that may
    hold a lower id is still running after `wachten` seconds (then seal next round)."""
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {AuditEntry._meta.db_table}")  # noqa: S608
            return int(cursor.fetchone()[0])
        cursor.execute(
            f"SELECT pg_current_snapshot()::text, COALESCE(MAX(id), 0) FROM {AuditEntry._meta.db_table}"  # noqa: S608
        )
        snapshot, hoogste = cursor.fetchone()
        tot = time.monotonic() + wachten
        while True:
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # fresh activity inside a transaction too
            cursor.execute(_NOG_BEZIG, [snapshot])
            if cursor.fetchone()[0] == 0:
                return int(hoogste)
            if time.monotonic() >= tot:
                return None
            time.sleep(0.05)


@dataclass(frozen=True)
class Verzegeling:
    zegels: int
    rijen: int
    tot_id: int


def verzegel(*, wachten: float = 10.0, per_keer: int = PER_KEER) -> Verzegeling:
    """Seal every row up to the safe limit, in rounds of at most `per_keer` rows. Only one
    sealer works at a time (an advisory lock of its own; on SQLite the write lock)."""
    grens = veilige_grens(wachten=wachten)
    totaal_zegels = totaal_rijen = 0
    vanaf = verzegeld_tot()
    while grens is not None and vanaf < grens:
        with transaction.atomic():
            _vergrendel()
            vanaf = verzegeld_tot()  # another sealer may have gone first
            if vanaf >= grens:
                break
            tot = _tot_id(vanaf, grens, per_keer)
            zegels, rijen = _verzegel_reeks(vanaf, tot)
        totaal_zegels, totaal_rijen, vanaf = totaal_zegels + zegels, totaal_rijen + rijen, tot
    return Verzegeling(totaal_zegels, totaal_rijen, max(vanaf, 0))


def _vergrendel() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(7513, -1)")  # the sealer's own lock


def _tot_id(vanaf: int, grens: int, per_keer: int) -> int:
    """Where this round ends: after at most `per_keer` rows, never past the safe limit."""
    ids = AuditEntry.objects.filter(id__gt=vanaf, id__lte=grens).order_by("id").values_list("id", flat=True)
    laatste = list(ids[per_keer - 1 : per_keer])
    return laatste[0] if laatste else grens


def _verzegel_reeks(vanaf: int, tot: int) -> tuple[int, int]:
    digests: dict[int, _Digest] = {}
    rijen = AuditEntry.objects.filter(id__gt=vanaf, id__lte=tot).order_by("id").values_list("id", "chain", "hash")
    for rij_id, chain, rij_hash in rijen.iterator(chunk_size=5000):
        digests.setdefault(chain, _Digest()).voeg_toe(rij_id, rij_hash)
    koppen = {z.chain: z for z in _koppen(digests)}
    nu = timezone.now()
    nieuw = []
    for chain, digest in sorted(digests.items()):
        vorige = koppen.get(chain)
        zegel = Zegel(
            chain=chain, seq=(vorige.seq + 1) if vorige else 1, tot_id=tot, aantal=digest.aantal,
            digest=digest.hexdigest(), prev_hash=vorige.hash if vorige else GENESIS, tijdstip=nu,
        )  # fmt: skip
        zegel.hash = zegel_hash(zegel)
        nieuw.append(zegel)
    Zegel.objects.bulk_create(nieuw)
    return len(nieuw), sum(d.aantal for d in digests.values())


def _koppen(chains: Iterable[int]) -> list[Zegel]:
    """The newest seal of each of these chains."""
    return [z for chain in chains if (z := Zegel.objects.filter(chain=chain).order_by("-seq").first())]


# --- Verification ---------------------------------------------------------------------------


def verify(
    chains: Iterable[int] | None = None,
    *,
    sinds: datetime.datetime | None = None,
    onverzegeld_na: datetime.timedelta | None = ONVERZEGELD_TOEGESTAAN,
) -> Iterator[Breuk]:
    """Every place where the log does not hold. `sinds`: only the seals made from then on
    (and the rows they cover), starting from the seal before them; the daily check.
    `onverzegeld_na`: how old a row may get before it must be sealed (None: no limit)."""
    from .ankers import lees_ankers

    ankers = lees_ankers()
    yield from (Breuk(a.chain, f"anker {a.positie}", "het anker is niet met de sleutel ondertekend") for a in ankers.ongeldig)
    if chains is None:
        # every chain with rows; for the daily check the chains sealed since, or not yet sealed
        rijen = AuditEntry.objects.all() if sinds is None else AuditEntry.objects.filter(id__gt=verzegeld_tot())
        zegels = Zegel.objects.all() if sinds is None else Zegel.objects.filter(tijdstip__gte=sinds)
        chains = (
            set(rijen.values_list("chain", flat=True).distinct().order_by())
            | set(zegels.values_list("chain", flat=True).distinct().order_by())
            | set(ankers.zegels)
            | set(ankers.rijen)
        )
    nu = timezone.now()
    for chain in sorted(set(chains)):
        kop = Kop()
        yield from loop_zegels(chain, kop, sinds=sinds)
        yield from _onverzegeld(chain, kop.zegel, nu, onverzegeld_na)
        yield from _tegen_ankers(chain, kop.zegel, ankers)


@dataclass
class Kop:
    """Where a walk over a chain's seals ended: its newest seal, or None."""

    zegel: Zegel | None = None


def loop_zegels(chain: int, kop: Kop, *, sinds: datetime.datetime | None = None) -> Iterator[Breuk]:
    """Walk one chain's seals in order, each with its rows; `kop` holds where it ended."""
    zegels = Zegel.objects.filter(chain=chain).order_by("seq")
    vorige: Zegel | None = None
    if sinds is not None:
        vorige = zegels.filter(tijdstip__lt=sinds).order_by("-seq").first()
        zegels = zegels.filter(seq__gt=vorige.seq) if vorige else zegels
    for zegel in zegels.iterator(chunk_size=500):
        plek = f"zegel {zegel.seq}"
        verwacht_seq = vorige.seq + 1 if vorige else 1
        if zegel.seq != verwacht_seq:
            yield Breuk(chain, plek, f"zegel {verwacht_seq} tot en met {zegel.seq - 1} ontbreken")
        if zegel.prev_hash != (vorige.hash if vorige else GENESIS) and zegel.seq == verwacht_seq:
            yield Breuk(chain, plek, "verwijst niet naar het vorige zegel")
        if not hmac.compare_digest(zegel_hash(zegel), zegel.hash):
            yield Breuk(chain, plek, "het zegel is gewijzigd")
        yield from _rijen_van(zegel, vorige.tot_id if vorige else 0)
        vorige = kop.zegel = zegel
    if kop.zegel is None:
        kop.zegel = vorige


def _rijen(**filters: object) -> Iterator[dict[str, object]]:
    """A chain's rows in id order, as values (no model per row)."""
    rijen = AuditEntry.objects.filter(**filters).order_by("id").values(*HASHED_FIELDS_LIJST, "hash")
    return rijen.iterator(chunk_size=2000)


def _rijen_van(zegel: Zegel, vanaf: int) -> Iterator[Breuk]:
    digest = _Digest()
    for rij in _rijen(chain=zegel.chain, id__gt=vanaf, id__lte=zegel.tot_id):
        if not hmac.compare_digest(hash_van(rij), rij["hash"]):
            yield Breuk(zegel.chain, f"rij {rij['id']}", "inhoud is gewijzigd")
        digest.voeg_toe(rij["id"], rij["hash"])
    if digest.aantal != zegel.aantal:
        yield Breuk(zegel.chain, f"zegel {zegel.seq}", f"verzegelde {zegel.aantal} rijen, nu zijn het er {digest.aantal}")
    elif digest.hexdigest() != zegel.digest:
        yield Breuk(zegel.chain, f"zegel {zegel.seq}", "de verzegelde rijen zijn vervangen")


def _onverzegeld(chain: int, kop: Zegel | None, nu: datetime.datetime, na: datetime.timedelta | None) -> Iterator[Breuk]:
    """Rows after the newest seal: each one's HMAC, and none older than `na`."""
    oud = None
    vanaf = max(kop.tot_id if kop else 0, verzegeld_tot())
    for rij in _rijen(chain=chain, id__gt=kop.tot_id if kop else 0):
        if rij["id"] <= vanaf:  # in a range sealed for other chains: this chain's seal misses it
            yield Breuk(chain, f"rij {rij['id']}", "staat niet in het zegel van zijn keten")
        elif not hmac.compare_digest(hash_van(rij), rij["hash"]):
            yield Breuk(chain, f"rij {rij['id']}", "inhoud is gewijzigd")
        elif oud is None and na is not None and rij["tijdstip"] < nu - na:
            oud = rij
    if oud is not None:
        yield Breuk(chain, f"rij {oud['id']}", f"nog niet verzegeld, geschreven op {oud['tijdstip']:%Y-%m-%d %H:%M:%S} (UTC)")


def _tegen_ankers(chain: int, kop: Zegel | None, ankers: Ankers) -> Iterator[Breuk]:
    """The chain reaches its last anchor, with the same hash (nothing cut off)."""
    anker = ankers.zegels.get(chain)
    if anker is not None:
        if kop is None or kop.seq < anker.positie:
            tot = kop.seq if kop else 0
            reden = f"zegel {tot + 1} tot en met {anker.positie} ontbreken: het log is ingekort (anker van {anker.tijdstip})"
            yield Breuk(chain, f"zegel {tot + 1}", reden)
        elif Zegel.objects.filter(chain=chain, seq=anker.positie).values_list("hash", flat=True).first() != anker.hash:
            yield Breuk(chain, f"zegel {anker.positie}", f"wijkt af van het anker van {anker.tijdstip}")
    rij_anker = ankers.rijen.get(chain)  # anchors from before the seals
    if rij_anker is not None:
        gevonden = AuditEntry.objects.filter(chain=chain, seq=rij_anker.positie).values_list("hash", flat=True).first()
        if gevonden != rij_anker.hash:
            yield Breuk(chain, f"rij {rij_anker.positie}", f"wijkt af van het anker van {rij_anker.tijdstip}, of ontbreekt")


def onverzegeld_sinds() -> datetime.datetime | None:
    """When the oldest row not yet sealed was written (for /gezondheid/ and /metrics)."""
    return AuditEntry.objects.filter(id__gt=verzegeld_tot()).order_by("id").values_list("tijdstip", flat=True).first()
