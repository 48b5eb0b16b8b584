"""A professional enters a micro-analysis in a real browser: wellbeing, a line from the
price list, a free price, a mistake kept with its Dutch message; sees the summary and the
chart; downloads the PDF (its text read with pypdf). A manager sees the report. axe on every
page, and no Content-Security-Policy violation."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from samenwerk.rendement.keuzes import Eenheid
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD, CasusFactory
from tests.pdf import pdf_tekst
from tests.rendement.factories import PrijsitemFactory, PrijslijstFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_enter_an_analysis_see_the_summary_and_download_the_pdf(live_server, page, personas):
    csp: list[str] = []
    page.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
    lijst = PrijslijstFactory(gemeente=personas.gemeente, jaar=datetime.date.today().year, weken_per_jaar=42)
    PrijsitemFactory(
        prijslijst=lijst, code="BW-WEEK", omschrijving="Week beschermd wonen", eenheid=Eenheid.PER_WEEK, prijs=Decimal("1680.00")
    )
    casus = CasusFactory(
        gebied=personas.gebied,
        met_toestemming=True,
        professional=personas.professional,
        organisatie=personas.organisatie,
        inwoner__voornaam="Fenna",
        inwoner__achternaam="Testinwoner",
    )
    browser_login(page, live_server.url, personas.professional.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/casussen/{casus.pk}/")
    page.get_by_role("link", name="Micro-analyse bekijken of starten").click()
    assert_accessible(page)
    page.get_by_role("button", name="Micro-analyse starten").click()
    page.get_by_text("De micro-analyse is gestart.").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Welzijn, herhaalmeting en scenario wijzigen").click()
    page.get_by_label("welzijnscijfer vooraf (1-10)").fill("3")
    page.get_by_label("toelichting van de inwoner vooraf").fill("Ik lig wakker van de schulden")
    page.get_by_label("welzijnscijfer achteraf (1-10)").fill("8")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De analyse is opgeslagen.").wait_for()

    page.get_by_role("link", name="Kostenpost toevoegen aan: kosten per jaar vooraf").click()
    page.get_by_label("Item uit de prijslijst").select_option(label="BW-WEEK – Week beschermd wonen (€ 1.680,00 per week)")
    page.get_by_label("Toelichting op de aanname").fill("Beschermd wonen, het hele jaar")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De kostenpost is opgeslagen.").wait_for()

    page.get_by_role("link", name="Kostenpost toevoegen aan: kosten per jaar achteraf").click()
    page.get_by_label("Omschrijving").fill("Maatje")
    page.get_by_label("Vrije prijs in euro").fill("-650")
    page.get_by_label("Eenheid van de vrije prijs").select_option(label="per jaar")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Een prijs kan niet negatief zijn.").wait_for()
    assert page.get_by_label("Omschrijving").input_value() == "Maatje"
    assert_accessible(page)
    page.get_by_label("Vrije prijs in euro").fill("650,00")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De kostenpost is opgeslagen.").wait_for()

    samenvatting = page.get_by_role("table", name="Samenvatting met de berekening van elk bedrag")
    expect(samenvatting.get_by_role("cell", name="€ 69.910,00", exact=True)).to_be_visible()  # 1.680 × 42 − 650
    expect(page.get_by_role("img", name="Maatschappelijke kosten van deze casus")).to_be_visible()
    expect(page.get_by_text(f"prijs uit prijslijst {lijst.jaar}, code BW-WEEK")).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download als PDF").click()
    tekst = pdf_tekst(download.value.path())
    assert "Micro-analyse maatschappelijk rendement" in tekst and "Fenna Testinwoner" in tekst
    assert "€ 69.910,00" in tekst and "Ik lig wakker van de schulden" in tekst

    page.get_by_role("link", name="Afdrukken").click()
    assert_accessible(page)

    page.context.clear_cookies()
    browser_login(page, live_server.url, personas.manager.email, TEST_PASSWORD)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Maatschappelijk rendement").click()
    page.get_by_text("Het ervaren welbevinden steeg van 3 naar 8 (1 casus)").wait_for()
    expect(page.get_by_text("de maatschappelijke kosten daalden met € 69.910 per jaar (1 casus)")).to_be_visible()
    assert "Fenna" not in page.content()
    assert_accessible(page)
    assert csp == []
