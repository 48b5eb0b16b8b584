"""The timed agenda of a table meeting (domain.md §5 step 2), as pure functions of the data:
no database, no clock, so every rule is tested on its own (tests/tafel/test_agenda.py).

    check-in 10 · per new registration: inbreng 5, vragen 5, tips 5, afspraken 5 ·
    casus check 5-10 per case registered ~6 weeks earlier ·
    procesevaluatie 5-10 per case registered ~6 months earlier · check-out 10

What does not fit in the reserved time moves to the next meeting, and the agenda says so.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from samenwerk.plannen.regels import plus_maanden

from .models import Blok

CHECKIN_MINUTEN = 10
CHECKOUT_MINUTEN = 10
PER_NIEUWE_CASUS = [(Blok.INBRENG, 5), (Blok.VRAGEN, 5), (Blok.TIPS, 5), (Blok.AFSPRAKEN, 5)]
NIEUW_MINUTEN = sum(m for _b, m in PER_NIEUWE_CASUS)
TERUGKOMST_RUIM, TERUGKOMST_KRAP = 10, 5  # casus check and procesevaluatie: 5-10 minutes
MIN_NIEUW = 2  # "fits 2-3 new cases": returning cases make way for these two first


@dataclass(frozen=True)
class Voorstelblok:
    soort: str
    minuten: int
    aanmelding_id: int | None = None


@dataclass(frozen=True)
class Agendavoorstel:
    blokken: list[Voorstelblok]
    doorgeschoven: list[int] = field(default_factory=list)  # registrations moved to the next meeting

    @property
    def minuten(self) -> int:
        return sum(b.minuten for b in self.blokken)


def stel_op(
    *,
    nieuw: Sequence[int],
    casuschecks: Sequence[int] = (),
    procesevaluaties: Sequence[int] = (),
    minuten: int = 120,
    max_nieuw: int = 3,
) -> Agendavoorstel:
    """The agenda for registrations in the order given. Making it fit, in this order:
    returning cases get 5 instead of 10 minutes; new registrations beyond two move on;
    returning cases move on (procesevaluaties first, the latest first); the remaining new
    registrations move on."""
    aantal_nieuw = min(max_nieuw, len(nieuw))
    terug = [(Blok.CASUSCHECK, i) for i in casuschecks] + [(Blok.PROCESEVALUATIE, i) for i in procesevaluaties]
    per_terug = TERUGKOMST_RUIM

    def totaal() -> int:
        return CHECKIN_MINUTEN + CHECKOUT_MINUTEN + aantal_nieuw * NIEUW_MINUTEN + len(terug) * per_terug

    if totaal() > minuten:
        per_terug = TERUGKOMST_KRAP
    while totaal() > minuten and aantal_nieuw > min(MIN_NIEUW, len(nieuw)):
        aantal_nieuw -= 1
    verschoven_terug: list[int] = []
    while totaal() > minuten and terug:
        verschoven_terug.insert(0, terug.pop()[1])
    while totaal() > minuten and aantal_nieuw:
        aantal_nieuw -= 1
    blokken = [Voorstelblok(Blok.CHECKIN, CHECKIN_MINUTEN)]
    for aanmelding_id in nieuw[:aantal_nieuw]:
        blokken += [Voorstelblok(soort, m, aanmelding_id) for soort, m in PER_NIEUWE_CASUS]
    blokken += [Voorstelblok(soort, per_terug, aanmelding_id) for soort, aanmelding_id in terug]
    blokken.append(Voorstelblok(Blok.CHECKOUT, CHECKOUT_MINUTEN))
    return Agendavoorstel(blokken=blokken, doorgeschoven=list(nieuw[aantal_nieuw:]) + verschoven_terug)


def komt_terug(
    aangemeld_op: datetime.date,
    *,
    vorige: datetime.date,
    deze: datetime.date,
    weken: int = 0,
    maanden: int = 0,
    marge_dagen: int = 0,
) -> bool:
    """Whether a case registered on `aangemeld_op` returns at the meeting of `deze` (the
    previous meeting was on `vorige`): "about six weeks later" is the first meeting on or
    after the due day less the margin, so each case returns at exactly one meeting."""
    due = plus_maanden(aangemeld_op, maanden) + datetime.timedelta(weeks=weken) - datetime.timedelta(days=marge_dagen)
    return vorige < due <= deze


def tijdschema(begint: datetime.datetime, minuten: Sequence[int]) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """Start and end of each block, one after the other from the meeting's start."""
    tijden, van = [], begint
    for m in minuten:
        tot = van + datetime.timedelta(minutes=m)
        tijden.append((van, tot))
        van = tot
    return tijden
