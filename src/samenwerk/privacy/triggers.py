"""Database triggers that make the access log append-only (UPDATE, DELETE and, on
PostgreSQL, TRUNCATE are refused). Installed by migration 0002 on the rows, by 0005 on
the seals and by 0007 on the record of removals (`TABLES`); on PostgreSQL the month tables
of the rows get the TRUNCATE trigger as they are made (privacy.partities).

On PostgreSQL, production additionally runs the application as a role with only SELECT and
INSERT on this table (docs/privacy.md); on SQLite whoever holds the file holds everything,
so there the hash chain is what detects tampering.
"""

from __future__ import annotations

from typing import Any

TABLE = "privacy_auditentry"
TABLES = (TABLE, "privacy_zegel", "privacy_afvoer")
_FUNCTIE = (
    "CREATE OR REPLACE FUNCTION privacy_audit_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'the access log is append-only'; END; $$ LANGUAGE plpgsql"
)


def _install(tabel: str) -> dict[str, list[str]]:
    return {
        "sqlite": [
            f"CREATE TRIGGER IF NOT EXISTS {tabel}_no_update BEFORE UPDATE ON {tabel} "
            "BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END",
            f"CREATE TRIGGER IF NOT EXISTS {tabel}_no_delete BEFORE DELETE ON {tabel} "
            "BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END",
        ],
        "postgresql": [
            _FUNCTIE,
            f"CREATE OR REPLACE TRIGGER {tabel}_append_only BEFORE UPDATE OR DELETE ON {tabel} "
            "FOR EACH ROW EXECUTE FUNCTION privacy_audit_append_only()",
            f"CREATE OR REPLACE TRIGGER {tabel}_no_truncate BEFORE TRUNCATE ON {tabel} "
            "FOR EACH STATEMENT EXECUTE FUNCTION privacy_audit_append_only()",
        ],
    }


def _remove(tabel: str) -> dict[str, list[str]]:
    return {
        "sqlite": [f"DROP TRIGGER IF EXISTS {tabel}_no_update", f"DROP TRIGGER IF EXISTS {tabel}_no_delete"],
        "postgresql": [
            f"DROP TRIGGER IF EXISTS {tabel}_append_only ON {tabel}",
            f"DROP TRIGGER IF EXISTS {tabel}_no_truncate ON {tabel}",
        ],
    }


def install(connection: Any, tabellen: tuple[str, ...] = TABLES) -> None:
    for tabel in _bestaande(connection, tabellen):
        _execute(connection, _install(tabel))
        if tabel == TABLE:
            install_op_partities(connection, _partities(connection))


def remove(connection: Any, tabellen: tuple[str, ...] = TABLES) -> None:
    for tabel in _bestaande(connection, tabellen):
        _execute(connection, _remove(tabel))
        if tabel == TABLE:
            for partitie in _partities(connection):
                _execute(connection, {"postgresql": [f"DROP TRIGGER IF EXISTS {partitie}_no_truncate ON {partitie}"]})


def install_op_partities(connection: Any, partities: list[str]) -> None:
    """The month tables of a partitioned log (privacy.partities): the row triggers come from
    the parent, but a TRUNCATE of one month's table would pass the parent's trigger."""
    for partitie in partities:
        _execute(connection, {"postgresql": _install(partitie)["postgresql"][2:]})


def _partities(connection: Any) -> list[str]:
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass(%s)",
            [TABLE],
        )
        return [rij[0] for rij in cursor.fetchall()]


def _bestaande(connection: Any, tabellen: tuple[str, ...]) -> list[str]:
    """The tables that exist at this point of the migrations (the seals came with 0005)."""
    if len(tabellen) == 1 and tabellen[0] == TABLE:
        return [TABLE]
    with connection.cursor() as cursor:
        namen = set(connection.introspection.table_names(cursor))
    return [t for t in tabellen if t in namen]


def _execute(connection: Any, statements: dict[str, list[str]]) -> None:
    with connection.cursor() as cursor:
        for sql in statements.get(connection.vendor, []):
            cursor.execute(sql)
