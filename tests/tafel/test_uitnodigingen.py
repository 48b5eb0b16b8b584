"""The fixed agenda to the members through the real outbox, worker and SMTP server (no names
in the body, case numbers at most, a calendar invitation attached); the table's meetings
in the member's subscription feed; a meeting outside the schedule needs a reason."""

from __future__ import annotations

import datetime
import re

import pytest
import vobject
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from samenwerk.berichten.models import Bericht
from samenwerk.tafel import rooster, services, uitnodigingen
from tests.auth import login
from tests.factories import casus_met_team
from tests.tafel.conftest import gegevens, om_tien

pytestmark = pytest.mark.django_db(transaction=True)


def _tekst(bericht) -> str:
    deel = next(p for p in bericht.walk() if p.get_content_type() == "text/plain" and not p.get_filename())
    return deel.get_payload(decode=True).decode()


def test_the_fixed_agenda_goes_to_the_members_without_names(client, personas, tafel, bijeenkomst, smtp):
    casus = casus_met_team(personas)
    services.meld_aan(actor=personas.professional, tafel=tafel, casus=casus, gegevens=gegevens())
    services.stel_agenda_op(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, versie=0)
    login(client, personas.tafelvoorzitter)
    response = client.post(reverse("tafel:agenda-versturen", args=[tafel.pk, bijeenkomst.pk]))
    assert response.status_code == 302
    call_command("db_worker", "--batch", "--no-startup-delay")
    berichten = smtp.wacht(3)
    ontvangers = sorted(b["To"] for b in berichten)
    assert ontvangers == sorted([personas.tafelvoorzitter.email, personas.niet_betrokken.email,
                                 personas.collega_andere_organisatie.email])  # fmt: skip
    bericht = next(b for b in berichten if b["To"] == personas.niet_betrokken.email)
    tekst = _tekst(bericht)
    assert "Tafel Testwijde" in bericht["Subject"]
    assert casus.nummer in tekst and "Inbreng" in tekst and "Check-in" in tekst
    assert f"/tafel/{tafel.pk}/bijeenkomsten/{bijeenkomst.pk}/" in tekst
    inwoner = casus.inwoner
    for persoonlijk in (inwoner.voornaam, inwoner.achternaam, "Wie neemt de regie?", "Schuldhulp"):
        assert persoonlijk not in tekst
    [deel] = [p for p in bericht.walk() if p.get_content_type() == "text/calendar"]
    kalender = vobject.readOne(deel.get_payload(decode=True).decode())
    assert kalender.method.value == "REQUEST"
    assert kalender.vevent.uid.value == f"tafel-{bijeenkomst.uid}@samenwerkplatform"
    assert kalender.vevent.dtstart.value == bijeenkomst.begint
    assert [a.value for a in kalender.vevent.contents["attendee"]] == [f"mailto:{personas.niet_betrokken.email}"]
    assert set(Bericht.objects.values_list("status", flat=True)) == {"verzonden"}
    pagina = client.get(reverse("tafel:bijeenkomst", args=[tafel.pk, bijeenkomst.pk])).content.decode()
    assert "Agenda-e-mails: 3 berichten" in pagina and f"{personas.niet_betrokken.email}: verzonden" in pagina


def test_an_agenda_not_fixed_is_not_sent(personas, bijeenkomst):
    with pytest.raises(ValidationError, match="Stel eerst de agenda op"):
        uitnodigingen.verstuur_agenda(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst)
    assert not Bericht.objects.exists()


def test_a_member_does_not_send_the_agenda(client, personas, tafel, bijeenkomst):
    login(client, personas.niet_betrokken)
    assert client.post(reverse("tafel:agenda-versturen", args=[tafel.pk, bijeenkomst.pk])).status_code == 403


def test_an_agenda_queued_for_a_meeting_that_has_begun_is_not_sent(personas, tafel, bijeenkomst, smtp):
    services.stel_agenda_op(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, versie=0)
    uitnodigingen.verstuur_agenda(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst)
    Bericht.objects.update(status="klaargezet")
    type(bijeenkomst).objects.filter(pk=bijeenkomst.pk).update(begint=timezone.now() - datetime.timedelta(minutes=5))
    call_command("db_worker", "--batch", "--no-startup-delay")
    assert set(Bericht.objects.values_list("status", flat=True)) == {"vervallen"}
    assert smtp.berichten == []


def test_the_members_feed_carries_the_tables_meetings(client, personas, tafel, bijeenkomst):
    login(client, personas.niet_betrokken)
    client.post(reverse("overleg:abonnement"), {"actie": "nieuw"})
    pagina = client.get(reverse("overleg:agenda")).content.decode()
    pad = re.search(r"/overleg/agenda/([^\s<]+)\.ics", pagina).group(1)
    client.logout()
    tekst = client.get(f"/overleg/agenda/{pad}.ics").content.decode()
    kalender = vobject.readOne(tekst)
    uids = [e.uid.value for e in kalender.contents.get("vevent", [])]
    assert uids == [f"tafel-{bijeenkomst.uid}@samenwerkplatform"]
    assert "Bijeenkomst Tafel Testwijde" in tekst and "Buurthuis" in tekst
    # Someone not at the table does not get its meetings.
    login(client, personas.professional)
    client.post(reverse("overleg:abonnement"), {"actie": "nieuw"})
    pagina = client.get(reverse("overleg:agenda")).content.decode()
    pad = re.search(r"/overleg/agenda/([^\s<]+)\.ics", pagina).group(1)
    client.logout()
    assert "tafel-" not in client.get(f"/overleg/agenda/{pad}.ics").content.decode()


def test_a_meeting_as_a_calendar_file(client, personas, tafel, bijeenkomst):
    login(client, personas.niet_betrokken)
    response = client.get(reverse("tafel:bijeenkomst-ics", args=[tafel.pk, bijeenkomst.pk]))
    kalender = vobject.readOne(response.content.decode())
    assert response["Content-Type"].startswith("text/calendar")
    assert kalender.vevent.location.value == "Buurthuis"


def test_a_meeting_outside_the_schedule_needs_a_reason(client, personas, tafel, bijeenkomst):
    login(client, personas.tafelvoorzitter)
    url = reverse("tafel:bijeenkomst-nieuw", args=[tafel.pk])
    op_schema = timezone.localtime(bijeenkomst.begint).date() + datetime.timedelta(weeks=2)
    buiten = op_schema + datetime.timedelta(days=3)
    response = client.post(url, {"datum": buiten.isoformat(), "tijd": "10:00", "locatie": "Bibliotheek"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Deze dag valt buiten het vaste schema van de Tafel" in html and "Bibliotheek" in html
    response = client.post(
        url, {"datum": buiten.isoformat(), "tijd": "10:00", "locatie": "Bibliotheek", "buiten_schema_reden": "Spoedoverleg"}
    )
    assert response.status_code == 302
    extra = tafel.bijeenkomsten.get(begint=om_tien(buiten))
    assert (extra.buiten_schema_reden, extra.locatie) == ("Spoedoverleg", "Bibliotheek")
    gepland = rooster.plan_bijeenkomst(actor=personas.tafelvoorzitter, tafel=tafel, begint=om_tien(op_schema))
    assert gepland.buiten_schema_reden == "" and gepland.locatie == "Buurthuis"
    with pytest.raises(ValidationError, match="al een bijeenkomst"):
        rooster.plan_bijeenkomst(actor=personas.tafelvoorzitter, tafel=tafel, begint=om_tien(op_schema))
