"""The access log: NEN 7513 fields, pointers instead of values, append-only, rows written
without a lock and sealed afterwards into a chain per municipality that detects tampering
(issue 21), and rows that survive the deletion of the user."""

import datetime
import json
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samenwerk.privacy import ankers, triggers
from samenwerk.privacy.audit import GENESIS, Grondslag, Onderwerp, Regel, entry_hash, record, record_many
from samenwerk.privacy.models import Actie, AuditEntry, Kanaal, Uitkomst, Zegel
from samenwerk.privacy.zegels import verify, verzegel
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _write(n: int, gemeente_id: int = 1, actor=None) -> list[AuditEntry]:
    actor = actor or UserFactory()
    return [
        record(
            actor=actor,
            actie=Actie.READ,
            gebeurtenis="casus.bekeken",
            onderwerp=Onderwerp(gemeente_id=gemeente_id, inwoner_id=10 + i, casus_id=20 + i, object_type="casus", object_id=i),
        )
        for i in range(n)
    ]


def test_a_read_records_who_whose_what_when_where_and_why():
    actor = UserFactory(first_name="Sanne", last_name="de Vries", email="sanne@test.example")
    request = RequestFactory().get("/casussen/7/", REMOTE_ADDR="192.0.2.10", HTTP_USER_AGENT="Testbrowser/1.0")
    entry = record(
        actor=actor,
        actie=Actie.READ,
        gebeurtenis="casus.bekeken",
        request=request,
        onderwerp=Onderwerp(gemeente_id=3, inwoner_id=5, casus_id=7, object_type="casus", object_id=7, gegevenssegment="plan"),
        grondslag=Grondslag(doel="zorgverlening", grond_rol=True, relatie="casusregisseur", toestemming=True),
        rol="sociaal_professional",
        organisatie="Welzijn Test",
    )
    entry.refresh_from_db()
    assert (entry.gebruiker_id, entry.gebruiker_naam) == (actor.pk, "Sanne de Vries <sanne@test.example>")
    assert (entry.rol, entry.organisatie) == ("sociaal_professional", "Welzijn Test")
    assert (entry.gemeente_id, entry.inwoner_id, entry.casus_id, entry.object_id) == (3, 5, 7, "7")
    assert (entry.actie, entry.uitkomst, entry.gegevenssegment) == (Actie.READ, Uitkomst.SUCCESS, "plan")
    assert (entry.doel, entry.grond_rol, entry.relatie, entry.toestemming, entry.noodtoegang) == (
        "zorgverlening",
        True,
        "casusregisseur",
        True,
        False,
    )
    assert (entry.kanaal, entry.ip_adres, entry.user_agent) == (Kanaal.WEB, "192.0.2.10", "Testbrowser/1.0")
    assert entry.tijdstip.utcoffset().total_seconds() == 0


def test_channel_follows_the_request():
    actor = UserFactory()
    assert record(actor=actor, actie=Actie.READ, gebeurtenis="x", request=RequestFactory().get("/api/v1/x/")).kanaal == Kanaal.API
    assert record(actor=actor, actie=Actie.READ, gebeurtenis="x").kanaal == Kanaal.TASK


def test_changed_fields_are_names_never_values():
    entry = record(actor=UserFactory(), actie=Actie.UPDATE, gebeurtenis="inwoner.gewijzigd", velden=["telefoon", "adres"])
    assert entry.velden == ["adres", "telefoon"]


def test_a_request_writes_its_rows_with_one_insert_and_waits_on_no_lock():
    regels = [Regel(onderwerp=Onderwerp(gemeente_id=g, casus_id=i)) for i, g in enumerate((1, 1, 2))]
    with CaptureQueriesContext(connection) as vastgelegd:
        rijen = record_many(actor=UserFactory.build(), actie=Actie.READ, gebeurtenis="casus.lijst", regels=regels)
    sql = [q["sql"] for q in vastgelegd.captured_queries]
    assert len([q for q in sql if "INSERT INTO" in q]) == 1
    assert not [q for q in sql if "lock" in q.lower() or "ORDER BY" in q], sql  # no lock, no chain end
    assert [(r.chain, r.seq, r.prev_hash) for r in rijen] == [(1, None, ""), (1, None, ""), (2, None, "")]
    ids = [r.pk for r in rijen]
    assert ids == sorted(ids) and len(set(ids)) == 3
    assert all(entry_hash(AuditEntry.objects.get(pk=r.pk)) == r.hash for r in rijen)


