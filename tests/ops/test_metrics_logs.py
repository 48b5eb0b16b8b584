"""/metrics (Prometheus) on a path the operator protects, and JSON log lines with a request
id that leave out paths (issue 22)."""

from __future__ import annotations

import json
import logging

import pytest
from django.urls import reverse

from samenwerk.ops.logs import JsonFormatter, RequestIdFilter, request_id
from tests.auth import login
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_metrics_need_the_token_when_one_is_set(client, settings):
    settings.METRICS_TOKEN = "metingen-token-0123456789"
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer fout").status_code == 401
    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer metingen-token-0123456789")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")


def test_metrics_do_not_exist_in_production_without_a_token(client, settings):
    settings.METRICS_TOKEN = ""
    settings.PRODUCTION = True
    assert client.get("/metrics").status_code == 404
    settings.PRODUCTION = False
    assert client.get("/metrics", REMOTE_ADDR="192.0.2.1").status_code == 404  # development: this machine only
    assert client.get("/metrics").status_code == 200


def test_metrics_count_requests_per_route_and_read_queue_outbox_and_signals(client, settings):
    from samenwerk.berichten.models import Bericht

    Bericht.objects.create(soort="test", aan="x@test.example")
    login(client, UserFactory())
    client.get(reverse("accounts:sessions"))
    tekst = client.get("/metrics").content.decode()
    regels = {r.rsplit(" ", 1)[0]: float(r.rsplit(" ", 1)[1]) for r in tekst.splitlines() if r and not r.startswith("#")}
    assert regels['samenwerk_http_requests_total{methode="GET",route="accounts:sessions",status="200"}'] >= 1
    assert any(k.startswith('samenwerk_http_request_duration_seconds_bucket{le="0.5",route="accounts:sessions"}') for k in regels)
    assert regels["samenwerk_outbox_waiting"] == 1
    assert regels["samenwerk_task_queue_ready"] == 0
    assert regels["samenwerk_signals_open"] == 0
    assert regels["samenwerk_database_up"] == 1
    assert "x@test.example" not in tekst and "/account/" not in tekst  # routes by name, never paths


def test_request_id_from_the_proxy_is_kept_and_a_bad_one_replaced(client):
    assert client.get("/gezondheid/", HTTP_X_REQUEST_ID="proxy-abc-12345678")["X-Request-ID"] == "proxy-abc-12345678"
    vervangen = client.get("/gezondheid/", HTTP_X_REQUEST_ID="<script>\nx")["X-Request-ID"]
    assert len(vervangen) == 32 and vervangen.isalnum()


def _format(record: logging.LogRecord) -> dict:
    RequestIdFilter().filter(record)
    return json.loads(JsonFormatter().format(record))


def test_json_lines_carry_the_request_id_and_only_known_fields():
    token = request_id.set("abc123def456")
    try:
        record = logging.LogRecord("samenwerk.oidc", logging.WARNING, __file__, 1, "refused", None, None)
        record.reden, record.geheim = "handtekening", "Jan Jansen"
        regel = _format(record)
    finally:
        request_id.reset(token)
    assert regel["request_id"] == "abc123def456" and regel["niveau"] == "WARNING" and regel["reden"] == "handtekening"
    assert "geheim" not in regel and "Jan Jansen" not in json.dumps(regel)


def test_django_request_lines_leave_out_the_path():
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/mijn-plan/geheim/",), None)
    assert _format(record)["bericht"] == "Not Found: <pad>"
