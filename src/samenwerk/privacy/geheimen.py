"""Secrets the product must keep but never show again (an identity provider's client secret,
a municipality's signing key): encrypted at rest with keys that live outside the database.

`SAMENWERK_GEHEIMEN_SLEUTELS` holds one or more Fernet keys, comma separated; the first
encrypts, all decrypt, so a key is rotated by putting a new one in front and running
`versleutel_opnieuw` over the stored values. Whoever holds only the database holds no usable
secret. Development and tests use a fixed key (settings.py); production refuses to start
without its own."""

from __future__ import annotations

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class Onleesbaar(Exception):
    """The value was not encrypted with any of the configured keys (or was altered)."""


@cache
def _fernet(sleutels: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(s.encode()) for s in sleutels])


def _huidig() -> MultiFernet:
    return _fernet(tuple(settings.GEHEIMEN_SLEUTELS))


def versleutel(geheim: str) -> str:
    return _huidig().encrypt(geheim.encode()).decode()


def ontsleutel(token: str) -> str:
    try:
        return _huidig().decrypt(token.encode()).decode()
    except (InvalidToken, ValueError) as fout:
        raise Onleesbaar from fout


def versleutel_opnieuw(token: str) -> str:
    """The same secret under the newest key (after a rotation)."""
    try:
        return _huidig().rotate(token.encode()).decode()
    except (InvalidToken, ValueError) as fout:
        raise Onleesbaar from fout


def nieuwe_sleutel() -> str:
    return Fernet.generate_key().decode()
