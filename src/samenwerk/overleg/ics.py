"""RFC 5545 calendar data for meetings: the invitation (METHOD:REQUEST), its cancellation
(METHOD:CANCEL) and a professional's subscription feed (METHOD:PUBLISH).

One UID per meeting for its whole life and a SEQUENCE that grows with each change, so a
calendar replaces the event instead of adding a second one. Times are Europe/Amsterdam with
a VTIMEZONE (recurring rules, so it does not stop working in some future year).

What leaves the product is kept small: the invitation names only its recipient as attendee
(invitees do not get each other's addresses) and the feed — fetched by whatever calendar
service the professional uses — carries no address and no resident's name."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable, Iterable

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Deelnemer, Overleg

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
PRODID = "-//Samenwerkplatform//Samenwerkoverleg//NL"
VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Amsterdam
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19810329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19961027T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""
PARTSTAT = {
    Deelnemer.Antwoord.GEACCEPTEERD: "ACCEPTED",
    Deelnemer.Antwoord.AFGEWEZEN: "DECLINED",
    Deelnemer.Antwoord.DOORGESTUURD: "DELEGATED",
}


def uid_van(overleg: Overleg) -> str:
    return f"overleg-{overleg.uid}@samenwerkplatform"


def _kalender(methode: str) -> icalendar.Calendar:
    kalender = icalendar.Calendar()
    kalender.add("prodid", PRODID)
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("method", methode)
    kalender.add_component(icalendar.Timezone.from_ical(VTIMEZONE))
    return kalender


def _adres(email: str, naam: str, **params: str) -> icalendar.vCalAddress:
    adres = icalendar.vCalAddress(f"mailto:{email}")
    adres.params["cn"] = icalendar.vText(naam)
    for sleutel, waarde in params.items():
        adres.params[sleutel] = icalendar.vText(waarde)
    return adres


def _event(overleg: Overleg, *, samenvatting: str, locatie: str, beschrijving: str, volgnummer: int) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid_van(overleg))
    event.add("sequence", volgnummer)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", overleg.begint.astimezone(AMSTERDAM))
    event.add("dtend", overleg.eindigt.astimezone(AMSTERDAM))
    event.add("summary", samenvatting)
    event.add("location", locatie)
    event.add("description", beschrijving)
    event.add("status", "CANCELLED" if overleg.status == Overleg.Status.GEANNULEERD else "CONFIRMED")
    return event


def samenvatting(overleg: Overleg) -> str:
    return _("%(vorm)s (casus %(nummer)s)") % {"vorm": overleg.get_vorm_display(), "nummer": overleg.casus.nummer}


def locatie_voluit(overleg: Overleg) -> str:
    if not overleg.bij_inwoner_thuis:
        return overleg.locatie
    inwoner = overleg.casus.inwoner
    adres = ", ".join(deel for deel in (inwoner.straat, f"{inwoner.postcode} {inwoner.woonplaats}".strip()) if deel)
    return _("Bij de inwoner thuis: %(adres)s") % {"adres": adres} if adres else str(_("Bij de inwoner thuis"))


def uitnodiging(overleg: Overleg, deelnemer: Deelnemer, *, beschrijving: str, volgnummer: int) -> bytes:
    """The invitation (or its update) for one invitee; METHOD:CANCEL once the meeting is off."""
    geannuleerd = overleg.status == Overleg.Status.GEANNULEERD
    kalender = _kalender("CANCEL" if geannuleerd else "REQUEST")
    event = _event(
        overleg,
        samenvatting=samenvatting(overleg),
        locatie=locatie_voluit(overleg),
        beschrijving=beschrijving,
        volgnummer=volgnummer,
    )
    event.add("organizer", _adres(overleg.organisator.email, str(overleg.organisator)))
    partstat = PARTSTAT.get(deelnemer.antwoord, "NEEDS-ACTION")
    event.add("attendee", _adres(deelnemer.email, deelnemer.naam, role="REQ-PARTICIPANT", partstat=partstat, rsvp="TRUE"))
    kalender.add_component(event)
    return kalender.to_ical()


def feed(overleggen: Iterable[Overleg], link_van: Callable[[Overleg], str]) -> bytes:
    kalender = _kalender("PUBLISH")
    kalender.add("x-wr-calname", _("Mijn Samenwerkoverleggen"))
    for overleg in overleggen:
        locatie = str(_("Bij de inwoner thuis")) if overleg.bij_inwoner_thuis else overleg.locatie
        kalender.add_component(
            _event(
                overleg,
                samenvatting=samenvatting(overleg),
                locatie=locatie,
                beschrijving=link_van(overleg),
                volgnummer=overleg.volgnummer,
            )
        )
    return kalender.to_ical()
