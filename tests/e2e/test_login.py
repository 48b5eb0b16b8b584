"""A demo professional logs in with a real browser, sees the start page, and axe finds nothing."""

import pytest
from django.core.management import call_command

from tests.e2e.conftest import axe_violations, describe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(settings) -> str:
    settings.DEMO_PASSWORD = "demo-wachtwoord-browser"
    call_command("load_demo", "--quiet-logins")
    return settings.DEMO_PASSWORD


def test_demo_professional_logs_in_and_sees_the_start_page(live_server, page, demo):
    page.goto(f"{live_server.url}/")
    assert page.title() == "Inloggen – Samenwerkplatform"
    assert axe_violations(page) == [], describe(axe_violations(page))

    page.get_by_label("E-mailadres").fill("professional@lindenhoven.example")
    page.get_by_label("Wachtwoord").fill(demo)
    page.get_by_role("button", name="Inloggen").click()

    page.get_by_role("heading", level=1, name="Welkom, Sanne").wait_for()
    assert page.get_by_role("heading", level=2, name="Mijn casussen").is_visible()
    assert page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Sociale kaart").is_visible()
    # the NL Design System stylesheet really loaded (not just linked)
    assert page.evaluate("getComputedStyle(document.querySelector('.utrecht-heading-1')).fontWeight") in {"700", "bold", "600"}
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_wrong_password_keeps_the_email_and_sociale_kaart_is_accessible(live_server, page, demo):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("E-mailadres").fill("professional@lindenhoven.example")
    page.get_by_label("Wachtwoord").fill("verkeerd")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("alert").wait_for()
    assert "klopt niet" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("E-mailadres").input_value() == "professional@lindenhoven.example"
    assert axe_violations(page) == []

    page.get_by_label("Wachtwoord").fill(demo)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Sociale kaart").click()
    page.get_by_role("heading", level=1, name="Sociale kaart").wait_for()
    page.get_by_label("Zoek op naam of expertise").fill("schuld")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("cell", name="Budgetcoaching, schuldregeling, formulierenhulp.").wait_for()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_the_accessibility_check_can_fail(page):
    """Guard against a silent axe: a page with an unlabeled field and an image without alt fails."""
    page.set_content('<html><body><img src="x.png"><input type="text"></body></html>')
    ids = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "label", "html-has-lang"} <= ids
