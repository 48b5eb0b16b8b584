"""Browser fixtures: Playwright for Python driving Debian's Chromium (never a downloaded one)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.conftest import CHROMIUM

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """Run axe-core (bundled with axe-playwright-python) on the page; WCAG 2.1 A and AA rules."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Error

    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
    for poging in range(3):
        # A click that navigates may still be under way: axe then runs on a document that is
        # being replaced (seen on a loaded CI machine). Wait for the page, and run again when
        # the navigation pulled the document away mid-run.
        page.wait_for_load_state("load")
        try:
            return Axe().run(page, options=options).response["violations"]
        except Error as fout:
            weggehaald = "documentElement" in str(fout) or "context was destroyed" in str(fout)
            if not weggehaald or poging == 2:
                raise
    raise AssertionError("unreachable")


def describe(violations: list[dict[str, object]]) -> str:
    return "\n".join(f"{v['id']}: {v['help']} ({len(v['nodes'])}×) {[n['target'] for n in v['nodes']][:3]}" for v in violations)


def browser_login(page, base_url: str, email: str, password: str) -> None:  # type: ignore[no-untyped-def]
    """Sign in through the real login form and the second step (the one place to adapt when
    sign-in gains steps). The second step types a fresh backup code: unlike a TOTP code, which
    works once per 30 seconds, that allows several logins of one person in one test."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    from samenwerk.gemeenten.models import User
    from tests.auth import authenticator

    user = User.objects.get(email=email)
    authenticator(user)  # so the second step asks for a code instead of setting up an app
    device, _ = StaticDevice.objects.get_or_create(user=user, name="Herstelcodes")
    code = device.token_set.create(token=StaticToken.random_token()).token
    page.goto(f"{base_url}/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", level=1, name="Code invullen").wait_for()
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/account/inlogcode/" not in url)
    page.get_by_role("heading", level=1).wait_for()


def assert_accessible(page) -> None:  # type: ignore[no-untyped-def]
    violations = axe_violations(page)
    assert violations == [], f"{page.url}\n{describe(violations)}"