def test_rows_are_sealed_per_municipality_and_the_seals_form_a_chain():
    a = _write(3, gemeente_id=1)
    _write(2, gemeente_id=2)
    assert verzegel().rijen == 5
    assert [(z.chain, z.seq, z.aantal, z.tot_id, z.prev_hash) for z in Zegel.objects.order_by("chain")] == [
        (1, 1, 3, AuditEntry.objects.latest("id").pk, GENESIS),
        (2, 1, 2, AuditEntry.objects.latest("id").pk, GENESIS),
    ]
    assert verzegel().rijen == 0  # nothing new: no new seal
    _write(1, gemeente_id=1)
    verzegel()
    eerste, tweede = Zegel.objects.filter(chain=1).order_by("seq")
    assert (tweede.seq, tweede.aantal, tweede.prev_hash) == (2, 1, eerste.hash)
    assert a[0].pk < eerste.tot_id < tweede.tot_id
    assert list(verify()) == []
    call_command("verify_audit_log")


def test_the_sealer_works_in_bounded_rounds():
    _write(5)
    uitkomst = verzegel(per_keer=2)
    assert (uitkomst.zegels, uitkomst.rijen) == (3, 5)
    assert list(Zegel.objects.values_list("aantal", flat=True)) == [2, 2, 1]
    assert list(verify()) == []


def test_rows_from_before_the_seals_are_sealed_and_their_anchor_still_checked(settings):
    """Rows written by the per-row chain (seq, prev_hash, an HMAC without the id) stay valid."""
    prev = GENESIS
    for seq in (1, 2):
        rij = AuditEntry(chain=1, seq=seq, prev_hash=prev, tijdstip=timezone.now(), actie="read", gebeurtenis="oud",
                         kanaal="web", gemeente_id=1)  # fmt: skip
        rij.hash = prev = entry_hash(rij)
        # the benchmark's generator hashes such rows from plain objects without an id
        velden = {f.attname: getattr(rij, f.attname) for f in AuditEntry._meta.concrete_fields if not f.primary_key}
        assert entry_hash(SimpleNamespace(**velden)) == rij.hash
        rij.save(force_insert=True)
    oud_anker = ankers.Anker(1, 2, prev, "2026-12-01T00:00:00+00:00", soort="rij")  # as checkpoints wrote them then
    ankers.pad().parent.mkdir(parents=True, exist_ok=True)
    regel = {"chain": 1, "seq": 2, "hash": prev, "tijdstip": oud_anker.tijdstip, "mac": ankers._mac(oud_anker)}
    ankers.pad().write_text(json.dumps(regel) + "\n")
    _write(1)
    verzegel()
    assert Zegel.objects.get().aantal == 3 and list(verify()) == []
    _tamper("DELETE FROM privacy_auditentry WHERE seq = 2", [])
    assert {b.reden.split(",")[0] for b in verify()} == {
        "verzegelde 3 rijen", "wijkt af van het anker van 2026-12-01T00:00:00+00:00"
    }  # fmt: skip


def test_the_log_survives_the_deletion_of_the_user():
    actor = UserFactory()
    entry = _write(1, actor=actor)[0]
    actor.delete()
    entry.refresh_from_db()
    assert entry.gebruiker_id is not None and entry.gebruiker_naam


def test_the_application_cannot_change_or_delete_rows():
    entry = _write(1)[0]
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(reden="x")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()


@pytest.mark.parametrize("sql", ["UPDATE privacy_auditentry SET reden = 'x'", "DELETE FROM privacy_auditentry"])
def test_the_database_refuses_raw_changes_too(sql):
    _write(1)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditEntry.objects.count() == 1


def _tamper(sql: str, params: list, tabellen: tuple[str, ...] = triggers.TABLES) -> None:
    triggers.remove(connection, tabellen)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    finally:
        triggers.install(connection, tabellen)


@pytest.mark.parametrize("verzegeld", [False, True], ids=["unsealed", "sealed"])
def test_verification_detects_an_edited_row(verzegeld):
    rows = _write(4)
    if verzegeld:
        verzegel()
    _tamper("UPDATE privacy_auditentry SET inwoner_id = %s WHERE id = %s", [999, rows[1].pk])
    breuken = list(verify())
    assert [(b.plek, b.reden) for b in breuken] == [(f"rij {rows[1].pk}", "inhoud is gewijzigd")]
    with pytest.raises(CommandError, match="niet intact"):
        call_command("verify_audit_log")


