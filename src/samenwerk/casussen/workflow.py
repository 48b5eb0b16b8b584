"""The case workflow as a table (style.md §6): which status may follow which.

Both routes share it: the Samenwerkwijze (aangemeld → toestemming → vraagverheldering →
plan → uitvoering → evaluatie → afgesloten) and De Tafel Samen aan Zet, whose registrations
first pass triage at the table (domain.md §5) before the same steps follow.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    AANGEMELD = "aangemeld", _("Aangemeld")
    TRIAGE = "triage", _("Triage aan tafel")
    TOESTEMMING = "toestemming", _("Toestemming gevraagd")
    VRAAGVERHELDERING = "vraagverheldering", _("Vraagverheldering")
    PLAN = "plan", _("Plan")
    UITVOERING = "uitvoering", _("Uitvoering")
    EVALUATIE = "evaluatie", _("Evaluatie")
    AFGESLOTEN = "afgesloten", _("Afgesloten")
    HEROPEND = "heropend", _("Heropend")


S = Status
TRANSITIES: dict[str, frozenset[str]] = {
    S.AANGEMELD: frozenset({S.TOESTEMMING, S.TRIAGE, S.VRAAGVERHELDERING, S.AFGESLOTEN}),
    S.TRIAGE: frozenset({S.TOESTEMMING, S.VRAAGVERHELDERING, S.AFGESLOTEN}),
    S.TOESTEMMING: frozenset({S.VRAAGVERHELDERING, S.AFGESLOTEN}),
    S.VRAAGVERHELDERING: frozenset({S.PLAN, S.AFGESLOTEN}),
    S.PLAN: frozenset({S.UITVOERING, S.VRAAGVERHELDERING, S.AFGESLOTEN}),
    S.UITVOERING: frozenset({S.EVALUATIE, S.AFGESLOTEN}),
    S.EVALUATIE: frozenset({S.UITVOERING, S.AFGESLOTEN}),
    S.AFGESLOTEN: frozenset({S.HEROPEND}),
    S.HEROPEND: frozenset({S.VRAAGVERHELDERING, S.PLAN, S.UITVOERING, S.AFGESLOTEN}),
}

# Statuses from which work on the plan may happen only with the resident's consent.
VEREIST_TOESTEMMING = frozenset({S.VRAAGVERHELDERING, S.PLAN, S.UITVOERING, S.EVALUATIE})
OPEN = frozenset(set(S.values) - {S.AFGESLOTEN})


def mag_naar(van: str, naar: str) -> bool:
    return naar in TRANSITIES.get(van, frozenset())
