"""The checks behind /gezondheid/ and the gauges of /metrics: counts, ages and yes/no only,
never a name, a host, a version or an error message.

Two kinds of failure: the database unreachable or migrations not applied mean this app server
cannot serve (503, the load balancer takes it out); a stopped worker, a stuck outbox or a
periodic command that did not run are reported in the body with status "gestoord" (200 unless
the caller asks ?strikt=1), because another app server would not do better.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

_migrations_clean = False  # once all are applied in this process they stay applied


@dataclass
class Check:
    naam: str
    ok: bool
    gegevens: dict[str, Any] = field(default_factory=dict)
    kritiek: bool = False


def database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return Check("database", False, kritiek=True)
    return Check("database", True, kritiek=True)


def migraties() -> Check:
    global _migrations_clean
    if not _migrations_clean:
        try:
            executor = MigrationExecutor(connection)
            plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        except DatabaseError:
            return Check("migraties", False, kritiek=True)
        _migrations_clean = not plan
        if plan:
            return Check("migraties", False, {"niet_toegepast": len(plan)}, kritiek=True)
    return Check("migraties", True, kritiek=True)


def _seconden(sinds: datetime.datetime | None, nu: datetime.datetime) -> int:
    return max(0, int((nu - sinds).total_seconds())) if sinds else 0


def takenrij(nu: datetime.datetime) -> Check:
    """The task queue: ready tasks and how long the oldest has been waiting for a worker."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    klaar = DBTaskResult.objects.ready()
    wachtend = klaar.count()
    oudste_zonder = klaar.filter(run_after=get_date_max()).order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    oudste_met = klaar.exclude(run_after=get_date_max()).order_by("run_after").values_list("run_after", flat=True).first()
    oudste = min((t for t in (oudste_zonder, oudste_met) if t is not None), default=None)
    achterstand = _seconden(oudste, nu)
    ok = achterstand <= settings.HEALTH_QUEUE_LAG_SECONDS
    return Check("takenrij", ok, {"wachtend": wachtend, "achterstand_seconden": achterstand})


def uitgaande_mail(nu: datetime.datetime) -> Check:
    from samenwerk.berichten.models import Bericht

    wachtend = Bericht.objects.filter(status=Bericht.Status.KLAARGEZET)
    oudste = wachtend.order_by("aangemaakt_op").values_list("aangemaakt_op", flat=True).first()
    leeftijd = _seconden(oudste, nu)
    ok = leeftijd <= settings.HEALTH_OUTBOX_AGE_SECONDS
    return Check("uitgaande_mail", ok, {"wachtend": wachtend.count(), "oudste_seconden": leeftijd})


def toegangslog(nu: datetime.datetime) -> Check:
    """The access log's sealer keeps up: no row waits more than a minute for its seal
    (privacy.zegels; a stopped sealer, or a long transaction holding the seals back). On
    PostgreSQL also its months (privacy.partities): next month's table is there, and no row
    went to the rest partition (a month without a table, or a clock far off)."""
    from samenwerk.privacy.partities import stand
    from samenwerk.privacy.zegels import ONVERZEGELD_TOEGESTAAN, onverzegeld_sinds

    leeftijd = _seconden(onverzegeld_sinds(), nu)
    ok = leeftijd <= ONVERZEGELD_TOEGESTAAN.total_seconds()
    gegevens: dict[str, Any] = {"onverzegeld_seconden": leeftijd}
    maanden = stand(nu)
    if maanden is not None:
        gegevens |= {"maanden_vooruit": maanden.maanden_vooruit, "rijen_buiten_maanden": maanden.rest_rijen}
        ok = ok and maanden.maanden_vooruit >= 1 and not maanden.rest_rijen
    return Check("toegangslog", ok, gegevens)


def periodiek(nu: datetime.datetime) -> Check:
    """Each periodic command's last successful run, against its interval (with slack)."""
    from .models import PeriodiekeRun

    runs = {r.commando: r for r in PeriodiekeRun.objects.all()}
    gegevens, ok = {}, True
    for commando, interval in settings.PERIODIEKE_COMMANDOS.items():
        run = runs.get(commando)
        geslaagd = run.laatst_geslaagd if run else None
        leeftijd = _seconden(geslaagd, nu) if geslaagd else None
        te_laat = leeftijd is None or leeftijd > interval * 2 + 300
        mislukt = bool(run and run.laatst_mislukt and (not geslaagd or run.laatst_mislukt > geslaagd))
        ok = ok and not te_laat and not mislukt
        gegevens[commando] = {"laatst_geslaagd_seconden_geleden": leeftijd, "te_laat": te_laat, "mislukt": mislukt}
    return Check("periodiek", ok, gegevens)


def alle() -> list[Check]:
    checks = [database()]
    if not checks[0].ok:
        return checks
    checks.append(migraties())
    if not checks[-1].ok:
        return checks
    nu = timezone.now()
    for check in (takenrij, uitgaande_mail, toegangslog, periodiek):
        try:
            checks.append(check(nu))
        except DatabaseError:
            checks.append(Check(check.__name__, False))
    return checks


def rapport(checks: list[Check]) -> tuple[str, dict[str, Any]]:
    if any(not c.ok and c.kritiek for c in checks):
        status = "onbeschikbaar"
    elif any(not c.ok for c in checks):
        status = "gestoord"
    else:
        status = "ok"
    return status, {"status": status, "controles": {c.naam: {"ok": c.ok, **c.gegevens} for c in checks}}
