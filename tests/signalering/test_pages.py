"""The inbox (filters, handle, snooze, with and without htmx), the count in the menu, and the
dashboards: bounded queries at 1/10/100 cases, counts without names."""

import datetime
from types import SimpleNamespace

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenwerk.casussen.models import Betrokkene
from samenwerk.overleg.signalen import OVERLEG_TE_LAAT, WEIGERING
from samenwerk.privacy import zegels
from samenwerk.privacy.models import AuditEntry
from samenwerk.privacy.selectors import over_casus
from samenwerk.signalering import casusregels as r
from samenwerk.signalering.engine import signaleer
from samenwerk.signalering.models import Signalering, Status
from samenwerk.signalering.regels import regel
from tests.auth import login
from tests.querycount import assert_constant_queries
from tests.signalering.conftest import maak_casus
from tests.templatelookups import failed_template_lookups

pytestmark = pytest.mark.django_db
DAG = datetime.timedelta(days=1)


def _te_laat(personas, n=1, **kwargs):
    """n cases, each with an overdue agreement of the participant from the other organisation."""
    from samenwerk.plannen import services as plannen

    vandaag = timezone.localdate()
    casussen = []
    for _ in range(n):
        casus = maak_casus(personas, **kwargs)
        eigenaar = (
            Betrokkene.objects.get(casus=casus, user=personas.collega_andere_organisatie) if kwargs.get("collega", True) else None
        )
        plannen.voeg_afspraak_toe(
            actor=personas.professional, casus=casus, wie="professional" if eigenaar else "inwoner", betrokkene=eigenaar,
            wat="Geheime afspraak", start=vandaag - 50 * DAG, uiterlijke_datum=vandaag - 8 * DAG,
        )  # fmt: skip
        casussen.append(casus)
    signaleer()
    return casussen


def test_the_inbox_lists_my_open_signals_with_the_resident_and_the_agreement(client, personas):
    [casus] = _te_laat(personas)
    login(client, personas.professional)
    response = client.get(reverse("signalering:inbox"))
    html = response.content.decode()
    assert "Afspraak over tijd" in html and casus.nummer in html
    # the casusregisseur sees the resident's data: the row says whose case and which agreement
    assert "Fenna Geheimnaam" in html and "<q>Geheime afspraak</q>" in html
    log = AuditEntry.objects.filter(gebeurtenis="signalering.inbox", gebruiker_id=personas.professional.pk)
    assert log.filter(casus_id__isnull=True).exists()  # who looked at the list
    assert log.filter(over_casus(casus.pk), gegevenssegment="persoonsgegevens").exists()  # whose name it showed
    # the menu shows the number of open signals
    assert 'class="sw-teller">1<' in html


def test_filters_by_kind_and_state(client, personas):
    _te_laat(personas)
    login(client, personas.professional)
    assert client.get(reverse("signalering:inbox"), {"soort": r.AFSPRAAK_BIJNA}).context["pagina"].paginator.count == 0
    assert client.get(reverse("signalering:inbox"), {"soort": r.AFSPRAAK_TE_LAAT}).context["pagina"].paginator.count == 1
    leeg = client.get(reverse("signalering:inbox"), {"status": Status.AFGEHANDELD})
    assert leeg.context["pagina"].paginator.count == 0
    alle = client.get(reverse("signalering:inbox"), {"status": ""})
    assert alle.context["pagina"].paginator.count == 1


