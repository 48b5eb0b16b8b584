"""De Tafel from registration to procesevaluatie in a real browser (issue 23, "Done means"):
registration → triage at a meeting with the timed agenda → duo → kennismaking with the
resident's copy → ecogram → MDO+ (the meeting app's six parts, the closed part) → casus
check six weeks later → procesevaluatie six months later (the clock frozen and moved), axe
on every page. The walk ends in `naar_het_stuurgroeprapport`, where the stuurgroep report
step is added once that part is merged.

Screenshots of the kennismaking, the ecogram and the chair's view at 360/768/1280 px go to
docs/screenshots/ when SCREENSHOTS=1 (as `make screenshots` does)."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samenwerk.plannen.regels import plus_maanden
from samenwerk.tafel import services
from samenwerk.tafel.models import Aanmelding
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD, casus_met_team

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCHERMAFDRUKKEN = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
VRAAG = "Hoe kan ik weer het gevoel krijgen dat ik de regie over mijn leven heb?"


def _om(dag: datetime.date, uur: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(uur)))


def _breedtes(page, naam: str) -> None:  # type: ignore[no-untyped-def]
    """axe at 360 and 768 px too (the page must fit without sideways scrolling); screenshots."""
    for breedte in (360, 768, 1280):
        page.set_viewport_size({"width": breedte, "height": 900})
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (naam, breedte)
        if os.environ.get("SCREENSHOTS"):
            page.screenshot(path=str(SCHERMAFDRUKKEN / f"tafel-{naam}-{breedte}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def _login(page, live_server, user) -> None:  # type: ignore[no-untyped-def]
    page.context.clear_cookies()
    browser_login(page, live_server.url, user.email, TEST_PASSWORD)


def _agenda_vaststellen(page, live_server, tafel, bijeenkomst, *, breedtes=False) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/tafel/{tafel.pk}/bijeenkomsten/{bijeenkomst.pk}/")
    assert_accessible(page)
    page.get_by_role("button", name="Agenda vaststellen").click()
    page.get_by_text("De agenda is opgesteld.").wait_for()
    if breedtes:  # the timed agenda at every width, once
        _breedtes(page, "agenda")
    page.get_by_role("link", name="Voorzittersweergave").click()
    assert_accessible(page)


def _registratie_en_triage(page, live_server, personas, tafel, casus, vandaag):  # type: ignore[no-untyped-def]
    """The professional registers the case; the chair fixes the timed agenda, triages and
    records the duo in the chair's view."""
    _login(page, live_server, personas.professional)
    page.goto(f"{live_server.url}/tafel/{tafel.pk}/aanmelden/")
    page.get_by_label("Lichamelijke en geestelijke gezondheid").check()
    page.get_by_label("Wonen").check()
    page.get_by_label("Wat is al geprobeerd?").fill("Schuldhulp en wijkverpleging, los van elkaar")
    page.get_by_label("Waarom lopen de professionals vast?").fill("Iedereen wacht op elkaar")
    page.get_by_label("Wat vraagt u de Tafel?").fill("Wie neemt samen met de inwoner de regie?")
    page.get_by_label("Een casus waarbij u betrokken bent").select_option(str(casus.pk))
    page.get_by_label("Hoe is de inwoner verteld dat u de casus aanmeldt?").select_option("gesprek")
    page.get_by_label("Wanneer is de inwoner het verteld?").fill(vandaag.isoformat())
    assert_accessible(page)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_text("De casus is aangemeld bij de Tafel.").wait_for()

    _login(page, live_server, personas.tafelvoorzitter)
    eerste = tafel.bijeenkomsten.get(begint__date=vandaag)
    page.goto(f"{live_server.url}/tafel/{tafel.pk}/bijeenkomsten/{eerste.pk}/")
    page.get_by_role("rowheader", name="Inbreng").wait_for()  # the timed agenda: inbreng, vragen, tips, afspraken
    assert "13:00" in page.content() and casus.nummer in page.content()
    _agenda_vaststellen(page, live_server, tafel, eerste, breedtes=True)
    page.get_by_label("Geschikt voor de Tafel").check()
    page.get_by_label("Waarom?").first.fill("Twee leefgebieden en de professionals lopen vast")
    page.get_by_role("button", name="Besluit vastleggen").first.click()
    page.get_by_text("Vastgelegd.").wait_for()
    page.get_by_label("Regievoerder", exact=True).select_option(str(personas.professional.pk))
    duo = tafel.leden.get(user=personas.collega_andere_organisatie)
    page.get_by_label("Duopartner (lid van de Tafel)").select_option(str(duo.pk))
    page.get_by_label("De inwoner kent de regievoerder").check()
    page.get_by_label("De casus komt terug op").fill((vandaag + datetime.timedelta(weeks=6)).isoformat())
    page.get_by_role("button", name="Afspraken vastleggen").click()
    page.get_by_text("Vastgelegd.").wait_for()
    _breedtes(page, "voorzitter")
    return Aanmelding.objects.get(casus=casus)