def test_verification_detects_a_removed_sealed_row():
    rows = _write(4)
    verzegel()
    _tamper("DELETE FROM privacy_auditentry WHERE id = %s", [rows[2].pk])
    assert [(b.plek, b.reden) for b in verify()] == [("zegel 1", "verzegelde 4 rijen, nu zijn het er 3")]


def test_even_with_the_key_a_sealed_row_cannot_be_replaced_or_moved(settings):
    """The seal counts and digests its rows: a row rewritten with a valid HMAC, or moved to
    another chain, still shows."""
    rows = _write(3)
    verzegel()
    rij = AuditEntry.objects.get(pk=rows[1].pk)
    rij.reden = "verzonnen"
    _tamper("UPDATE privacy_auditentry SET reden = %s, hash = %s WHERE id = %s", ["verzonnen", entry_hash(rij), rij.pk])
    assert [(b.plek, b.reden) for b in verify()] == [("zegel 1", "de verzegelde rijen zijn vervangen")]
    verplaatst = _kopie(rows[2], chain=2, gemeente_id=2)
    verplaatst.hash = entry_hash(verplaatst)
    _tamper("DELETE FROM privacy_auditentry WHERE id = %s", [rows[2].pk])
    verplaatst.save(force_insert=True)
    assert {(b.chain, b.plek, b.reden) for b in verify()} == {
        (1, "zegel 1", "verzegelde 3 rijen, nu zijn het er 2"),
        (2, f"rij {rows[2].pk}", "staat niet in het zegel van zijn keten"),
    }


def test_a_copy_of_a_genuine_row_under_another_id_is_detected():
    """The HMAC covers the id: replaying a real row adds nothing that verifies."""
    rows = _write(2)
    kopie = _kopie(rows[0], id=rows[1].pk + 1)
    kopie.save(force_insert=True)
    assert [(b.plek, b.reden) for b in verify()] == [(f"rij {kopie.pk}", "inhoud is gewijzigd")]


def test_rows_left_unsealed_for_more_than_a_minute_are_reported(time_machine):
    [rij] = _write(1)
    assert list(verify()) == []
    time_machine.move_to(timezone.now() + datetime.timedelta(seconds=61))
    [breuk] = verify()
    assert (breuk.plek, breuk.reden.split(",")[0]) == (f"rij {rij.pk}", "nog niet verzegeld")
    verzegel()
    assert list(verify()) == []


def test_the_daily_check_walks_only_the_seals_of_the_day(time_machine):
    _write(3)
    verzegel()
    time_machine.move_to(timezone.now() + datetime.timedelta(days=2))
    _write(2)
    verzegel()
    _tamper("UPDATE privacy_auditentry SET reden = 'x' WHERE id = %s", [AuditEntry.objects.earliest("id").pk])
    assert [b.reden for b in verify()] == ["inhoud is gewijzigd"]
    assert list(verify(sinds=timezone.now() - datetime.timedelta(days=1))) == []  # the old seal is not walked
    call_command("verify_audit_log", "--dagen", "1")
    for fout in ("0", "-2"):
        with pytest.raises(CommandError, match="positief aantal dagen"):
            call_command("verify_audit_log", "--dagen", fout)


def test_a_failed_change_leaves_no_log_row():
    with pytest.raises(RuntimeError), transaction.atomic():
        _write(1)
        raise RuntimeError("the change failed")
    assert AuditEntry.objects.count() == 0


def test_denied_access_is_logged():
    entry = record(actor=UserFactory(), actie=Actie.READ, gebeurtenis="casus.bekeken", uitkomst=Uitkomst.DENIED)
    assert entry.uitkomst == "denied"


def test_behind_a_trusted_proxy_the_client_address_is_logged_as_the_session_list_shows_it(settings):
    """Issue 17 item 9: the log recorded the proxy's address; now the one `client_ip` decides."""
    from samenwerk.privacy.network import client_ip

    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/casussen/7/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    entry = record(actor=UserFactory(), actie=Actie.READ, gebeurtenis="casus.bekeken", request=request)
    assert entry.ip_adres == "203.0.113.9" == client_ip(request)  # not the proxy, not what the client wrote
    settings.TRUSTED_PROXY_COUNT = 0
    assert record(actor=UserFactory(), actie=Actie.READ, gebeurtenis="x", request=request).ip_adres == "10.0.0.2"


