"""Issue 16: the pages to edit and withdraw an agreement, and the plan showing a withdrawn
one, at phone, tablet and desktop width: axe clean, no sideways scrolling."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from samenwerk.plannen import services
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD, casus_met_team

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
BREEDTES = (360, 768, 1280)
MAP = Path(__file__).resolve().parents[2] / "var" / "screenshots" / "issue16"


def _bekijk(page, url: str, naam: str, *, versturen: bool = False) -> None:
    MAP.mkdir(parents=True, exist_ok=True)
    for breedte in BREEDTES:
        page.set_viewport_size({"width": breedte, "height": 900})
        page.goto(url)
        if versturen:  # the form with its error: an empty reason
            page.get_by_role("button", name="Afspraak intrekken").click()
            expect(page.get_by_text("Schrijf kort op waarom de afspraak wordt ingetrokken.").first).to_be_visible()
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte, f"{naam} scrolls sideways at {breedte}px"
        page.screenshot(path=str(MAP / f"{naam}-{breedte}.png"), full_page=True)


def test_edit_and_withdraw_pages_at_three_widths(live_server, browser, personas):
    casus = casus_met_team(personas)
    services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="Rust"), versie=0)
    open_ = services.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat="Huisarts bellen")
    weg = services.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat="Dubbele afspraak")
    services.trek_afspraak_in(actor=personas.professional, afspraak=weg, versie=0, reden="Staat er al")
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    try:
        browser_login(page, live_server.url, personas.professional.email, TEST_PASSWORD)
        _bekijk(page, live_server.url + reverse("plannen:plan", args=[casus.pk]), "plan-ingetrokken")
        _bekijk(page, live_server.url + reverse("plannen:afspraak-wijzigen", args=[casus.pk, open_.pk]), "afspraak-wijzigen")
        intrekken = live_server.url + reverse("plannen:afspraak-intrekken", args=[casus.pk, open_.pk])
        _bekijk(page, intrekken, "afspraak-intrekken")
        _bekijk(page, intrekken, "afspraak-intrekken-fout", versturen=True)
    finally:
        context.close()
