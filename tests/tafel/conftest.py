from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samenwerk.tafel import services
from samenwerk.tafel.models import Tafel


def om_tien(dag: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(dag, datetime.time(10), tzinfo=timezone.get_current_timezone())


def gegevens(**anders: object) -> services.Aanmeldgegevens:
    basis = {
        "inwoner_weet_hoe": "gesprek",
        "inwoner_weet_op": timezone.localdate(),
        "leefgebieden": ["wonen", "financien"],
        "geprobeerd": "Schuldhulp, los van het wijkteam",
        "waarom_vast": "Iedereen wacht op elkaar",
        "vraag": "Wie neemt de regie?",
    }
    return services.Aanmeldgegevens(**(basis | anders))  # type: ignore[arg-type]


@pytest.fixture
def tafel(personas) -> Tafel:
    """A table in Testwijde: the tafelvoorzitter chairs; the professional who is on no case
    and the colleague of the other organisation sit at it."""
    tafel = services.maak_tafel(
        actor=personas.tafelvoorzitter, gemeente=personas.gemeente, naam="Tafel Testwijde", locatie="Buurthuis",
        voorzitter=personas.tafelvoorzitter,
    )  # fmt: skip
    services.voeg_lid_toe(
        actor=personas.tafelvoorzitter, tafel=tafel, user=personas.niet_betrokken, organisatie=personas.organisatie,
        expertise="Buurtcoach", leefgebieden=["meedoen"],
    )  # fmt: skip
    services.voeg_lid_toe(
        actor=personas.tafelvoorzitter, tafel=tafel, user=personas.collega_andere_organisatie,
        organisatie=personas.andere_organisatie, expertise="Wijkverpleging", leefgebieden=["gezondheid"],
    )  # fmt: skip
    return tafel


@pytest.fixture
def bijeenkomst(tafel):
    begint = om_tien(timezone.localdate() + datetime.timedelta(days=7))
    return tafel.bijeenkomsten.create(begint=begint, eindigt=begint + services.BIJEENKOMST_DUUR, locatie=tafel.locatie)
