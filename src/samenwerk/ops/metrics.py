"""Prometheus metrics: requests and their latency per route (the URL name, never the path),
and at scrape time from the database the task queue, the outbox, open signals and the
periodic commands' last runs.

Under gunicorn with several workers set PROMETHEUS_MULTIPROC_DIR (deploy/gunicorn.conf.py
does): each worker writes its counters there and a scrape adds them up.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from django.db import DatabaseError
from django.utils import timezone
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

REQUESTS = Counter("samenwerk_http_requests", "HTTP requests answered", ["methode", "route", "status"])
LATENCY = Histogram(
    "samenwerk_http_request_duration_seconds",
    "Time to answer a request",
    ["route"],
    buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


class DatabaseCollector(Collector):
    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            metingen = list(self._metingen())
        except DatabaseError:
            yield GaugeMetricFamily("samenwerk_database_up", "Whether the database answered", value=0)
            return
        yield GaugeMetricFamily("samenwerk_database_up", "Whether the database answered", value=1)
        yield from metingen

    def _metingen(self) -> Iterator[GaugeMetricFamily]:
        from samenwerk.signalering.models import Signalering, Status

        from . import health

        nu = timezone.now()
        rij = health.takenrij(nu).gegevens
        yield GaugeMetricFamily("samenwerk_task_queue_ready", "Tasks ready and waiting for a worker", value=rij["wachtend"])
        yield GaugeMetricFamily(
            "samenwerk_task_queue_lag_seconds", "Age of the oldest ready task", value=rij["achterstand_seconden"]
        )
        mail = health.uitgaande_mail(nu).gegevens
        yield GaugeMetricFamily("samenwerk_outbox_waiting", "E-mails waiting in the outbox", value=mail["wachtend"])
        yield GaugeMetricFamily(
            "samenwerk_outbox_oldest_seconds", "Age of the oldest e-mail not yet sent", value=mail["oudste_seconden"]
        )
        log = health.toegangslog(nu).gegevens
        yield GaugeMetricFamily(
            "samenwerk_audit_unsealed_seconds",
            "Age of the oldest access-log row not yet sealed",
            value=log["onverzegeld_seconden"],
        )
        if "maanden_vooruit" in log:  # PostgreSQL: the log's month tables
            yield GaugeMetricFamily(
                "samenwerk_audit_months_ahead",
                "Months of the access log with a table ahead of this one",
                value=log["maanden_vooruit"],
            )
        yield GaugeMetricFamily(
            "samenwerk_signals_open", "Signals open", value=Signalering.objects.filter(status=Status.OPEN).count()
        )
        laatst = GaugeMetricFamily(
            "samenwerk_periodic_last_success_timestamp_seconds", "Last successful run of a periodic command", labels=["commando"]
        )
        from .models import PeriodiekeRun

        for run in PeriodiekeRun.objects.exclude(laatst_geslaagd=None):
            laatst.add_metric([run.commando], run.laatst_geslaagd.timestamp())
        yield laatst


def exposition() -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        verzoeken = CollectorRegistry()
        multiprocess.MultiProcessCollector(verzoeken)
    else:
        from prometheus_client import REGISTRY as verzoeken
    database = CollectorRegistry()
    database.register(DatabaseCollector())
    return generate_latest(verzoeken) + generate_latest(database)
