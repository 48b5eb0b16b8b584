"""De Tafel in a real browser: a registration refused without the resident's knowledge and
then made, the table's page, the proposed agenda fixed by the chair, the chair's view with
triage and the duo, and six weeks later the case back on the agenda for its casus check —
axe on every page, the agenda and the chair's view also at 360 and 768 px."""

import datetime

import pytest
from django.utils import timezone

from samenwerk.tafel import services
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD, casus_met_team

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _om(dag: datetime.date, uur: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(uur)))


def _smal(page) -> None:  # type: ignore[no-untyped-def]
    for breedte in (360, 768):
        page.set_viewport_size({"width": breedte, "height": 900})
        assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_registration_agenda_triage_duo_and_casus_check(live_server, page, personas, time_machine):
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
                        tot=vandaag + datetime.timedelta(weeks=8))  # fmt: skip
    casus = casus_met_team(personas, collega=False, proces=False)

    browser_login(page, live_server.url, personas.professional.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/tafel/")
    assert_accessible(page)
    page.get_by_role("link", name="Casus aanmelden bij Tafel Testwijde").click()
    page.get_by_label("Gezondheid", exact=False).first.wait_for()
    page.get_by_label("Lichamelijke en geestelijke gezondheid").check()
    page.get_by_label("Wonen").check()
    page.get_by_label("Wat is al geprobeerd?").fill("Schuldhulp en wijkverpleging, los van elkaar")
    page.get_by_label("Waarom lopen de professionals vast?").fill("Iedereen wacht op elkaar")
    page.get_by_label("Wat vraagt u de Tafel?").fill("Wie neemt samen met de inwoner de regie?")
    page.get_by_label("Een casus waarbij u betrokken bent").select_option(str(casus.pk))
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("alert").wait_for()
    assert page.get_by_label("Wat vraagt u de Tafel?").input_value() == "Wie neemt samen met de inwoner de regie?"
    assert "Meld alleen aan als de inwoner ervan weet" in page.content()
    assert_accessible(page)
    page.get_by_label("Hoe is de inwoner verteld dat u de casus aanmeldt?").select_option("gesprek")
    page.get_by_label("Wanneer is de inwoner het verteld?").fill(vandaag.isoformat())
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_text("De casus is aangemeld bij de Tafel.").wait_for()
    assert_accessible(page)

    page.context.clear_cookies()
    browser_login(page, live_server.url, personas.tafelvoorzitter.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/tafel/{tafel.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name=timezone.localtime(_om(vandaag, 13)).strftime("%-d ")).first.click()
    page.get_by_text(casus.nummer).first.wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Agenda vaststellen").click()
    page.get_by_text("De agenda is opgesteld.").wait_for()
    assert_accessible(page)
    _smal(page)
    page.get_by_role("link", name="Voorzittersweergave").click()
    assert_accessible(page)
    _smal(page)
    page.get_by_role("button", name="Start Check-in").click()
    page.get_by_text("Vastgelegd.").wait_for()
    page.get_by_label("Geschikt voor de Tafel").check()
    page.get_by_role("button", name="Besluit vastleggen").first.click()
    page.get_by_role("alert").wait_for()  # no reason: refused, the choice kept
    assert_accessible(page)
    fout = page.get_by_role("region", name="Niet vastgelegd")
    fout.get_by_label("Waarom?").fill("Meer leefgebieden en de professionals lopen vast")
    page.get_by_role("button", name="Opnieuw vastleggen").click()
    page.get_by_text("Vastgelegd.").wait_for()
    assert "Voorgesteld als duopartner" in page.content()
    page.get_by_label("Regievoerder", exact=True).select_option(str(personas.professional.pk))
    duo = tafel.leden.get(user=personas.collega_andere_organisatie)
    page.get_by_label("Duopartner (lid van de Tafel)").select_option(str(duo.pk))
    page.get_by_label("De casus komt terug op").fill((vandaag + datetime.timedelta(weeks=6)).isoformat())
    page.get_by_role("button", name="Afspraken vastleggen").click()
    page.get_by_text("kent de regievoerder en de duopartner allebei niet").wait_for()
    assert_accessible(page)

    # Six weeks later the case is back on the agenda for its casus check.
    time_machine.move_to(_om(vandaag + datetime.timedelta(weeks=6), 9), tick=True)
    page.context.clear_cookies()
    browser_login(page, live_server.url, personas.tafelvoorzitter.email, TEST_PASSWORD)
    bijeenkomst = tafel.bijeenkomsten.get(begint__date=vandaag + datetime.timedelta(weeks=6))
    page.goto(f"{live_server.url}/tafel/{tafel.pk}/bijeenkomsten/{bijeenkomst.pk}/")
    page.get_by_role("rowheader", name="Casuscheck").wait_for()
    assert casus.nummer in page.content()
    assert_accessible(page)
