"""A list of ids in one column, for the access log's list rows (issue 21): one row for a list
view names every resident it showed. PostgreSQL stores a `bigint[]` with a GIN index
(migration 0006); SQLite, the embedded default without such indexes, stores JSON text. The
`bevat` lookup finds the rows whose list holds one id on either."""

from __future__ import annotations

import json
from typing import Any

from django.db import models
from django.db.models import Lookup


class IdLijst(models.Field):  # type: ignore[type-arg]
    description = "list of ids"

    def db_type(self, connection: Any) -> str:
        return "bigint[]" if connection.vendor == "postgresql" else "text"

    def get_prep_value(self, value: Any) -> list[int]:
        return sorted({int(v) for v in value or ()})

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        ids = value if prepared else self.get_prep_value(value)
        return ids if connection.vendor == "postgresql" else json.dumps(ids)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> list[int]:
        if value is None:
            return []
        return [int(v) for v in (value if isinstance(value, list) else json.loads(value))]

    def to_python(self, value: Any) -> list[int]:
        if isinstance(value, str):
            value = json.loads(value)
        return self.get_prep_value(value)


@IdLijst.register_lookup
class Bevat(Lookup):  # type: ignore[type-arg]
    """`inwoner_ids__bevat=12`: the list holds 12. On PostgreSQL written so that the partial
    GIN index (lists that are not empty) serves it."""

    lookup_name = "bevat"
    prepare_rhs = False

    def get_db_prep_lookup(self, value: Any, connection: Any) -> tuple[str, list[int]]:
        return "%s", [int(value)]

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        params = [*lhs_params, *lhs_params, *rhs_params]
        if connection.vendor == "postgresql":
            return f"(cardinality({lhs}) > 0 AND {lhs} @> ARRAY[{rhs}]::bigint[])", params
        # lhs is the column Django compiled, rhs a placeholder: no input in the text
        return f"(json_array_length({lhs}) > 0 AND EXISTS (SELECT 1 FROM json_each({lhs}) WHERE value = {rhs}))", params  # noqa: S608
