"""The agenda and link about 24 hours before, through the outbox and a real SMTP server."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.management import call_command

from samenwerk.berichten.models import Bericht
from samenwerk.leren.models import Leersessie
from samenwerk.leren.sessies import services, versturen

from .conftest import maak_sessie

pytestmark = pytest.mark.django_db(transaction=True)


def test_agenda_goes_24_hours_before_once_and_not_to_late_registrants(personas, smtp):
    sessie = maak_sessie(personas, dagen=5, online=True)
    services.meld_aan(actor=personas.professional, sessie=sessie)
    services.meld_aan(actor=personas.manager, sessie=sessie)
    afgemeld = services.meld_aan(actor=personas.niet_betrokken, sessie=sessie)
    services.meld_af(actor=personas.niet_betrokken, deelname=afgemeld)
    # One second before the 24 hours: nothing yet.
    with time_machine.travel(sessie.begin - datetime.timedelta(hours=24, seconds=1), tick=False):
        assert versturen.verstuur_agenda() == 0
    with time_machine.travel(sessie.begin - datetime.timedelta(hours=24), tick=False):
        call_command("leersessies_versturen")
        call_command("leersessies_versturen")  # idempotent
        late = services.meld_aan(actor=personas.collega_andere_organisatie, sessie=Leersessie.objects.get(pk=sessie.pk))
        assert late.zonder_link
        call_command("leersessies_versturen")
    assert Bericht.objects.filter(soort=versturen.AGENDA).count() == 2
    call_command("db_worker", "--batch", "--no-startup-delay")
    post = smtp.wacht(2)
    assert sorted(m["To"] for m in post) == ["manager@testwijde.example", "prof@testwijde.example"]
    mail = post[0]
    tekst = next(p.get_payload(decode=True).decode() for p in mail.walk() if p.get_content_type() == "text/plain")
    assert "https://meet.example/leersessie-noord" in tekst and "Nieuwkomertafel" in tekst
    kalender = next(p for p in mail.walk() if p.get_content_type() == "text/calendar").get_payload(decode=True).decode()
    assert "METHOD:REQUEST" in kalender and f"leersessie-{sessie.pk}@samenwerkplatform" in kalender
    assert "TZID=Europe/Amsterdam" in kalender


def test_a_live_session_mail_names_the_place_and_no_link(personas, smtp):
    sessie = maak_sessie(personas, dagen=5, online=False)
    services.meld_aan(actor=personas.professional, sessie=sessie)
    with time_machine.travel(sessie.begin - datetime.timedelta(hours=2), tick=False):
        assert versturen.verstuur_agenda() == 1
    call_command("db_worker", "--batch", "--no-startup-delay")
    mail = smtp.wacht(1)[0]
    tekst = next(p.get_payload(decode=True).decode() for p in mail.walk() if p.get_content_type() == "text/plain")
    assert "Buurthuis De Linde" in tekst and "https://" not in tekst.split("staat ook op")[0]
