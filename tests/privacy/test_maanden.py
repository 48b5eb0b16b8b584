"""The access log by month and its retention (privacy.partities, issue 21): PostgreSQL keeps a
table per month and drops whole months; SQLite keeps one table and deletes the same months;
on both the removal is recorded and verification still holds, and still catches tampering."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from samenwerk.privacy import partities
from samenwerk.privacy.audit import Onderwerp, record
from samenwerk.privacy.models import Actie, Afvoer, AuditEntry
from samenwerk.privacy.zegels import afvoeren, verify, verzegel
from tests.privacy.test_audit import _tamper

pytestmark = pytest.mark.django_db
alleen_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="month tables are PostgreSQL's")

NU = datetime.datetime(2031, 6, 15, 10, 0, tzinfo=datetime.UTC)


def _schrijf_op(time_machine, moment: datetime.datetime, n: int = 2, gemeente_id: int = 1) -> list[AuditEntry]:
    time_machine.move_to(moment, tick=False)
    return [
        record(actor=None, actie=Actie.READ, gebeurtenis="casus.bekeken",
               onderwerp=Onderwerp(gemeente_id=gemeente_id, inwoner_id=100 + i, casus_id=200 + i))
        for i in range(n)
    ]  # fmt: skip


def _op(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def _geschiedenis(time_machine) -> dict[str, list[AuditEntry]]:
    """Rows over six years, each group sealed right after it as the sealer does; the month
    tables made first (the test database has them from its own creation month on only)."""
    partities.maak_maanden(_op(2025, 1, 1), NU)
    groepen = {
        "2025-03": (_op(2025, 3, 10), 1), "2026-05": (_op(2026, 5, 31, 23, 59, 59), 2),
        "2026-06": (_op(2026, 6, 1), 1), "2029-01": (_op(2029, 1, 5), 1), "nu": (NU, 1),
    }  # fmt: skip
    rijen = {}
    for groep, (moment, gemeente_id) in groepen.items():
        rijen[groep] = _schrijf_op(time_machine, moment, gemeente_id=gemeente_id)
        verzegel()
    return rijen


def _ids(rijen: list[AuditEntry]) -> set[int]:
    return {r.pk for r in rijen}


def test_whole_months_older_than_five_years_go_and_the_log_still_verifies(time_machine, settings):
    settings.AUDIT_BEWAARTERMIJN_JAREN = 5
    rijen = _geschiedenis(time_machine)
    assert partities.grens(NU) == datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC)

    afgevoerd = partities.voer_af(nu=NU)

    over = set(AuditEntry.objects.values_list("id", flat=True))
    assert over == _ids(rijen["2026-06"]) | _ids(rijen["2029-01"]) | _ids(rijen["nu"])  # a second before the limit went
    assert sum(a.afvoer.rijen for a in afgevoerd) == 4
    assert all(a.seconden is not None and a.seconden >= 0 for a in afgevoerd)
    assert max(a.tot for a in Afvoer.objects.all()) == _op(2026, 6, 1)
    assert afvoeren().ketens == {1: max(_ids(rijen["2025-03"])), 2: max(_ids(rijen["2026-05"]))}
    assert list(verify()) == []
    assert partities.voer_af(nu=NU) == []  # nothing left to remove


@alleen_postgres
def test_on_postgresql_the_months_go_as_whole_tables(time_machine, settings):
    settings.AUDIT_BEWAARTERMIJN_JAREN = 5
    _geschiedenis(time_machine)
    voor = {p.naam for p in partities.partities()}

    afgevoerd = partities.voer_af(nu=NU)

    weg = {a.afvoer.partitie for a in afgevoerd}
    assert "privacy_auditentry_p2026_05" in weg and "privacy_auditentry_p2025_03" in weg
    assert "privacy_auditentry_p2026_06" not in weg
    assert {p.naam for p in partities.partities()} == voor - weg
    assert all(a.afvoer.tot <= _op(2026, 6, 1) for a in afgevoerd)  # whole months before the limit
    assert {a.afvoer.partitie: a.afvoer.rijen for a in afgevoerd if a.afvoer.rijen} == {
        "privacy_auditentry_p2025_03": 2,
        "privacy_auditentry_p2026_05": 2,
    }


def test_a_dry_run_removes_nothing(time_machine, settings, capsys):
    settings.AUDIT_BEWAARTERMIJN_JAREN = 5
    _geschiedenis(time_machine)
    voor = AuditEntry.objects.count()
    call_command("bewaar_audit_log", "--droog")
    uit = capsys.readouterr().out
    assert "Zou afvoeren" in uit and AuditEntry.objects.count() == voor and not Afvoer.objects.exists()


def test_the_command_removes_and_says_what(time_machine, settings, capsys):
    settings.AUDIT_BEWAARTERMIJN_JAREN = 5
    _geschiedenis(time_machine)
    call_command("bewaar_audit_log")
    uit = capsys.readouterr().out
    assert "Afgevoerd:" in uit and "bewaartermijn 5 jaar: alles van voor 2026-06-01" in uit
    assert AuditEntry.objects.count() == 6


def test_a_retention_period_under_five_years_is_refused(time_machine, settings):
    settings.AUDIT_BEWAARTERMIJN_JAREN = 4
    _geschiedenis(time_machine)
    voor = AuditEntry.objects.count()
    with pytest.raises(CommandError, match="minstens 5 jaar"):
        call_command("bewaar_audit_log")
    assert AuditEntry.objects.count() == voor


def test_a_longer_retention_period_keeps_more(time_machine, settings):
    settings.AUDIT_BEWAARTERMIJN_JAREN = 7
    rijen = _geschiedenis(time_machine)
    assert partities.grens(NU) == datetime.datetime(2024, 6, 1, tzinfo=datetime.UTC)
    assert partities.voer_af(nu=NU) == []
    assert set(AuditEntry.objects.values_list("id", flat=True)) == set().union(*map(_ids, rijen.values()))


def test_the_limit_on_29_february_is_the_first_of_that_month_years_back():
    nu = datetime.datetime(2032, 2, 29, 12, tzinfo=datetime.UTC)
    assert partities.grens(nu, 5) == datetime.datetime(2027, 2, 1, tzinfo=datetime.UTC)


def test_after_retention_a_younger_row_removed_is_still_detected(time_machine, settings):
    settings.AUDIT_BEWAARTERMIJN_JAREN = 5
    rijen = _geschiedenis(time_machine)
    partities.voer_af(nu=NU)
    _tamper("DELETE FROM privacy_auditentry WHERE id = %s", [rijen["2029-01"][0].pk])
    assert [b.reden for b in verify()] == ["verzegelde 2 rijen, nu zijn het er 1"]


def _over_de_grens(time_machine) -> dict[str, AuditEntry]:
    """One chain's rows around 1 June 2026 00:00 as requests running at midnight write them:
    a June row gets its id before a May row, and the sealer runs between them."""
    partities.maak_maanden(_op(2026, 5, 1), NU)
    rijen = {"juni_eerst": _schrijf_op(time_machine, _op(2026, 6, 1, 0, 0, 0, 3000), n=1)[0]}
    rijen["mei_oud"] = _schrijf_op(time_machine, _op(2026, 5, 31, 23, 59, 59, 999000), n=1)[0]
    verzegel()  # seal 1: the June row and the May row
    rijen["mei"] = _schrijf_op(time_machine, _op(2026, 5, 31, 23, 59, 59, 999500), n=1)[0]
    rijen["juni"] = _schrijf_op(time_machine, _op(2026, 6, 1, 0, 0, 1), n=1)[0]
    verzegel()  # seal 2: a May row and a June row
    rijen["later"] = _schrijf_op(time_machine, _op(2026, 6, 2), n=1)[0]
    verzegel()
    time_machine.move_to(NU, tick=False)
    return rijen


def test_seals_cut_in_two_by_the_month_keep_what_stayed_verifiable(time_machine, settings):
    settings.AUDIT_BEWAARTERMIJN_JAREN = 5
    rijen = _over_de_grens(time_machine)
    (afgevoerd,) = [a for a in partities.voer_af(nu=NU) if a.afvoer.rijen]
    assert afgevoerd.afvoer.rijen == 2 and set(afgevoerd.afvoer.rest) == {"1:1", "1:2"}
    assert [r[0] for r in afgevoerd.afvoer.rest.values()] == [1, 1]
    assert set(AuditEntry.objects.values_list("id", flat=True)) == {rijen[n].pk for n in ("juni_eerst", "juni", "later")}
    assert list(verify()) == []


@pytest.mark.parametrize("rij", ["juni_eerst", "juni"])
def test_a_row_kept_in_a_seal_cut_in_two_is_still_missed_when_removed(time_machine, settings, rij):
    settings.AUDIT_BEWAARTERMIJN_JAREN = 5
    rijen = _over_de_grens(time_machine)
    partities.voer_af(nu=NU)
    _tamper("DELETE FROM privacy_auditentry WHERE id = %s", [rijen[rij].pk])
    zegel = "zegel 1" if rij == "juni_eerst" else "zegel 2"
    assert [(b.plek, b.reden) for b in verify()] == [(zegel, "verzegelde 1 rijen na de afvoer, nu zijn het er 0")]


def test_a_row_kept_in_a_seal_cut_in_two_is_still_checked_for_changes(time_machine, settings):
    settings.AUDIT_BEWAARTERMIJN_JAREN = 5
    rijen = _over_de_grens(time_machine)
    partities.voer_af(nu=NU)
    juni = rijen["juni"]
    _tamper("UPDATE privacy_auditentry SET reden = 'achteraf' WHERE id = %s", [juni.pk])
    assert [(b.plek, b.reden) for b in verify()] == [(f"rij {juni.pk}", "inhoud is gewijzigd")]


def test_retention_refuses_to_cut_into_a_seal_that_was_tampered_with(time_machine, settings):
    """Removing a row and then letting retention record what stayed would launder it."""
    settings.AUDIT_BEWAARTERMIJN_JAREN = 5
    rijen = _over_de_grens(time_machine)
    _tamper("DELETE FROM privacy_auditentry WHERE id = %s", [rijen["juni"].pk])
    with pytest.raises(ValueError, match="zegel 2 klopt niet"):
        partities.voer_af(nu=NU)
    assert AuditEntry.objects.filter(pk=rijen["mei"].pk).exists() and not Afvoer.objects.exists()


def test_retention_waits_for_rows_that_are_not_sealed_yet(time_machine, settings):
    settings.AUDIT_BEWAARTERMIJN_JAREN = 5
    partities.maak_maanden(_op(2026, 5, 1), NU)
    _schrijf_op(time_machine, _op(2026, 5, 3), n=1)
    time_machine.move_to(NU, tick=False)
    with pytest.raises(ValueError, match="nog niet verzegeld"):
        partities.voer_af(nu=NU)
    verzegel()
    assert sum(a.afvoer.rijen for a in partities.voer_af(nu=NU)) == 1
    assert list(verify()) == []


def test_a_month_later_the_next_month_goes_and_the_earlier_record_is_superseded(time_machine, settings):
    settings.AUDIT_BEWAARTERMIJN_JAREN = 5
    rijen = _over_de_grens(time_machine)
    partities.voer_af(nu=NU)
    later = partities.plus_maanden(NU, 1)
    partities.voer_af(nu=later)
    assert not AuditEntry.objects.filter(pk__in=[r.pk for r in rijen.values()]).exists()
    assert list(verify()) == []


def test_a_removal_without_a_valid_record_is_detected(time_machine, settings):
    """Someone without the key removes old rows and writes a record of their own: the record's
    HMAC fails, and the seals are checked as if nothing had gone."""
    settings.AUDIT_BEWAARTERMIJN_JAREN = 5
    rijen = _geschiedenis(time_machine)
    oud = rijen["2025-03"]
    _tamper("DELETE FROM privacy_auditentry WHERE id = %s OR id = %s", [oud[0].pk, oud[1].pk])
    nep = Afvoer(tot=_op(2025, 4, 1), rijen=2, ketens={"1": oud[1].pk}, tijdstip=timezone.now(), hash="0" * 64)
    nep.save(force_insert=True)
    redenen = [b.reden for b in verify()]
    assert "de afvoer is gewijzigd of niet met de sleutel vastgelegd" in redenen
    assert "verzegelde 2 rijen, nu zijn het er 0" in redenen


def test_the_record_of_a_removal_is_append_only(time_machine, settings):
    settings.AUDIT_BEWAARTERMIJN_JAREN = 5
    _geschiedenis(time_machine)
    partities.voer_af(nu=NU)
    with pytest.raises(PermissionError):
        Afvoer.objects.all().delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE privacy_afvoer SET rijen = 0")


@alleen_postgres
def test_rows_go_into_their_months_table_and_months_are_made_ahead():
    nu = timezone.now()
    partities.maak_vooruit(nu)
    rij = record(actor=None, actie=Actie.READ, gebeurtenis="casus.bekeken", onderwerp=Onderwerp(gemeente_id=1))
    with connection.cursor() as cursor:
        cursor.execute("SELECT tableoid::regclass::text FROM privacy_auditentry WHERE id = %s", [rij.pk])
        assert cursor.fetchone()[0] == partities.naam(partities.maand(nu))
    stand = partities.stand(nu)
    assert stand.maanden_vooruit >= partities.VOORUIT and stand.rest_rijen is False
    volgende = partities.plus_maanden(partities.maand(nu), partities.VOORUIT + 1)
    assert partities.maak_maanden(volgende, volgende) == [partities.naam(volgende)]
    assert partities.maak_maanden(volgende, volgende) == []  # already there


@alleen_postgres
@pytest.mark.parametrize("sql", ["TRUNCATE {}", "DELETE FROM {}", "UPDATE {} SET reden = 'x'"])
def test_a_months_table_refuses_changes_like_the_log(sql):
    record(actor=None, actie=Actie.READ, gebeurtenis="casus.bekeken", onderwerp=Onderwerp(gemeente_id=1))
    tabel = partities.naam(partities.maand(timezone.now()))
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql.format(tabel))


@alleen_postgres
def test_the_health_check_reports_a_missing_next_month_and_rows_outside_the_months(client, time_machine):
    from samenwerk.ops import health

    nu = timezone.now()
    partities.maak_vooruit(nu)
    check = health.toegangslog(nu)
    assert check.ok is True and check.gegevens["maanden_vooruit"] >= 1
    ver = partities.plus_maanden(partities.maand(nu), 40)  # a month no job made a table for
    assert health.toegangslog(ver).gegevens["maanden_vooruit"] == -1
    _schrijf_op(time_machine, ver + datetime.timedelta(days=3), n=1)
    achteraf = health.toegangslog(ver)
    assert achteraf.ok is False and achteraf.gegevens["rijen_buiten_maanden"] is True


def test_sqlite_keeps_one_table():
    if connection.vendor == "postgresql":
        assert partities.gepartitioneerd() is True
    else:
        assert partities.gepartitioneerd() is False and partities.partities() == [] and partities.stand() is None


def _relkind() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT relkind FROM pg_class WHERE oid = to_regclass('privacy_auditentry')")
        return cursor.fetchone()[0]


def _tabel_van(rij_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tableoid::regclass::text FROM privacy_auditentry WHERE id = %s", [rij_id])
        return cursor.fetchone()[0]


@alleen_postgres
@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_existing_rows_into_their_months_and_back(time_machine):
    from django.db.migrations.executor import MigrationExecutor

    def migreer(naar: str) -> None:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate([("privacy", naar)])

    laatste = next(n for app, n in MigrationExecutor(connection).loader.graph.leaf_nodes() if app == "privacy")
    migreer("0006_lijstregels")
    try:
        assert _relkind() == "r"
        oud = [*_schrijf_op(time_machine, _op(2024, 2, 10)), *_schrijf_op(time_machine, _op(2026, 11, 30, 23, 59))]
        verzegel()
        migreer(laatste)
        assert _relkind() == "p"
        assert [_tabel_van(r.pk) for r in oud] == ["privacy_auditentry_p2024_02"] * 2 + ["privacy_auditentry_p2026_11"] * 2
        assert {p.naam for p in partities.partities()} >= {"privacy_auditentry_p2024_03", "privacy_auditentry_rest"}
        time_machine.move_to(timezone.now(), tick=False)
        nieuw = record(actor=None, actie=Actie.READ, gebeurtenis="casus.bekeken", onderwerp=Onderwerp(gemeente_id=1))
        assert nieuw.pk > max(r.pk for r in oud)  # the sequence goes on where it was
        verzegel()
        assert list(verify()) == []
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("TRUNCATE privacy_auditentry_p2024_02")

        migreer("0006_lijstregels")
        assert _relkind() == "r" and AuditEntry.objects.count() == 5
        derde = record(actor=None, actie=Actie.READ, gebeurtenis="casus.bekeken", onderwerp=Onderwerp(gemeente_id=1))
        assert derde.pk > nieuw.pk
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM privacy_auditentry")
    finally:
        migreer(laatste)
    assert _relkind() == "p" and AuditEntry.objects.count() == 6
