"""The plan link in a real browser (issue 17 items 5 and 9): the professional sees the e-mail
as queued until it is sent, and a replaced link shows the resident a plain-language page;
axe at 360, 768 and 1280 px."""

import pytest

from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD
from tests.plannen.test_inwoner import casus  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BREEDTES = (360, 768, 1280)


def test_the_link_is_queued_then_an_old_link_gets_a_dutch_page(live_server, page, personas, casus):  # noqa: F811
    browser_login(page, live_server.url, personas.professional.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/casussen/{casus.pk}/plan/")
    page.get_by_role("button", name="Stuur de inwoner een link naar dit plan").click()
    page.get_by_text("wordt zo verstuurd").wait_for()
    status = page.locator("#planlink-status")
    assert "klaargezet, wordt verstuurd" in status.inner_text()  # no worker ran: not "verstuurd"
    for breedte in BREEDTES:
        page.set_viewport_size({"width": breedte, "height": 900})
        assert_accessible(page)

    inwoner = page.context.browser.new_context(locale="nl-NL").new_page()
    inwoner.goto(f"{live_server.url}/mijn-plan/een-oude-link/")
    inwoner.get_by_role("heading", level=1, name="Deze link werkt niet meer").wait_for()
    for breedte in BREEDTES:
        inwoner.set_viewport_size({"width": breedte, "height": 900})
        assert_accessible(inwoner)
        assert inwoner.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
