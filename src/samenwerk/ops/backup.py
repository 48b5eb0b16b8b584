"""Backups that restore (docs/deployment.md "Back-up en herstel").

A backup is a directory: `database.dump` (PostgreSQL, `pg_dump` custom format) or
`database.sqlite3` (SQLite, its online backup API), `bestanden.tar.gz` (the access log's signed
anchors and uploaded files, which live outside the database) and `manifest.json` (when, which
engine, and the row count of every table, counted in the same snapshot the dump was taken
from). The restore drill (`herstel_oefening`) restores it into a fresh database and checks it.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

MANIFEST = "manifest.json"


def postgres(db: dict[str, Any] | None = None) -> bool:
    return "postgresql" in (db or settings.DATABASES["default"])["ENGINE"]


def pg_env(db: dict[str, Any]) -> dict[str, str]:
    """libpq's environment for pg_dump/pg_restore: no password on a command line."""
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[var] = str(db[key])
    return env


def tabellen(cursor: Any) -> list[str]:
    return sorted(connection.introspection.table_names(cursor))


def tellingen(cursor: Any, namen: list[str]) -> dict[str, int]:
    quote = connection.ops.quote_name
    result = {}
    for naam in namen:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(naam)}")  # noqa: S608 (names from the database's own catalogue)
        result[naam] = cursor.fetchone()[0]
    return result


def maak(doel: Path) -> dict[str, Any]:
    """Write a backup into `doel` (created; must be empty). Returns the manifest."""
    doel.mkdir(parents=True, exist_ok=True)
    if any(doel.iterdir()):
        raise ValueError(f"{doel} is not empty")
    start = time.monotonic()
    db = settings.DATABASES["default"]
    if postgres(db):
        aantallen = _pg_dump(db, doel / "database.dump")
        bestand = "database.dump"
    else:
        aantallen = _sqlite_backup(doel / "database.sqlite3")
        bestand = "database.sqlite3"
    _bestanden(doel / "bestanden.tar.gz")
    manifest = {
        "gemaakt_op": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "engine": "postgresql" if postgres(db) else "sqlite",
        "database": bestand,
        "tabellen": aantallen,
        "seconden": round(time.monotonic() - start, 2),
    }
    (doel / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def _pg_dump(db: dict[str, Any], pad: Path) -> dict[str, int]:
    """Count the rows and dump in one snapshot: a repeatable-read transaction exports its
    snapshot and pg_dump takes the dump from exactly that state."""
    with connection.cursor() as cursor, _transactie(cursor, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"):
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        aantallen = tellingen(cursor, tabellen(cursor))
        subprocess.run(  # noqa: S603 (fixed program, arguments from settings)
            [pg_bin("pg_dump"), "--format=custom", "--no-owner", f"--snapshot={snapshot}", f"--file={pad}", db["NAME"]],
            env=pg_env(db), check=True, capture_output=True, timeout=6 * 3600,
        )  # fmt: skip
    return aantallen


def _sqlite_backup(pad: Path) -> dict[str, int]:
    connection.ensure_connection()
    bron: sqlite3.Connection = connection.connection
    doel = sqlite3.connect(pad)
    try:
        with connection.cursor() as cursor:
            aantallen = tellingen(cursor, tabellen(cursor))
        bron.backup(doel)
    finally:
        doel.close()
    return aantallen


@contextlib.contextmanager
def _transactie(cursor: Any, begin: str) -> Iterator[None]:
    connection.ensure_connection()
    autocommit = connection.get_autocommit()
    if not autocommit:
        raise RuntimeError("run the backup outside a transaction")
    cursor.execute(begin)
    try:
        yield
    finally:
        cursor.execute("ROLLBACK")


def _bestanden(pad: Path) -> None:
    with tarfile.open(pad, "w:gz") as tar:
        ankers = Path(settings.AUDIT_ANCHOR_DIR)
        if ankers.exists():
            tar.add(ankers, arcname="toegangslog-ankers")
        media = Path(settings.MEDIA_ROOT) if settings.MEDIA_ROOT else None
        if media and media.exists():
            tar.add(media, arcname="media")


def pg_bin(naam: str) -> str:
    """A program of the newest PostgreSQL on this machine (pg_dump, pg_restore, pg_basebackup;
    Debian keeps them per version)."""
    kandidaten = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{naam}"), key=lambda p: int(p.parts[-3]))
    if kandidaten:
        return str(kandidaten[-1])
    gevonden = shutil.which(naam)
    if not gevonden:
        raise FileNotFoundError(f"{naam} not found: apt-get install postgresql-client")
    return gevonden