def _kennismaking_en_ecogram(page, live_server, personas, tafel, aanmelding) -> None:  # type: ignore[no-untyped-def]
    """The regievoerder records the kennismaking (a closed question is refused), prints the
    resident's copy and downloads its PDF, and draws the ecogram."""
    _login(page, live_server, personas.professional)
    page.goto(f"{live_server.url}/tafel/{tafel.pk}/aanmeldingen/{aanmelding.pk}/")
    page.get_by_role("link", name="Verder met de Werkwijze Samen aan Zet").click()
    assert_accessible(page)
    page.get_by_role("link", name="Kennismaking vastleggen").click()
    expect(page.get_by_label("De centrale vraag")).to_be_visible()  # the form, not the page before it
    assert VRAAG in page.content()  # the form's example (domain.md §5)
    page.get_by_label("In een buurthuis").check()
    page.get_by_label("Wie waren erbij?").fill("De inwoner, het duo en zus Fleur")
    page.get_by_label("Iemand uit het netwerk die de inwoner vertrouwt").fill("Fleur (zus)")
    page.get_by_label("De centrale vraag").fill("Kan ik een indicatie krijgen?")
    page.get_by_role("button", name="Kennismaking opslaan").click()
    page.get_by_text("Stel een open vraag").wait_for()
    assert page.get_by_label("Wie waren erbij?").input_value() == "De inwoner, het duo en zus Fleur"  # nothing typed lost
    assert_accessible(page)
    page.get_by_label("De centrale vraag").fill(VRAAG)
    page.get_by_label("Wie uit het netwerk zou kunnen helpen?").fill("Fleur, buurman Henk")
    page.get_by_role("button", name="Kennismaking opslaan").click()
    page.get_by_text("De kennismaking is vastgelegd.").wait_for()
    page.get_by_role("link", name="Kennismaking wijzigen").click()
    assert page.get_by_label("De centrale vraag").input_value() == VRAAG
    _breedtes(page, "kennismaking")
    page.get_by_role("link", name="Terug naar de werkwijze van casus").click()
    page.get_by_role("link", name="Kopie voor de inwoner").click()
    page.get_by_role("heading", name="Uw vraag").wait_for()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als PDF").click()
    assert download.value.suggested_filename.startswith("kennismaking-")
    page.get_by_role("link", name="Terug naar de werkwijze").click()

    page.get_by_role("link", name="Ecogram (0 personen)").click()
    assert_accessible(page)
    for naam, relatie, kring, nabijheid, steun in (
        ("Fleur", "zus", "familie", "Heel dichtbij", "Steunend"),
        ("Henk", "buurman", "buurt", "Dichtbij", "Soms steunend"),
        ("Ruud", "ex-collega", "werk", "Verder weg", "Niet steunend"),
    ):
        page.get_by_label("Naam", exact=True).fill(naam)
        page.get_by_label("Relatie tot de inwoner").fill(relatie)
        page.get_by_label("Kring").select_option(kring)
        page.get_by_label(nabijheid, exact=True).check()
        page.get_by_label(steun, exact=True).check()
        page.get_by_role("button", name="Opslaan in het ecogram").click()
        page.get_by_text("Het ecogram is bijgewerkt.").wait_for()
    assert page.locator("svg.sw-ecogram circle[r='6']").count() == 3
    _breedtes(page, "ecogram")


