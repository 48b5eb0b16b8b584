"""/gezondheid/ (issue 22): each failure mode is reported — database down and migrations not
applied take the app server out (503), a stopped worker, a stuck outbox and a periodic command
that did not run are reported as "gestoord" — and nothing sensitive is revealed."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samenwerk.berichten.models import Bericht
from samenwerk.berichten.verzending import verstuur
from samenwerk.ops.models import PeriodiekeRun

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def _alles_gedraaid(settings) -> None:  # type: ignore[no-untyped-def]
    nu = timezone.now()
    for commando in settings.PERIODIEKE_COMMANDOS:
        PeriodiekeRun.objects.create(commando=commando, laatst_gestart=nu, laatst_geslaagd=nu)


def test_healthy_instance_answers_ok_and_reveals_nothing_sensitive(client, settings):
    _alles_gedraaid(settings)
    response = client.get("/gezondheid/", HTTP_HOST="10.0.0.7")  # a load balancer asks by address
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["controles"]) == {"database", "migraties", "takenrij", "uitgaande_mail", "toegangslog", "periodiek"}
    assert all(c["ok"] for c in body["controles"].values())
    tekst = response.content.decode().lower()
    for geheim in ("sqlite", "postgres", "django", "version", "versie", str(ROOT).lower(), "traceback"):
        assert geheim not in tekst
    assert response["Cache-Control"].startswith("max-age=0")
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db(transaction=True)  # the worker closes its database connection when done
def test_stopped_worker_is_reported_and_clears_once_a_worker_runs(client, settings):
    _alles_gedraaid(settings)
    verstuur.enqueue([])  # nothing to send: the task itself does nothing, the queue is what counts
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=10))
    body = client.get("/gezondheid/").json()
    assert body["status"] == "gestoord"
    assert body["controles"]["takenrij"] == {"ok": False, "wachtend": 1, "achterstand_seconden": pytest.approx(600, abs=5)}
    assert client.get("/gezondheid/").status_code == 200  # the app server itself can serve
    assert client.get("/gezondheid/?strikt=1").status_code == 503  # for monitoring that reads status codes

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    body = client.get("/gezondheid/").json()
    assert body["controles"]["takenrij"] == {"ok": True, "wachtend": 0, "achterstand_seconden": 0}
    assert body["status"] == "ok"


def test_stuck_outbox_is_reported(client, settings):
    _alles_gedraaid(settings)
    Bericht.objects.create(soort="test", aan="x@test.example", aangemaakt_op=timezone.now() - datetime.timedelta(hours=2))
    body = client.get("/gezondheid/").json()
    assert body["status"] == "gestoord"
    mail = body["controles"]["uitgaande_mail"]
    assert mail["ok"] is False and mail["wachtend"] == 1 and mail["oudste_seconden"] >= 7200
    assert "x@test.example" not in json.dumps(body)


def test_access_log_rows_waiting_more_than_a_minute_for_their_seal_are_reported(client, settings, time_machine):
    """A stopped sealer (privacy.zegels): reported after a minute, cleared by its next round."""
    from samenwerk.privacy.audit import Onderwerp, record

    _alles_gedraaid(settings)
    record(actor=None, actie="read", gebeurtenis="test.gezondheid", onderwerp=Onderwerp(gemeente_id=1))
    assert client.get("/gezondheid/").json()["controles"]["toegangslog"]["ok"] is True  # just written
    time_machine.move_to(timezone.now() + datetime.timedelta(seconds=90))
    PeriodiekeRun.objects.update(laatst_geslaagd=timezone.now())  # only the seal is late
    body = client.get("/gezondheid/").json()
    assert body["status"] == "gestoord"
    log = body["controles"]["toegangslog"]
    assert log["ok"] is False and log["onverzegeld_seconden"] == pytest.approx(90, abs=5)
    call_command("verzegel_audit_log", verbosity=0)
    log = client.get("/gezondheid/").json()["controles"]["toegangslog"]
    assert log["ok"] is True and log["onverzegeld_seconden"] == 0


def test_periodic_commands_not_run_late_or_failed_are_reported(client, settings):
    body = client.get("/gezondheid/").json()
    assert body["controles"]["periodiek"]["ok"] is False
    assert body["controles"]["periodiek"]["signaleer"] == {
        "laatst_geslaagd_seconden_geleden": None,
        "te_laat": True,
        "mislukt": False,
    }

    _alles_gedraaid(settings)
    call_command("periodiek", "checkpoint_audit_log", verbosity=0)
    run = PeriodiekeRun.objects.get(commando="checkpoint_audit_log")
    assert run.laatst_geslaagd >= run.laatst_gestart and run.duur_seconden is not None
    assert client.get("/gezondheid/").json()["status"] == "ok"

    PeriodiekeRun.objects.filter(commando="berichten_versturen").update(
        laatst_geslaagd=timezone.now() - datetime.timedelta(hours=3)
    )
    periodiek = client.get("/gezondheid/").json()["controles"]["periodiek"]
    assert periodiek["ok"] is False and periodiek["berichten_versturen"]["te_laat"] is True
    assert periodiek["overleg_bewaking"]["te_laat"] is False


def test_periodiek_records_a_failure_and_passes_it_on(settings, tmp_path):
    from samenwerk.privacy.audit import record

    record(actor=None, actie="read", gebeurtenis="test")  # a chain to anchor
    (tmp_path / "een-bestand").write_text("")
    settings.AUDIT_ANCHOR_DIR = tmp_path / "een-bestand" / "ankers"  # cannot be a directory: the command fails
    with pytest.raises(Exception):  # noqa: B017 (the command's own error, passed on)
        call_command("periodiek", "checkpoint_audit_log", verbosity=0)
    run = PeriodiekeRun.objects.get(commando="checkpoint_audit_log")
    assert run.laatst_mislukt is not None and run.laatst_geslaagd is None


def _health_in_process(env: dict[str, str]) -> tuple[int, dict]:
    script = (
        "import json, os, sys; sys.path.insert(0, 'src'); os.environ['DJANGO_SETTINGS_MODULE']='samenwerk.config.settings';"
        "import django; django.setup(); from django.test import Client;"
        "r = Client().get('/gezondheid/'); print(json.dumps([r.status_code, r.json()]))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "SQLITE_PATH"))}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=clean | env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    status, body = json.loads(result.stdout.strip().splitlines()[-1])
    return status, body


@pytest.mark.slow
def test_database_down_takes_the_app_server_out():
    # PostgreSQL on a port where nothing listens: the database is down.
    status, body = _health_in_process({"DATABASE_URL": "postgres://samenwerk@127.0.0.1:9/samenwerk"})
    assert status == 503
    assert body == {"status": "onbeschikbaar", "controles": {"database": {"ok": False}}}


@pytest.mark.slow
def test_migrations_not_applied_take_the_app_server_out(tmp_path):
    status, body = _health_in_process({"SQLITE_PATH": str(tmp_path / "leeg.sqlite3")})
    assert status == 503
    assert body["status"] == "onbeschikbaar"
    assert body["controles"]["migraties"]["ok"] is False and body["controles"]["migraties"]["niet_toegepast"] > 50
