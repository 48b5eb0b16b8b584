"""The meeting form with chair and note-taker chosen from the people involved (issue 16), at
phone, tablet and desktop width, checked with axe, empty and after a validation error.
Screenshots go to var/screenshots/issue16 for a person to look at."""

from pathlib import Path

import pytest
from django.urls import reverse

from samenwerk.casussen import services as casussen
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD, casus_met_team

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
MAP = Path(__file__).resolve().parents[2] / "var" / "screenshots" / "issue16"


def test_the_meeting_form_offers_the_people_involved_at_three_widths(live_server, page, personas):
    casus = casus_met_team(personas, inwoner__voornaam="Fenna", inwoner__achternaam="Testinwoner")
    casussen.voeg_netwerklid_toe(actor=personas.professional, casus=casus, naam="Joke Buurvrouw", relatie="buurvrouw", rol="buur")
    browser_login(page, live_server.url, personas.professional.email, TEST_PASSWORD)
    MAP.mkdir(parents=True, exist_ok=True)
    for breedte in (360, 768, 1280):
        page.set_viewport_size({"width": breedte, "height": 900})
        page.goto(live_server.url + reverse("overleg:nieuw", args=[casus.pk]))
        voorzitter, notulist = page.get_by_label("Voorzitter"), page.get_by_label("Notulist")
        assert voorzitter.locator("option:checked").inner_text() == str(personas.professional)
        namen = notulist.locator("option").all_inner_texts()
        assert namen == ["Kies iemand", *[str(b.user) for b in casus.betrokkenen.order_by("rol", "sinds", "pk")],
                         "Fenna Testinwoner", "Joke Buurvrouw"]  # fmt: skip
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte
        assert_accessible(page)
        page.screenshot(path=str(MAP / f"overleg-rollen-{breedte}.png"), full_page=True)
        page.get_by_role("button", name="Opslaan").click()  # no date, no note-taker: errors, the chair kept
        page.get_by_role("alert").first.wait_for()
        assert voorzitter.locator("option:checked").inner_text() == str(personas.professional)
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte
        assert_accessible(page)
    notulist.select_option(label="Joke Buurvrouw")
    assert notulist.input_value().startswith("netwerklid:")
