"""The stuurgroep report and the flexible budget in a real browser: a manager reads the
report (axe at 360, 768 and 1280 px, no sideways scrolling); the chair records a spend over
the pot, is refused in Dutch with everything typed kept, gives the reason, and the report
shows the balance."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from samenwerk.tafel import budget, services
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD
from tests.tafel.test_rapport import aanmelding, mdo

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _past(page) -> None:  # type: ignore[no-untyped-def]
    for breedte in (360, 768, 1280):
        page.set_viewport_size({"width": breedte, "height": 900})
        assert_accessible(page)
        breed = page.evaluate("document.documentElement.scrollWidth")
        assert breed <= breedte, f"{breedte} px: de pagina is {breed} px breed"


def test_report_and_a_spend_over_the_pot(live_server, page, personas):
    vandaag = timezone.localdate()
    tafel = services.maak_tafel(
        actor=personas.tafelvoorzitter, gemeente=personas.gemeente, naam="Tafel Testwijde", locatie="Buurthuis",
        voorzitter=personas.tafelvoorzitter,
    )  # fmt: skip
    a = aanmelding(personas, tafel, triage="geschikt", leefgebieden=["wonen", "financien", "meedoen"])
    overleg = mdo(personas, a.casus, dag=vandaag - datetime.timedelta(days=4), besloten="Samen gemaakt", netwerk=True)
    pot = budget.maak_pot(actor=personas.tafelvoorzitter, tafel=tafel, naam="Flexibel budget", bedrag=Decimal("1000"),
                          van=vandaag - datetime.timedelta(days=300), tot=vandaag + datetime.timedelta(days=400))  # fmt: skip

    browser_login(page, live_server.url, personas.manager.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/tafel/")
    page.get_by_role("link", name="Stuurgroeprapport van Tafel Testwijde").click()
    page.get_by_role("heading", level=1, name="Stuurgroeprapport Tafel Testwijde").wait_for()
    assert "Hoe geteld" in page.content() and str(a.casus.inwoner) not in page.content()
    _past(page)

    page.context.clear_cookies()
    browser_login(page, live_server.url, personas.tafelvoorzitter.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/tafel/{tafel.pk}/budget/")
    page.get_by_label("Budget", exact=True).select_option(str(pot.pk))
    page.get_by_label("Casus", exact=True).select_option(str(a.pk))
    page.get_by_label("Besloten in het MDO+").select_option(str(overleg.pk))
    page.get_by_label("Bedrag (euro)").first.fill("1250")
    page.get_by_label("Waarvoor").fill("Inrichting van de nieuwe woning")
    page.get_by_label("Besluit in het MDO+").fill("Samen met de inwoner en de buurvrouw besloten")
    page.get_by_role("button", name="Besteding vastleggen").click()
    page.get_by_text("Schrijf op waarom dat nodig is").first.wait_for()
    assert page.get_by_label("Waarvoor").input_value() == "Inrichting van de nieuwe woning"
    assert_accessible(page)
    page.get_by_label("Waarom meer dan het budget?").fill("Zonder inrichting kan de verhuizing niet door")
    page.get_by_role("button", name="Besteding vastleggen").click()
    page.get_by_text("Vastgelegd.").wait_for()
    assert "€ -250,00" in page.content()
    _past(page)
    page.goto(f"{live_server.url}/tafel/{tafel.pk}/rapport/")
    assert "€ 1.250,00" in page.content()
