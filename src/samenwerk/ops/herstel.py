"""The restore drill: restore a backup (backup.py) into a fresh database and check it in a
separate process that runs against the copy (herstel_controle): every table's row count equal
to the backup's manifest, the access log's hash chain verified with the restored anchors, a
known case opened through the app by its casusregisseur. Times each step."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg
from django.conf import settings

from .backup import MANIFEST, pg_bin, pg_env, postgres


def _url(db: dict[str, Any], naam: str) -> str:
    auth = quote(str(db.get("USER") or ""), safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(str(db["PASSWORD"]), safe="")
    host = db.get("HOST") or "localhost"
    poort = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}@{host}{poort}/{quote(naam, safe='')}"


def _pak_uit(archief: Path, doel: Path) -> None:
    """Unpack the backup's files: only regular files and directories below `doel` (tarfile's
    "data" filter where this Python has it; Debian 12's 3.11.2 does not)."""
    with tarfile.open(archief) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(doel, filter="data")
            return
        leden = []
        for lid in tar.getmembers():
            pad = (doel / lid.name).resolve()
            if not (lid.isfile() or lid.isdir()) or not pad.is_relative_to(doel.resolve()):
                raise ValueError(f"unsafe entry in {archief.name}: {lid.name}")
            leden.append(lid)
        tar.extractall(doel, members=leden)  # noqa: S202 (checked above)


def oefen(bron: Path, werkmap: Path, *, casus: int | None = None, bewaar: bool = False) -> dict[str, Any]:
    manifest = json.loads((bron / MANIFEST).read_text())
    werkmap.mkdir(parents=True, exist_ok=True)
    rapport: dict[str, Any] = {"backup": str(bron), "gemaakt_op": manifest["gemaakt_op"], "engine": manifest["engine"]}
    start = time.monotonic()
    _pak_uit(bron / "bestanden.tar.gz", werkmap / "bestanden")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SQLITE_PATH")}
    env["SAMENWERK_AUDIT_ANCHOR_DIR"] = str(werkmap / "bestanden" / "toegangslog-ankers")
    db = settings.DATABASES["default"]
    doel_db = None
    if manifest["engine"] == "postgresql":
        if not postgres(db):
            raise ValueError("a PostgreSQL backup restores into PostgreSQL: set DATABASE_URL")
        doel_db = f"{db['NAME']}_herstel_{secrets.token_hex(4)}"[:63]
        with psycopg.connect(_url(db, "postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{doel_db}"')
        dump = str(bron / manifest["database"])
        subprocess.run(  # noqa: S603 (fixed program)
            [pg_bin("pg_restore"), "--no-owner", "--exit-on-error", "--jobs=2", f"--dbname={doel_db}", dump],
            env=pg_env(db), check=True, capture_output=True, timeout=6 * 3600,
        )  # fmt: skip
        env["DATABASE_URL"] = _url(db, doel_db)
    else:
        kopie = werkmap / "hersteld.sqlite3"
        shutil.copyfile(bron / manifest["database"], kopie)
        env["SQLITE_PATH"] = str(kopie)
    rapport["herstel_seconden"] = round(time.monotonic() - start, 2)
    try:
        controle_start = time.monotonic()
        argumenten = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "herstel_controle", str(bron / MANIFEST)]
        if casus:
            argumenten += ["--casus", str(casus)]
        result = subprocess.run(argumenten, env=env, capture_output=True, text=True, timeout=3600, check=False)  # noqa: S603
        if result.returncode != 0:
            raise RuntimeError(f"herstel_controle failed: {result.stderr[-2000:]}")
        rapport |= json.loads(result.stdout.strip().splitlines()[-1])
        rapport["controle_seconden"] = round(time.monotonic() - controle_start, 2)
    finally:
        if doel_db and not bewaar:
            with psycopg.connect(_url(db, "postgres"), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{doel_db}" WITH (FORCE)')
        if doel_db and bewaar:
            rapport["database"] = doel_db
    rapport["totaal_seconden"] = round(time.monotonic() - start, 2)
    # A backup without any case (a fresh installation) has nothing to open; any other must open one.
    geen_casus = manifest["tabellen"].get("casussen_casus", 0) == 0
    geopend = rapport.get("casus_geopend") or geen_casus
    rapport["geslaagd"] = bool(not rapport.get("verschillen") and not rapport.get("breuken") and geopend)
    return rapport
