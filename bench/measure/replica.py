"""Issue 21: the reports on a streaming replica. The run makes one of the benchmark's server
with `pg_basebackup -R` (a hot standby on another port, its files in a temporary directory),
waits until it has replayed everything, and then asks the report pages that read from a
replica (samenwerk.config.replica) twice: once with the primary alone and once with the
replica configured. It reports per page the queries and database time on each server and the
page's time, and checks that the figures are the same from both. The server must allow a
replication connection from 127.0.0.1 (pg_hba.conf: `host replication postgres 127.0.0.1/32
trust` or with a password); if it does not, the step says so and measures nothing.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from samenwerk.config.replica import tijdelijke_replica
from samenwerk.ops.backup import pg_bin

from .onderwerpen import Onderwerpen, inloggen
from .pages import _get, herhaal, pagina_lijst, percentiel

POORT = 5439
RAPPORTEN = ("Tafel: stuurgroeprapport", "Rendement: rapport")


def _als_postgres(argumenten: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run the server's programs as `postgres`."""
    return ["runuser", "-u", "postgres", "--", *argumenten] if os.geteuid() == 0 else argumenten


def replicatie_mogelijk() -> str:
    """Empty when a replication connection is allowed; otherwise why not."""
    db = connection.settings_dict
    conninfo = f"host={db['HOST'] or '127.0.0.1'} port={db['PORT'] or 5432} user={db['USER']} replication=true"
    proef = subprocess.run(
        [pg_bin("psql"), conninfo, "-Atc", "IDENTIFY_SYSTEM"], capture_output=True, text=True, check=False, timeout=30
    )
    return "" if proef.returncode == 0 else proef.stderr.strip().splitlines()[-1] if proef.stderr.strip() else "geweigerd"


@contextmanager
def streaming_replica() -> Iterator[dict[str, Any]]:
    """A hot standby of the benchmark's server on POORT, stopped and removed afterwards."""
    db = connection.settings_dict
    map_ = Path(tempfile.mkdtemp(prefix="samenwerk-bench-replica-"))
    if os.geteuid() == 0:
        gebruiker = pwd.getpwnam("postgres")
        os.chown(map_, gebruiker.pw_uid, gebruiker.pw_gid)
    data = map_ / "data"
    begin = time.perf_counter()
    basis = [pg_bin("pg_basebackup"), "-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432), "-U", db["USER"]]
    subprocess.run(_als_postgres([*basis, "-D", str(data), "-R", "-X", "stream", "-c", "fast"]), check=True, timeout=3600)
    kopie_s = time.perf_counter() - begin
    # Debian keeps the server's configuration outside its data directory: the copy gets its own.
    (data / "postgresql.conf").write_text(
        f"port = {POORT}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{map_}'\nhot_standby = on\n"
    )
    (data / "pg_hba.conf").write_text("local all all trust\nhost all all 127.0.0.1/32 trust\n")
    ctl = pg_bin("pg_ctl")
    subprocess.run(_als_postgres([ctl, "-D", str(data), "-l", str(map_ / "log"), "-w", "start"]), check=True, timeout=300)
    try:
        yield {"map": str(map_), "kopie_s": round(kopie_s, 1), **_ingehaald(db)}
    finally:
        subprocess.run(_als_postgres([ctl, "-D", str(data), "-m", "fast", "-w", "stop"]), check=False, timeout=300)
        shutil.rmtree(map_, ignore_errors=True)


def _ingehaald(db: dict[str, Any], *, wachten: float = 300) -> dict[str, Any]:
    """Wait until the standby has replayed the primary's WAL up to now."""
    import psycopg

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        doel = cursor.fetchone()[0]
    begin = time.perf_counter()
    with psycopg.connect(host="127.0.0.1", port=POORT, user=db["USER"], dbname=db["NAME"], autocommit=True) as standby:
        while time.perf_counter() - begin < wachten:
            klaar = standby.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [doel]).fetchone()[0]
            if klaar:
                return {"ingehaald_s": round(time.perf_counter() - begin, 2)}
            time.sleep(0.2)
    raise RuntimeError("The replica did not catch up with the primary within five minutes.")


def _per_verzoek(client: Client, url: str, verbinding: Any, herhalingen: int) -> tuple[int, float]:
    """Queries and database ms per request on one server."""
    with CaptureQueriesContext(verbinding) as q:
        for _ in range(herhalingen):
            _get(client, url)
    return round(len(q.captured_queries) / herhalingen), round(sum(float(x["time"]) for x in q) * 1000 / herhalingen, 2)


def meet(o: Onderwerpen, *, herhalingen: int = 20) -> dict[str, Any]:
    if reden := replicatie_mogelijk():
        return {"overgeslagen": f"geen replicatieverbinding toegestaan ({reden})"}
    paginas = [p for p in pagina_lijst(o) if p.naam.startswith(RAPPORTEN)]
    uitkomst: dict[str, Any] = {"paginas": []}
    with streaming_replica() as standby:
        uitkomst.update({k: v for k, v in standby.items() if k != "map"})
        for p in paginas:
            client = inloggen(Client(), p.als or o.user_id)
            alleen = herhaal(client, p.url, herhalingen)
            primary_alleen = _per_verzoek(client, p.url, connection, herhalingen)
            inhoud_primary = client.get(p.url).content
            standby_db = {**connection.settings_dict, "HOST": "127.0.0.1", "PORT": str(POORT)}
            with tijdelijke_replica(standby_db) as replica:
                met = herhaal(client, p.url, herhalingen)
                primary_met = _per_verzoek(client, p.url, connection, herhalingen)
                op_replica = _per_verzoek(client, p.url, replica, herhalingen)
                inhoud_replica = client.get(p.url).content
            zonder = {**_tijden(alleen), "primary_queries": primary_alleen[0], "primary_ms": primary_alleen[1]}
            met_replica = {**_tijden(met), "primary_queries": primary_met[0], "primary_ms": primary_met[1]}
            met_replica |= {"replica_queries": op_replica[0], "replica_ms": op_replica[1]}
            gelijk = _zonder_token(inhoud_primary) == _zonder_token(inhoud_replica)
            verschil = _verschil(inhoud_primary, inhoud_replica)
            uitkomst["paginas"].append(
                {"naam": p.naam, "zonder": zonder, "met": met_replica, "gelijk": gelijk, "verschil": verschil}
            )
    return uitkomst


def _tijden(tijden: list[float]) -> dict[str, float]:
    return {"p50_ms": round(percentiel(tijden, 50), 2), "p95_ms": round(percentiel(tijden, 95), 2)}


def _verschil(a: bytes, b: bytes) -> list[str]:
    import difflib

    regels = difflib.unified_diff(_zonder_token(a).decode().splitlines(), _zonder_token(b).decode().splitlines(), n=0)
    return [r for r in regels if r[:1] in "+-" and r[:3] not in ("+++", "---")][:6]


def _zonder_token(html: bytes) -> bytes:
    """The page without what differs per response (the CSRF token, the request id)."""
    import re

    return re.sub(rb'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]*', rb"\1", html)
