"""The access log: NEN 7513 fields, pointers instead of values, append-only, a hash chain
that detects tampering, and rows that survive the deletion of the user."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory, override_settings

from samenwerk.privacy import ankers, triggers
from samenwerk.privacy.audit import GENESIS, Grondslag, Onderwerp, entry_hash, record, verify
from samenwerk.privacy.models import Actie, AuditEntry, Kanaal, Uitkomst
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


def test_rows_form_a_chain_per_municipality():
    a = _write(3, gemeente_id=1)
    b = _write(2, gemeente_id=2)
    assert [e.seq for e in a] == [1, 2, 3] and [e.seq for e in b] == [1, 2]
    assert a[0].prev_hash == GENESIS and a[1].prev_hash == a[0].hash and a[2].prev_hash == a[1].hash
    assert b[0].prev_hash == GENESIS
    assert list(verify()) == []
    call_command("verify_audit_log")


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


def _tamper(sql: str, params: list) -> None:
    triggers.remove(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    finally:
        triggers.install(connection)


def test_verification_detects_an_edited_row():
    rows = _write(4)
    _tamper("UPDATE privacy_auditentry SET inwoner_id = %s WHERE id = %s", [999, rows[1].pk])
    breuken = list(verify())
    assert [(b.seq, b.reden) for b in breuken] == [(2, "inhoud is gewijzigd")]
    with pytest.raises(CommandError, match="niet intact"):
        call_command("verify_audit_log")


def test_verification_detects_a_removed_row():
    rows = _write(4)
    _tamper("DELETE FROM privacy_auditentry WHERE id = %s", [rows[2].pk])
    assert {(b.seq, b.reden) for b in verify()} == {(3, "rij 3 ontbreekt"), (4, "verwijst niet naar de vorige rij")}


def test_verification_detects_a_rewritten_tail_without_the_chain():
    """Recomputing one row's hash does not help: the next row still points at the old one."""
    rows = _write(3)
    row = AuditEntry.objects.get(pk=rows[1].pk)
    row.reden = "verzonnen"
    _tamper("UPDATE privacy_auditentry SET reden = %s, hash = %s WHERE id = %s", ["verzonnen", entry_hash(row), row.pk])
    assert [(b.seq, b.reden) for b in verify()] == [(3, "verwijst niet naar de vorige rij")]


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
    """Read the chain, change it with `bewerk` (a function on the list of rows), number it
    again and recompute every hash with the product's own function, then write it back:
    everything an attacker with the database and the source code can do."""
    rijen = bewerk(list(AuditEntry.objects.filter(chain=chain).order_by("seq")))
    prev = GENESIS
    with override_settings(AUDIT_KEY=sleutel):
        for seq, rij in enumerate(rijen, start=1):
            rij.pk, rij.seq, rij.prev_hash = None, seq, prev
            rij.hash = prev = entry_hash(rij)
    triggers.remove(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM privacy_auditentry WHERE chain = %s", [chain])
        AuditEntry.objects.bulk_create(rijen)
    finally:
        triggers.install(connection)


def _bewerk_rij(rijen):
    rijen[1].reden = "verzonnen"
    return rijen


def _kopie(rij: AuditEntry, **wijzigingen) -> AuditEntry:
    velden = {f.attname: getattr(rij, f.attname) for f in AuditEntry._meta.concrete_fields}
    return AuditEntry(**(velden | wijzigingen))


def _voeg_rij_in(rijen):
    return [*rijen[:2], _kopie(rijen[1], gebruiker_naam="Iemand Anders <ander@test.example>"), *rijen[2:]]


def test_the_rewrite_helper_is_undetectable_with_the_real_key(settings):
    """The tamper tests below mean something: with the key, the same rewrite verifies."""
    _write(4)
    _herschrijf(_voeg_rij_in, sleutel=settings.AUDIT_KEY)
    assert AuditEntry.objects.count() == 5 and list(verify()) == []


@pytest.mark.parametrize("bewerk", [_bewerk_rij, _voeg_rij_in], ids=["edited-row", "inserted-row"])
def test_a_rewrite_with_recomputed_hashes_is_detected(bewerk):
    _write(4)
    _herschrijf(bewerk)
    breuken = list(verify())
    assert breuken and {b.reden for b in breuken} == {"inhoud is gewijzigd"}
    with pytest.raises(CommandError, match="niet intact"):
        call_command("verify_audit_log")


def test_a_row_appended_without_the_key_is_detected():
    rows = _write(3)
    valse = _kopie(rows[2], id=None, seq=4, prev_hash=rows[2].hash, reden="verzonnen")
    with override_settings(AUDIT_KEY=AANVALLERSSLEUTEL):
        valse.hash = entry_hash(valse)
    valse.save(force_insert=True)  # the database accepts an INSERT: only the key tells
    assert [(b.seq, b.reden) for b in verify()] == [(4, "inhoud is gewijzigd")]


def _verwijder_vanaf(chain: int, seq: int) -> None:
    triggers.remove(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM privacy_auditentry WHERE chain = %s AND seq >= %s", [chain, seq])
    finally:
        triggers.install(connection)


def test_deleting_the_last_rows_is_detected_against_the_last_anchor():
    _write(5)
    _write(2, gemeente_id=2)
    call_command("checkpoint_audit_log")
    _verwijder_vanaf(1, 4)  # what is left is still a valid chain: only the anchor tells
    breuken = [(b.chain, b.seq, b.reden.split(":")[0]) for b in verify()]
    assert breuken == [(1, 4, "rij 4 tot en met 5 ontbreken")]
    with pytest.raises(CommandError, match="niet intact"):
        call_command("verify_audit_log")


def test_deleting_a_whole_chain_is_detected():
    _write(2, gemeente_id=3)
    call_command("checkpoint_audit_log")
    _verwijder_vanaf(3, 1)
    assert [(b.chain, b.seq) for b in verify()] == [(3, 1)]


def test_cutting_off_and_rewriting_to_the_anchor_is_detected():
    """Deleting the end and writing new rows up to the anchor's position needs the key."""
    _write(4)
    call_command("checkpoint_audit_log")
    _herschrijf(lambda rijen: [*rijen[:2], _kopie(rijen[2], reden="verzonnen"), _kopie(rijen[3], reden="verzonnen")])
    breuken = [(b.seq, b.reden) for b in verify()]
    assert (3, "inhoud is gewijzigd") in breuken
    assert any(seq == 4 and reden.startswith("wijkt af van het anker") for seq, reden in breuken)


def test_checkpoints_only_grown_chains_and_never_a_broken_one():
    _write(2)
    call_command("checkpoint_audit_log")
    call_command("checkpoint_audit_log")  # nothing new: no second line
    regels = [json.loads(r) for r in ankers.pad().read_text().splitlines()]
    assert [(r["chain"], r["seq"]) for r in regels] == [(1, 2)]
    rows = _write(2)
    _tamper("UPDATE privacy_auditentry SET reden = %s WHERE id = %s", ["x", rows[1].pk])
    with pytest.raises(CommandError, match="Niet verankerd"):
        call_command("checkpoint_audit_log")
    assert len(ankers.pad().read_text().splitlines()) == 1


def test_an_anchor_without_the_key_is_reported():
    _write(2)
    call_command("checkpoint_audit_log")
    with ankers.pad().open("a") as bestand:  # someone lowers the anchor to hide a deletion
        bestand.write(json.dumps({"chain": 1, "seq": 1, "hash": "0" * 64, "tijdstip": "2026-01-01", "mac": "f" * 64}) + "\n")
    assert [(b.chain, b.reden) for b in verify()] == [(1, "het anker is niet met de sleutel ondertekend")]


def test_verification_says_when_there_is_no_anchor(capsys):
    _write(1)
    call_command("verify_audit_log")
    assert "Geen ankers" in capsys.readouterr().out
