"""What a micro-analysis adds to the resident's inzage and to the retention job (both live
in plannen; registered in apps.RendementConfig.ready). After anonymisation the scores,
prices, quantities and blocks stay — the report's totals do not change — and every
explanation is gone."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import F

from samenwerk.casussen.models import Casus

from .models import Kostenpost, Microanalyse


def inzage_deel(casus: Casus) -> dict[str, Any]:
    analyse = Microanalyse.objects.filter(casus=casus).prefetch_related("regels").first()
    if analyse is None:
        return {"microanalyse": None}
    return {
        "microanalyse": {
            "datum": analyse.datum.isoformat(),
            "welzijn_vooraf": analyse.welzijn_voor,
            "toelichting_vooraf": analyse.welzijn_voor_toelichting,
            "welzijn_achteraf": analyse.welzijn_na,
            "toelichting_achteraf": analyse.welzijn_na_toelichting,
            "welzijn_herhaling": analyse.welzijn_herhaling,
            "toelichting_herhaling": analyse.welzijn_herhaling_toelichting,
            "als_we_niets_hadden_gedaan": analyse.scenario_niets_doen,
            "kosten": [
                {
                    "blok": regel.get_blok_display(),
                    "omschrijving": regel.omschrijving,
                    "prijs": str(regel.prijs),
                    "aantal": str(regel.aantal),
                    "toelichting": regel.toelichting,
                }
                for regel in analyse.regels.all()
            ],
        }
    }


def anonimiseer(casus: Casus, schuif: datetime.timedelta) -> None:
    Microanalyse.objects.filter(casus=casus).update(
        welzijn_voor_toelichting="", welzijn_na_toelichting="", welzijn_herhaling_toelichting="", scenario_niets_doen="",
        aangemaakt_door="", gewijzigd_door="", datum=F("datum") - schuif,
    )  # fmt: skip
    Microanalyse.objects.filter(casus=casus, herhaling_datum__isnull=False).update(herhaling_datum=F("herhaling_datum") - schuif)
    for regel in Kostenpost.objects.filter(analyse__casus=casus):
        regel.omschrijving = regel.code or regel.get_blok_display()
        regel.toelichting = ""
        regel.save(update_fields=["omschrijving", "toelichting"])
