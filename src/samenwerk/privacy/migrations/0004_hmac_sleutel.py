"""The chain's hashes become HMACs with the key outside the database (settings.AUDIT_KEY,
issue 17): rows written before hold plain SHA-256 hashes, so they are re-chained here.

First the old chain is checked with the old function; a broken chain stops the migration
(re-chaining it would make the break invisible). The hashed fields and their canonical form
are copied here as they were, so later changes to audit.py do not change this migration.
Backwards turns the HMACs into plain SHA-256 again. A new database has no rows: nothing to do.
"""

import datetime
import hashlib
import hmac
import json

from django.conf import settings
from django.db import migrations

GENESIS = "0" * 64
VELDEN = [
    "chain", "seq", "prev_hash", "tijdstip", "actie", "uitkomst", "gebeurtenis",
    "gebruiker_id", "gebruiker_naam", "rol", "organisatie",
    "gemeente_id", "inwoner_id", "casus_id", "object_type", "object_id", "gegevenssegment", "velden",
    "doel", "grond_rol", "relatie", "toestemming", "noodtoegang", "reden",
    "kanaal", "ip_adres", "user_agent", "systeem",
]  # fmt: skip


def _data(rij):
    def canoniek(w):
        if hasattr(w, "isoformat"):
            return w.astimezone(datetime.UTC).isoformat() if getattr(w, "tzinfo", None) else w.isoformat()
        return w

    return json.dumps({n: canoniek(getattr(rij, n)) for n in VELDEN}, sort_keys=True, ensure_ascii=False).encode()


def _sha256(rij):
    return hashlib.sha256(_data(rij)).hexdigest()


def _hmac(rij):
    return hmac.new(settings.AUDIT_KEY.encode(), _data(rij), hashlib.sha256).hexdigest()


def _herketen(apps, schema_editor, oud, nieuw):
    AuditEntry = apps.get_model("privacy", "AuditEntry")
    if not AuditEntry.objects.exists():
        return
    from samenwerk.privacy import triggers

    triggers.remove(schema_editor.connection)
    for chain in sorted(set(AuditEntry.objects.values_list("chain", flat=True))):
        verwacht, prev_oud, prev_nieuw = 1, GENESIS, GENESIS
        for rij in AuditEntry.objects.filter(chain=chain).order_by("seq").iterator(chunk_size=2000):
            if rij.seq != verwacht or rij.prev_hash != prev_oud or oud(rij) != rij.hash:
                raise RuntimeError(
                    f"Toegangslog keten {chain} rij {rij.seq} klopt niet met de oude hashfunctie; "
                    "onderzoek dat (manage.py verify_audit_log met de vorige versie) voordat u migreert."
                )
            prev_oud = rij.hash
            rij.prev_hash = prev_nieuw
            rij.hash = nieuw(rij)
            AuditEntry.objects.filter(pk=rij.pk).update(prev_hash=rij.prev_hash, hash=rij.hash)
            verwacht, prev_nieuw = rij.seq + 1, rij.hash
    triggers.install(schema_editor.connection)


def naar_hmac(apps, schema_editor):
    _herketen(apps, schema_editor, _sha256, _hmac)


def naar_sha256(apps, schema_editor):
    _herketen(apps, schema_editor, _hmac, _sha256)


class Migration(migrations.Migration):
    dependencies = [("privacy", "0003_hash_zonder_index")]

    operations = [migrations.RunPython(naar_hmac, naar_sha256)]
