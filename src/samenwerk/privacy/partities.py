"""The access log's months and its retention (issue 21).

On PostgreSQL the log is partitioned by month of `tijdstip` (UTC): one table per month, named
`privacy_auditentry_pJJJJ_MM`, and a rest partition for a row whose month has no table (a
clock far off; /gezondheid/ reports it). A request's row goes into the current month's table,
so writing costs the same in the first month as after five years. `bewaar_audit_log` (daily)
creates the coming months ahead and removes whole months once every row in them is older than
the retention period: the month's table is detached and dropped, never deleted row by row
(the log's triggers refuse that). SQLite keeps one table; there the same command removes
the same whole months with one DELETE, the triggers stepping aside inside its transaction.

Each removal is recorded first, in the same transaction, as an `Afvoer` with an HMAC: which
period, how many rows, per chain the highest id, and what each seal it cut into kept
(privacy.zegels.bereid_afvoer). Verification then knows which seals lost rows by design.
"""

from __future__ import annotations

import datetime
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from . import triggers
from .models import Afvoer, AuditEntry
from .zegels import afvoer_hash, bereid_afvoer

TABLE = triggers.TABLE
REST = f"{TABLE}_rest"
VOORUIT = 3  # months created ahead of the current one
MINIMUM_JAREN = 5  # docs/privacy.md: the log is kept at least five years


def maand(moment: datetime.datetime | datetime.date) -> datetime.datetime:
    """The first moment (UTC) of the month this moment falls in."""
    if isinstance(moment, datetime.datetime):
        moment = moment.astimezone(datetime.UTC)
    return datetime.datetime(moment.year, moment.month, 1, tzinfo=datetime.UTC)


def plus_maanden(begin: datetime.datetime, n: int) -> datetime.datetime:
    index = begin.year * 12 + begin.month - 1 + n
    return begin.replace(year=index // 12, month=index % 12 + 1)


def naam(begin: datetime.datetime) -> str:
    return f"{TABLE}_p{begin:%Y_%m}"


@dataclass(frozen=True)
class Partitie:
    naam: str
    van: datetime.datetime | None  # None: the rest partition
    tot: datetime.datetime | None


_GRENS = re.compile(r"FROM \('([^']+)'\) TO \('([^']+)'\)")


def gepartitioneerd() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT relkind FROM pg_class WHERE oid = to_regclass(%s)", [TABLE])
        rij = cursor.fetchone()
    return bool(rij and rij[0] == "p")


def partities() -> list[Partitie]:
    """The log's partitions in time order, the rest partition last (empty on SQLite)."""
    if not gepartitioneerd():
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i "
            "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass(%s)",
            [TABLE],
        )
        rijen = cursor.fetchall()
    lijst = []
    for relname, grens in rijen:
        gevonden = _GRENS.search(grens)
        van, tot = (_moment(gevonden[1]), _moment(gevonden[2])) if gevonden else (None, None)
        lijst.append(Partitie(relname, van, tot))
    return sorted(lijst, key=lambda p: (p.van is None, p.van or datetime.datetime.min.replace(tzinfo=datetime.UTC)))


def _moment(tekst: str) -> datetime.datetime:
    """A bound as PostgreSQL writes it ('2026-11-01 00:00:00+00')."""
    return datetime.datetime.fromisoformat(tekst if re.search(r"[+-]\d\d:\d\d$", tekst) else f"{tekst}:00")


def maak_maanden(van: datetime.datetime, tot: datetime.datetime) -> list[str]:
    """A table for every month from `van`'s to `tot`'s that has none yet; returns the new names.
    Each gets the TRUNCATE trigger (the row triggers come from the parent)."""
    if not gepartitioneerd():
        return []
    bestaand = {p.naam for p in partities()}
    nieuw = []
    begin = maand(van)
    with connection.cursor() as cursor:
        while begin <= maand(tot):
            if naam(begin) not in bestaand:
                einde = plus_maanden(begin, 1)
                # names and bounds are computed here from dates, never from input
                cursor.execute(
                    f"CREATE TABLE {naam(begin)} PARTITION OF {TABLE} "
                    f"FOR VALUES FROM ('{begin.isoformat()}') TO ('{einde.isoformat()}')"
                )
                nieuw.append(naam(begin))
            begin = plus_maanden(begin, 1)
    triggers.install_op_partities(connection, nieuw)
    return nieuw


