"""Regie and the correction request in a real browser, with axe on every page: the AVE page
(with its error state), opschalen, the procesregisseur's reduced case page and one of their
forms, and the resident's correction page."""

import datetime
import hashlib

import pytest
from django.utils import timezone

from samenwerk.plannen import services as plannen
from samenwerk.plannen.models import PlanLink
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD, CasusFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_regie_pages(live_server, page, personas, browser):
    casus = CasusFactory(
        gebied=personas.gebied,
        met_toestemming=True,
        professional=personas.professional,
        organisatie=personas.organisatie,
        inwoner__achternaam="Testinwoner",
    )
    plannen.wijzig_plan(actor=personas.professional, casus=casus, inhoud=plannen.PlanInhoud(ik_wil="x"), versie=0)
    PlanLink.objects.create(
        casus=casus,
        token_hash=hashlib.sha256(b"e2e-token").hexdigest(),
        verloopt_op=timezone.now() + datetime.timedelta(days=1),
    )
    browser_login(page, live_server.url, personas.professional.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/casussen/{casus.pk}/")
    page.get_by_role("link", name="AVE-niveau wijzigen en geschiedenis bekijken").click()
    page.get_by_label("AVE 3", exact=False).check()
    page.get_by_role("button", name="Vastleggen").click()
    page.get_by_role("alert").wait_for()
    assert page.get_by_label("AVE 3", exact=False).is_checked()
    assert_accessible(page)
    page.get_by_label("Reden").fill("Samenwerking stokt")
    page.get_by_role("button", name="Vastleggen").click()
    page.get_by_text("Deze casus is op AVE 3").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Opschalen: procesregisseur toevoegen").click()
    page.get_by_label("Procesregisseur").select_option(label=str(personas.procesregisseur))
    page.get_by_label("Namens organisatie").select_option(label=str(personas.organisatie))
    page.get_by_label("Escalatie dreigt").check()
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De casus is opgeschaald.").wait_for()

    proces = browser.new_context(locale="nl-NL").new_page()
    browser_login(proces, live_server.url, personas.procesregisseur.email, TEST_PASSWORD)
    proces.goto(f"{live_server.url}/casussen/{casus.pk}/")
    assert "Testinwoner" not in proces.content()
    assert_accessible(proces)
    proces.get_by_role("link", name="Escaleren naar management of bestuur").click()
    proces.get_by_role("button", name="Opslaan").click()
    proces.get_by_role("alert").wait_for()
    assert_accessible(proces)
    proces.context.close()

    resident = browser.new_context(locale="nl-NL").new_page()
    resident.goto(f"{live_server.url}/mijn-plan/e2e-token/correctie/")
    assert_accessible(resident)
    resident.get_by_role("button", name="Stuur mijn vraag").click()
    resident.get_by_role("alert").wait_for()
    assert_accessible(resident)
    resident.context.close()
