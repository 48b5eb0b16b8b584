"""Database triggers that make the access log append-only (UPDATE, DELETE and, on
PostgreSQL, TRUNCATE are refused). Installed by migration 0002.

On PostgreSQL, production additionally runs the application as a role with only SELECT and
INSERT on this table (docs/privacy.md); on SQLite whoever holds the file holds everything,
so there the hash chain is what detects tampering.
"""

from __future__ import annotations

from typing import Any

TABLE = "privacy_auditentry"

_INSTALL = {
    "sqlite": [
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_no_update BEFORE UPDATE ON {TABLE} "
        "BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_no_delete BEFORE DELETE ON {TABLE} "
        "BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END",
    ],
    "postgresql": [
        "CREATE OR REPLACE FUNCTION privacy_audit_append_only() RETURNS trigger AS $$ "
        "BEGIN RAISE EXCEPTION 'the access log is append-only'; END; $$ LANGUAGE plpgsql",
        f"CREATE OR REPLACE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION privacy_audit_append_only()",
        f"CREATE OR REPLACE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE} "
        "FOR EACH STATEMENT EXECUTE FUNCTION privacy_audit_append_only()",
    ],
}
_REMOVE = {
    "sqlite": [f"DROP TRIGGER IF EXISTS {TABLE}_no_update", f"DROP TRIGGER IF EXISTS {TABLE}_no_delete"],
    "postgresql": [
        f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}",
        f"DROP TRIGGER IF EXISTS {TABLE}_no_truncate ON {TABLE}",
    ],
}


def install(connection: Any) -> None:
    _execute(connection, _INSTALL)


def remove(connection: Any) -> None:
    _execute(connection, _REMOVE)


def _execute(connection: Any, statements: dict[str, list[str]]) -> None:
    with connection.cursor() as cursor:
        for sql in statements.get(connection.vendor, []):
            cursor.execute(sql)
