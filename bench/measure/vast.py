"""The database work every signed-in page does before and after its own rows, written by hand:
the session with the user, the authenticator and the person's roles in one query, then the
access-log row (its id from the table's sequence, then the insert, committed by itself; no
lock and no look-up of a chain's end since the seals, issue 21). No page can be faster than
this plus its own raw-SQL baseline, so the report shows, beside each page's ratio, the ratio
a page would reach if Django, the templates and Python cost nothing.

The access-log row goes into a copy of the table (`bench_toegangslog`, same columns and
indexes, dropped afterwards) so the real log stays as the product wrote it; the id comes from
the real table's sequence, as the page takes it."""

from __future__ import annotations

import hashlib
import time
from typing import Any

from django.db import connection, models, transaction
from psycopg.types.json import Jsonb

from bench.generate.audit import VELDEN
from samenwerk.privacy.models import AuditEntry

LEZEN = """
SELECT s.session_data, u.id, u.is_active, d.id, d.confirmed, r.rol, r.gemeente_id, r.gebied_id, r.organisatie_id
FROM django_session s
JOIN gemeenten_user u ON u.id = %s
JOIN otp_totp_totpdevice d ON d.user_id = u.id AND d.confirmed
LEFT JOIN gemeenten_roltoewijzing r ON r.user_id = u.id AND r.geldig_vanaf <= CURRENT_DATE
     AND (r.geldig_tot IS NULL OR r.geldig_tot >= CURRENT_DATE)
WHERE s.session_key = %s AND s.expire_date > now()
"""
VOLGENDE = "SELECT nextval(pg_get_serial_sequence('privacy_auditentry', 'id')) FROM generate_series(1, 1)"
KOLOMMEN = ", ".join(f'"{v}"' for v in ["id", *VELDEN])
SCHRIJVEN = f"INSERT INTO bench_toegangslog ({KOLOMMEN}) VALUES ({', '.join(['%s'] * (len(VELDEN) + 1))})"
SQL = " ".join(LEZEN.split()) + "; " + VOLGENDE + "; " + SCHRIJVEN.split(" VALUES")[0] + " …"


def _voorbeeld(chain: int) -> list[Any]:
    """An empty copy of the table, and the newest row of the chain as the values to write."""
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_toegangslog")
        cursor.execute("CREATE TABLE bench_toegangslog (LIKE privacy_auditentry INCLUDING ALL)")
        cursor.execute(f"SELECT {KOLOMMEN} FROM privacy_auditentry WHERE chain = %s ORDER BY id DESC LIMIT 1", [chain])
        json = {f.attname for f in AuditEntry._meta.concrete_fields if isinstance(f, models.JSONField)}
        return [Jsonb(w) if v in json else w for v, w in zip(["id", *VELDEN], cursor.fetchone(), strict=True)]


def meet(*, user_id: int, sessie: str, chain: int, herhalingen: int, opwarmen: int = 3) -> list[float]:
    """The times in ms of the read and the access-log row together, as one request does them."""
    voorbeeld = _voorbeeld(chain)
    hash_ = 1 + VELDEN.index("hash")
    tijden: list[float] = []
    try:
        for i in range(opwarmen + herhalingen):
            begin = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute(LEZEN, [user_id, sessie])
                if not cursor.fetchall():
                    raise RuntimeError("The session of the measured person is not valid.")
                cursor.execute(VOLGENDE)
                voorbeeld[0] = cursor.fetchone()[0]  # a row of its own, as the product numbers it
                voorbeeld[hash_] = hashlib.sha256(str(voorbeeld[0]).encode()).hexdigest()
                cursor.execute(SCHRIJVEN, voorbeeld)
            if i >= opwarmen:
                tijden.append((time.perf_counter() - begin) * 1000)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS bench_toegangslog")
    return tijden


def leeg_en_vol(*, chain: int, herhalingen: int, opwarmen: int = 10) -> dict[str, list[float]]:
    """The access-log row's INSERT (the statement alone, in ms) into an empty log — the copy of
    the table with the same indexes — and into the real one with all its rows, taken in turns
    so both see the same machine. Each row is written in a transaction that is rolled back: the
    real log keeps only a gap in its ids, as after any request that failed. Issue 21: what a
    request pays for its log row may not grow with the log."""
    voorbeeld = _voorbeeld(chain)
    hash_ = 1 + VELDEN.index("hash")
    tijden: dict[str, list[float]] = {"leeg": [], "vol": []}
    try:
        for i in range(opwarmen + herhalingen):
            for soort, tabel in (("leeg", "bench_toegangslog"), ("vol", "privacy_auditentry")):
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute(VOLGENDE)
                    voorbeeld[0] = cursor.fetchone()[0]
                    voorbeeld[hash_] = hashlib.sha256(str(voorbeeld[0]).encode()).hexdigest()
                    begin = time.perf_counter()
                    cursor.execute(SCHRIJVEN.replace("bench_toegangslog", tabel, 1), voorbeeld)
                    if i >= opwarmen:
                        tijden[soort].append((time.perf_counter() - begin) * 1000)
                    transaction.set_rollback(True)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS bench_toegangslog")
    return tijden
