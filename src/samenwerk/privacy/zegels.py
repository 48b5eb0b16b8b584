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

Whole months go at the end of their retention (privacy.partities). Before they go,
`bereid_afvoer` checks every seal that keeps some of its rows and records, in the `Afvoer`,
the number and digest of the rows it keeps; verification checks such a seal against that,
and expects no rows at all in a seal whose rows all went. So a removal stays detectable up
to the last row, also after retention.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connection, transaction
from django.db.models import BooleanField, Case, Count, Max, Q, Value, When
from django.utils import timezone

from .audit import GENESIS, HASHED_FIELDS_LIJST, Breuk, hash_van
from .models import Afvoer, AuditEntry, Zegel

if TYPE_CHECKING:
    from .ankers import Ankers

ONVERZEGELD_TOEGESTAAN = datetime.timedelta(minutes=1)
PER_KEER = 50_000  # rows per round of the sealer: a bounded amount of memory and work


def _mac(soort: str, velden: dict[str, object]) -> str:
    """The HMAC of a seal or a removal record: the log's key over its kind and its fields."""
    data = f"samenwerk-toegangslog-{soort}|".encode() + json.dumps(velden, sort_keys=True).encode()
    return hmac.new(settings.AUDIT_KEY.encode(), data, hashlib.sha256).hexdigest()


def _utc(moment: datetime.datetime | None) -> str | None:
    return moment.astimezone(datetime.UTC).isoformat() if moment else None


def zegel_hash(zegel: Zegel) -> str:
    velden = {
        "chain": zegel.chain, "seq": zegel.seq, "tot_id": zegel.tot_id, "aantal": zegel.aantal,
        "digest": zegel.digest, "prev_hash": zegel.prev_hash, "tijdstip": _utc(zegel.tijdstip),
    }  # fmt: skip
    return _mac("zegel", velden)


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
    weg = afvoeren()
    yield from weg.breuken
    for chain in sorted(set(chains)):
        kop = Kop()
        yield from loop_zegels(chain, kop, sinds=sinds, weg=weg)
        yield from _onverzegeld(chain, kop.zegel, nu, onverzegeld_na)
        yield from _tegen_ankers(chain, kop.zegel, ankers, weg)


@dataclass
class Kop:
    """Where a walk over a chain's seals ended: its newest seal, or None."""

    zegel: Zegel | None = None


def loop_zegels(chain: int, kop: Kop, *, sinds: datetime.datetime | None = None, weg: Afvoeren | None = None) -> Iterator[Breuk]:
    """Walk one chain's seals in order, each with its rows; `kop` holds where it ended. The rows
    of up to PER_ZEGELS seals come in one query (on PostgreSQL each query is planned over every
    month's table: a query per seal cost more to plan than to run)."""
    weg = afvoeren() if weg is None else weg
    zegels = Zegel.objects.filter(chain=chain).order_by("seq")
    vorige: Zegel | None = None
    if sinds is not None:
        vorige = zegels.filter(tijdstip__lt=sinds).order_by("-seq").first()
        zegels = zegels.filter(seq__gt=vorige.seq) if vorige else zegels
    for groep in _groepen(zegels.iterator(chunk_size=PER_ZEGELS), PER_ZEGELS):
        tot = max(z.tot_id for z in groep)
        stroom = _Stroom(_rijen(chain, vorige.tot_id if vorige else 0, tot))
        for zegel in groep:
            plek = f"zegel {zegel.seq}"
            verwacht_seq = vorige.seq + 1 if vorige else 1
            if zegel.seq != verwacht_seq:
                yield Breuk(chain, plek, f"zegel {verwacht_seq} tot en met {zegel.seq - 1} ontbreken")
            if zegel.prev_hash != (vorige.hash if vorige else GENESIS) and zegel.seq == verwacht_seq:
                yield Breuk(chain, plek, "verwijst niet naar het vorige zegel")
            if not hmac.compare_digest(zegel_hash(zegel), zegel.hash):
                yield Breuk(chain, plek, "het zegel is gewijzigd")
            yield from _rijen_van(zegel, vorige.tot_id if vorige else 0, weg, stroom.tot(zegel.tot_id))
            vorige = kop.zegel = zegel
    if kop.zegel is None:
        kop.zegel = vorige


PER_ZEGELS = 500


def _groepen(zegels: Iterable[Zegel], grootte: int) -> Iterator[list[Zegel]]:
    groep: list[Zegel] = []
    for zegel in zegels:
        groep.append(zegel)
        if len(groep) == grootte:
            yield groep
            groep = []
    if groep:
        yield groep


class _Stroom:
    """Rows in id order, handed out seal by seal."""

    def __init__(self, rijen: Iterator[dict[str, object]]) -> None:
        self._rijen = rijen
        self._volgende = next(rijen, None)

    def tot(self, tot_id: int) -> Iterator[dict[str, object]]:
        while self._volgende is not None and self._volgende["id"] <= tot_id:
            rij, self._volgende = self._volgende, next(self._rijen, None)
            yield rij