def _mdo_plus(page, live_server, personas, tafel, aanmelding, vandaag) -> None:  # type: ignore[no-untyped-def]
    """The MDO+ is planned and held through the meeting app: its six parts, the closed part."""
    page.goto(f"{live_server.url}/tafel/{tafel.pk}/aanmeldingen/{aanmelding.pk}/werkwijze/")
    page.get_by_role("link", name="MDO+ plannen").click()
    expect(page.get_by_label("MDO+ (planbijeenkomst)")).to_be_checked()  # preselected by the table's link
    dag = vandaag + datetime.timedelta(days=10)
    page.get_by_label("Doel van het overleg").fill("Samen met het netwerk het plan maken")
    page.get_by_label("Datum").fill(dag.isoformat())
    page.get_by_label("Begintijd").fill("10:00")
    page.get_by_label("Eindtijd").fill("12:00")
    page.get_by_label("Notulist").select_option(label=str(aanmelding.casus.inwoner))
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert "Het overleg is gepland." in page.content(), page.locator("main").inner_text()[:2000]
    assert_accessible(page)
    mdo = aanmelding.casus.overleggen.get()
    page.goto(f"{live_server.url}/casussen/{aanmelding.casus.pk}/overleg/{mdo.pk}/voorzitter/")
    page.get_by_text("Besloten deel").first.wait_for()
    assert "4. Besloten deel" in page.content()
    assert_accessible(page)
    page.goto(f"{live_server.url}/tafel/{tafel.pk}/aanmeldingen/{aanmelding.pk}/voorbereiding/")
    assert "Is de kring in evenwicht?" in page.content()  # the MDO+'s own safety checklist
    assert_accessible(page)


def _casuscheck(page, live_server, personas, tafel, vandaag, time_machine) -> None:  # type: ignore[no-untyped-def]
    zes_weken = vandaag + datetime.timedelta(weeks=6)
    time_machine.move_to(_om(zes_weken, 9), tick=True)
    _login(page, live_server, personas.tafelvoorzitter)
    _agenda_vaststellen(page, live_server, tafel, tafel.bijeenkomsten.get(begint__date=zes_weken))
    form = page.locator("form:has(input[name=actie][value=casuscheck])")
    form.get_by_label("Partij").first.fill("Schuldhulp")  # the first of three party fields
    form.get_by_role("radio", name="Ja").first.check()
    form.get_by_label("Aantekeningen").fill("Iedereen doet mee volgens plan")
    form.get_by_role("button", name="Casuscheck vastleggen").click()
    page.get_by_text("Vastgelegd.").wait_for()
    assert_accessible(page)


def _procesevaluatie(page, live_server, personas, tafel, vandaag, time_machine) -> None:  # type: ignore[no-untyped-def]
    marge = datetime.timedelta(days=7)
    bijeenkomst = tafel.bijeenkomsten.filter(begint__date__gte=plus_maanden(vandaag, 6) - marge).order_by("begint").first()
    time_machine.move_to(_om(timezone.localtime(bijeenkomst.begint).date(), 9), tick=True)
    _login(page, live_server, personas.tafelvoorzitter)
    _agenda_vaststellen(page, live_server, tafel, bijeenkomst)
    form = page.locator("form:has(input[name=actie][value=procesevaluatie])")
    form.get_by_label("Hoe werkten de partijen samen?").fill("Kort op elkaar, zonder omwegen")
    form.get_by_label("Wat was inhoudelijk leerzaam?").fill("De zus vroeg de corporatie erbij")
    form.get_by_role("button", name="Procesevaluatie vastleggen").click()
    page.get_by_role("alert").wait_for()  # the resident's perspective is required
    assert_accessible(page)
    fout = page.get_by_role("region", name="Niet vastgelegd")
    assert fout.get_by_label("Hoe werkten de partijen samen?").input_value() == "Kort op elkaar, zonder omwegen"
    fout.get_by_label("Het perspectief van de inwoner").fill("Ik voel me weer gehoord")
    fout.get_by_role("button", name="Opnieuw vastleggen").click()
    page.get_by_text("Vastgelegd.").wait_for()
    assert_accessible(page)


