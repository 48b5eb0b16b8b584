"""Deadline arithmetic of the plan as pure functions (style.md §6). The numbers are the
municipality's settings (`gemeenten.Normen`, domain.md §10); callers pass them in, the
defaults here are those of domain.md."""

from __future__ import annotations

import calendar
import datetime

from django.utils.translation import gettext_lazy as _

AFSPRAAK_WEKEN = 6
HERHAALMETING_MAANDEN = (6, 12)


def standaard_uiterlijke_datum(start: datetime.date, weken: int = AFSPRAAK_WEKEN) -> datetime.date:
    """Agreements are carried out within six weeks (domain.md §3 step 5)."""
    return start + datetime.timedelta(weeks=weken)


def vraagt_perspectief(start: datetime.date, uiterlijke_datum: datetime.date, weken: int = AFSPRAAK_WEKEN) -> bool:
    """A later date than six weeks is allowed, if the resident is offered perspective."""
    return uiterlijke_datum > standaard_uiterlijke_datum(start, weken)


def plus_maanden(dag: datetime.date, maanden: int) -> datetime.date:
    """Calendar months; the 31st becomes the last day of a shorter month."""
    jaar, maand = divmod(dag.month - 1 + maanden, 12)
    jaar += dag.year
    maand += 1
    return datetime.date(jaar, maand, min(dag.day, calendar.monthrange(jaar, maand)[1]))


def herhaalmeting_venster(
    afgesloten_op: datetime.date, maanden: tuple[int, int] = HERHAALMETING_MAANDEN
) -> tuple[datetime.date, datetime.date]:
    """The repeat wellbeing measurement falls 6-12 months after closing (domain.md §3 step 6)."""
    vroegst, laatst = maanden
    return plus_maanden(afgesloten_op, vroegst), plus_maanden(afgesloten_op, laatst)


EVALUATIEDATUM_IN_VERLEDEN = _("De evaluatiedatum ligt in het verleden. Kies vandaag of een latere datum.")


def evaluatiedatum_in_verleden(nieuw: datetime.date | None, oud: datetime.date | None, vandaag: datetime.date) -> bool:
    """A planned evaluation date is set today or later. An old date that was already in the
    plan may stay (editing another field of an old plan must not fail on it)."""
    return nieuw is not None and nieuw != oud and nieuw < vandaag
