"""Break the glass in a real browser, with axe and three widths on every page (issue 17): the
form's one answer for a case out of reach, the case read under emergency access, the plan and
Positieve Gezondheid without edit links or form, and the 403 page of an edit page."""

import pytest

from samenwerk.plannen import services as plannen
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD, CasusFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
REDEN = "Weigering van een genodigde; ik moet zien wie betrokken is."


def _breedtes(page) -> None:  # type: ignore[no-untyped-def]
    """Accessible, and the page's own content fits a phone, a tablet and a desktop (the
    header and menu are the layout's, checked with it)."""
    for breedte in (360, 768, 1280):
        page.set_viewport_size({"width": breedte, "height": 900})
        te_breed = page.evaluate(
            "[...document.querySelectorAll('#inhoud *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
            ".map(e => e.tagName + '.' + e.className)"
        )
        assert te_breed == [], (page.url, breedte, te_breed)
        assert_accessible(page)


def test_emergency_access_reads_and_cannot_edit(live_server, page, personas):
    noord = CasusFactory(
        gebied=personas.gebied,
        met_toestemming=True,
        professional=personas.professional,
        organisatie=personas.organisatie,
        inwoner__achternaam="Testinwoner",
    )
    plannen.wijzig_plan(actor=personas.professional, casus=noord, inhoud=plannen.PlanInhoud(ik_wil="Weer werken"), versie=0)
    zuid = CasusFactory(gebied=personas.ander_gebied)
    aanjager = personas.gebiedsaanjager
    browser_login(page, live_server.url, aanjager.email, TEST_PASSWORD)

    page.goto(f"{live_server.url}/casussen/noodtoegang/")  # signing in just now counts as a fresh confirmation
    page.locator("[name=casus]").fill(zuid.nummer)  # another area: the same answer as a case that does not exist
    page.locator("[name=reden]").fill(REDEN)
    page.get_by_role("button", name="Noodtoegang vragen").click()
    page.get_by_text("Die casus kunt u niet openen.").wait_for()
    assert page.locator("[name=reden]").input_value() == REDEN  # the form keeps what was typed
    _breedtes(page)

    page.locator("[name=casus]").fill(noord.nummer)
    page.get_by_role("button", name="Noodtoegang vragen").click()
    page.get_by_text("U ziet deze casus met noodtoegang").wait_for()
    assert "Testinwoner" in page.content()
    assert_accessible(page)  # the case page itself is unchanged here; its widths are the layout's

    page.goto(f"{live_server.url}/casussen/{noord.pk}/plan/")
    page.get_by_text("Weer werken").wait_for()
    assert page.get_by_role("link", name="Plan bewerken").count() == 0
    assert page.get_by_role("link", name="Afspraak toevoegen").count() == 0
    _breedtes(page)

    page.goto(f"{live_server.url}/casussen/{noord.pk}/plan/gezondheid/")
    page.get_by_text("Er is nog geen meting.").wait_for()
    assert page.get_by_role("button", name="Meting opslaan").count() == 0
    _breedtes(page)

    antwoord = page.goto(f"{live_server.url}/casussen/{noord.pk}/plan/bewerken/")
    assert antwoord.status == 403
    page.get_by_role("heading", level=1, name="U mag deze pagina niet zien").wait_for()
    page.get_by_text("u kunt alleen inzien, niets wijzigen of toevoegen").wait_for()
    _breedtes(page)