def _rijen(chain: int, vanaf: int, tot: int | None = None) -> Iterator[dict[str, object]]:
    """A chain's rows with `vanaf < id <= tot` in id order, as values (no model per row), a
    page of PAGINA at a time by id: plain queries, so no server-side cursor that autocommit
    would materialise whole, and a bounded amount in memory."""
    while True:
        rijen = AuditEntry.objects.filter(chain=chain, id__gt=vanaf)
        rijen = rijen.filter(id__lte=tot) if tot is not None else rijen
        pagina = list(rijen.order_by("id").values(*HASHED_FIELDS_LIJST, "hash")[:PAGINA])
        yield from pagina
        if len(pagina) < PAGINA:
            return
        vanaf = int(pagina[-1]["id"])  # type: ignore[call-overload]


PAGINA = 2000


def _rijen_van(zegel: Zegel, vanaf: int, weg: Afvoeren, rijen: Iterable[dict[str, object]]) -> Iterator[Breuk]:
    aantal, verwacht, na_afvoer = _verwacht(zegel, vanaf, weg)
    digest = _Digest()
    for rij in rijen:
        if not hmac.compare_digest(hash_van(rij), rij["hash"]):
            yield Breuk(zegel.chain, f"rij {rij['id']}", "inhoud is gewijzigd")
        digest.voeg_toe(rij["id"], rij["hash"])
    bij = " na de afvoer" if na_afvoer else ""
    if digest.aantal != aantal:
        yield Breuk(zegel.chain, f"zegel {zegel.seq}", f"verzegelde {aantal} rijen{bij}, nu zijn het er {digest.aantal}")
    elif digest.hexdigest() != verwacht:
        yield Breuk(zegel.chain, f"zegel {zegel.seq}", f"de verzegelde rijen{bij} zijn vervangen")


def _onverzegeld(chain: int, kop: Zegel | None, nu: datetime.datetime, na: datetime.timedelta | None) -> Iterator[Breuk]:
    """Rows after the newest seal: each one's HMAC, and none older than `na`."""
    oud = None
    vanaf = max(kop.tot_id if kop else 0, verzegeld_tot())
    for rij in _rijen(chain, kop.tot_id if kop else 0):
        if rij["id"] <= vanaf:  # in a range sealed for other chains: this chain's seal misses it
            yield Breuk(chain, f"rij {rij['id']}", "staat niet in het zegel van zijn keten")
        elif not hmac.compare_digest(hash_van(rij), rij["hash"]):
            yield Breuk(chain, f"rij {rij['id']}", "inhoud is gewijzigd")
        elif oud is None and na is not None and rij["tijdstip"] < nu - na:
            oud = rij
    if oud is not None:
        yield Breuk(chain, f"rij {oud['id']}", f"nog niet verzegeld, geschreven op {oud['tijdstip']:%Y-%m-%d %H:%M:%S} (UTC)")


def _tegen_ankers(chain: int, kop: Zegel | None, ankers: Ankers, weg: Afvoeren) -> Iterator[Breuk]:
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
        afgevoerd = gevonden is None and _voor(rij_anker.tijdstip, weg.tot)  # the row is older than its anchor
        if gevonden != rij_anker.hash and not afgevoerd:
            yield Breuk(chain, f"rij {rij_anker.positie}", f"wijkt af van het anker van {rij_anker.tijdstip}, of ontbreekt")


# --- Retention ------------------------------------------------------------------------------

LEEG = hashlib.sha256().hexdigest()  # the digest of no rows


def afvoer_hash(afvoer: Afvoer) -> str:
    velden = {
        "van": _utc(afvoer.van), "tot": _utc(afvoer.tot), "partitie": afvoer.partitie, "rijen": afvoer.rijen,
        "ketens": afvoer.ketens, "rest": afvoer.rest, "tijdstip": _utc(afvoer.tijdstip),
    }  # fmt: skip
    return _mac("afvoer", velden)


@dataclass(frozen=True)
class Afvoeren:
    """What retention removed, from the `Afvoer` records whose HMAC holds."""

    ketens: dict[int, int] = field(default_factory=dict)  # per chain the highest id removed
    rest: dict[tuple[int, int], tuple[int, str]] = field(default_factory=dict)  # (chain, seq): kept rows, digest
    tot: datetime.datetime | None = None  # every row written before this moment went
    breuken: tuple[Breuk, ...] = ()


