"""One case from signal to evaluation with a second round, in a real browser, with axe on
every page visited."""

import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone

from samenwerk.casussen.models import Casus
from samenwerk.plannen.models import PlanLink
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD
from tests.pdf import pdf_tekst

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_from_signal_to_second_round(live_server, page, personas):
    browser_login(page, live_server.url, personas.professional.email, TEST_PASSWORD)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn casussen").click()
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe casus aanmelden").click()
    page.get_by_label("Voornaam").fill("Fenna")
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("alert").wait_for()  # errors, and what was typed is kept
    assert page.get_by_label("Voornaam").input_value() == "Fenna"
    assert_accessible(page)
    page.get_by_label("Achternaam").fill("Testinwoner")
    page.get_by_label("Postcode").fill("1234ab")
    page.get_by_label("Gebied").select_option(label="Noord")
    page.get_by_label("Binnengekomen via").select_option(label="Huisarts of praktijkondersteuner")
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_text("De casus is aangemeld.").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Toestemming vastleggen").click()
    page.get_by_label("Waarvoor").select_option(label="Wil via de Samenwerkwijze geholpen worden")
    page.get_by_label("Ja, geeft toestemming").check()
    page.get_by_label("Mondeling").check()
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De toestemming is vastgelegd.").wait_for()
    assert "Vraagverheldering" in page.content()

    page.get_by_role("link", name="Het Samenwerkplan").click()
    assert_accessible(page)
    page.get_by_role("link", name="Plan maken").click()
    page.get_by_label("Ik wil – hier werk ik naartoe").fill("Weer rust in mijn hoofd")
    page.get_by_label("welzijnscijfer (1-10)").fill("4")
    page.get_by_label("Ja, er is meer expertise nodig").check()
    page.get_by_label("waarom (niet)?").fill("Schulden en wonen hangen samen")
    assert_accessible(page)
    page.get_by_role("button", name="Plan opslaan").click()
    page.get_by_text("Het plan is opgeslagen.").wait_for()

    page.get_by_role("link", name="Afspraak toevoegen").click()
    page.get_by_label("Wie", exact=True).select_option(label="De inwoner")
    page.get_by_label("Wat", exact=True).fill("Zelf de woningcorporatie bellen")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De afspraak is toegevoegd.").wait_for()
    page.get_by_role("button", name="Markeer als voltooid").click()
    page.get_by_text("De afspraak is als voltooid gemarkeerd.").wait_for()

    page.get_by_role("link", name="Evaluatie vastleggen").click()
    page.get_by_label("Ja, alle acties zijn gedaan").check()
    page.get_by_label("Ja", exact=True).check()
    page.get_by_label("welzijnscijfer nu (1-10)").fill("7")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De evaluatie is vastgelegd.").wait_for()
    page.get_by_role("link", name="Afspraak toevoegen").click()
    page.get_by_label("Wie", exact=True).select_option(label="De inwoner")
    page.get_by_label("Wat", exact=True).fill("Naar de buurtmaaltijd")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De afspraak is toegevoegd.").wait_for()
    assert page.get_by_role("heading", name="Evaluatie 1").is_visible() or "Evaluatie 1" in page.content()
    assert_accessible(page)
    page.get_by_role("link", name="Versies vergelijken").click()
    assert_accessible(page)
    page.goto(page.url.replace("plan/versies/", "tijdlijn/"))
    assert "Afspraak voltooid" in page.content()
    assert_accessible(page)

    # Positieve Gezondheid: one measurement, drawn as a spider chart with a table.
    page.goto(page.url.replace("tijdlijn/", "plan/gezondheid/"))
    for label, score in [
        ("Lichaamsfuncties", "5"),
        ("Mentaal welbevinden", "3"),
        ("Zingeving", "4"),
        ("Kwaliteit van leven", "3"),
        ("Meedoen", "2"),
        ("Dagelijks functioneren", "6"),
    ]:
        page.get_by_label(label, exact=True).fill(score)
    page.get_by_role("button", name="Meting opslaan").click()
    page.get_by_text("De meting is opgeslagen.").wait_for()
    assert page.locator("svg.sw-spinnenweb polygon.sw-meting").count() == 1
    assert_accessible(page)

    # The resident's copy: the PDF a professional downloads, its text read with pypdf.
    page.goto(page.url.replace("gezondheid/", ""))
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF", exact=True).click()
    tekst = pdf_tekst(download.value.path())
    assert "Dit is het plan van Fenna Testinwoner" in tekst and "Naar de buurtmaaltijd" in tekst

    # The resident opens their secure link (no account), reads and acknowledges the plan.
    casus = Casus.objects.get()
    token = "browsertest-token-van-fenna"
    PlanLink.objects.create(
        casus=casus, token_hash=hashlib.sha256(token.encode()).hexdigest(), verloopt_op=timezone.now() + timedelta(days=1)
    )
    resident = page.context.browser.new_context(locale="nl-NL").new_page()
    resident.goto(f"{live_server.url}/mijn-plan/{token}/")
    resident.get_by_role("heading", level=1, name="Dit is het plan van Fenna Testinwoner").wait_for()
    assert_accessible(resident)
    resident.get_by_role("button", name="Ik heb het plan gezien en ben akkoord").click()
    resident.get_by_text("We hebben genoteerd dat u het plan gezien heeft").wait_for()
    assert_accessible(resident)
    resident.get_by_role("link", name="Wie heeft mijn gegevens bekeken?").click()
    resident.get_by_role("heading", level=1, name="Wie heeft mijn gegevens bekeken?").wait_for()
    assert "betrokken bij uw hulp als casusregisseur" in resident.content()
    assert_accessible(resident)
    assert Casus.objects.get().plan.erkend_op is not None
