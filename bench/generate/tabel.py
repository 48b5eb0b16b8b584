"""Bulk loading with PostgreSQL's COPY: rows are tuples in the order of the fields a
`Tabel` names, written through the psycopg connection Django already holds. Ids are given
by the generator (`Ids`), so rows can point at each other before anything is written;
the sequences are moved past them afterwards (`zet_sequences`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Model


class Tabel:
    """The rows of one model waiting for COPY."""

    def __init__(self, model: type[Model], velden: Iterable[str]) -> None:
        self.model = model
        self.velden = list(velden)
        kolommen = ", ".join('"' + model._meta.get_field(v).column + '"' for v in self.velden)
        self.sql = f'COPY "{model._meta.db_table}" ({kolommen}) FROM STDIN'
        self.rijen: list[tuple[Any, ...]] = []
        self.totaal = 0

    def add(self, *waarden: Any) -> None:
        self.rijen.append(waarden)

    def schrijf(self) -> int:
        """COPY the waiting rows; returns how many were written."""
        if not self.rijen:
            return 0
        connection.ensure_connection()
        with connection.connection.cursor() as cursor, cursor.copy(self.sql) as copy:
            for rij in self.rijen:
                copy.write_row(rij)
        aantal = len(self.rijen)
        self.totaal += aantal
        self.rijen = []
        return aantal


class Ids:
    """Hands out primary keys per model, after what the database holds already."""

    def __init__(self) -> None:
        self._volgende: dict[type[Model], int] = {}

    def nieuw(self, model: type[Model]) -> int:
        if model not in self._volgende:
            with connection.cursor() as cursor:
                cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{model._meta.db_table}"')
                self._volgende[model] = cursor.fetchone()[0] + 1
        waarde = self._volgende[model]
        self._volgende[model] = waarde + 1
        return waarde


def zet_sequences(models: Iterable[type[Model]]) -> None:
    """Move each table's id sequence past the ids the generator gave out."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(models)):
            cursor.execute(sql)


def js(waarde: Any) -> str:
    """A JSON column's value as COPY text."""
    return json.dumps(waarde, ensure_ascii=False)
