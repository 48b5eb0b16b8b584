"""Invitations through the real database queue, a real worker and a real SMTP server; the
calendar data is read back with vobject, a parser independent of the one that wrote it."""

from __future__ import annotations

import datetime
import re

import pytest
import vobject
from django.core.management import call_command
from django.urls import reverse

from samenwerk.berichten.models import Bericht
from samenwerk.berichten.verzending import verstuur_wachtende
from samenwerk.casussen.models import Netwerklid
from samenwerk.overleg import antwoorden, services
from samenwerk.overleg.models import Deelnemer, Weigering
from tests.mail import vrije_poort
from tests.overleg.conftest import gegevens, genodigde, over_dagen

pytestmark = pytest.mark.django_db(transaction=True)


def _werk() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay")


def _agenda(bericht) -> vobject.base.Component:
    [deel] = [p for p in bericht.walk() if p.get_content_type() == "text/calendar"]
    return vobject.readOne(deel.get_payload(decode=True).decode())


def _tekst(bericht) -> str:
    return (
        next(p for p in bericht.walk() if p.get_content_type() == "text/plain" and not p.get_filename())
        .get_payload(decode=True)
        .decode()
    )


def _link(bericht) -> str:
    return re.search(r"http://\S+(/uitnodiging/\S+/)", _tekst(bericht)).group(1)


def _uitgenodigd(personas, overleg):
    joke = Netwerklid.objects.get(casus=overleg.casus)
    services.voeg_deelnemer_toe(actor=personas.professional, overleg=overleg, genodigde=genodigde(plan_delen=True))
    services.voeg_deelnemer_toe(
        actor=personas.professional,
        overleg=overleg,
        genodigde=genodigde(
            soort="netwerklid", naam="Joke Buurvrouw", email=joke.email, organisatie="", reden="ervaring", netwerklid=joke
        ),
    )
    services.voeg_deelnemer_toe(
        actor=personas.professional,
        overleg=overleg,
        genodigde=genodigde(naam="Sanne Schuldhulp", email="sanne@geld.example", organisatie="Schuldhulp", reden="meedenken"),
    )
    services.leg_lijst_akkoord_vast(actor=personas.professional, overleg=overleg, verstuurd_door="samen")
    services.nodig_uit(actor=personas.professional, overleg=overleg)


def test_invitation_is_an_rfc5545_request_that_updates_and_cancels_replace(personas, overleg, smtp):
    _uitgenodigd(personas, overleg)
    _werk()
    berichten = smtp.wacht(3)
    assert sorted(b["To"] for b in berichten) == ["joke@buren.example", "sanne@geld.example", "wim@wonen.example"]
    wim = next(b for b in berichten if b["To"] == "wim@wonen.example")
    assert wim["Reply-To"] == personas.professional.email
    agenda = _agenda(wim)
    assert agenda.method.value == "REQUEST"
    assert agenda.vtimezone.tzid.value == "Europe/Amsterdam"
    event = agenda.vevent
    uid = event.uid.value
    assert uid == f"overleg-{overleg.uid}@samenwerkplatform"
    assert event.sequence.value == "0"
    assert event.organizer.value == f"mailto:{personas.professional.email}"
    assert [a.value for a in event.attendee_list] == ["mailto:wim@wonen.example"]  # invitees don't get each other's addresses
    assert event.attendee.params["PARTSTAT"] == ["NEEDS-ACTION"] and event.attendee.params["RSVP"] == ["TRUE"]
    ruw = next(p for p in wim.walk() if p.get_content_type() == "text/calendar").get_payload(decode=True).decode()
    assert "DTSTART;TZID=Europe/Amsterdam:" in ruw and "DTEND;TZID=Europe/Amsterdam:" in ruw
    assert event.dtstart.value == overleg.begint and event.dtend.value == overleg.eindigt
    assert "Lindelaan 4" in event.location.value  # at the resident's home: the address to go to
    tekst = _tekst(wim)
    for verwacht in ["Samenwerkoverleg", "Samen kijken hoe Fenna", "Kennis van de vraag", "Laat u vóór", "/uitnodiging/"]:
        assert verwacht in tekst, verwacht
    bijlagen = [p.get_filename() for p in wim.walk() if p.get_filename()]
    assert "uitnodiging.ics" in bijlagen and any("principes" in b for b in bijlagen)
    assert Bericht.objects.filter(verzonden_op__isnull=False).count() == 3

    # A new time: same UID, SEQUENCE 1, to everyone who has it in their calendar.
    overleg.refresh_from_db()
    services.wijzig_overleg(
        actor=personas.professional,
        overleg=overleg,
        gegevens=gegevens(begint=over_dagen(6, 14), eindigt=over_dagen(6, 15, 30)),
        versie=overleg.versie,
    )
    _werk()
    updates = smtp.wacht(6)[3:]
    assert len(updates) == 3
    update = _agenda(updates[0]).vevent
    assert update.uid.value == uid and update.sequence.value == "1"
    assert update.dtstart.value.hour == 14

    # Cancelled: METHOD:CANCEL, same UID, higher SEQUENCE.
    overleg.refresh_from_db()
    services.annuleer(actor=personas.professional, overleg=overleg, reden="De inwoner is ziek")
    _werk()
    annuleringen = smtp.wacht(9)[6:]
    agenda = _agenda(annuleringen[0])
    assert agenda.method.value == "CANCEL"
    assert agenda.vevent.uid.value == uid and agenda.vevent.sequence.value == "2"
    assert agenda.vevent.status.value == "CANCELLED"


