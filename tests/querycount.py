"""Query counts that do not grow with the data (style.md §13)."""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(action: Callable[[], object]) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        action()
    return len(ctx.captured_queries), [q["sql"] for q in ctx.captured_queries]


def assert_constant_queries(
    make_rows: Callable[[int], object], action: Callable[[], object], sizes: tuple[int, ...] = (1, 10, 100)
) -> int:
    """Grow the data to each size in turn (make_rows(n) adds n rows) and run the action.

    Fails, printing the SQL of the largest run, when the number of queries differs between
    sizes. Returns the constant count so a test can also pin it.
    """
    counts: dict[int, int] = {}
    statements: dict[int, list[str]] = {}
    total = 0
    for size in sizes:
        make_rows(size - total)
        total = size
        counts[size], statements[size] = count_queries(action)
    if len(set(counts.values())) != 1:
        biggest = sizes[-1]
        listing = "\n".join(f"{i}. {sql}" for i, sql in enumerate(statements[biggest], 1))
        raise AssertionError(f"Query count depends on the number of rows: {counts}\nQueries at {biggest} rows:\n{listing}")
    return counts[sizes[0]]
