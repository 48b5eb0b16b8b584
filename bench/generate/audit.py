"""The access-log rows the generated history implies, hash-chained per municipality exactly
as `privacy.audit.record()` chains them (the same `entry_hash`), so `manage.py
verify_audit_log` holds over the generated rows and every row the benchmark adds later.
Events older than the retention period (the oldest cases') get no row: a log that has run
for years holds its last five (privacy.partities), in their month tables."""

from __future__ import annotations

from types import SimpleNamespace

from django.db import connection
from django.utils import timezone

from samenwerk.privacy import partities, triggers
from samenwerk.privacy.audit import GENESIS, entry_hash
from samenwerk.privacy.models import AuditEntry, Kanaal, Uitkomst

from .context import Ctx
from .tabel import Tabel, js

USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"
# Every column but the id (the table's sequence gives it): a column added to the model must
# get a value below, or the generator stops.
VELDEN = [f.attname for f in AuditEntry._meta.concrete_fields if not f.primary_key]


def schrijf_audit(ctx: Ctx, chain: int) -> int:
    """Chain and COPY the municipality's events in time order; returns the number of rows."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT seq, hash FROM privacy_auditentry WHERE chain = %s ORDER BY seq DESC LIMIT 1", [chain])
        laatste = cursor.fetchone()
    seq, prev = laatste if laatste else (0, GENESIS)
    tabel = Tabel(AuditEntry, VELDEN)
    ip = f"10.{chain % 250}.{ctx.rng.randint(0, 250)}.{ctx.rng.randint(1, 250)}"
    grens = partities.grens()
    for e in sorted((e for e in ctx.events if e.tijdstip >= grens), key=lambda e: e.tijdstip):
        seq += 1
        rij = SimpleNamespace(
            chain=chain,
            seq=seq,
            prev_hash=prev,
            tijdstip=e.tijdstip,
            actie=e.actie,
            uitkomst=Uitkomst.SUCCESS.value,
            gebeurtenis=e.gebeurtenis,
            gebruiker_id=e.door.id if e.door else None,
            gebruiker_naam=e.door.audit_naam if e.door else "",
            rol=e.rol,
            organisatie=e.door.organisatie if e.door else "",
            gemeente_id=chain,
            inwoner_id=e.inwoner_id,
            casus_id=e.casus_id,
            inwoner_ids=[],  # the generated history holds no list views (they come from the load run)
            casus_ids=[],
            object_type=e.object_type,
            object_id=str(e.object_id),
            gegevenssegment=e.segment,
            velden=sorted(e.velden),
            doel="zorgverlening",
            grond_rol=e.door is not None,
            relatie=e.rol,
            toestemming=e.toestemming,
            noodtoegang=False,
            reden="",
            kanaal=Kanaal.WEB.value,
            ip_adres=ip,
            user_agent=USER_AGENT,
            systeem="samenwerkplatform",
        )
        rij.hash = prev = entry_hash(rij)
        tabel.add(*(js(rij.velden) if v == "velden" else getattr(rij, v) for v in VELDEN))  # the id: the table's sequence
    ctx.events.clear()
    return tabel.schrijf()


class AppendOnlyUit:
    """The access log's triggers step aside for the bulk load only, and come back after, the
    way the test suite lets a flush pass (tests/conftest.py)."""

    def __enter__(self) -> None:
        partities.maak_maanden(partities.grens(), partities.plus_maanden(partities.maand(timezone.now()), partities.VOORUIT))
        triggers.remove(connection)

    def __exit__(self, *exc: object) -> None:
        triggers.install(connection)
        stand = partities.stand()
        if stand is not None and stand.rest_rijen:
            raise RuntimeError("Generated access-log rows fell outside the month tables (privacy_auditentry_rest).")
