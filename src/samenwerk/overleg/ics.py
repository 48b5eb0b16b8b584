"""RFC 5545 calendar data for meetings: the invitation (METHOD:REQUEST), its cancellation
(METHOD:CANCEL) and a professional's subscription feed (METHOD:PUBLISH).

One UID per meeting for its whole life and a SEQUENCE that grows with each change, so a
calendar replaces the event instead of adding a second one. Times are Europe/Amsterdam with
a VTIMEZONE (recurring rules, so it does not stop working in some future year).

What leaves the product is kept small: the invitation names only its recipient as attendee
(invitees do not get each other's addresses) and the feed — fetched by whatever calendar
service the professional uses — carries no address and no resident's name."""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Callable, Iterable
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Bijeenkomst:
    """Any meeting the product invites to (a Samenwerkoverleg, a meeting of De Tafel, a
    netwerkoverleg, a leersessie …): what one calendar event needs. `uid` stays the same for
    its whole life; `volgnummer` (SEQUENCE) grows with each change."""

    uid: str
    begint: datetime.datetime
    eindigt: datetime.datetime
    samenvatting: str
    locatie: str
    beschrijving: str
    volgnummer: int
    geannuleerd: bool = False


def gebeurtenis(b: Bijeenkomst) -> icalendar.Event:
    """One VEVENT in Amsterdam time; every calendar item the product makes is built here."""
    event = icalendar.Event()
    event.add("uid", b.uid)
    event.add("sequence", b.volgnummer)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", b.begint.astimezone(AMSTERDAM))
    event.add("dtend", b.eindigt.astimezone(AMSTERDAM))
    event.add("summary", b.samenvatting)
    event.add("location", b.locatie)
    event.add("description", b.beschrijving)
    event.add("status", "CANCELLED" if b.geannuleerd else "CONFIRMED")
    return event


def _event(overleg: Overleg, *, samenvatting: str, locatie: str, beschrijving: str, volgnummer: int) -> icalendar.Event:
    return gebeurtenis(
        Bijeenkomst(
            uid=uid_van(overleg), begint=overleg.begint, eindigt=overleg.eindigt, samenvatting=samenvatting,
            locatie=locatie, beschrijving=beschrijving, volgnummer=volgnummer,
            geannuleerd=overleg.status == Overleg.Status.GEANNULEERD,
        )
    )  # fmt: skip


def uitnodiging_bijeenkomst(
    bijeenkomst: Bijeenkomst, *, organisator: tuple[str, str], genodigde: tuple[str, str], antwoord: str = "NEEDS-ACTION"
) -> bytes:
    """The invitation (METHOD:REQUEST, or CANCEL once it is off) for one invitee, who is its
    only attendee (invitees do not get each other's addresses); `organisator` and `genodigde`
    are (e-mail, name), `antwoord` the invitee's PARTSTAT."""
    kalender = _kalender("CANCEL" if bijeenkomst.geannuleerd else "REQUEST")
    event = gebeurtenis(bijeenkomst)
    event.add("organizer", _adres(organisator[0], organisator[1]))
    event.add("attendee", _adres(genodigde[0], genodigde[1], role="REQ-PARTICIPANT", partstat=antwoord, rsvp="TRUE"))
    kalender.add_component(event)
    return kalender.to_ical()


def voeg_toe(mail: object, agenda: bytes, *, methode: str = "REQUEST") -> None:
    """Attach an invitation to an e-mail the way mail clients recognise it: as the calendar
    alternative of the message and as a file."""
    mail.attach_alternative(agenda.decode(), f"text/calendar; method={methode}; charset=utf-8")  # type: ignore[attr-defined]
    mail.attach("uitnodiging.ics", agenda, "application/ics")  # type: ignore[attr-defined]


# Other apps add their own calendar items to a professional's subscription feed: a function
# user → events (registered in the app's `ready()`, like De Tafel's meetings).
FEEDBRONNEN: list[Callable[[object], Iterable[icalendar.Event]]] = []


def samenvatting(overleg: Overleg) -> str:
    return _("%(vorm)s (casus %(nummer)s)") % {"vorm": overleg.get_vorm_display(), "nummer": overleg.casus.nummer}


def locatie_voluit(overleg: Overleg) -> str:
    if not overleg.bij_inwoner_thuis:
        return overleg.locatie
    inwoner = overleg.casus.inwoner
    adres = ", ".join(deel for deel in (inwoner.straat, f"{inwoner.postcode} {inwoner.woonplaats}".strip()) if deel)
    return _("Bij de inwoner thuis: %(adres)s") % {"adres": adres} if adres else str(_("Bij de inwoner thuis"))


def uitnodiging(overleg: Overleg, deelnemer: Deelnemer, *, beschrijving: str, volgnummer: int) -> bytes:
    """The invitation (or its update) for one invitee of a Samenwerkoverleg; METHOD:CANCEL once
    the meeting is off."""
    return uitnodiging_bijeenkomst(
        Bijeenkomst(
            uid=uid_van(overleg), begint=overleg.begint, eindigt=overleg.eindigt, samenvatting=samenvatting(overleg),
            locatie=locatie_voluit(overleg), beschrijving=beschrijving, volgnummer=volgnummer,
            geannuleerd=overleg.status == Overleg.Status.GEANNULEERD,
        ),
        organisator=(overleg.organisator.email, str(overleg.organisator)),
        genodigde=(deelnemer.email, deelnemer.naam),
        antwoord=PARTSTAT.get(deelnemer.antwoord, "NEEDS-ACTION"),
    )  # fmt: skip


def feed(overleggen: Iterable[Overleg], link_van: Callable[[Overleg], str], extra: Iterable[icalendar.Event] = ()) -> bytes:
    """The subscription: the professional's meetings, and `extra` events of other apps
    (`FEEDBRONNEN`)."""
    kalender = _kalender("PUBLISH")
    for event in extra:
        kalender.add_component(event)
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


def kalenderbestand(bijeenkomst: Bijeenkomst) -> bytes:
    """One meeting as a calendar file to open or download (METHOD:PUBLISH, no attendees)."""
    kalender = _kalender("PUBLISH")
    kalender.add_component(gebeurtenis(bijeenkomst))
    return kalender.to_ical()
