"""Verification reads the rows of many seals with one query (privacy.zegels.loop_zegels): on
PostgreSQL every query over the log is planned over all its month tables, so a query per seal
made the daily check and the anchoring job slow. The split of the row stream over the seals
must find the same breaks as a query per seal did."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samenwerk.privacy import zegels
from samenwerk.privacy.audit import Onderwerp, record
from samenwerk.privacy.models import Actie, AuditEntry
from samenwerk.privacy.zegels import verify, verzegel
from tests.privacy.test_audit import _tamper

pytestmark = pytest.mark.django_db


@pytest.fixture
def vijf_zegels(monkeypatch) -> list[list[AuditEntry]]:
    """Five seals of two rows each in chain 1, walked two seals per query."""
    monkeypatch.setattr(zegels, "PER_ZEGELS", 2)
    rondes = []
    for ronde in range(5):
        rondes.append(
            [record(actor=None, actie=Actie.READ, gebeurtenis="casus.bekeken",
                    onderwerp=Onderwerp(gemeente_id=1, casus_id=10 * ronde + i)) for i in range(2)]
        )  # fmt: skip
        verzegel()
    return rondes


def _rij_queries(queries: list[dict]) -> int:
    return sum(1 for q in queries if "privacy_auditentry" in q["sql"] and '"privacy_auditentry"."hash"' in q["sql"])


def test_an_intact_chain_walked_in_groups_holds_with_a_query_per_group(vijf_zegels):
    with CaptureQueriesContext(connection) as queries:
        assert list(verify()) == []
    # three groups of seals (2 + 2 + 1), and the rows after the last seal
    assert _rij_queries(queries.captured_queries) == 3 + 1


@pytest.mark.parametrize("ronde", [0, 1, 2, 3, 4])
def test_a_removed_row_is_blamed_on_its_own_seal_in_any_group(vijf_zegels, ronde):
    _tamper("DELETE FROM privacy_auditentry WHERE id = %s", [vijf_zegels[ronde][1].pk])
    assert [(b.plek, b.reden) for b in verify()] == [(f"zegel {ronde + 1}", "verzegelde 2 rijen, nu zijn het er 1")]


def test_an_edited_row_in_a_later_group_is_found(vijf_zegels):
    rij = vijf_zegels[3][0]
    _tamper("UPDATE privacy_auditentry SET reden = 'x' WHERE id = %s", [rij.pk])
    assert [(b.plek, b.reden) for b in verify()] == [(f"rij {rij.pk}", "inhoud is gewijzigd")]


def test_a_row_moved_between_seals_of_different_groups_is_found(vijf_zegels):
    """Seal 3's first row removed and seal 2's last row given its id: seal 2 is a row short, and
    the moved row's HMAC (which covers its id) no longer holds."""
    rij = vijf_zegels[1][1]
    nieuw_id = vijf_zegels[2][0].pk
    _tamper("DELETE FROM privacy_auditentry WHERE id = %s", [nieuw_id])
    _tamper("UPDATE privacy_auditentry SET id = %s WHERE id = %s", [nieuw_id, rij.pk])
    plekken = [(b.plek, b.reden) for b in verify()]
    assert ("zegel 2", "verzegelde 2 rijen, nu zijn het er 1") in plekken
    assert (f"rij {nieuw_id}", "inhoud is gewijzigd") in plekken  # its HMAC covers its id


@pytest.mark.parametrize("pagina", [1, 3])
def test_rows_read_a_page_at_a_time_still_split_over_their_seals(vijf_zegels, monkeypatch, pagina):
    monkeypatch.setattr(zegels, "PAGINA", pagina)
    assert list(verify()) == []
    _tamper("DELETE FROM privacy_auditentry WHERE id = %s", [vijf_zegels[2][0].pk])
    assert [(b.plek, b.reden) for b in verify()] == [("zegel 3", "verzegelde 2 rijen, nu zijn het er 1")]