def maak_vooruit(nu: datetime.datetime | None = None, maanden: int = VOORUIT) -> list[str]:
    nu = nu or timezone.now()
    return maak_maanden(maand(nu), plus_maanden(maand(nu), maanden))


def bewaartermijn_jaren() -> int:
    jaren = int(settings.AUDIT_BEWAARTERMIJN_JAREN)
    if jaren < MINIMUM_JAREN:
        raise ValueError(
            f"SAMENWERK_AUDIT_BEWAARTERMIJN_JAREN is {jaren}: het toegangslog wordt minstens {MINIMUM_JAREN} jaar bewaard."
        )
    return jaren


def grens(nu: datetime.datetime | None = None, jaren: int | None = None) -> datetime.datetime:
    """Rows before this moment are older than the retention period: the first moment of the
    month that `jaren` years ago falls in (whole months go, and never a row that is younger)."""
    nu = (nu or timezone.now()).astimezone(datetime.UTC)
    jaren = bewaartermijn_jaren() if jaren is None else jaren
    terug = nu.replace(year=nu.year - jaren, day=28) if (nu.month, nu.day) == (2, 29) else nu.replace(year=nu.year - jaren)
    return maand(terug)


@dataclass(frozen=True)
class Afgevoerd:
    afvoer: Afvoer
    seconden: float | None  # the removal itself (detach and drop, or the DELETE); None: droog


def voer_af(*, nu: datetime.datetime | None = None, droog: bool = False) -> list[Afgevoerd]:
    """Remove every whole month older than the retention period, oldest first, each in its own
    transaction with its record. `droog`: only say what would go (nothing saved or removed)."""
    tot = grens(nu)
    if gepartitioneerd():
        weg = [p for p in partities() if p.van is not None and p.tot is not None and p.tot <= tot]
        return [_voer_af(Q(tijdstip__gte=p.van, tijdstip__lt=p.tot), Q(tijdstip__lt=p.van) | Q(tijdstip__gte=p.tot),
                         van=p.van, tot=p.tot, partitie=p.naam, droog=droog) for p in weg]  # fmt: skip
    if not AuditEntry.objects.filter(tijdstip__lt=tot).exists():
        return []
    return [_voer_af(Q(tijdstip__lt=tot), Q(tijdstip__gte=tot), van=None, tot=tot, partitie="", droog=droog)]


def _voer_af(weg: Q, blijft: Q, *, droog: bool, **velden: object) -> Afgevoerd:
    with transaction.atomic():
        rijen, ketens, rest = bereid_afvoer(weg, blijft)
        afvoer = Afvoer(tijdstip=timezone.now(), rijen=rijen, ketens=ketens, rest=rest, **velden)
        afvoer.hash = afvoer_hash(afvoer)
        if droog:
            return Afgevoerd(afvoer, None)
        afvoer.save(force_insert=True)
        if afvoer.partitie:
            return Afgevoerd(afvoer, drop_partitie(afvoer.partitie))
        begin = time.monotonic()
        triggers.remove(connection, (TABLE,))
        with connection.cursor() as cursor:
            grens = connection.ops.adapt_datetimefield_value(afvoer.tot)  # as the ORM wrote the rows
            cursor.execute(f"DELETE FROM {TABLE} WHERE tijdstip < %s", [grens])  # noqa: S608
        triggers.install(connection, (TABLE,))
        return Afgevoerd(afvoer, time.monotonic() - begin)


def drop_partitie(partitie: str) -> float:
    """Detach and drop one month's table (inside the caller's transaction); the seconds it took."""
    begin = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {TABLE} DETACH PARTITION {partitie}")
        cursor.execute(f"DROP TABLE {partitie}")
    return time.monotonic() - begin


@dataclass(frozen=True)
class Stand:
    """For /gezondheid/: months ready ahead of the current one, rows in the rest partition."""

    maanden_vooruit: int
    rest_rijen: bool


def stand(nu: datetime.datetime | None = None) -> Stand | None:
    if not gepartitioneerd():
        return None
    lijst = partities()
    begin = maand(nu or timezone.now())
    maanden = {p.van for p in lijst if p.van is not None}
    vooruit = 0
    while plus_maanden(begin, vooruit + 1) in maanden:
        vooruit += 1
    if begin not in maanden:
        vooruit = -1  # the current month itself has no table: its rows go to the rest
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {REST})")  # noqa: S608
        rest = bool(cursor.fetchone()[0])
    return Stand(vooruit, rest)
