"""The leertraject in a real browser (issue 20): a cohort is formed, days, participants,
attendance and assignments are recorded, buddies are paired; three months after the last day
(clock frozen) the buddy signal is in the inbox; a certificate is issued (PDF checked with
pdftotext), its badge verifies at the public page without an account, a badge with one
changed character is invalid, and after revocation it verifies as revoked. axe on every page,
the main pages also at 360 and 768 px."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess

import pytest
from django.utils import timezone

from samenwerk.leertraject import inhoud, services, services_opdrachten
from samenwerk.leertraject.models import Certificaat, Leertraject
from samenwerk.plannen.regels import plus_maanden
from samenwerk.signalering.engine import signaleer
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD
from tests.pdf import pdf_tekst

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _om(dag: datetime.date, uur: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(uur)))


def _breedtes(page) -> None:  # type: ignore[no-untyped-def]
    for breedte in (360, 768, 1280):
        page.set_viewport_size({"width": breedte, "height": 900})
        assert_accessible(page)


def _pdftotext(pdf: bytes, tmp_path) -> str:  # type: ignore[no-untyped-def]
    if shutil.which("pdftotext") is None:
        return pdf_tekst(pdf)
    pad = tmp_path / "certificaat.pdf"
    pad.write_bytes(pdf)
    uit = subprocess.run(["pdftotext", "-layout", str(pad), "-"], capture_output=True, check=True, text=True)
    return " ".join(uit.stdout.split())


def test_cohort_aanwezigheid_opdrachten_maatjes_certificaat_en_badge(live_server, page, personas, time_machine, tmp_path):
    vandaag = timezone.localdate()
    time_machine.move_to(_om(vandaag, 9), tick=True)
    url = live_server.url

    # The gebiedsaanjager forms the cohort.
    browser_login(page, url, personas.gebiedsaanjager.email, TEST_PASSWORD)
    page.goto(f"{url}/leertraject/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuw leertraject").click()
    page.get_by_label("Naam").fill("Leertraject Testwijde")
    page.get_by_label("Drie dagen, verspreid over ongeveer drie maanden").check()
    page.get_by_label("Didactisch trainer").select_option(str(personas.niet_betrokken.pk))
    page.get_by_label("Trainer-ervaringsdeskundige").select_option(str(personas.tafelvoorzitter.pk))
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het leertraject is aangemaakt.").wait_for()
    traject = Leertraject.objects.get(naam="Leertraject Testwijde")
    for nummer, terug in ((1, 70), (2, 45), (3, 21)):
        page.get_by_role("link", name="Lesdag plannen of verzetten").click()
        page.get_by_label("Lesdag").select_option(str(nummer))
        page.get_by_label("Datum").fill((vandaag - datetime.timedelta(days=terug)).isoformat())
        page.get_by_label("Plaats").fill("Buurthuis De Linde")
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_text("De lesdag is gepland.").wait_for()
    for persoon in (personas.professional, personas.collega_andere_organisatie):
        page.get_by_role("link", name="Deelnemer toevoegen").click()
        page.get_by_label("Deelnemer").select_option(str(persoon.pk))
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_text("De deelnemer is toegevoegd.").wait_for()
    assert "De groep is klein" in page.content()
    assert_accessible(page)
    page.get_by_role("link", name="Maatjes koppelen").click()
    [eerste, tweede] = list(traject.deelnemers.order_by("pk"))
    page.get_by_label("Maatje", exact=True).select_option(str(eerste.pk))
    page.get_by_label("en maatje").select_option(str(tweede.pk))
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De maatjes zijn gekoppeld.").wait_for()

    # The trainer records attendance of every day.
    page.context.clear_cookies()
    browser_login(page, url, personas.niet_betrokken.email, TEST_PASSWORD)
    for nummer in (1, 2, 3):
        page.goto(f"{url}/leertraject/{traject.pk}/")
        page.get_by_role("link", name=f"Aanwezigheid dag {nummer}").click()
        page.get_by_label(str(personas.professional)).check()
        if nummer != 2:
            page.get_by_label(str(personas.collega_andere_organisatie)).check()
        assert_accessible(page)
        page.get_by_role("button", name="Aanwezigheid opslaan").click()
        page.get_by_text("De aanwezigheid is vastgelegd.").wait_for()
    _breedtes(page)

    # The participant writes the learning question and hands in assignment A; the rest through the services.
    page.context.clear_cookies()
    browser_login(page, url, personas.professional.email, TEST_PASSWORD)
    page.goto(f"{url}/leertraject/{traject.pk}/")
    page.get_by_role("link", name="Mijn leervraag, opdrachten en certificaat").click()
    assert_accessible(page)
    page.get_by_role("link", name="Leervraag bewerken of terugblikken").click()
    page.get_by_label("Ik wil").fill("Eerder samen met andere organisaties optrekken")
    page.get_by_label("Terugblik aan het eind").fill("Ik nodig nu vaker collega's uit")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Uw leervraag is opgeslagen.").wait_for()
    page.get_by_role("link", name="A. Formuleer je leervraag").click()
    page.get_by_label("Uw uitwerking").fill("Ik wil leren regie te nemen samen met de inwoner.")
    assert_accessible(page)
    page.get_by_role("button", name="Inleveren").click()
    page.get_by_text("De opdracht is ingeleverd.").wait_for()
    eerste.refresh_from_db()
    for code in sorted(inhoud.VERPLICHT - {"A"}):
        inlevering = services_opdrachten.lever_in(
            actor=personas.professional, deelnemer=eerste, opdracht=code, tekst="Uitwerking"
        )
        services_opdrachten.geef_feedback(actor=personas.niet_betrokken, inlevering=inlevering, feedback="Goed", akkoord=True)

    # The trainer approves A, sees the rule met and issues the certificate.
    page.context.clear_cookies()
    browser_login(page, url, personas.niet_betrokken.email, TEST_PASSWORD)
    page.goto(f"{url}/leertraject/{traject.pk}/deelnemers/{eerste.pk}/opdrachten/A/")
    page.locator("#id_feedback").fill("Helder geformuleerd.")
    page.get_by_label("Akkoord").check()
    assert_accessible(page)
    page.get_by_role("button", name="Feedback opslaan").click()
    page.get_by_text("De feedback is opgeslagen.").wait_for()
    assert "De regel voor het certificaat is gehaald." in page.content()
    page.get_by_role("button", name="Certificaat uitgeven").click()
    page.get_by_text("Het certificaat en de badge zijn uitgegeven.").wait_for()
    _breedtes(page)
    certificaat = Certificaat.objects.get(deelnemer=eerste)
    pdf = page.request.get(f"{url}/leertraject/{traject.pk}/deelnemers/{eerste.pk}/certificaat.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    tekst = _pdftotext(pdf.body(), tmp_path)
    for verwacht in ("Certificaat van deelname", personas.professional.get_full_name(), "Leertraject Testwijde",
                     "Welzijn Testwijde", "Het Samenwerkoverleg", str(personas.tafelvoorzitter)):  # fmt: skip
        assert verwacht in tekst, verwacht
    badge_json = page.request.get(f"{url}/leertraject/{traject.pk}/deelnemers/{eerste.pk}/badge.json").text()
    assert json.loads(badge_json)["proof"]["jwt"] == certificaat.jws

    # The buddy appointment is signalled to both, three months after the last day.
    afspraak = plus_maanden(vandaag - datetime.timedelta(days=21), services.MAATJES_NA_MAANDEN)
    time_machine.move_to(_om(afspraak, 8), tick=True)
    signaleer()
    page.context.clear_cookies()
    browser_login(page, url, personas.collega_andere_organisatie.email, TEST_PASSWORD)
    page.goto(f"{url}/signaleringen/")
    page.get_by_text("Tijd voor de maatjesafspraak").first.wait_for()
    assert_accessible(page)

    # Anyone, without an account, verifies the badge; one changed character makes it invalid.
    page.context.clear_cookies()
    page.goto(f"{url}/leertraject/badges/controleren/")
    assert_accessible(page)
    page.get_by_label("Badge (JSON of de ondertekende tekenreeks)").fill(badge_json)
    page.get_by_role("button", name="Controleren").click()
    page.locator("#uitslag").get_by_text("Geldig", exact=True).wait_for()
    assert personas.professional.get_full_name() in page.content()
    _breedtes(page)
    veranderd = badge_json.replace("Leertraject Testwijde", "Leertraject Testwijdf", 1)
    page.get_by_label("Badge (JSON of de ondertekende tekenreeks)").fill(veranderd)
    page.get_by_role("button", name="Controleren").click()
    page.locator("#uitslag").get_by_text("Ongeldig", exact=True).wait_for()
    assert_accessible(page)

    # After revocation the same badge verifies as revoked, with the date.
    browser_login(page, url, personas.tafelvoorzitter.email, TEST_PASSWORD)
    page.goto(f"{url}/leertraject/{traject.pk}/deelnemers/{eerste.pk}/")
    page.get_by_label("Reden van intrekken").fill("Uitgegeven aan de verkeerde persoon")
    page.get_by_role("button", name="Certificaat intrekken").click()
    page.get_by_text("Het certificaat is ingetrokken").wait_for()
    page.context.clear_cookies()
    page.goto(f"{url}/leertraject/badges/controleren/")
    page.get_by_label("Badge (JSON of de ondertekende tekenreeks)").fill(certificaat.jws)
    page.get_by_role("button", name="Controleren").click()
    page.locator("#uitslag").get_by_text("Ingetrokken", exact=True).wait_for()
    assert timezone.localdate().strftime("%d-%m-%Y") in page.content()
    assert_accessible(page)
