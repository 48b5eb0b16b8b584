"""The learning staircase (domain.md §7): one module per part, all of one app.

- sessies: leersessies per area, their tables, registrations and attendance, actieleren;
- inbreng: a case brought to a learning table, de-identified;
- evaluatie: the evaluatietafel's grid;
- trap: netwerkoverleg, steungroep and intervisie, dilemmas up three levels, the bundle and
  the leergeschiedenis.
"""

from .evaluatie import Evaluatiecel, Evaluatietafel
from .inbreng import Casusinbreng
from .sessies import (
    Actieleren,
    Actielerendeelnemer,
    Advies,
    Deelname,
    Leerrooster,
    Leersessie,
    Leertafel,
    Sessiefeedback,
    Sessieverslag,
    Verslagactie,
)
from .trap import (
    NIVEAUS,
    Dilemma,
    Dilemmanotitie,
    Dilemmastap,
    Documentversie,
    Leerdocument,
    Niveau,
    Trapactie,
    Trapagendapunt,
    Trapbesluit,
    Trapdeelnemer,
    Trapoverleg,
)

__all__ = [
    "NIVEAUS",
    "Actieleren",
    "Actielerendeelnemer",
    "Advies",
    "Casusinbreng",
    "Deelname",
    "Dilemma",
    "Dilemmanotitie",
    "Dilemmastap",
    "Documentversie",
    "Evaluatiecel",
    "Evaluatietafel",
    "Leerdocument",
    "Leerrooster",
    "Leersessie",
    "Leertafel",
    "Niveau",
    "Sessiefeedback",
    "Sessieverslag",
    "Trapactie",
    "Trapagendapunt",
    "Trapbesluit",
    "Trapdeelnemer",
    "Trapoverleg",
    "Verslagactie",
]
