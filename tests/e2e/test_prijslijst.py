"""The demo beheerder works on the price list in a real browser; axe finds nothing, and the
browser reports no Content-Security-Policy violation."""

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, browser_login, describe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(settings) -> str:
    settings.DEMO_PASSWORD = "demo-wachtwoord-browser"
    call_command("load_demo", "--quiet-logins")
    return settings.DEMO_PASSWORD


def test_beheerder_changes_a_price_and_the_pages_are_accessible(live_server, page, demo):
    csp_meldingen: list[str] = []
    page.on("console", lambda m: csp_meldingen.append(m.text) if "Content Security Policy" in m.text else None)
    jaar = timezone.localdate().year
    browser_login(page, live_server.url, "beheerder@lindenhoven.example", demo)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Prijslijst").click()
    page.get_by_role("heading", level=1, name="Prijslijst").wait_for()
    assert axe_violations(page) == [], describe(axe_violations(page))

    page.get_by_role("link", name=str(jaar), exact=True).click()
    page.get_by_role("heading", level=1, name=f"Prijslijst {jaar}").wait_for()
    expect(page.get_by_role("cell", name="€ 84,00")).to_be_visible()
    assert axe_violations(page) == [], describe(axe_violations(page))

    page.get_by_role("link", name="MW-UUR wijzigen").click()
    page.get_by_label("Prijs in euro").fill("12,5x")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("'12,5x' is geen bedrag").wait_for()
    assert page.get_by_label("Prijs in euro").input_value() == "12,5x"
    assert axe_violations(page) == [], describe(axe_violations(page))

    page.get_by_label("Prijs in euro").fill("€ 86,25")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("MW-UUR – Uur maatschappelijk werk is gewijzigd.").wait_for()
    expect(page.get_by_role("cell", name="€ 86,25")).to_be_visible()

    vorige = page.url
    page.get_by_role("link", name="Bestand inlezen").click()
    page.wait_for_url(lambda url: url != vorige)  # axe on the new page, not the one before
    assert axe_violations(page) == [], describe(axe_violations(page))
    assert csp_meldingen == []
