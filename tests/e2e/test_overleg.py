"""A whole Samenwerkoverleg in a real browser: plan it, choose a participant with the
resident, invite, the invitee accepts through their link, the chair adds an agreement to the
plan, the checklist, the closing round, and the updated plan goes out — axe on every page."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samenwerk.berichten.models import Bericht
from samenwerk.overleg import links
from samenwerk.overleg.models import Checkpunt, Deelnemer
from samenwerk.plannen import services as plannen
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD, CasusFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_whole_meeting(live_server, page, personas, time_machine):
    # A meeting lies in the future when planned and is held (agreements, closing) on its own
    # day: planned five minutes ahead, it must not cross midnight. So the clock of this
    # process, which the live server's thread shares, runs from ten in the morning of today.
    time_machine.move_to(timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(10))), tick=True)
    begint = timezone.localtime() + datetime.timedelta(minutes=5)
    casus = CasusFactory(
        gebied=personas.gebied, met_toestemming=True, professional=personas.professional, organisatie=personas.organisatie
    )
    plannen.wijzig_plan(
        actor=personas.professional, casus=casus, versie=0,
        inhoud=plannen.PlanInhoud(ik_wil="Weer rust in mijn geldzaken", overleg_nodig=True, overleg_reden="Meerdere partijen"),
    )  # fmt: skip
    browser_login(page, live_server.url, personas.professional.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/casussen/{casus.pk}/overleg/")
    assert_accessible(page)
    page.get_by_role("link", name="Overleg plannen").click()
    page.get_by_label("Datum").fill(begint.date().isoformat())
    page.get_by_label("Begintijd").fill(begint.strftime("%H:%M"))
    page.get_by_label("Eindtijd").fill((begint + datetime.timedelta(hours=1)).strftime("%H:%M"))
    page.get_by_label("Ergens anders, omdat de inwoner dat liever wil").check()
    page.get_by_label("Andere plaats").fill("Buurthuis De Linde")
    page.get_by_label("Notulist").select_option(label=str(casus.inwoner))  # one of the people involved
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("alert").wait_for()  # no reason for not meeting at home: error, input kept
    assert page.get_by_label("Andere plaats").input_value() == "Buurthuis De Linde"
    assert page.get_by_label("Notulist").input_value() == "inwoner"
    assert_accessible(page)
    page.get_by_label("Waarom niet thuis?").fill("De inwoner wil liever niet thuis")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het overleg is gepland.").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Deelnemer toevoegen").click()
    page.locator("#id_naam").fill("Wim Woningcorporatie")
    page.get_by_label("E-mailadres").fill("wim@wonen.example")
    page.get_by_label("Organisatie").fill("Wonen Testwijde")
    page.get_by_label("Kennis van de vraag").check()
    page.get_by_label("Ja, de inwoner geeft toestemming").check()
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Wim Woningcorporatie staat op de lijst.").wait_for()
    page.get_by_label("Samen").check()
    page.get_by_role("button", name="De inwoner is akkoord met de lijst").click()
    page.get_by_role("button", name="Stuur de uitnodiging (1 persoon)").click()
    page.get_by_text("De uitnodigingen gaan nu de deur uit.").wait_for()
    assert_accessible(page)

    # The invitee, without an account, accepts through the link in their e-mail.
    wim = Deelnemer.objects.get(email="wim@wonen.example")
    invitee = page.context.browser.new_page(locale="nl-NL")
    invitee.goto(f"{live_server.url}/uitnodiging/{links.token_voor(wim)}/")
    assert_accessible(invitee)
    invitee.get_by_label("Ja, ik kom").check()
    invitee.get_by_role("button", name="Antwoord geven").click()
    invitee.get_by_role("link", name="Bekijk het plan van de inwoner").click()
    invitee.get_by_text("Weer rust in mijn geldzaken").wait_for()
    assert_accessible(invitee)
    invitee.close()

    page.reload()
    page.get_by_role("link", name="Voorbereiding met de inwoner").click()
    # all() does not wait: read the boxes only once the preparation page is there, or the
    # loop may tick nothing and the closing below is (rightly) refused with open points.
    page.wait_for_url("**/voorbereiding/")
    vakjes = page.get_by_role("checkbox", name="Bewust overslaan")
    expect(vakjes.first).to_be_visible()
    assert vakjes.count() > 0
    for vakje in vakjes.all():
        vakje.check()
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De voorbereiding is opgeslagen.").wait_for()
    assert all(punt.afgehandeld for punt in Checkpunt.objects.filter(overleg__casus=casus))

    page.get_by_role("link", name="Voorzittersweergave").click()
    page.get_by_text("Alles wordt aan tafel besproken").wait_for()
    assert_accessible(page)
    page.get_by_label("Aantekeningen").first.fill("Iedereen stelde zich voor")
    page.get_by_role("button", name="Aantekeningen opslaan").first.click()
    page.get_by_text("Aantekeningen opgeslagen.").wait_for()
    assert page.get_by_label("Aantekeningen").first.input_value() == "Iedereen stelde zich voor"
    page.get_by_label("Wie", exact=True).select_option(label="De inwoner")
    page.get_by_label("Wat", exact=True).fill("Zelf de bank bellen")
    page.get_by_role("button", name="Afspraak toevoegen").click()
    page.get_by_text("De afspraak staat in het plan.").wait_for()
    page.get_by_role("link", name="Terug naar het overleg").click()

    page.get_by_role("link", name="Overleg afsluiten").click()
    page.get_by_label("Nee").check()
    page.get_by_label("Evaluatie in een overleg").check()
    page.get_by_label("Datum van de evaluatie of het vervolg").fill(
        (timezone.localdate() + datetime.timedelta(weeks=6)).isoformat()
    )
    page.get_by_label("Wim Woningcorporatie: hoe was dit overleg voor jou?").fill("Goed voorbereid")
    assert_accessible(page)
    page.get_by_role("button", name="Overleg afsluiten en plan versturen").click()
    page.get_by_text("Het bijgewerkte plan gaat naar 1 deelnemer(s)").wait_for()
    assert_accessible(page)
    assert Bericht.objects.filter(soort="overleg.plan", aan="wim@wonen.example").exists()
    page.goto(f"{live_server.url}/casussen/{casus.pk}/plan/")
    page.get_by_role("cell", name="Zelf de bank bellen", exact=True).wait_for()
    assert "Samenwerkoverleg 1" in page.content()  # the meeting's own round in the plan
