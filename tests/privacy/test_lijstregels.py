"""A list view writes one access-log row per basis naming every resident it showed (issue 21),
and every place that answers "who looked at this person's data" still finds it: the
resident's own page, the privacy officer's search by case and by resident, the export."""

import csv
import io

import pytest
from django.db import connection
from django.urls import reverse

from samenwerk.privacy import triggers
from samenwerk.privacy.audit import Grondslag, Onderwerp, Regel, bundel, record_many
from samenwerk.privacy.models import Actie, AuditEntry
from samenwerk.privacy.selectors import wie_keek, zoek_in_log
from samenwerk.privacy.zegels import verify, verzegel
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROL = Grondslag(doel="zorgverlening", grond_rol=True, relatie="casusregisseur", toestemming=True)
NOOD = Grondslag(doel="zorgverlening", noodtoegang=True, reden="Zorgen over de veiligheid")


def _regel(casus_id: int, grondslag: Grondslag = ROL, gemeente_id: int = 1, object_id: int | None = None) -> Regel:
    return Regel(
        onderwerp=Onderwerp(
            gemeente_id=gemeente_id, inwoner_id=casus_id + 100, casus_id=casus_id, object_type="casus",
            object_id=casus_id if object_id is None else object_id, gegevenssegment="persoonsgegevens",
        ),
        grondslag=grondslag,
        rol="casusregisseur",
        organisatie="Welzijn Testwijde",
    )  # fmt: skip


def test_rows_on_one_basis_become_one_row_and_other_bases_stay_apart():
    regels = bundel(
        [_regel(3), _regel(1), _regel(2, NOOD), _regel(4), _regel(5, gemeente_id=2), _regel(6, object_id=60)]
    )  # fmt: skip
    samen = [(r.onderwerp.gemeente_id, r.onderwerp.casus_ids, r.onderwerp.inwoner_ids, r.grondslag.noodtoegang) for r in regels]
    assert samen == [
        (1, (1, 3, 4), (101, 103, 104), False),  # one row, ids in order
        (1, (2,), (102,), True),  # emergency access keeps its own row, with its reason
        (2, (5,), (105,), False),  # another municipality's chain
        (1, (), (), False),  # names another object than its case: written as it is
    ]
    assert regels[0].onderwerp.casus_id is None and regels[0].onderwerp.object_id == ""
    assert regels[1].grondslag.reden == "Zorgen over de veiligheid"
    assert regels[3] == _regel(6, object_id=60)
    # two identical reads that cannot be bundled stay two rows
    assert bundel([_regel(6, object_id=60), _regel(6, object_id=60)]) == [_regel(6, object_id=60)] * 2


def _lijst(actor=None, casussen=(1, 2, 3)) -> AuditEntry:
    [rij] = record_many(
        actor=actor or UserFactory(), actie=Actie.READ, gebeurtenis="casus.lijst",
        regels=bundel([_regel(c) for c in casussen]), velden=("voornaam", "achternaam"),
    )  # fmt: skip
    return rij


def test_a_list_row_is_stored_found_for_each_resident_and_no_one_else():
    rij = _lijst(casussen=(1, 2, 11))
    opgeslagen = AuditEntry.objects.get(pk=rij.pk)
    assert (opgeslagen.inwoner_ids, opgeslagen.casus_ids, opgeslagen.inwoner_id) == ([101, 102, 111], [1, 2, 11], None)
    for inwoner_id in (101, 102, 111):
        assert list(wie_keek(1, inwoner_id)) == [opgeslagen]
    # an id that is only a part of another, or on the list of another municipality: not found
    assert not wie_keek(1, 11).exists() and not wie_keek(1, 1).exists() and not wie_keek(2, 101).exists()
    assert list(zoek_in_log([1], casus_id=11)) == [opgeslagen]
    assert list(zoek_in_log([1], inwoner_id=102)) == [opgeslagen]
    assert not zoek_in_log([1], casus_id=12).exists()
    assert not list(verify())


