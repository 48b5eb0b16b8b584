"""An overdue agreement appears in the inbox, is handled with a note and disappears; axe on
every state (with htmx, in a real browser)."""

import datetime

import pytest
from django.utils import timezone

from samenwerk.plannen import services as plannen
from samenwerk.signalering.engine import signaleer
from samenwerk.signalering.models import Signalering, Status
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD, CasusFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_overdue_agreement_is_handled_from_the_inbox(live_server, page, personas):
    casus = CasusFactory(
        gebied=personas.gebied, met_toestemming=True, professional=personas.professional, organisatie=personas.organisatie
    )
    plannen.wijzig_plan(actor=personas.professional, casus=casus, inhoud=plannen.PlanInhoud(ik_wil="x"), versie=0)
    vandaag = timezone.localdate()
    plannen.voeg_afspraak_toe(
        actor=personas.professional, casus=casus, wie="inwoner", wat="Zelf de woningcorporatie bellen",
        start=vandaag - datetime.timedelta(days=40), uiterlijke_datum=vandaag - datetime.timedelta(days=3),
    )  # fmt: skip
    signaleer()

    browser_login(page, live_server.url, personas.professional.email, TEST_PASSWORD)
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.get_by_role("link", name="Signaleringen 1 open").click()
    page.get_by_role("heading", level=1, name="Signaleringen").wait_for()
    rij = page.get_by_role("row").filter(has_text="Afspraak over tijd")
    assert rij.count() == 1 and casus.nummer in rij.inner_text()
    assert_accessible(page)

    rij.get_by_text("Afhandelen", exact=True).click()
    assert_accessible(page)
    rij.get_by_role("button", name="Markeer als afgehandeld").click()  # empty note: an error in the row
    page.get_by_text("Dit veld is vereist.").wait_for()
    assert_accessible(page)
    rij = page.get_by_role("row").filter(has_text="Afspraak over tijd")
    rij.get_by_label("Notitie").fill("Gebeld; de inwoner belt morgen zelf.")
    rij.get_by_role("button", name="Markeer als afgehandeld").click()
    page.get_by_role("status").filter(has_text="De signalering is afgehandeld.").wait_for()
    assert_accessible(page)

    page.reload()
    page.get_by_role("heading", level=1, name="Signaleringen").wait_for()
    assert page.get_by_role("row").filter(has_text="Afspraak over tijd").count() == 0
    assert "Er zijn (met deze filters) geen signaleringen." in page.content()
    assert_accessible(page)
    signalering = Signalering.objects.get()
    assert (signalering.status, signalering.notitie) == (Status.AFGEHANDELD, "Gebeld; de inwoner belt morgen zelf.")