def test_accept_decline_and_forward_through_the_links(client, personas, overleg, smtp):
    _uitgenodigd(personas, overleg)
    _werk()
    berichten = {b["To"]: b for b in smtp.wacht(3)}

    # Wim accepts; the resident consented to share the plan with him, so he may read it.
    wim = _link(berichten["wim@wonen.example"])
    assert "Testinwoner" not in client.get(wim).content.decode()  # the page shows the goal, not the resident's record
    client.post(wim, {"komt": "ja"})
    assert Deelnemer.objects.get(email="wim@wonen.example").antwoord == "geaccepteerd"
    plan = client.get(wim + "plan/")
    assert plan.status_code == 200 and "Rust in mijn geldzaken" in plan.content.decode()

    # Joke (network) declines: recorded; no escalation for network members.
    joke = _link(berichten["joke@buren.example"])
    client.post(joke, {"komt": "nee", "toelichting": "Ik ben op vakantie"})
    assert Deelnemer.objects.get(email="joke@buren.example").antwoord == "afgewezen"
    assert not Weigering.objects.filter(deelnemer__email="joke@buren.example").exists()
    assert client.get(joke + "plan/").status_code == 403  # not accepted: no plan

    # Sanne forwards to a colleague: the colleague gets their own invitation; who forwarded is recorded.
    sanne = _link(berichten["sanne@geld.example"])
    response = client.post(
        sanne + "doorsturen/", {"naam": "Ben Budget", "email": "ben@geld.example", "organisatie": "Schuldhulp"}
    )
    assert response.status_code == 302
    _werk()
    ben_mail = next(b for b in smtp.wacht(4) if b["To"] == "ben@geld.example")
    ben = Deelnemer.objects.get(email="ben@geld.example")
    assert ben.doorgestuurd_door.email == "sanne@geld.example" and ben.antwoord == "uitgenodigd"
    assert "Sanne Schuldhulp heeft deze uitnodiging aan u doorgestuurd" in _tekst(ben_mail)
    assert _agenda(ben_mail).vevent.uid.value == f"overleg-{overleg.uid}@samenwerkplatform"

    # Ben declines: the area's gebiedsaanjager hears of it, without the resident's details.
    client.post(_link(ben_mail), {"komt": "nee", "toelichting": "Geen capaciteit"})
    weigering = Weigering.objects.get(deelnemer=ben)
    assert weigering.reden == "afgewezen" and weigering.gebied == overleg.casus.gebied
    _werk()
    melding = next(b for b in smtp.wacht(5) if b["To"] == personas.gebiedsaanjager.email)
    body = _tekst(melding)
    assert overleg.casus.nummer in body and "Schuldhulp" in body
    assert "Fenna" not in body and "Testinwoner" not in body and "Lindelaan" not in body

    # Replying to the API with the same token works too, and answers are re-checked.
    response = client.post(
        reverse("api:uitnodiging-antwoord", args=[wim.split("/")[2]]), {"komt": True}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["antwoord"] == "geaccepteerd"


def test_mail_server_down_loses_nothing_and_sending_resumes(personas, overleg, settings):
    from tests.mail import Postbus

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", vrije_poort()  # nobody listens here
    services.voeg_deelnemer_toe(actor=personas.professional, overleg=overleg, genodigde=genodigde())
    services.leg_lijst_akkoord_vast(actor=personas.professional, overleg=overleg, verstuurd_door="professional")
    services.nodig_uit(actor=personas.professional, overleg=overleg)
    _werk()
    bericht = Bericht.objects.get()
    assert bericht.verzonden_op is None and bericht.pogingen == 1 and bericht.laatste_fout

    from aiosmtpd.controller import Controller

    postbus = Postbus()
    controller = Controller(postbus, hostname="127.0.0.1", port=settings.EMAIL_PORT)
    controller.start()
    try:
        assert verstuur_wachtende(datetime.timedelta(0)) == 1
        _werk()
        assert len(postbus.wacht(1)) == 1
        assert verstuur_wachtende(datetime.timedelta(0)) == 0  # sent: nothing is sent twice
        _werk()
        assert len(postbus.berichten) == 1
    finally:
        controller.stop()
    bericht.refresh_from_db()
    assert bericht.verzonden_op is not None


def test_invitee_answer_rules(personas, overleg):
    services.voeg_deelnemer_toe(actor=personas.professional, overleg=overleg, genodigde=genodigde())
    deelnemer = Deelnemer.objects.get()
    with pytest.raises(Exception, match="niet komt"):
        antwoorden.beantwoord(deelnemer=deelnemer, komt=False)


def test_an_invitation_still_waiting_when_the_meeting_has_started_is_not_sent(personas, overleg, smtp):
    """After an outage (or a demo built in one go) nobody gets an invitation for the past."""
    from samenwerk.overleg.models import Overleg

    services.voeg_deelnemer_toe(actor=personas.professional, overleg=overleg, genodigde=genodigde())
    services.leg_lijst_akkoord_vast(actor=personas.professional, overleg=overleg, verstuurd_door="professional")
    services.nodig_uit(actor=personas.professional, overleg=overleg)
    Overleg.objects.filter(pk=overleg.pk).update(begint=over_dagen(0, 0), eindigt=over_dagen(0, 0, 30))  # began at midnight
    _werk()
    assert smtp.berichten == []
    bericht = Bericht.objects.get()
    assert bericht.verzonden_op is None and bericht.status == Bericht.Status.VERVALLEN
    assert verstuur_wachtende(datetime.timedelta(0)) == 0  # and it is not tried again
