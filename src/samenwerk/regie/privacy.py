"""What regie adds to the resident's inzage and to the retention job (both live in plannen,
which regie sits above; registered in apps.RegieConfig.ready)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import F

from samenwerk.casussen.models import Casus

from .models import Niveauwijziging, Regiehandeling, Zorgsignaal


def inzage_deel(casus: Casus) -> dict[str, Any]:
    return {
        "ave_niveau": [
            {
                "van": w.van,
                "naar": w.naar,
                "reden": w.reden,
                "datum": w.datum.isoformat(),
                "besloten_door": w.besloten_door_naam,
            }
            for w in Niveauwijziging.objects.filter(casus=casus).order_by("vastgelegd_op", "id")
        ],
        "procesregie": [
            {
                "soort": h.soort,
                "datum": h.datum.isoformat(),
                "reden": h.reden,
                "escalatieniveau": h.escalatieniveau,
                "tekst": h.tekst,
                "door": h.door_naam,
            }
            for h in Regiehandeling.objects.filter(casus=casus).order_by("vastgelegd_op", "id")
        ],
        "zorgsignalen": [
            {"bron": s.bron, "afzender": s.afzender, "datum": s.datum.isoformat(), "tekst": s.tekst}
            for s in Zorgsignaal.objects.filter(casus=casus).order_by("datum", "id")
        ],
    }


def anonimiseer(casus: Casus, schuif: datetime.timedelta) -> None:
    """Blank the free texts and names, shift the dates like the rest of the case; levels,
    kinds and sources stay for the figures."""
    Niveauwijziging.objects.filter(casus=casus).update(
        reden="", besloten_door_naam="", datum=F("datum") - schuif, vastgelegd_op=F("vastgelegd_op") - schuif
    )
    Regiehandeling.objects.filter(casus=casus).update(
        tekst="", door_naam="", datum=F("datum") - schuif, vastgelegd_op=F("vastgelegd_op") - schuif
    )
    Zorgsignaal.objects.filter(casus=casus).update(
        tekst="", afzender="", datum=F("datum") - schuif, vastgelegd_op=F("vastgelegd_op") - schuif
    )
