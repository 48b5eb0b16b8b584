"""Calendar invitations for the course days go through the outbox: one e-mail per person with
an RFC 5545 REQUEST per day (one UID per day)."""

from __future__ import annotations

import icalendar
import pytest
from django.core.management import call_command

from samenwerk.leertraject import services

from .cohort import maak_cohort

pytestmark = pytest.mark.django_db(transaction=True)


def test_uitnodigingen_per_lesdag_naar_deelnemers_en_trainers(personas, smtp):
    cohort = maak_cohort(personas, dagen_terug=(-10, -40, -70))
    assert services.nodig_uit(actor=personas.niet_betrokken, traject=cohort.traject) == 4
    call_command("db_worker", "--batch", "--no-startup-delay")
    berichten = smtp.wacht(4)
    assert sorted(b["To"] for b in berichten) == sorted(
        [personas.professional.email, personas.collega_andere_organisatie.email, personas.niet_betrokken.email,
         personas.tafelvoorzitter.email]
    )  # fmt: skip
    bijlagen = [p for p in berichten[0].walk() if p.get_content_type() == "text/calendar"]
    assert len(bijlagen) == 3
    uids = set()
    for deel in bijlagen:
        kalender = icalendar.Calendar.from_ical(deel.get_payload(decode=True))
        assert str(kalender["method"]) == "REQUEST"
        [event] = kalender.walk("VEVENT")
        uids.add(str(event["uid"]))
        assert str(event["attendee"]).lower() == f"mailto:{berichten[0]['To']}".lower()
    assert len(uids) == 3
