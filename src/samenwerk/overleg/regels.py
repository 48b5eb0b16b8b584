"""The meeting's numbers as pure functions (domain.md §3 step 4, §10): a meeting within two
weeks of the decision to hold one, a reply before the reply-by date, agreements due six weeks
after the meeting. The defaults are the domain's; callers pass the municipality's numbers."""

from __future__ import annotations

import datetime

OVERLEG_BINNEN_WEKEN = 2
ANTWOORD_DAGEN_VOORAF = 2
PLAN_INZIEN_DAGEN = 14


def uiterlijk_overleg(besloten_op: datetime.date, weken: int = OVERLEG_BINNEN_WEKEN) -> datetime.date:
    """The last day on which the meeting should take place."""
    return besloten_op + datetime.timedelta(weeks=weken)


def overleg_te_laat(
    besloten_op: datetime.date | None,
    eerste_overleg: datetime.date | None,
    vandaag: datetime.date,
    weken: int = OVERLEG_BINNEN_WEKEN,
) -> bool:
    """True when a meeting was decided but none is held or planned within the period: either
    today is past the deadline with nothing planned, or the planned date itself lies past it."""
    if besloten_op is None:
        return False
    grens = uiterlijk_overleg(besloten_op, weken)
    if eerste_overleg is None:
        return vandaag > grens
    return eerste_overleg > grens


def standaard_antwoord_voor(
    vandaag: datetime.date,
    overleg_op: datetime.date,
    uiterlijk: datetime.date | None = None,
    dagen_vooraf: int = ANTWOORD_DAGEN_VOORAF,
) -> datetime.date:
    """Reply a few days before the meeting, and by `uiterlijk` (the municipality's reply
    period in working days) when that is sooner; not before tomorrow, unless the meeting is
    sooner than that, and never after the meeting day."""
    voor = overleg_op - datetime.timedelta(days=dagen_vooraf)
    if uiterlijk is not None:
        voor = min(voor, uiterlijk)
    return min(max(vandaag + datetime.timedelta(days=1), voor), overleg_op)


def geen_antwoord(uitgenodigd: bool, geantwoord: bool, antwoord_voor: datetime.date, vandaag: datetime.date) -> bool:
    """An invitee who was invited and has not answered by the end of the reply-by date."""
    return uitgenodigd and not geantwoord and vandaag > antwoord_voor
