"""Leersessies in a real browser: a professional registers; 24 hours before (clock frozen)
the command sends the agenda and link through the real loopback SMTP server; a late
registrant gets no link and the page says why and whom to ask; the gebiedsaanjager records
attendance and a complete actieleren record (three chosen advices refused first), the report
and the participant's feedback — axe on every page."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from samenwerk.leren.models import Actieleren, Deelname, Leersessie, Leertafel
from tests.e2e.conftest import assert_accessible, browser_login
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _om(dag: datetime.date, uur: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(uur)))


def _als(page, live_server, persoon) -> None:  # type: ignore[no-untyped-def]
    page.context.clear_cookies()
    browser_login(page, live_server.url, persoon.email, TEST_PASSWORD)


def test_registration_agenda_by_email_late_registrant_and_actieleren(live_server, page, personas, smtp, time_machine):
    vandaag = timezone.localdate()
    time_machine.move_to(_om(vandaag, 9), tick=True)
    begin = _om(vandaag + datetime.timedelta(days=5), 15)
    sessie = Leersessie.objects.create(
        gemeente=personas.gemeente, gebied=personas.gebied, begin=begin, eind=begin + datetime.timedelta(hours=2),
        online=True, link="https://meet.example/leersessie-noord", aanjager=personas.gebiedsaanjager,
    )  # fmt: skip
    for i, soort in enumerate(["nieuwkomer", "casus", "evaluatie"]):
        Leertafel.objects.create(sessie=sessie, soort=soort, volgorde=i)

    # A professional registers in time, for the casustafel.
    _als(page, live_server, personas.professional)
    page.goto(f"{live_server.url}/leren/")
    assert_accessible(page)
    page.get_by_role("link", name="Noord").click()
    assert_accessible(page)
    page.goto(f"{live_server.url}/leren/sessies/{sessie.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Aanmelden").click()
    assert_accessible(page)
    page.get_by_label("Aan welke tafel wilt u zitten?").select_option(label="Casustafel (actieleren)")
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_text("U bent aangemeld.", exact=False).first.wait_for()
    assert_accessible(page)

    # 24 hours before: the periodic command queues the agenda; the worker sends it.
    time_machine.move_to(begin - datetime.timedelta(hours=24), tick=True)
    call_command("leersessies_versturen")

    # A manager registers after that: no link, and the page says why and whom to ask.
    _als(page, live_server, personas.manager)
    page.goto(f"{live_server.url}/leren/sessies/{sessie.pk}/aanmelden/")
    assert "al naar de aangemelden verstuurd" in page.content()
    assert_accessible(page)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_text("daarom krijgt u die niet per e-mail", exact=False).wait_for()
    assert personas.gebiedsaanjager.email in page.content()
    assert "https://meet.example/leersessie-noord" not in page.content()
    assert_accessible(page)
    call_command("leersessies_versturen")  # nothing new

    call_command("db_worker", "--batch", "--no-startup-delay")
    post = smtp.wacht(1)
    assert [m["To"] for m in post] == [personas.professional.email]
    tekst = next(p.get_payload(decode=True).decode() for p in post[0].walk() if p.get_content_type() == "text/plain")
    assert "https://meet.example/leersessie-noord" in tekst and "Casustafel (actieleren)" in tekst
    assert any(p.get_content_type() == "text/calendar" for p in post[0].walk())
    assert Deelname.objects.get(user=personas.manager).zonder_link

    # During the session the gebiedsaanjager records attendance and the actieleren record.
    time_machine.move_to(begin + datetime.timedelta(minutes=30), tick=True)
    _als(page, live_server, personas.gebiedsaanjager)
    page.goto(f"{live_server.url}/leren/sessies/{sessie.pk}/aanwezigheid/")
    assert_accessible(page)
    for deelname in Deelname.objects.filter(sessie=sessie):
        page.locator(f"#tafel-{deelname.pk}").select_option(label="Casustafel (actieleren)")
        page.locator(f"#aanwezig-{deelname.pk}").select_option("ja")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De aanwezigheid is bewaard.").wait_for()
    assert "2 mensen, minder dan de 2" not in page.content()
    assert_accessible(page)
    page.get_by_role("link", name="Actieleren vastleggen aan Casustafel (actieleren)").click()
    assert_accessible(page)
    page.get_by_label("Gespreksleider").select_option(str(personas.gebiedsaanjager.pk))
    page.get_by_label("Les van de vorige inbrenger").fill("Eerst de inwoner vragen wie er nodig is.")
    page.get_by_label("Inbrenger", exact=True).select_option(str(personas.professional.pk))
    page.get_by_label("Concrete vraag van de inbrenger").fill("Hoe krijg ik de huisarts aan tafel?")
    page.locator('[name="deelnemers-0-user"]').select_option(str(personas.manager.pk))
    page.locator('[name="deelnemers-0-expertise"]').fill("Leidinggevende welzijn")
    for i, advies in enumerate(["Bel de praktijkondersteuner", "Laat de inwoner uitnodigen", "Schrijf een brief"]):
        page.locator(f'[name="adviezen-{i}-adviseur"]').select_option(str(personas.manager.pk))
        page.locator(f'[name="adviezen-{i}-tekst"]').fill(advies)
        page.locator(f'[name="adviezen-{i}-gekozen"]').check()
    page.get_by_label("Adviseur voor de korte dialoog").select_option(str(personas.manager.pk))
    page.get_by_label("Vervolgstappen").fill("Morgen de praktijkondersteuner bellen.")
    page.get_by_label("Wie brengt de volgende keer een vraag in?").select_option(str(personas.manager.pk))
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("alert").first.wait_for()
    assert "hoogstens twee adviezen" in page.content()
    assert page.locator('[name="adviezen-2-tekst"]').input_value() == "Schrijf een brief"  # nothing typed lost
    assert_accessible(page)
    page.locator('[name="adviezen-2-gekozen"]').uncheck()
    page.get_by_label("Ja", exact=True).check()
    page.get_by_label("Wat was nuttig?").fill("De tip over de praktijkondersteuner.")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het actieleren is bewaard.").wait_for()
    assert_accessible(page)
    rij = Actieleren.objects.get()
    assert rij.nuttig_bevonden is True and [a.gekozen for a in rij.adviezen.all()] == [True, True, False]
    assert rij.deelnemers.get().expertise == "Leidinggevende welzijn"

    # The report, and the participant's feedback afterwards.
    page.goto(f"{live_server.url}/leren/sessies/{sessie.pk}/verslag/bewerken/")
    assert_accessible(page)
    page.get_by_label("Doelen van de sessie").fill("Kennismaken en één vraag met actieleren.")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het verslag is bewaard.").wait_for()
    assert_accessible(page)
    page.goto(f"{live_server.url}/leren/gebieden/{personas.gebied.pk}/rooster/")
    assert_accessible(page)
    time_machine.move_to(begin + datetime.timedelta(hours=3), tick=True)
    _als(page, live_server, personas.professional)
    page.goto(f"{live_server.url}/leren/sessies/{sessie.pk}/feedback/")
    assert_accessible(page)
    page.get_by_role("group", name="Wat had u aan de inhoud? (1 = weinig, 5 = veel)").get_by_label("4").check()
    page.get_by_role("group", name="Hoe was de organisatie? (1 = slecht, 5 = goed)").get_by_label("5").check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Dank u wel voor uw feedback.").wait_for()
    page.goto(f"{live_server.url}/leren/sessies/{sessie.pk}/verslag/")
    assert "inhoud gemiddeld 4,0" in page.content()
    assert_accessible(page)
