"""Cases at learning tables and the evaluatietafel in a real browser (issue 18 items 3 and 4):
a consented case brought to a casustafel, de-identified by the worker's function (run here,
outside any request, with the flow's stand-in for deduce — the real model is measured in
tests/leren/inbreng/test_deidentificatie.py), reviewed with every replacement highlighted,
redacted further and shared, then read at the table; an evaluatietafel grid filled cell by
cell (htmx) and exported (PDF read with pdftotext, XLSX read back). axe on every page, the
main pages also at 360 and 768 px. SCREENSHOTS=<dir> saves screenshots of the main pages."""

import os
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from samenwerk.leren.inbreng import deidentificatie, evaluatie
from samenwerk.leren.inbreng.tasks import deidentificeer_inbreng
from samenwerk.leren.models import Casusinbreng, Evaluatiecel
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD, casus_met_team
from tests.leren.inbreng.helpers import TEKST, geef_toestemming, maak_sessie, nep_deidentificeer
from tests.pdf import pdf_tekst

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _breedtes(page, naam: str) -> None:  # type: ignore[no-untyped-def]
    for breedte in (360, 768, 1280):
        page.set_viewport_size({"width": breedte, "height": 900})
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), breedte
        if os.environ.get("SCREENSHOTS"):
            page.screenshot(path=str(Path(os.environ["SCREENSHOTS"]) / f"{naam}-{breedte}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_case_brought_reviewed_shared_and_evaluatietafel_filled(live_server, browser, page, personas, monkeypatch):
    monkeypatch.setattr(deidentificatie, "deidentificeer", nep_deidentificeer)
    casus = casus_met_team(personas)
    sessie = maak_sessie(personas)
    geef_toestemming(personas, casus)

    browser_login(page, live_server.url, personas.professional.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/leren/casussen/{casus.pk}/inbrengen/")
    assert_accessible(page)
    page.get_by_label("Leertafel").select_option(str(sessie.casustafel.pk))
    page.get_by_label("De casus zoals u die aan tafel wilt bespreken").fill(TEKST)
    page.get_by_role("button", name="Zonder namen laten maken").click()
    page.get_by_text("wordt zonder namen gemaakt", exact=False).first.wait_for()
    assert_accessible(page)
    inbreng = Casusinbreng.objects.get()
    assert inbreng.status == "wacht"  # the request only enqueued

    deidentificeer_inbreng.call(inbreng.pk)  # the worker's function, outside any request
    page.locator("mark.sw-vervangen").first.wait_for()  # the page polls and shows the result
    marks = page.locator("mark.sw-vervangen")
    assert marks.count() == 6
    tekst = page.locator("#tekst-zonder-namen").inner_text()
    for weg in ("Fatima el Amrani", "Lindelaan 14", "06-12345678", "123456782"):
        assert weg not in tekst
    assert "Vervangen: naam." in marks.first.inner_text()
    assert page.locator("mark.sw-vervangen", has_text="[BSN-1]").get_attribute("title") == "Vervangen: BSN"
    _breedtes(page, "leren-inbreng-beoordelen")

    page.get_by_label("Ook onherkenbaar maken").fill("weer werken")
    page.get_by_role("button", name="Onherkenbaar maken").click()
    page.locator("mark.sw-vervangen", has_text="[ANDERS-1]").wait_for()
    page.get_by_role("button", name="Delen met de tafel").click()
    page.get_by_text("gedeeld met de tafel", exact=False).wait_for()
    assert page.locator("#inbreng-status").inner_text() == "Gedeeld"
    assert_accessible(page)
    inbreng.refresh_from_db()
    assert inbreng.brontekst == "" and "weer werken" not in inbreng.tekst

    tafel = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900}).new_page()
    browser_login(tafel, live_server.url, personas.niet_betrokken.email, TEST_PASSWORD)
    tafel.goto(f"{live_server.url}/leren/inbreng/")
    assert_accessible(tafel)
    tafel.get_by_role("link", name=f"Ingebrachte casus {inbreng.pk}").click()
    tafel.locator("mark.sw-vervangen").first.wait_for()
    assert "Naar de casus" not in tafel.content()  # the link to the case is the contributor's only
    assert_accessible(tafel)
    tafel.context.close()

    aanjager = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900}, accept_downloads=True).new_page()
    browser_login(aanjager, live_server.url, personas.gebiedsaanjager.email, TEST_PASSWORD)
    url = f"{live_server.url}/leren/tafels/{sessie.evaluatietafel.pk}/evaluatie/"
    aanjager.goto(url + "rollen/")
    assert_accessible(aanjager)
    aanjager.get_by_label("Notulist").select_option(str(personas.gebiedsaanjager.pk))
    aanjager.get_by_label(str(personas.collega_andere_organisatie)).check()
    aanjager.get_by_label("Over algemene successen").check()
    aanjager.get_by_role("button", name="Opslaan").click()
    aanjager.get_by_text("De rollen en de aanwezigen zijn vastgelegd.").wait_for()
    # The text shows while the page is still parsing; htmx is a deferred script and binds the
    # cells' autosave only after that. Typing before then is a plain edit that nothing saves
    # (seen on a loaded CI run), so wait for the page to have loaded.
    aanjager.wait_for_load_state("load")
    cellen = {
        "cel-1-wat_doe_je": "Signalen komen via de huisarts binnen",
        "cel-7-wat_gaat_goed": "Iedereen dacht mee zonder belemmeringen",
        "cel-12-wat_nodig": "Vaker samen terugkijken",
    }
    for naam, waarde in cellen.items():
        aanjager.locator(f"#{naam}").fill(waarde)
        aanjager.locator(f"#status-{naam}").get_by_text("Opgeslagen om", exact=False).wait_for()
    # Someone else saves the same cell in between (a second device of the notulist): the
    # next keystroke gets a visible conflict with both texts, nothing is overwritten.
    evaluatie.sla_cel_op(
        actor=personas.gebiedsaanjager, tafel=sessie.evaluatietafel,
        wijziging=evaluatie.Celwijziging(7, "wat_gaat_goed", "Tekst van het andere apparaat", 1),
    )  # fmt: skip
    aanjager.locator("#cel-7-wat_gaat_goed").fill("Mijn nieuwe tekst")
    conflict = aanjager.locator("#status-cel-7-wat_gaat_goed .sw-conflict")
    conflict.wait_for()
    assert "Tekst van het andere apparaat" in conflict.inner_text() and "Mijn nieuwe tekst" in conflict.inner_text()
    assert Evaluatiecel.objects.get(stap=7).tekst == "Tekst van het andere apparaat"
    assert_accessible(aanjager)
    aanjager.locator("#cel-7-wat_gaat_goed").fill(cellen["cel-7-wat_gaat_goed"])  # a deliberate choice now
    aanjager.locator("#status-cel-7-wat_gaat_goed").get_by_text("Opgeslagen om", exact=False).wait_for()
    _breedtes(aanjager, "leren-evaluatietafel")
    aanjager.reload()
    for naam, waarde in cellen.items():
        assert aanjager.locator(f"#{naam}").input_value() == waarde

    pdf = aanjager.request.get(f"{live_server.url}/leren/tafels/{sessie.evaluatietafel.pk}/evaluatie.pdf")
    tekst = " ".join(pdf_tekst(pdf.body()).split())
    for waarde in cellen.values():
        assert waarde in tekst
    assert "Terugkijken met de deelnemers: wat zouden we verbeteren" in tekst
    xlsx = aanjager.request.get(f"{live_server.url}/leren/tafels/{sessie.evaluatietafel.pk}/evaluatie.xlsx")
    waarden = {c for rij in load_workbook(BytesIO(xlsx.body())).active.iter_rows(values_only=True) for c in rij if c}
    assert set(cellen.values()) <= waarden
    aanjager.context.close()
