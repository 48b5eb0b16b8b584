"""Who may do what in regie, inside a case they can see (visibility is Casus.objects.for_user)."""

from __future__ import annotations

from samenwerk.casussen.models import Casus
from samenwerk.casussen.rules import is_procesregisseur, mag_beheren, mag_vastleggen, ziet_persoonsgegevens
from samenwerk.gemeenten.models import User


def mag_niveau_wijzigen(user: User, casus: Casus) -> bool:
    """The casusregisseur, and the procesregisseur once the case is scaled up."""
    return mag_beheren(user, casus) or is_procesregisseur(user, casus)


def mag_opschalen(user: User, casus: Casus) -> bool:
    return mag_beheren(user, casus)


def mag_procesregie_voeren(user: User, casus: Casus) -> bool:
    """Calling together, deciding, escalating to management or board, stepping down."""
    return is_procesregisseur(user, casus)


def ziet_signaaltekst(user: User, casus: Casus) -> bool:
    """The text of an external care signal is about the resident: participants who see the
    resident's details read it; the procesregisseur sees only source and date."""
    return ziet_persoonsgegevens(user, casus)


def mag_signaal_vastleggen(user: User, casus: Casus) -> bool:
    return mag_vastleggen(user, casus)
