"""The leertraject (issue 20): cohorts, assignments, certificates and their badges."""

from .badges import Badgesleutel, Certificaat
from .opdrachten import Inlevering
from .traject import Aanwezigheid, Deelnemer, Leertraject, Lesdag, Maatjes

LeertrajectVorm = Leertraject.Vorm  # for the API schema's enum name (settings.SPECTACULAR_SETTINGS)

__all__ = ["Aanwezigheid", "Badgesleutel", "Certificaat", "Deelnemer", "Inlevering", "Leertraject", "Lesdag", "Maatjes"]
