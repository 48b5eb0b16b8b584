"""The periodic jobs at the dataset's scale: the full signal run (`signaleer`), the daily
e-mail for everyone (`signaleringen_digest` queues it, the task worker sends it), the
retention job over the expired cases, sealing the access log and verifying a day of it, and
optionally the verification of the whole log."""

from __future__ import annotations

import datetime
import io
import time
from typing import Any

from django.core import mail
from django.core.management import call_command
from django.db import connection

from samenwerk.berichten.models import Bericht
from samenwerk.signalering.models import Digest, Signalering


def _tijd(opdracht: str, **opties: Any) -> tuple[float, str]:
    uit = io.StringIO()
    begin = time.perf_counter()
    call_command(opdracht, stdout=uit, **opties)
    return round(time.perf_counter() - begin, 2), uit.getvalue().strip()


def signaleer() -> dict[str, Any]:
    seconden, uitvoer = _tijd("signaleer")
    return {
        "naam": "signaleer (alle regels, alle gemeenten)",
        "seconden": seconden,
        "uitvoer": uitvoer,
        "signaleringen": Signalering.objects.count(),
    }


def digest() -> dict[str, Any]:
    mail.outbox = []
    klaarzetten, uitvoer = _tijd("signaleringen_digest")
    versturen, _ = _tijd("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    verstuurd = Bericht.objects.filter(soort="signalering.digest", verzonden_op__isnull=False).count()
    return {
        "naam": "dagelijkse e-mail voor iedereen (klaarzetten + versturen)",
        "seconden": round(klaarzetten + versturen, 2),
        "klaarzetten_s": klaarzetten,
        "versturen_s": versturen,
        "uitvoer": uitvoer,
        "digests": Digest.objects.count(),
        "verstuurd": verstuurd,
        "mails": len(mail.outbox),
    }


def verlopen_casussen() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT COUNT(*) FROM casussen_casus c JOIN gemeenten_gemeente g ON g.id = c.gemeente_id
            WHERE c.status = 'afgesloten' AND c.geanonimiseerd_op IS NULL
              AND c.afgesloten_op + make_interval(years => g.bewaartermijn_jaren) <= CURRENT_DATE"""
        )
        return cursor.fetchone()[0]


def bewaartermijn() -> dict[str, Any]:
    aantal = verlopen_casussen()
    seconden, uitvoer = _tijd("bewaartermijn")
    return {
        "naam": f"bewaartermijn ({aantal} verlopen casussen)",
        "seconden": seconden,
        "casussen": aantal,
        "per_casus_ms": round(1000 * seconden / max(aantal, 1), 2),
        "uitvoer": uitvoer,
        "over": verlopen_casussen(),
    }


def controleer_log() -> dict[str, Any]:
    seconden, uitvoer = _tijd("verify_audit_log")
    return {"naam": "verify_audit_log (hele keten)", "seconden": seconden, "uitvoer": uitvoer}


def verzegel() -> dict[str, Any]:
    """Seal every row not sealed yet (after generating: the whole generated log)."""
    from samenwerk.privacy.models import AuditEntry
    from samenwerk.privacy.zegels import verzegeld_tot

    open_rijen = AuditEntry.objects.filter(id__gt=verzegeld_tot()).count()
    seconden, uitvoer = _tijd("verzegel_audit_log")
    return {"naam": f"toegangslog verzegelen ({open_rijen} rijen)", "seconden": seconden, "rijen": open_rijen, "uitvoer": uitvoer}


def controleer_dag(sinds: Any) -> dict[str, Any]:
    """The daily check on what the run itself wrote: `verify_audit_log --dagen` reaching back to
    `sinds` (just after the generated history was sealed, at once, as no real log is), so it
    walks the seals of the run's own day of pages, load and jobs with their rows."""
    from django.utils import timezone

    from samenwerk.privacy.models import AuditEntry, Zegel

    zegels = Zegel.objects.filter(tijdstip__gte=sinds)
    eerste = Zegel.objects.filter(tijdstip__lt=sinds).order_by("-tot_id").values_list("tot_id", flat=True).first() or 0
    rijen = AuditEntry.objects.filter(id__gt=eerste).count()
    seconden, uitvoer = _tijd("verify_audit_log", dagen=(timezone.now() - sinds).total_seconds() / 86400)
    return {
        "naam": f"verify_audit_log --dagen 1 (de rijen van de dag: {zegels.count()} zegels, {rijen} rijen)",
        "seconden": seconden,
        "rijen": rijen,
        "rijen_per_seconde": round(rijen / max(seconden, 0.001)),
        "uitvoer": uitvoer,
    }


def maand_afvoeren() -> dict[str, Any]:
    """What retention pays to remove a month (privacy.partities.drop_partitie: detach, drop,
    commit), on a month table as full as the log's fullest month. The measured month is a copy
    of that one placed long before the data (January 2000, new ids), so the run keeps its log;
    the copy exists only between its INSERT and the drop, with no seal or sealer running."""
    from django.db import transaction

    from samenwerk.privacy import partities
    from samenwerk.privacy.models import AuditEntry

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, c.reltuples::bigint FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = to_regclass(%s) ORDER BY c.reltuples DESC LIMIT 1",
            [partities.TABLE],
        )
        bron = cursor.fetchone()[0]
    proef = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    begin_bron = next(p.van for p in partities.partities() if p.naam == bron)
    with transaction.atomic():
        partities.maak_maanden(proef, proef)
        kolommen = [f.column for f in AuditEntry._meta.concrete_fields if f.column not in {"id", "tijdstip"}]
        lijst = ", ".join(kolommen)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {partities.TABLE} (id, tijdstip, {lijst}) "
                f"SELECT nextval('{partities.TABLE}_id_seq'), %s + (tijdstip - %s), {lijst} FROM {bron}",
                [proef, begin_bron],
            )
            rijen = cursor.rowcount
    begin = time.perf_counter()
    with transaction.atomic():
        partities.drop_partitie(partities.naam(proef))
    seconden = round(time.perf_counter() - begin, 3)
    return {
        "naam": f"toegangslog: een maand afvoeren ({rijen} rijen, detach + drop + commit)",
        "seconden": seconden,
        "rijen": rijen,
    }
