"""Who may do what inside a case they can see (visibility itself is CasusQuerySet.for_user)."""

from __future__ import annotations

from samenwerk.gemeenten.models import User

from .models import Betrokkene, Casus


def rol_van(user: User, casus: Casus) -> str | None:
    """The person's active case role; uses the prefetched `betrokkenen` of casus_of_404."""
    return next((b.rol for b in casus.betrokkenen.all() if b.user_id == user.pk and b.tot is None), None)


def mag_beheren(user: User, casus: Casus) -> bool:
    """The casusregisseur steers the case; while there is none, any participant may."""
    rol = rol_van(user, casus)
    if rol == Betrokkene.Rol.CASUSREGISSEUR:
        return True
    heeft_regisseur = any(b.rol == Betrokkene.Rol.CASUSREGISSEUR and b.tot is None for b in casus.betrokkenen.all())
    return rol == Betrokkene.Rol.DEELNEMER and not heeft_regisseur


def ziet_persoonsgegevens(user: User, casus: Casus) -> bool:
    """A procesregisseur sees the cooperation, not the resident's details (domain.md §1);
    emergency access (read-only) sees them, and every read says so in the log."""
    return rol_van(user, casus) in (Betrokkene.Rol.CASUSREGISSEUR, Betrokkene.Rol.DEELNEMER) or bool(noodtoegang_van(casus))


def noodtoegang_van(casus: Casus) -> str:
    """The reason of the person's active emergency access (annotated by casus_of_404), or ""."""
    return getattr(casus, "mijn_noodtoegang", None) or ""


# Roles that may break the glass for a case in their municipality: they normally have no
# view, but their task can require one (domain.md §1, §4).
NOODTOEGANG_ROLLEN = frozenset({"gebiedsaanjager", "procesregisseur"})


def is_procesregisseur(user: User, casus: Casus) -> bool:
    return rol_van(user, casus) == Betrokkene.Rol.PROCESREGISSEUR


def mag_vastleggen(user: User, casus: Casus) -> bool:
    """Participants who see the resident's details may add to the case (signals, a correction
    request on the resident's behalf); not the procesregisseur, not emergency access (read-only)."""
    return rol_van(user, casus) in (Betrokkene.Rol.CASUSREGISSEUR, Betrokkene.Rol.DEELNEMER)


# Timeline lines about the resident's own data, left out of the procesregisseur's reduced
# view: network, consent, the plan's contents, the resident's own reactions, signals about
# them and their correction requests.
TIJDLIJN_PERSOONLIJK = frozenset(
    {
        "netwerk",
        "toestemming",
        "besluit",
        "gezondheid",
        "erkend",
        "reactie",
        "planlink",
        "zorgsignaal",
        "correctie",
        "evaluatie",
        "rendement",
    }
)
