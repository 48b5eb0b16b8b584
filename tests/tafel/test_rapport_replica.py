"""Reports read from a streaming replica when one is configured (samenwerk.config.replica):
the stuurgroep report's figures come from the replica and are the same as from the primary;
the session, the permission check and any write stay on the primary. The replica here is a
second connection to the test database under the alias `replica` (as the settings' test
mirror makes it): like a real replica it sees only what was committed, hence transactional
tests."""

from __future__ import annotations

import datetime

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenwerk.config.replica import REPLICA, ReplicaRouter, tijdelijke_replica, van_replica
from samenwerk.gemeenten.models import Gebied
from samenwerk.tafel import rapport
from tests.auth import login
from tests.tafel.test_rapport import aanmelding

pytestmark = [
    pytest.mark.django_db(transaction=True),
]


def replica():
    """A connection of its own to the test database (the test framework allows a connection
    made during the test)."""
    return tijdelijke_replica({**connections.settings["default"]})


def _periode() -> tuple[datetime.date, datetime.date]:
    vandaag = timezone.localdate()
    return vandaag - datetime.timedelta(days=365), vandaag


def test_the_stuurgroep_report_is_computed_on_the_replica_with_the_same_figures(personas, tafel):
    for dagen in (30, 60):
        aanmelding(personas, tafel, dagen=dagen, triage="geschikt")
    van, tot = _periode()
    van_primary = rapport.bereken(tafel, van, tot)
    with (
        replica() as verbinding,
        CaptureQueriesContext(verbinding) as op_replica,
        CaptureQueriesContext(connections["default"]) as op_primary,
    ):
        van_replica_berekend = rapport.bereken(tafel, van, tot)
    assert van_replica_berekend == van_primary
    assert van_primary.aanmeldingen == 2
    assert len(op_replica.captured_queries) > 0 and op_primary.captured_queries == []


def test_the_report_page_checks_access_on_the_primary_and_counts_on_the_replica(client, personas, tafel):
    aanmelding(personas, tafel, dagen=30, triage="geschikt")
    login(client, personas.tafelvoorzitter)
    with (
        replica() as verbinding,
        CaptureQueriesContext(verbinding) as op_replica,
        CaptureQueriesContext(connections["default"]) as op_primary,
    ):
        antwoord = client.get(reverse("tafel:rapport", args=[tafel.pk]))
    assert antwoord.status_code == 200
    replica_sql = [q["sql"] for q in op_replica.captured_queries]
    primary_sql = " ".join(q["sql"] for q in op_primary.captured_queries)
    assert replica_sql and all(sql.lstrip().upper().startswith("SELECT") for sql in replica_sql)
    assert not any("django_session" in sql or "otp_" in sql for sql in replica_sql)
    assert "django_session" in primary_sql  # who is asking, and may they: the primary


def test_someone_without_access_is_refused_before_the_replica_is_asked(client, personas, tafel):
    login(client, personas.niet_betrokken)
    with replica() as verbinding, CaptureQueriesContext(verbinding) as op_replica:
        antwoord = client.get(reverse("tafel:rapport", args=[tafel.pk]))
    assert antwoord.status_code == 403 and op_replica.captured_queries == []


def test_writes_inside_a_report_go_to_the_primary(personas):
    with replica(), van_replica():
        assert ReplicaRouter().db_for_read(Gebied) == REPLICA
        gebied = Gebied.objects.create(gemeente=personas.gemeente, naam="Nieuwe wijk")
        assert gebied._state.db == "default"
        assert ReplicaRouter().db_for_write(Gebied, instance=gebied) == "default"


def test_without_a_replica_or_outside_a_report_everything_uses_the_primary():
    router = ReplicaRouter()
    assert router.db_for_read(Gebied) is None
    with van_replica():
        assert router.db_for_read(Gebied) is None  # none configured
    with replica():
        assert router.db_for_read(Gebied) is None  # not in a report
    assert router.allow_migrate(REPLICA, "tafel") is False and router.allow_migrate("default", "tafel") is True


@pytest.mark.parametrize("bereken", ["rendement", "leertraject"])
def test_the_other_dashboards_count_on_the_replica_too(personas, bereken):
    from samenwerk.leertraject import selectors as leertraject
    from samenwerk.rendement.cijfers import Filter, cijfers

    def doe() -> object:
        return cijfers(personas.gemeente, Filter()) if bereken == "rendement" else leertraject.cijfers(personas.gemeente)

    van_primary = doe()
    with (
        replica() as verbinding,
        CaptureQueriesContext(verbinding) as op_replica,
        CaptureQueriesContext(connections["default"]) as op_primary,
    ):
        assert doe() == van_primary
    assert len(op_replica.captured_queries) > 0 and op_primary.captured_queries == []