@pytest.mark.parametrize("verzegeld", [False, True], ids=["unsealed", "sealed"])
@pytest.mark.parametrize(
    ("kolom", "waarde"),
    [("inwoner_ids", [101, 103]), ("casus_ids", []), ("inwoner_ids", [])],
    ids=["one-less", "cases-emptied", "residents-emptied"],
)
def test_a_changed_list_is_detected(verzegeld, kolom, waarde):
    """Taking a resident off a list row, or emptying its lists (so that it would hash as a row
    without lists), breaks the row's HMAC."""
    rij = _lijst()
    if verzegeld:
        verzegel()
    opslag = AuditEntry._meta.get_field(kolom).get_db_prep_value(waarde, connection)
    triggers.remove(connection, (triggers.TABLE,))
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE privacy_auditentry SET {kolom} = %s WHERE id = %s", [opslag, rij.pk])  # noqa: S608
    finally:
        triggers.install(connection, (triggers.TABLE,))
    assert [(b.plek, b.reden) for b in verify()] == [(f"rij {rij.pk}", "inhoud is gewijzigd")]


def test_the_resident_and_the_privacy_officer_see_the_list_row(client, personas):
    import datetime

    from django.utils import timezone

    from samenwerk.plannen.inwoner import hash_van
    from samenwerk.plannen.models import PlanLink
    from tests.auth import confirm_recently, login
    from tests.factories import casus_met_team

    casus = casus_met_team(personas)
    tweede = casus_met_team(personas, inwoner__achternaam="Tweede")
    regels = [
        Regel(
            onderwerp=Onderwerp(gemeente_id=c.gemeente_id, inwoner_id=c.inwoner_id, casus_id=c.pk, object_type="casus",
                                object_id=c.pk, gegevenssegment="persoonsgegevens"),
            grondslag=ROL, rol="casusregisseur", organisatie="Welzijn Testwijde",
        )
        for c in (casus, tweede)
    ]  # fmt: skip
    record_many(actor=personas.professional, actie=Actie.READ, gebeurtenis="casus.lijst", regels=bundel(regels))
    assert AuditEntry.objects.filter(gebeurtenis="casus.lijst").count() == 1
    PlanLink.objects.create(
        casus=casus, token_hash=hash_van("lijst-token"), aangemaakt_door=personas.professional,
        verloopt_op=timezone.now() + datetime.timedelta(days=1),
    )  # fmt: skip
    html = client.get(reverse("inwoner:wie-keek", args=["lijst-token"])).content.decode()
    assert "Uw naam stond in een lijst" in html and "betrokken bij uw hulp als casusregisseur" in html

    login(client, personas.privacyfunctionaris)
    html = client.get(reverse("portaal:logboek"), {"casus": casus.nummer}).content.decode()
    assert "lijst met 2 casussen" in html
    html = client.get(reverse("portaal:logboek"), {"casus": tweede.nummer, "hele_inwoner": "on"}).content.decode()
    assert "lijst met 2 casussen" in html  # found through the resident too
    confirm_recently(client)
    export = client.get(reverse("portaal:logboek-export"), {"casus": tweede.nummer})
    rijen = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    [lijst] = [r for r in rijen if r["gebeurtenis"] == "casus.lijst"]
    assert lijst["casus_ids"] == str(sorted([casus.pk, tweede.pk]))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index is PostgreSQL's")
def test_postgresql_finds_a_resident_on_lists_through_the_gin_index():
    _lijst()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        # the lookup as the selectors write it matches the partial index's condition (on a
        # table this small the planner would otherwise take another index for wie_keek)
        sql, params = AuditEntry.objects.filter(inwoner_ids__bevat=101).query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(r[0] for r in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
        # the index itself, or on the month tables its copies
        cursor.execute(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = to_regclass('audit_inwoner_ids')"
        )
        namen = {"audit_inwoner_ids", *(r[0] for r in cursor.fetchall())}
    assert any(f"Index Scan on {naam} " in plan for naam in namen), plan