def test_handle_with_a_note_without_javascript(client, personas):
    [casus] = _te_laat(personas)
    signalering = Signalering.objects.get(ontvanger=personas.professional)
    login(client, personas.professional)
    url = reverse("signalering:afhandelen", args=[signalering.pk])
    leeg = client.post(url, {"notitie": "  "})
    assert leeg.status_code == 400 and "Dit veld is vereist." in leeg.content.decode()
    response = client.post(url, {"notitie": "Gebeld met de thuiszorg", "terug": "https://evil.example/"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("signalering:inbox")
    assert "De signalering is afgehandeld." in response.content.decode()
    assert response.context["pagina"].paginator.count == 0
    signalering.refresh_from_db()
    assert (signalering.status, signalering.notitie, signalering.afgehandeld_door) == (
        Status.AFGEHANDELD, "Gebeld met de thuiszorg", personas.professional,
    )  # fmt: skip
    assert casus.tijdlijn.filter(soort="signalering").exists()
    assert AuditEntry.objects.filter(gebeurtenis="signalering.afgehandeld", casus_id=casus.pk).exists()
    # twice is refused, not done twice
    opnieuw = client.post(url, {"notitie": "nog eens"})
    assert opnieuw.status_code == 400 and "al afgehandeld" in opnieuw.content.decode()


def test_handle_with_htmx_swaps_the_row(client, personas):
    _te_laat(personas)
    signalering = Signalering.objects.get(ontvanger=personas.professional)
    login(client, personas.professional)
    url = reverse("signalering:afhandelen", args=[signalering.pk])
    fout = client.post(url, {"notitie": ""}, headers={"HX-Request": "true"})
    assert fout.status_code == 200 and f'id="signalering-{signalering.pk}"' in fout.content.decode()
    assert "Dit veld is vereist." in fout.content.decode()
    goed = client.post(url, {"notitie": "Opgelost"}, headers={"HX-Request": "true"})
    html = goed.content.decode()
    assert html.lstrip().startswith("<tr") and "De signalering is afgehandeld." in html and "<html" not in html


def test_snooze_needs_a_date_after_today(client, personas):
    _te_laat(personas)
    signalering = Signalering.objects.get(ontvanger=personas.professional)
    login(client, personas.professional)
    url = reverse("signalering:uitstellen", args=[signalering.pk])
    gisteren = client.post(url, {"tot": (timezone.localdate() - DAG).isoformat()})
    assert gisteren.status_code == 400 and "Kies een datum na vandaag." in gisteren.content.decode()
    assert client.post(url, {"tot": (timezone.localdate() + 3 * DAG).isoformat()}).status_code == 302
    signalering.refresh_from_db()
    assert signalering.status == Status.UITGESTELD and signalering.uitgesteld_tot == timezone.localdate() + 3 * DAG


def test_someone_elses_signal_is_404(client, personas):
    _te_laat(personas)
    signalering = Signalering.objects.get(ontvanger=personas.professional)
    login(client, personas.collega_andere_organisatie)
    assert client.post(reverse("signalering:afhandelen", args=[signalering.pk]), {"notitie": "x"}).status_code == 404
    signalering.refresh_from_db()
    assert signalering.status == Status.OPEN


def test_inbox_and_today_page_query_counts_are_constant(client, personas):
    login(client, personas.professional)
    for naam in ("signalering:inbox", "signalering:vandaag"):
        Signalering.objects.all().delete()
        assert_constant_queries(lambda n: _te_laat(personas, n, proces=False), lambda naam=naam: client.get(reverse(naam)))


def test_the_inbox_counts_its_signals_once_and_writes_the_log_in_one_insert(client, personas):
    """The default view shows exactly what the menu counts: one COUNT serves both. The list's
    own row and the row naming the residents it shows go into the access log in one write."""
    casussen = _te_laat(personas, 3, proces=False)
    Signalering.objects.filter(casus=casussen[0]).update(status=Status.AFGEHANDELD)
    login(client, personas.professional)

    def sql_van(params):
        with CaptureQueriesContext(connection) as vastgelegd:
            response = client.get(reverse("signalering:inbox"), params)
        return response, [q["sql"] for q in vastgelegd.captured_queries]

    response, sql = sql_van({})
    tellingen = [q for q in sql if "COUNT(" in q and "signalering_signalering" in q]
    assert len(tellingen) == 1, tellingen
    assert response.context["pagina"].paginator.count == 2
    assert 'class="sw-teller">2<' in response.content.decode()
    inserts = [q for q in sql if "INSERT INTO" in q and "privacy_auditentry" in q]  # executemany: "3 times: INSERT"
    assert len(inserts) == 1, inserts
    rijen = AuditEntry.objects.filter(gebeurtenis="signalering.inbox").order_by("id")
    # the list's own row, then one row naming both residents it showed (the same basis)
    assert [(r.casus_id, r.casus_ids, r.velden) for r in rijen] == [
        (None, [], []),
        (None, sorted(c.pk for c in casussen[1:]), ["achternaam", "voornaam"]),
    ]
    assert rijen[1].inwoner_ids == sorted(c.inwoner_id for c in casussen[1:])
    assert not list(zegels.verify())  # one write, every row verifies

    # another filter: the list and the menu count different rows, each its own
    response, sql = sql_van({"status": Status.AFGEHANDELD})
    assert response.context["pagina"].paginator.count == 1
    assert 'class="sw-teller">2<' in response.content.decode()
    assert len([q for q in sql if "COUNT(" in q and "signalering_signalering" in q]) == 2


def test_failed_template_lookups_are_counted():
    template = Template("{{ x.ontbreekt }}{{ x.bestaat }}{{ ook_niet.iets }}")
    # one on an object; a name missing from the context itself costs no dir()
    assert failed_template_lookups(lambda: template.render(Context({"x": SimpleNamespace(bestaat=1)}))) == 1


def test_inbox_rows_make_no_failed_template_lookups(client, personas):
    """The rows once looked up the action forms' errors on the page's filter form: six
    failed lookups per row, each a dir() of the form (inbox 58 -> 46 ms at 25 rows)."""
    login(client, personas.professional)
    aantallen = []
    for erbij in (1, 9):
        _te_laat(personas, erbij, proces=False)
        aantallen.append(failed_template_lookups(lambda: client.get(reverse("signalering:inbox"))))
    assert aantallen == [0, 0]


def test_today_page_groups_by_urgency(client, personas):
    _te_laat(personas)
    login(client, personas.professional)
    groepen = client.get(reverse("signalering:vandaag")).context["groepen"]
    assert [(g["code"], g["aantal"]) for g in groepen] == [("te_laat", 1), ("deze_week", 0), ("later", 0)]


def test_area_dashboard_counts_cases_per_kind_without_names(client, personas):
    _te_laat(personas, 2)
    [zonder_regie] = _te_laat(personas, 1, gebied=personas.ander_gebied)
    Betrokkene.objects.filter(casus=zonder_regie, rol="casusregisseur").update(rol="deelnemer")
    signaleer()
    login(client, personas.gebiedsaanjager)  # area Noord only
    response = client.get(reverse("signalering:gebied"))
    tabel = response.context["tabel"]
    assert [k.code for k in tabel.kolommen] == [r.AFSPRAAK_TE_LAAT, r.GEEN_CASUSREGISSEUR, OVERLEG_TE_LAAT, WEIGERING]
    assert tabel.rijen == [("Noord", [2, 0, 0, 0])]
    html = response.content.decode()
    assert "Geheimnaam" not in html and zonder_regie.nummer not in html
    start = client.get(reverse("portaal:start")).content.decode()
    assert "Casussen: Afspraak over tijd" in start


def test_area_dashboard_shows_the_kinds_other_apps_mark(client, personas, settings):
    settings.SIGNALERING_REGELS = [*settings.SIGNALERING_REGELS, "tests.signalering.test_pages.weigering"]
    login(client, personas.gebiedsaanjager)
    kolommen = client.get(reverse("signalering:gebied")).context["tabel"].kolommen
    assert kolommen[-1].code == "overleg.geweigerd"


@regel("overleg.geweigerd", "Uitnodiging geweigerd", gebiedsaanjager=True)
def weigering(vandaag, normen, gemeente):
    """A rule as the meetings app would register it."""
    return []


def test_area_dashboard_query_count_is_constant(client, personas):
    login(client, personas.gebiedsaanjager)
    assert_constant_queries(lambda n: _te_laat(personas, n), lambda: client.get(reverse("signalering:gebied")))


def test_manager_dashboard_counts_per_organisation_and_area(client, personas):
    _te_laat(personas, 3)
    login(client, personas.manager)  # Welzijn Testwijde, the casusregisseur's organisation
    response = client.get(reverse("signalering:organisatie"))
    tabel = response.context["tabel"]
    te_laat = [k.code for k in tabel.kolommen].index(r.AFSPRAAK_TE_LAAT)
    assert {naam: rij[te_laat] for naam, rij in tabel.rijen} == {
        "Welzijn Testwijde – Noord": 3, "Welzijn Testwijde – Zuid": 0,
    }  # fmt: skip
    assert "Geheimnaam" not in response.content.decode()
    assert_constant_queries(lambda n: _te_laat(personas, n), lambda: client.get(reverse("signalering:organisatie")))


def test_start_page_query_count_is_constant(client, personas):
    login(client, personas.professional)
    assert_constant_queries(lambda n: _te_laat(personas, n), lambda: client.get(reverse("portaal:start")))
