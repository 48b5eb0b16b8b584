"""The pages issue 16's content fixes touched, at phone, tablet and desktop width, checked
with axe: the case page (aanleiding, status select), the start pages, the signal inbox and
today's list, the log search and the emergency access (case number), the registration
form. Screenshots go to var/screenshots/issue16 for a person to look at."""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse

from samenwerk.signalering.casusregels import AFSPRAAK_TE_LAAT
from samenwerk.signalering.models import Signalering
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD, casus_met_team

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
BREEDTES = (360, 768, 1280)
MAP = Path(__file__).resolve().parents[2] / "var" / "screenshots" / "issue16"


def _bekijk(page, url: str, naam: str) -> None:
    MAP.mkdir(parents=True, exist_ok=True)
    for breedte in BREEDTES:
        page.set_viewport_size({"width": breedte, "height": 900})
        page.goto(url)
        assert_accessible(page)
        page.screenshot(path=str(MAP / f"{naam}-{breedte}.png"), full_page=True)


def test_the_changed_pages_at_three_widths(live_server, browser, personas):
    casus = casus_met_team(personas, aanleiding="Huurachterstand; de dochter belde.")
    Signalering.objects.create(
        gemeente=casus.gemeente, casus=casus, soort=AFSPRAAK_TE_LAAT, onderwerp_type="plannen.afspraak",
        onderwerp_id=0, ontvanger=personas.professional, vervaldatum=datetime.date.today(),
    )  # fmt: skip
    url = live_server.url
    for persona, paginas in (
        ("professional", [("portaal:start", "start-professional"), ("signalering:inbox", "signaleringen"),
                          ("signalering:vandaag", "vandaag"), ("casussen:aanmelden", "aanmelden")]),
        ("procesregisseur", [("portaal:start", "start-procesregisseur")]),
        ("gebiedsaanjager", [("portaal:start", "start-gebiedsaanjager"), ("casussen:noodtoegang", "noodtoegang")]),
        ("manager", [("portaal:start", "start-manager")]),
        ("privacyfunctionaris", [("portaal:logboek", "logboek")]),
    ):  # fmt: skip
        context = browser.new_context(locale="nl-NL")
        page = context.new_page()
        try:
            browser_login(page, url, getattr(personas, persona).email, TEST_PASSWORD)
            for naam, bestand in paginas:
                _bekijk(page, f"{url}{reverse(naam)}", bestand)
            if persona == "professional":
                _bekijk(page, f"{url}{reverse('casussen:detail', args=[casus.pk])}", "casus")
                _bekijk(page, f"{url}{reverse('casussen:toestemming', args=[casus.pk])}", "toestemming")
        finally:
            context.close()
