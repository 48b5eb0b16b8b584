"""A demo professional logs in with a real browser (password, then a code from the
authenticator app), sees the start page, and axe finds nothing; a new person sets up
two-factor authentication."""

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from samenwerk.gemeenten.models import Rol
from tests.auth import totp_code
from tests.e2e.conftest import axe_violations, browser_login, describe
from tests.factories import TEST_PASSWORD, RoltoewijzingFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PROFESSIONAL = "professional@lindenhoven.example"


@pytest.fixture
def demo(settings) -> str:
    settings.DEMO_PASSWORD = "demo-wachtwoord-browser"
    call_command("load_demo", "--quiet-logins")
    return settings.DEMO_PASSWORD


def code_for(email: str) -> str:
    return totp_code(TOTPDevice.objects.get(user__email=email, confirmed=True))


def test_demo_professional_logs_in_and_sees_the_start_page(live_server, page, demo):
    page.goto(f"{live_server.url}/")
    assert page.title() == "Inloggen – Samenwerkplatform"
    assert axe_violations(page) == [], describe(axe_violations(page))

    page.get_by_label("E-mailadres").fill(PROFESSIONAL)
    page.get_by_label("Wachtwoord").fill(demo)
    page.get_by_role("button", name="Inloggen").click()

    page.get_by_role("heading", level=1, name="Code invullen").wait_for()
    assert not page.get_by_role("navigation", name="Hoofdmenu").is_visible()  # no menu before the second step
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.get_by_label("Code").fill(code_for(PROFESSIONAL))
    page.get_by_role("button", name="Inloggen").click()

    page.get_by_role("heading", level=1, name="Welkom, Sanne").wait_for()
    expect(page.get_by_role("heading", level=2, name="Mijn casussen")).to_be_visible()
    expect(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Sociale kaart")).to_be_visible()
    # the NL Design System stylesheet really loaded (not just linked)
    assert page.evaluate("getComputedStyle(document.querySelector('.utrecht-heading-1')).fontWeight") in {"700", "bold", "600"}
    violations = axe_violations(page)
    assert violations == [], describe(violations)

    page.get_by_role("link", name="Mijn sessies").click()
    page.get_by_role("heading", level=1, name="Mijn sessies").wait_for()
    expect(page.get_by_text("deze sessie")).to_be_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)

    # re-authentication before a sensitive action, with its error state
    page.goto(f"{live_server.url}/account/bevestigen/?next=/sociale-kaart/")
    page.get_by_role("heading", level=1, name="Bevestig dat u het bent").wait_for()
    assert axe_violations(page) == [], describe(axe_violations(page))
    page.get_by_label("Wachtwoord").fill("verkeerd")
    page.get_by_label("Code").fill("123456")
    page.get_by_role("button", name="Bevestigen").click()
    page.get_by_role("alert").wait_for()
    assert "Dit wachtwoord klopt niet." in page.get_by_role("alert").inner_text()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_wrong_password_and_wrong_code_then_sociale_kaart_is_accessible(live_server, page, demo):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("E-mailadres").fill(PROFESSIONAL)
    page.get_by_label("Wachtwoord").fill("verkeerd")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("alert").wait_for()
    assert "klopt niet" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("E-mailadres").input_value() == PROFESSIONAL
    assert axe_violations(page) == []

    page.get_by_label("Wachtwoord").fill(demo)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code").fill("000000" if code_for(PROFESSIONAL) != "000000" else "111111")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("alert").wait_for()
    assert "Deze code klopt niet" in page.get_by_role("alert").inner_text()
    violations = axe_violations(page)
    assert violations == [], describe(violations)

    page.wait_for_timeout(1_500)  # django-otp throttles: one second after a wrong code
    page.get_by_label("Code").fill(code_for(PROFESSIONAL))
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Sociale kaart").click()
    page.get_by_role("heading", level=1, name="Sociale kaart").wait_for()
    page.get_by_label("Zoek op naam of expertise").fill("schuld")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("cell", name="Budgetcoaching, schuldregeling, formulierenhulp.").wait_for()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_a_new_person_sets_up_two_factor_authentication(live_server, page):
    user = UserFactory(email="nieuw@testwijde.example", first_name="Nina")
    RoltoewijzingFactory(user=user, rol=Rol.SOCIAAL_PROFESSIONAL)
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    page.get_by_role("heading", level=1, name="Tweestapsverificatie instellen").wait_for()
    qr = page.get_by_role("img", name="QR-code om Samenwerkplatform aan uw authenticator-app toe te voegen")
    # served by us, passes the CSP: it loads (a blocked image never gets a width)
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=qr.element_handle())
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert page.locator("#sleutel").inner_text().replace(" ", "") in device.config_url
    violations = axe_violations(page)
    assert violations == [], describe(violations)

    page.get_by_label("Code").fill(totp_code(device))
    page.get_by_role("button", name="Bevestigen").click()
    page.get_by_role("heading", level=1, name="Uw herstelcodes").wait_for()
    assert page.get_by_role("list", name="Herstelcodes").get_by_role("listitem").count() == 10
    violations = axe_violations(page)
    assert violations == [], describe(violations)

    page.get_by_role("link", name="Ik heb de codes bewaard. Verder").click()
    page.get_by_role("heading", level=1, name="Welkom, Nina").wait_for()


def test_browser_login_passes_both_steps_twice(live_server, page, personas):
    """The helper other browser tests sign in with; twice, as a test may switch people and back."""
    for _ in range(2):
        browser_login(page, live_server.url, personas.professional.email, TEST_PASSWORD)
        expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
        page.get_by_role("button", name="Uitloggen").click()
        page.get_by_role("heading", level=1, name="Inloggen").wait_for()


def test_the_accessibility_check_can_fail(page):
    """Guard against a silent axe: a page with an unlabeled field and an image without alt fails."""
    page.set_content('<html><body><img src="x.png"><input type="text"></body></html>')
    ids = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "label", "html-has-lang"} <= ids
