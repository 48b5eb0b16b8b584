"""Reports and dashboards read from a PostgreSQL streaming replica when one is configured
(`SAMENWERK_DATABASE_REPLICA_URL`; docs/deployment.md, "Beyond one database server").

Only what is marked reads there: a report's or dashboard's computation wrapped in
`van_replica()` (or decorated with `@leest_van_replica`). Everything else reads and writes the
primary: the session, the two-factor check, the person's roles and every permission check,
and the access-log row a report view writes. So a replica running a moment behind can show a
figure a moment old, never grant access that was taken away. Without a replica configured
the router answers nothing and every query goes to the primary, as before.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

from django.conf import settings

REPLICA = "replica"
_op_replica: ContextVar[bool] = ContextVar("op_replica", default=False)

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def van_replica() -> Iterator[None]:
    token = _op_replica.set(True)
    try:
        yield
    finally:
        _op_replica.reset(token)


def leest_van_replica(functie: Callable[P, R]) -> Callable[P, R]:
    """A report's computation: its reads go to the replica (when there is one)."""

    @functools.wraps(functie)
    def verpakt(*args: P.args, **kwargs: P.kwargs) -> R:
        with van_replica():
            return functie(*args, **kwargs)

    return verpakt


@contextmanager
def tijdelijke_replica(instellingen: dict[str, Any]) -> Iterator[Any]:
    """A replica connection made while the process runs, not in the settings file: the
    benchmark's hot standby, the tests' second connection to their database."""
    from django.db import connections
    from django.db.utils import load_backend

    verbinding = load_backend(instellingen["ENGINE"]).DatabaseWrapper(instellingen, alias=REPLICA)
    connections[REPLICA] = verbinding
    settings.DATABASES = {**settings.DATABASES, REPLICA: instellingen}
    try:
        yield verbinding
    finally:
        verbinding.close()
        del connections[REPLICA]
        settings.DATABASES = {k: v for k, v in settings.DATABASES.items() if k != REPLICA}


class ReplicaRouter:
    def db_for_read(self, model: type, **hints: Any) -> str | None:
        if _op_replica.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return None

    def db_for_write(self, model: type, **hints: Any) -> str | None:
        return "default"  # always the primary, also for an object read from the replica

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # one database: the replica is a copy of the primary

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db != REPLICA  # the replica gets its schema from the primary's WAL
