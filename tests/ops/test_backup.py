"""Backups that restore (issue 22): a backup restores into a fresh database (the
engine the suite runs on: SQLite, or PostgreSQL in CI's second run) where every table's row
count equals the backup's, the access log's chain verifies with the restored anchors, and a
known case opens through the app. A copy that differs, or an access log changed in the backup,
fails the drill."""

from __future__ import annotations

import json
import sqlite3

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse

from samenwerk.casussen.models import Casus
from samenwerk.ops import herstel
from samenwerk.privacy.models import AuditEntry
from tests.auth import login
from tests.factories import casus_met_team

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


@pytest.fixture
def demo(settings, tmp_path, personas, client):  # type: ignore[no-untyped-def]
    """Two municipalities' personas, cases with teams, and access-log rows in two chains (the
    professional opens their cases); anchored outside the database, as in production."""
    settings.AUDIT_ANCHOR_DIR = tmp_path / "ankers"
    casussen = [casus_met_team(personas) for _ in range(3)]
    login(client, personas.professional)
    for casus in casussen:
        assert client.get(reverse("casussen:detail", args=[casus.pk])).status_code == 200
    call_command("checkpoint_audit_log", verbosity=0)
    return tmp_path


def test_backup_restores_with_equal_counts_a_verified_access_log_and_an_opening_case(demo, capsys):
    call_command("backup", str(demo / "backup"))
    capsys.readouterr()
    manifest = json.loads((demo / "backup" / "manifest.json").read_text())
    assert manifest["engine"] == ("postgresql" if connection.vendor == "postgresql" else "sqlite")
    assert manifest["tabellen"]["casussen_casus"] == Casus.objects.count() > 0
    assert manifest["tabellen"]["privacy_auditentry"] == AuditEntry.objects.count() > 0

    call_command("herstel_oefening", str(demo / "backup"), "--json")
    rapport = json.loads(capsys.readouterr().out)
    assert rapport["verschillen"] == {}
    assert rapport["tabellen"] == len(manifest["tabellen"]) > 50
    assert rapport["rijen"] == sum(manifest["tabellen"].values())
    assert rapport["breuken"] == [] and rapport["toegangslog_rijen"] == manifest["tabellen"]["privacy_auditentry"]
    assert rapport["casus_geopend"] is True and rapport["casus_status"] == 200
    assert rapport["geslaagd"] is True
    assert 0 <= rapport["herstel_seconden"] <= rapport["totaal_seconden"] and rapport["totaal_seconden"] > 0


def test_drill_fails_when_the_copy_differs_or_the_access_log_in_the_backup_was_changed(demo, capsys):
    call_command("backup", str(demo / "backup"))
    pad = demo / "backup" / "manifest.json"
    manifest = json.loads(pad.read_text())
    manifest["tabellen"]["casussen_casus"] += 1  # the copy now lacks a row the manifest counted
    pad.write_text(json.dumps(manifest))
    capsys.readouterr()
    with pytest.raises(CommandError, match="NIET geslaagd"):
        call_command("herstel_oefening", str(demo / "backup"), "--json")
    rapport = json.loads(capsys.readouterr().out)
    assert rapport["verschillen"] == {"casussen_casus": {"backup": Casus.objects.count() + 1, "hersteld": Casus.objects.count()}}
    assert rapport["geslaagd"] is False and rapport["casus_geopend"] is True

    if connection.vendor != "sqlite":
        return  # below the backup is edited with sqlite3; PostgreSQL's dump format is binary
    call_command("backup", str(demo / "backup2"))
    with sqlite3.connect(demo / "backup2" / "database.sqlite3") as db:
        # whoever edits a backup can drop the append-only triggers first: the chain still tells
        for (naam,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'privacy_auditentry'"):
            db.execute(f'DROP TRIGGER "{naam}"')
        db.execute("UPDATE privacy_auditentry SET reden = 'weggepoetst' WHERE id = (SELECT MIN(id) FROM privacy_auditentry)")
    rapport = herstel.oefen(demo / "backup2", demo / "werk2")
    assert rapport["breuken"] and rapport["geslaagd"] is False
