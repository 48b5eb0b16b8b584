"""Sealing while requests write (issue 21), on PostgreSQL where requests really run side by
side: a row whose transaction is still open holds the seal back, and writers racing the
sealer leave every row sealed exactly once. On SQLite one writer at a time holds the lock, so
there is no such race to test (the sealing itself is tested in test_audit.py on both)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from samenwerk.privacy import audit
from samenwerk.privacy.audit import Onderwerp, Regel, record, record_many
from samenwerk.privacy.models import Actie, AuditEntry, Zegel
from samenwerk.privacy.zegels import verify, verzegel

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers: the PostgreSQL run"),
]


def _schrijf(gemeente_id: int = 1) -> AuditEntry:
    return record(actor=None, actie=Actie.READ, gebeurtenis="test.zegel", onderwerp=Onderwerp(gemeente_id=gemeente_id))


def test_a_row_in_a_transaction_still_running_holds_the_seal_back():
    geschreven, klaar = threading.Event(), threading.Event()
    traag: list[AuditEntry] = []

    def lange_transactie() -> None:
        try:
            with transaction.atomic():
                traag.append(_schrijf())  # takes the lower id, commits last
                geschreven.set()
                klaar.wait(20)
        finally:
            connections.close_all()

    draad = threading.Thread(target=lange_transactie)
    draad.start()
    assert geschreven.wait(10)
    snel = _schrijf()  # a higher id, committed at once
    assert snel.pk > traag[0].pk
    try:
        uitkomst = verzegel(wachten=0.3)
        assert (uitkomst.zegels, uitkomst.rijen) == (0, 0)  # sealing the fast row now would skip the slow one
    finally:
        klaar.set()
        draad.join(20)
    assert verzegel().rijen == 2
    assert Zegel.objects.get().aantal == 2
    assert list(verify()) == []


def test_ids_taken_but_not_yet_written_hold_the_seal_back():
    """Between taking its ids and its INSERT a request is already a running transaction with an
    xid, so a sealer looking in that moment waits instead of sealing past those ids."""
    genomen, klaar = threading.Event(), threading.Event()

    def tussen_ids_en_insert() -> None:
        try:
            with transaction.atomic():
                [rij_id] = audit._nieuwe_ids(1)
                genomen.set()
                klaar.wait(20)
                rij = AuditEntry(id=rij_id, chain=1, tijdstip=timezone.now(), actie="read", gebeurtenis="test.tussen",
                                 kanaal="task", gemeente_id=1)  # fmt: skip
                rij.hash = audit.entry_hash(rij)
                rij.save(force_insert=True)
        finally:
            connections.close_all()

    draad = threading.Thread(target=tussen_ids_en_insert)
    draad.start()
    assert genomen.wait(10)
    _schrijf()  # a higher id, committed at once
    try:
        assert verzegel(wachten=0.3).rijen == 0
    finally:
        klaar.set()
        draad.join(20)
    assert verzegel().rijen == 2
    assert list(verify()) == []


def test_writers_racing_the_sealer_leave_every_row_sealed_once():
    schrijvers, rondes = 4, 40
    fouten: list[BaseException] = []
    bezig = threading.Event()
    bezig.set()

    def schrijver(nummer: int) -> None:
        try:
            for ronde in range(rondes):
                regels = [Regel(onderwerp=Onderwerp(gemeente_id=1 + (nummer + i) % 3, casus_id=ronde)) for i in range(3)]
                with transaction.atomic():
                    record_many(actor=None, actie=Actie.READ, gebeurtenis="test.race", regels=regels)
        except BaseException as fout:
            fouten.append(fout)
        finally:
            connections.close_all()

    def zegelaar() -> None:
        try:
            while bezig.is_set():
                verzegel(wachten=2)
        except BaseException as fout:
            fouten.append(fout)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=schrijver, args=(n,)) for n in range(schrijvers)]
    sluiter = threading.Thread(target=zegelaar)
    sluiter.start()
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(60)
    bezig.clear()
    sluiter.join(60)
    assert fouten == []
    verzegel()
    totaal = AuditEntry.objects.filter(gebeurtenis="test.race").count()
    assert totaal == schrijvers * rondes * 3
    assert sum(Zegel.objects.values_list("aantal", flat=True)) == AuditEntry.objects.count()
    assert Zegel.objects.count() > 3  # the sealer did seal while they wrote
    assert list(verify()) == []
