"""The course days as calendar data (RFC 5545), with the Europe/Amsterdam zone of overleg/ics.py:
an invitation per day (METHOD:REQUEST, one UID per day, SEQUENCE grows when it moves) and the
cohort's days as one file to import (METHOD:PUBLISH)."""

from __future__ import annotations

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.overleg.ics import AMSTERDAM, VTIMEZONE

from .models import Leertraject, Lesdag

PRODID = "-//Samenwerkplatform//Leertraject//NL"


def _kalender(methode: str) -> icalendar.Calendar:
    kalender = icalendar.Calendar()
    kalender.add("prodid", PRODID)
    kalender.add("version", "2.0")
    kalender.add("method", methode)
    kalender.add_component(icalendar.Timezone.from_ical(VTIMEZONE))
    return kalender


def _event(traject: Leertraject, dag: Lesdag) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"lesdag-{dag.uid}@samenwerkplatform")
    event.add("sequence", dag.volgnummer)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", dag.begin.astimezone(AMSTERDAM))
    event.add("dtend", dag.eind.astimezone(AMSTERDAM))
    event.add("summary", _("%(naam)s, lesdag %(nummer)s") % {"naam": traject.naam, "nummer": dag.nummer})
    event.add("location", dag.locatie or _("Online"))
    return event


def publiceer(traject: Leertraject) -> bytes:
    kalender = _kalender("PUBLISH")
    for dag in traject.dagen.all():
        kalender.add_component(_event(traject, dag))
    return kalender.to_ical()


def uitnodiging(traject: Leertraject, dag: Lesdag, organisator: str, aan: str) -> bytes:
    kalender = _kalender("REQUEST")
    event = _event(traject, dag)
    event.add("organizer", icalendar.vCalAddress(f"mailto:{organisator}"))
    deelnemer = icalendar.vCalAddress(f"mailto:{aan}")
    deelnemer.params["role"] = icalendar.vText("REQ-PARTICIPANT")
    deelnemer.params["rsvp"] = icalendar.vText("TRUE")
    event.add("attendee", deelnemer)
    kalender.add_component(event)
    return kalender.to_ical()
