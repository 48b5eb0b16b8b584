"""Migration privacy 0004: rows written before the key existed (plain SHA-256) are re-chained
with the HMAC, after checking them with the old function; a broken old chain stops it."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from samenwerk.privacy import triggers
from samenwerk.privacy.audit import GENESIS, entry_hash
from samenwerk.privacy.models import AuditEntry

pytestmark = pytest.mark.django_db(transaction=True)
oud = importlib.import_module("samenwerk.privacy.migrations.0004_hmac_sleutel")


def _migreer(naar: str) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([("privacy", naar)])


def _laatste() -> str:
    executor = MigrationExecutor(connection)
    return next(naam for app, naam in executor.loader.graph.leaf_nodes() if app == "privacy")


def _breuken() -> list[str]:
    """The rows whose HMAC does not hold (the seals' table may not exist at these states)."""
    velden = ["id", "chain", "seq", "prev_hash", "tijdstip", "actie", "uitkomst", "gebeurtenis", "gebruiker_id",
              "gebruiker_naam", "rol", "organisatie", "gemeente_id", "inwoner_id", "casus_id", "object_type", "object_id",
              "gegevenssegment", "velden", "doel", "grond_rol", "relatie", "toestemming", "noodtoegang", "reden", "kanaal",
              "ip_adres", "user_agent", "systeem", "hash"]  # fmt: skip
    return ["inhoud is gewijzigd" for r in AuditEntry.objects.only(*velden).order_by("seq") if entry_hash(r) != r.hash]


def _oude_rijen(aantal: int, *, breek: bool = False) -> None:
    """Rows as the product wrote them before 0004 (historical model, SHA-256 chain)."""
    AuditEntry = (
        MigrationExecutor(connection)
        .loader.project_state(("privacy", "0003_hash_zonder_index"))
        .apps.get_model("privacy", "AuditEntry")
    )
    prev = GENESIS
    from django.utils import timezone

    for seq in range(1, aantal + 1):
        rij = AuditEntry(chain=1, seq=seq, prev_hash=prev, tijdstip=timezone.now(), actie="read", gebeurtenis="casus.bekeken",
                         kanaal="web", gemeente_id=1, casus_id=seq)  # fmt: skip
        rij.hash = prev = oud._sha256(rij)
        if breek and seq == 2:
            rij.reden = "later veranderd"
        rij.save()


def test_old_rows_are_rechained_with_the_key_and_back():
    _migreer("0003_hash_zonder_index")
    try:
        _oude_rijen(3)
        _migreer(_laatste())
        assert _breuken() == []
        _migreer("0003_hash_zonder_index")
        assert _breuken() == ["inhoud is gewijzigd"] * 3  # plain SHA-256 again
    finally:
        _migreer(_laatste())


def test_a_broken_old_chain_stops_the_migration():
    _migreer("0003_hash_zonder_index")
    try:
        _oude_rijen(3, breek=True)
        with pytest.raises(RuntimeError, match="keten 1 rij 2 klopt niet"):
            _migreer(_laatste())
    finally:
        triggers.remove(connection)
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM privacy_auditentry")
        triggers.install(connection)
        _migreer(_laatste())
