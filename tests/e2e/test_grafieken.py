"""Every chart as a browser draws it, in Dutch and in English: each bar of the social-return
charts (micro-analysis page, the municipality report, the HTML the analysis PDF is built
from) and each measurement of the Positieve Gezondheid web has a size. A number written with
a decimal comma (`width="205,0"`) is ignored by the browser, so the shape has no size."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from samenwerk.plannen import services as plannen
from samenwerk.rendement.afdruk_analyse import analyse_context
from samenwerk.rendement.keuzes import Blok, Eenheid, Periode, Wet
from samenwerk.rendement.models import Kostenpost, Microanalyse
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD, CasusFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
MAP = Path(__file__).resolve().parents[2] / "var" / "screenshots" / "issue16"

# The drawn size of each shape (getBBox: what the browser made of the attributes).
MATEN = """sel => Array.from(document.querySelectorAll(sel)).map(e => {
  const b = e.getBBox(); return {w: b.width, h: b.height, x: e.getAttribute('x'), width: e.getAttribute('width')};
})"""


def _analyse(personas) -> Microanalyse:
    casus = CasusFactory(
        gebied=personas.gebied, met_toestemming=True, professional=personas.professional, organisatie=personas.organisatie
    )
    analyse = Microanalyse.objects.create(
        gemeente=personas.gemeente,
        casus=casus,
        datum=datetime.date(2026, 6, 1),
        weken_per_jaar=42,
        welzijn_voor=3,
        welzijn_na=7,
        aangemaakt_door="test",
        gewijzigd_door="test",
    )
    for blok, prijs in ((Blok.VOOR, "1234.50"), (Blok.NA, "205.25"), (Blok.EENMALIG, "99.99")):
        Kostenpost.objects.create(
            analyse=analyse,
            gemeente=personas.gemeente,
            blok=blok,
            omschrijving="x",
            prijs=Decimal(prijs),
            eenheid=Eenheid.PER_UUR,
            wet=Wet.WMO,
            aantal=Decimal("3.5"),
            frequentie=Decimal("1.5"),
            periode=Periode.MAAND,
        )
    plannen.meet_gezondheid(
        actor=personas.professional,
        casus=casus,
        datum=datetime.date(2026, 3, 1),
        lichaamsfuncties=5,
        mentaal_welbevinden=3,
        zingeving=4,
        kwaliteit_van_leven=3,
        meedoen=2,
        dagelijks_functioneren=6,
    )
    return analyse


def _getekend(page, selector: str, minimaal: int) -> None:
    MAP.mkdir(parents=True, exist_ok=True)  # for a person to look at
    page.screenshot(path=str(MAP / f"grafiek-{selector.split()[0]}-{page.evaluate('document.documentElement.lang')}.png"))
    maten = page.evaluate(MATEN, selector)
    assert len(maten) >= minimaal, f"{page.url}: {len(maten)} × {selector}"
    for maat in maten:
        assert maat["w"] > 0 and maat["h"] > 0, f"{page.url}: {selector} drawn without a size: {maat}"
    # Every label and figure falls inside the drawing: none cut off at an edge.
    buiten = page.evaluate(
        """sel => Array.from(document.querySelectorAll(sel)).flatMap(svg => {
             const vak = svg.viewBox.baseVal;
             return Array.from(svg.querySelectorAll('text')).map(t => t.getBBox())
               .filter(b => b.x < vak.x - 0.5 || b.x + b.width > vak.x + vak.width + 0.5)
               .map(b => [b.x, b.width]);
           })""",
        selector.split()[0],
    )
    assert buiten == [], f"{page.url}: text outside the chart {buiten}"


def _inloggen(context, page, live_server, user, taal: str) -> None:
    """Sign in (the form in Dutch), then read the pages in `taal` (Django's language cookie)."""
    context.clear_cookies()
    browser_login(page, live_server.url, user.email, TEST_PASSWORD)
    context.add_cookies([{"name": "django_language", "value": taal, "url": live_server.url}])


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_every_chart_is_drawn_in_both_languages(live_server, browser, personas, taal):
    analyse = _analyse(personas)
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        _inloggen(context, page, live_server, personas.professional, taal)
        page.goto(f"{live_server.url}{reverse('analyse:analyse', args=[analyse.casus_id])}")
        _getekend(page, "svg.sw-staafdiagram rect", 3)
        assert_accessible(page)
        page.goto(f"{live_server.url}{reverse('plannen:gezondheid', args=[analyse.casus_id])}")
        _getekend(page, "svg.sw-spinnenweb polygon", 6)  # five rings and the measurement
        _getekend(page, "svg.sw-spinnenweb text", 6)
        assert_accessible(page)

        # The HTML WeasyPrint turns into the PDF, in the same language, drawn by the browser.
        with translation.override(taal):
            html = render_to_string("rendement/analyse/pdf.html", analyse_context(analyse.casus, analyse))
        page.set_content(html)
        _getekend(page, "svg.sw-staafdiagram rect", 3)

        _inloggen(context, page, live_server, personas.manager, taal)
        page.goto(f"{live_server.url}{reverse('rapport:rapport')}")
        assert page.locator("html").get_attribute("lang") == taal
        _getekend(page, "svg.sw-staafdiagram rect", 4)
        assert_accessible(page)
    finally:
        context.close()
