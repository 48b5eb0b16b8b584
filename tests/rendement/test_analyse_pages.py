"""The micro-analysis pages of a case: who sees and edits them, the flow of entering one,
bad input kept with Dutch field errors, the access log, and bounded query counts."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from samenwerk.plannen import services as plannen
from samenwerk.privacy.models import AuditEntry
from samenwerk.rendement import services_analyse as services
from samenwerk.rendement.keuzes import Eenheid, Wet
from samenwerk.rendement.models import Kostenpost, Microanalyse
from tests.auth import login
from tests.factories import casus_met_team
from tests.pdf import pdf_tekst
from tests.querycount import assert_constant_queries
from tests.rendement.factories import PrijsitemFactory, PrijslijstFactory

pytestmark = pytest.mark.django_db
JAAR = datetime.date.today().year


@pytest.fixture
def casus(personas):
    casus = casus_met_team(personas, inwoner__voornaam="Fenna", inwoner__achternaam="Testinwoner")
    return casus


@pytest.fixture
def lijst(personas):
    lijst = PrijslijstFactory(gemeente=personas.gemeente, jaar=JAAR, weken_per_jaar=40)
    PrijsitemFactory(prijslijst=lijst, code="MW-UUR", omschrijving="Uur maatschappelijk werk", prijs=Decimal("80.00"))
    PrijsitemFactory(
        prijslijst=lijst, code="BW-WEEK", omschrijving="Week beschermd wonen", eenheid=Eenheid.PER_WEEK, prijs=Decimal("1500.00")
    )
    return lijst


def _item(lijst, code):
    return lijst.items.get(code=code)


def test_a_participant_starts_an_analysis_prefilled_from_the_plan(client, personas, casus, lijst):
    plannen.wijzig_plan(
        actor=personas.professional,
        casus=casus,
        inhoud=plannen.PlanInhoud(ik_wil="x", welzijnscijfer=3, welzijnscijfer_toelichting="Ik slaap slecht"),
        versie=0,
    )
    plannen.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat="x")
    plannen.evalueer(
        actor=personas.professional,
        casus=casus,
        inhoud=plannen.EvaluatieInhoud(acties_gedaan="alle", verdere_acties_nodig=False, welzijnscijfer=7),
    )
    login(client, personas.professional)
    response = client.get(reverse("analyse:analyse", args=[casus.pk]))
    assert response.status_code == 200
    assert "Micro-analyse starten" in response.content.decode()
    response = client.post(reverse("analyse:starten", args=[casus.pk]))
    assert response.status_code == 302
    analyse = Microanalyse.objects.get(casus=casus)
    assert (analyse.welzijn_voor, analyse.welzijn_voor_toelichting, analyse.welzijn_na) == (3, "Ik slaap slecht", 7)
    assert analyse.weken_per_jaar == 40 and analyse.prijslijst == lijst
    assert casus.tijdlijn.filter(soort="rendement").exists()
    assert AuditEntry.objects.filter(gebeurtenis="rendement.analyse.gemaakt", casus_id=casus.pk).exists()


def test_enter_lines_and_see_the_summary(client, personas, casus, lijst):
    login(client, personas.professional)
    client.post(reverse("analyse:starten", args=[casus.pk]))
    analyse = Microanalyse.objects.get(casus=casus)
    url = reverse("analyse:regel-toevoegen", args=[casus.pk]) + "?blok=voor"
    assert client.get(url).status_code == 200
    data = {"blok": "voor", "versie": analyse.versie, "prijsitem": _item(lijst, "BW-WEEK").pk, "aantal": "1", "frequentie": "1"}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    analyse.refresh_from_db()
    data = {
        "blok": "na",
        "versie": analyse.versie,
        "prijsitem": _item(lijst, "MW-UUR").pk,
        "aantal": "3,5",
        "frequentie": "1",
        "periode": "week",
        "toelichting": "3 à 4 uur per week",
    }
    assert client.post(url, data).status_code == 302
    pagina = client.get(reverse("analyse:analyse", args=[casus.pk])).content.decode()
    assert "€ 60.000,00" in pagina  # 1.500 × 40 weeks
    assert "€ 11.200,00" in pagina  # 80 × 3,5 × 40
    assert "€ 48.800,00" in pagina  # the difference
    assert f"prijs uit prijslijst {JAAR}, code MW-UUR" in pagina
    assert "3 à 4 uur per week" in pagina
    assert "<svg" in pagina and "<title" in pagina


def test_bad_input_keeps_what_was_typed_with_dutch_field_errors(client, personas, casus, lijst):
    login(client, personas.professional)
    client.post(reverse("analyse:starten", args=[casus.pk]))
    analyse = Microanalyse.objects.get(casus=casus)
    url = reverse("analyse:regel-toevoegen", args=[casus.pk]) + "?blok=voor"
    data = {"blok": "voor", "versie": analyse.versie, "omschrijving": "Logeeropvang", "prijs": "-12,50", "eenheid": "maand"}
    data |= {"aantal": "-1", "frequentie": "2", "periode": "week"}
    response = client.post(url, data)
    tekst = response.content.decode()
    assert response.status_code == 200
    assert "Een prijs kan niet negatief zijn." in tekst
    assert "Vul 0 of meer in; een negatief getal kan niet." in tekst
    assert 'value="-12,50"' in tekst and 'value="Logeeropvang"' in tekst
    assert Kostenpost.objects.count() == 0
    data |= {"prijs": "12,50", "aantal": "1"}
    tekst = client.post(url, data).content.decode()
    assert "Dit past niet bij een prijs per maand. Kies: per maand, per jaar, eenmalig." in tekst
    response = client.post(
        reverse("analyse:welzijn", args=[casus.pk]), {"datum": analyse.datum.isoformat(), "welzijn_voor": "11", "versie": 1}
    )
    assert response.status_code == 200
    assert "Het welzijnscijfer is een heel getal van 1 tot en met 10." in response.content.decode()
    assert 'value="11"' in response.content.decode()


def test_a_stale_version_is_refused_and_the_input_kept(client, personas, casus, lijst):
    login(client, personas.professional)
    client.post(reverse("analyse:starten", args=[casus.pk]))
    analyse = Microanalyse.objects.get(casus=casus)
    services.wijzig_analyse(
        actor=personas.collega_andere_organisatie,
        analyse=analyse,
        gegevens=services.AnalyseGegevens(datum=analyse.datum, welzijn_voor=4),
        versie=analyse.versie,
    )
    response = client.post(
        reverse("analyse:welzijn", args=[casus.pk]),
        {"datum": analyse.datum.isoformat(), "welzijn_voor": "5", "welzijn_na_toelichting": "Veel beter", "versie": 1},
    )
    assert response.status_code == 409
    assert "Veel beter" in response.content.decode()
    analyse.refresh_from_db()
    assert analyse.welzijn_voor == 4


def test_the_pdf_has_the_summary(client, personas, casus, lijst):
    login(client, personas.professional)
    client.post(reverse("analyse:starten", args=[casus.pk]))
    analyse = Microanalyse.objects.get(casus=casus)
    services.voeg_regel_toe(
        actor=personas.professional,
        analyse=analyse,
        gegevens=services.RegelGegevens(blok="voor", prijsitem=_item(lijst, "BW-WEEK")),
    )
    response = client.get(reverse("analyse:pdf", args=[casus.pk]))
    assert response["Content-Type"] == "application/pdf"
    tekst = pdf_tekst(response.content)
    assert "Micro-analyse maatschappelijk rendement" in tekst
    assert "€ 60.000,00" in tekst
    assert AuditEntry.objects.filter(gebeurtenis="rendement.pdf", actie="print").exists()


def test_the_case_page_links_to_the_analysis(client, personas, casus):
    login(client, personas.professional)
    tekst = client.get(reverse("casussen:detail", args=[casus.pk])).content.decode()
    assert "Maatschappelijk rendement" in tekst and reverse("analyse:analyse", args=[casus.pk]) in tekst


def test_reading_is_logged_and_the_procesregisseur_is_refused(client, personas, casus, lijst):
    login(client, personas.professional)
    client.get(reverse("analyse:analyse", args=[casus.pk]))
    assert AuditEntry.objects.filter(gebeurtenis="rendement.bekeken", actie="read", casus_id=casus.pk).exists()
    login(client, personas.procesregisseur)
    assert client.get(reverse("analyse:analyse", args=[casus.pk])).status_code == 403
    login(client, personas.manager)
    assert client.get(reverse("analyse:analyse", args=[casus.pk])).status_code == 404


def test_the_analysis_page_has_a_bounded_number_of_queries(client, personas, casus, lijst):
    login(client, personas.professional)
    client.post(reverse("analyse:starten", args=[casus.pk]))
    analyse = Microanalyse.objects.get(casus=casus)
    item = _item(lijst, "MW-UUR")

    def make(n):
        for i in range(n):
            Kostenpost.objects.create(
                analyse=analyse,
                gemeente=personas.gemeente,
                blok=["voor", "eenmalig", "na", "herhaling", "niets_doen"][i % 5],
                omschrijving=f"Post {i}",
                prijsitem=item,
                code=item.code,
                prijslijst_jaar=JAAR,
                prijs=item.prijs,
                eenheid=item.eenheid,
                wet=Wet.WMO,
                periode="week",
            )

    url = reverse("analyse:analyse", args=[casus.pk])
    assert assert_constant_queries(make, lambda: client.get(url)) <= 20
