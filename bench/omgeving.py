"""The benchmark's own database and settings. Everything runs against a PostgreSQL database
made for the benchmark (default `samenwerk_bench` on the machine's server), never against
the development database; it is dropped and made anew for every run."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/samenwerk_bench")


def instellingen() -> dict[str, str]:
    """The environment of every process of the benchmark (this one, gunicorn's workers)."""
    return {
        "DJANGO_SETTINGS_MODULE": "samenwerk.config.settings",
        "DATABASE_URL": DATABASE_URL,
        "DJANGO_DEBUG": "0",  # no query log in memory, templates cached: as in production
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
        "SAMENWERK_VAR_DIR": str(ROOT / "var" / "bench"),
    }


def django_starten() -> None:
    os.environ.update(instellingen())
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def _beheer_url() -> tuple[str, str]:
    delen = urlsplit(DATABASE_URL)
    naam = delen.path.lstrip("/")
    if not naam.endswith("bench"):
        raise SystemExit(f"Refusing to drop {naam!r}: the benchmark database's name must end in 'bench'.")
    return urlunsplit(delen._replace(path="/postgres")), naam


def nieuwe_database() -> None:
    """Drop and create the benchmark database, start Django on it and migrate."""
    import psycopg

    beheer, naam = _beheer_url()
    with psycopg.connect(beheer, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{naam}"')
    django_starten()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def database_weg() -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    beheer, naam = _beheer_url()
    with psycopg.connect(beheer, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
