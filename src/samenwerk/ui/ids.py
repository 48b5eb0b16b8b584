"""Ids from a URL: `<int:pk>` accepts any number of digits, the database only 64-bit ones.
A lookup with a larger number fails inside the database driver (SQLite: OverflowError)
instead of finding nothing; such an id cannot exist, so the caller answers 404."""

from __future__ import annotations

GROOTSTE = 2**63 - 1


def kan_bestaan(*ids: int) -> bool:
    return all(0 < i <= GROOTSTE for i in ids)