# --- An attacker who holds the database and the code, not the key (issue 17 item 3) ----------

AANVALLERSSLEUTEL = "wat-de-aanvaller-ook-probeert-het-is-niet-de-sleutel-0123456789"


def _herschrijf(bewerk, *, sleutel: str = AANVALLERSSLEUTEL, chain: int = 1) -> None:
    """Read the chain's rows and seals, change the rows with `bewerk` (a function on the list
    of rows), number them again, recompute every row's HMAC and seal the result again with
    the product's own functions, then write it all back: everything an attacker with the
    database and the source code can do."""
    from samenwerk.privacy import zegels

    rijen = bewerk(list(AuditEntry.objects.filter(chain=chain).order_by("id")))
    eerste = AuditEntry.objects.filter(chain=chain).order_by("id").values_list("id", flat=True).first()
    oude_zegels = list(Zegel.objects.filter(chain=chain).order_by("seq"))
    with override_settings(AUDIT_KEY=sleutel):
        for nummer, rij in enumerate(rijen, start=eerste):
            rij.pk = nummer
            rij.hash = entry_hash(rij)
        if oude_zegels:
            digest = zegels._Digest()
            for rij in rijen:
                digest.voeg_toe(rij.pk, rij.hash)
            kop = Zegel(chain=chain, seq=1, tot_id=rijen[-1].pk, aantal=digest.aantal, digest=digest.hexdigest(),
                        prev_hash=GENESIS, tijdstip=oude_zegels[-1].tijdstip)  # fmt: skip
            nieuwe_zegels = [kop]
            for seq in range(2, oude_zegels[-1].seq + 1):  # as many as before, up to the anchor's number
                nieuwe_zegels.append(Zegel(chain=chain, seq=seq, tot_id=kop.tot_id, aantal=0,
                                           digest=zegels._Digest().hexdigest(), prev_hash="", tijdstip=kop.tijdstip))  # fmt: skip
            vorige = GENESIS
            for zegel in nieuwe_zegels:
                zegel.prev_hash = vorige
                zegel.hash = vorige = zegels.zegel_hash(zegel)
    triggers.remove(connection, triggers.TABLES)
    try:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM privacy_auditentry WHERE chain = %s", [chain])
            cursor.execute("DELETE FROM privacy_zegel WHERE chain = %s", [chain])
        AuditEntry.objects.bulk_create(rijen)
        if oude_zegels:
            Zegel.objects.bulk_create(nieuwe_zegels)
    finally:
        triggers.install(connection, triggers.TABLES)


def _bewerk_rij(rijen):
    rijen[1].reden = "verzonnen"
    return rijen


def _kopie(rij: AuditEntry, **wijzigingen) -> AuditEntry:
    velden = {f.attname: getattr(rij, f.attname) for f in AuditEntry._meta.concrete_fields}
    return AuditEntry(**(velden | wijzigingen))


def _voeg_rij_in(rijen):
    return [*rijen[:2], _kopie(rijen[1], gebruiker_naam="Iemand Anders <ander@test.example>"), *rijen[2:]]


@pytest.mark.parametrize("verzegeld", [False, True], ids=["unsealed", "sealed"])
def test_the_rewrite_helper_is_undetectable_with_the_real_key(settings, verzegeld):
    """The tamper tests below mean something: with the key, the same rewrite verifies."""
    _write(4)
    if verzegeld:
        verzegel()
    _herschrijf(_voeg_rij_in, sleutel=settings.AUDIT_KEY)
    assert AuditEntry.objects.count() == 5 and list(verify()) == []


@pytest.mark.parametrize("verzegeld", [False, True], ids=["unsealed", "sealed"])
@pytest.mark.parametrize("bewerk", [_bewerk_rij, _voeg_rij_in], ids=["edited-row", "inserted-row"])
def test_a_rewrite_with_recomputed_hashes_is_detected(bewerk, verzegeld):
    _write(4)
    if verzegeld:
        verzegel()
    _herschrijf(bewerk)
    breuken = list(verify())
    verwacht = {"inhoud is gewijzigd", "het zegel is gewijzigd"} if verzegeld else {"inhoud is gewijzigd"}
    assert breuken and {b.reden for b in breuken} == verwacht
    with pytest.raises(CommandError, match="niet intact"):
        call_command("verify_audit_log")