def afvoeren() -> Afvoeren:
    ketens: dict[int, int] = {}
    rest: dict[tuple[int, int], tuple[int, str]] = {}
    tot, breuken = None, []
    for afvoer in Afvoer.objects.order_by("tijdstip", "id"):
        if not hmac.compare_digest(afvoer_hash(afvoer), afvoer.hash):
            breuken.append(Breuk(0, f"afvoer {afvoer.pk}", "de afvoer is gewijzigd of niet met de sleutel vastgelegd"))
            continue
        geraakt = {int(chain) for chain in afvoer.ketens}
        rest = {sleutel: waarde for sleutel, waarde in rest.items() if sleutel[0] not in geraakt}  # superseded
        for chain, hoogste in afvoer.ketens.items():
            ketens[int(chain)] = max(ketens.get(int(chain), 0), int(hoogste))
        for sleutel, (aantal, digest) in afvoer.rest.items():
            chain, seq = sleutel.split(":")
            rest[(int(chain), int(seq))] = (int(aantal), str(digest))
        tot = max(tot, afvoer.tot) if tot else afvoer.tot
    return Afvoeren(ketens, rest, tot, tuple(breuken))


def _verwacht(zegel: Zegel, vanaf: int, weg: Afvoeren) -> tuple[int, str, bool]:
    """The rows a seal's range should hold now: all it sealed, or, when rows of its range went
    at the end of their retention, what the removal recorded it kept (nothing if not named)."""
    if vanaf >= weg.ketens.get(zegel.chain, 0):
        return zegel.aantal, zegel.digest, False
    aantal, digest = weg.rest.get((zegel.chain, zegel.seq), (0, LEEG))
    return aantal, digest, True


def bereid_afvoer(weg: Q, blijft: Q) -> tuple[int, dict[str, int], dict[str, list[int | str]]]:
    """Before the rows matching `weg` go (`blijft`: the others, written so that PostgreSQL can
    skip the months that go): how many, per chain the highest id, and for every seal of those
    chains that keeps rows, the number and digest of what it keeps. Each such seal is checked
    first as verification would: retention never turns a changed row into an accepted one."""
    vorige = afvoeren()
    if vorige.breuken:
        raise ValueError("Het toegangslog is niet intact (een afvoer klopt niet): eerst verify_audit_log.")
    if AuditEntry.objects.filter(weg, id__gt=verzegeld_tot()).exists():
        raise ValueError("Rijen die weg zouden gaan zijn nog niet verzegeld: eerst verzegel_audit_log, niets afgevoerd.")
    per_keten = AuditEntry.objects.filter(weg).values("chain").annotate(n=Count("id"), hoogste=Max("id")).order_by()
    ketens = {str(r["chain"]): r["hoogste"] for r in per_keten}
    rest: dict[str, list[int | str]] = {}
    for sleutel, hoogste in ketens.items():
        chain = int(sleutel)
        grens = max(hoogste, vorige.ketens.get(chain, 0))
        blijvend = AuditEntry.objects.filter(blijft, chain=chain, id__lte=grens).values_list("id", flat=True)
        geraakt = {z for rij_id in [*blijvend, grens] if (z := _zegel_met(chain, rij_id)) is not None}
        for zegel in sorted(geraakt, key=lambda z: z.seq):
            rest[f"{chain}:{zegel.seq}"] = _wat_blijft(zegel, weg, vorige)
    return sum(r["n"] for r in per_keten), ketens, rest


def _zegel_met(chain: int, rij_id: int) -> Zegel | None:
    return Zegel.objects.filter(chain=chain, tot_id__gte=rij_id).order_by("tot_id").first()


def _wat_blijft(zegel: Zegel, weg: Q, vorige: Afvoeren) -> list[int | str]:
    vorig = Zegel.objects.filter(chain=zegel.chain, seq=zegel.seq - 1).values_list("tot_id", flat=True).first() or 0
    aantal, verwacht, _ = _verwacht(zegel, vorig, vorige)
    nu, blijft = _Digest(), _Digest()
    rijen = AuditEntry.objects.filter(chain=zegel.chain, id__gt=vorig, id__lte=zegel.tot_id).order_by("id")
    gaat = Case(When(weg, then=Value(True)), default=Value(False), output_field=BooleanField())
    for rij_id, rij_hash, weg_ermee in rijen.annotate(gaat=gaat).values_list("id", "hash", "gaat").iterator(chunk_size=5000):
        nu.voeg_toe(rij_id, rij_hash)
        if not weg_ermee:
            blijft.voeg_toe(rij_id, rij_hash)
    if (nu.aantal, nu.hexdigest()) != (aantal, verwacht):
        raise ValueError(f"Keten {zegel.chain}, zegel {zegel.seq} klopt niet: eerst verify_audit_log, niets afgevoerd.")
    return [blijft.aantal, blijft.hexdigest()]


def _voor(tijdstip: str, grens: datetime.datetime | None) -> bool:
    try:
        return grens is not None and datetime.datetime.fromisoformat(tijdstip) < grens
    except ValueError:
        return False


def onverzegeld_sinds() -> datetime.datetime | None:
    """When the oldest row not yet sealed was written (for /gezondheid/ and /metrics)."""
    return AuditEntry.objects.filter(id__gt=verzegeld_tot()).order_by("id").values_list("tijdstip", flat=True).first()