def naar_het_stuurgroeprapport(page, live_server, personas, tafel) -> None:  # type: ignore[no-untyped-def]
    """The last step of the walk: from the table's page the chair opens the stuurgroep report
    of the last twelve months; it counts the walk's own registration and MDO+, names no
    resident, and prints as PDF."""
    page.goto(f"{live_server.url}/tafel/{tafel.pk}/")
    assert_accessible(page)
    page.goto(f"{live_server.url}/tafel/{tafel.pk}/rapport/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stuurgroeprapport")
    cijfers = page.locator("dl.sw-kenmerken")
    expect(cijfers.locator("div", has_text="Aanmeldingen").first.locator("dd")).to_have_text("1")
    # the walk planned its MDO+ but did not close it in the meeting app: not yet counted as held
    expect(cijfers.locator("div", has_text="Gehouden MDO+-overleggen").locator("dd")).to_contain_text("0")
    besluit = page.get_by_role("table", name="Besluit van de Tafel")
    expect(besluit.get_by_role("row", name="Geschikt voor de Tafel")).to_contain_text("1")
    inwoner = tafel.aanmeldingen.get().casus.inwoner
    tekst = page.locator("main").inner_text()
    assert inwoner.achternaam not in tekst and inwoner.voornaam not in tekst  # no personal data in the report
    assert_accessible(page)
    pdf = page.request.get(f"{live_server.url}/tafel/{tafel.pk}/rapport.pdf")
    assert pdf.status == 200 and pdf.body()[:4] == b"%PDF"


def test_walk_from_registration_to_procesevaluatie(live_server, page, personas, time_machine):
    vandaag = timezone.localdate()
    time_machine.move_to(_om(vandaag, 9), tick=True)
    tafel = services.maak_tafel(
        actor=personas.tafelvoorzitter, gemeente=personas.gemeente, naam="Tafel Testwijde", locatie="Buurthuis De Linde",
        voorzitter=personas.tafelvoorzitter,
    )  # fmt: skip
    services.voeg_lid_toe(actor=personas.tafelvoorzitter, tafel=tafel, user=personas.niet_betrokken,
                          organisatie=personas.organisatie, expertise="Buurtcoach", leefgebieden=["meedoen"])  # fmt: skip
    services.voeg_lid_toe(
        actor=personas.tafelvoorzitter, tafel=tafel, user=personas.collega_andere_organisatie,
        organisatie=personas.andere_organisatie, expertise="Wijkverpleging", leefgebieden=["gezondheid"],
    )  # fmt: skip
    services.plan_reeks(actor=personas.tafelvoorzitter, tafel=tafel, eerste=_om(vandaag, 13),
                        tot=vandaag + datetime.timedelta(weeks=30))  # fmt: skip
    casus = casus_met_team(personas, collega=False, proces=False)

    aanmelding = _registratie_en_triage(page, live_server, personas, tafel, casus, vandaag)
    _kennismaking_en_ecogram(page, live_server, personas, tafel, aanmelding)
    _mdo_plus(page, live_server, personas, tafel, aanmelding, vandaag)
    _casuscheck(page, live_server, personas, tafel, vandaag, time_machine)
    _procesevaluatie(page, live_server, personas, tafel, vandaag, time_machine)
    aanmelding.refresh_from_db()
    assert aanmelding.casuschecks.count() == 1 and aanmelding.procesevaluatie.perspectief_inwoner == "Ik voel me weer gehoord"
    naar_het_stuurgroeprapport(page, live_server, personas, tafel)