def test_a_row_appended_without_the_key_is_detected():
    rows = _write(3)
    valse = _kopie(rows[2], id=rows[2].pk + 1, reden="verzonnen")
    with override_settings(AUDIT_KEY=AANVALLERSSLEUTEL):
        valse.hash = entry_hash(valse)
    valse.save(force_insert=True)  # the database accepts an INSERT: only the key tells
    assert [(b.plek, b.reden) for b in verify()] == [(f"rij {valse.pk}", "inhoud is gewijzigd")]


def _verwijder_zegels_vanaf(chain: int, seq: int) -> None:
    """Cut off the chain's seals from `seq` on, and the rows they covered."""
    vanaf = Zegel.objects.filter(chain=chain, seq__lt=seq).order_by("-seq").values_list("tot_id", flat=True).first() or 0
    _tamper("DELETE FROM privacy_auditentry WHERE chain = %s AND id > %s", [chain, vanaf])
    _tamper("DELETE FROM privacy_zegel WHERE chain = %s AND seq >= %s", [chain, seq])


def test_deleting_the_last_seals_and_their_rows_is_detected_against_the_last_anchor():
    for _ in range(3):
        _write(2)
        _write(1, gemeente_id=2)
        verzegel()
    call_command("checkpoint_audit_log")
    _verwijder_zegels_vanaf(1, 2)  # what is left is still a valid chain: only the anchor tells
    breuken = [(b.chain, b.plek, b.reden.split(":")[0]) for b in verify()]
    assert breuken == [(1, "zegel 2", "zegel 2 tot en met 3 ontbreken")]
    with pytest.raises(CommandError, match="niet intact"):
        call_command("verify_audit_log")


def test_deleting_a_whole_chain_is_detected():
    _write(2, gemeente_id=3)
    call_command("checkpoint_audit_log")
    _verwijder_zegels_vanaf(3, 1)
    assert [(b.chain, b.plek) for b in verify()] == [(3, "zegel 1")]


def test_cutting_off_and_rewriting_to_the_anchor_is_detected():
    """Deleting the end and sealing new rows up to the anchor's position needs the key."""
    _write(4)
    call_command("checkpoint_audit_log")
    _herschrijf(lambda rijen: [*rijen[:2], _kopie(rijen[2], reden="verzonnen"), _kopie(rijen[3], reden="verzonnen")])
    breuken = [(b.plek, b.reden) for b in verify()]
    assert ("zegel 1", "het zegel is gewijzigd") in breuken
    assert any(plek == "zegel 1" and reden.startswith("wijkt af van het anker") for plek, reden in breuken)


def test_checkpoints_only_grown_chains_and_never_a_broken_one():
    _write(2)
    call_command("checkpoint_audit_log")  # seals what is ready first
    call_command("checkpoint_audit_log")  # nothing new: no second line
    regels = [json.loads(r) for r in ankers.pad().read_text().splitlines()]
    assert [(r["chain"], r["zegel"]) for r in regels] == [(1, 1)]
    rows = _write(2)
    verzegel()
    _tamper("UPDATE privacy_auditentry SET reden = %s WHERE id = %s", ["x", rows[1].pk])
    with pytest.raises(CommandError, match="Niet verankerd"):
        call_command("checkpoint_audit_log")
    assert len(ankers.pad().read_text().splitlines()) == 1


def test_an_anchor_without_the_key_is_reported():
    _write(2)
    call_command("checkpoint_audit_log")
    with ankers.pad().open("a") as bestand:  # someone lowers the anchor to hide a deletion
        bestand.write(json.dumps({"chain": 1, "zegel": 1, "hash": "0" * 64, "tijdstip": "2026-01-01", "mac": "f" * 64}) + "\n")
    assert [(b.chain, b.reden) for b in verify()] == [(1, "het anker is niet met de sleutel ondertekend")]


def test_verification_says_when_there_is_no_anchor(capsys):
    _write(1)
    call_command("verify_audit_log")
    assert "Geen ankers" in capsys.readouterr().out
