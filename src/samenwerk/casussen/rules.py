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
    """A procesregisseur sees the cooperation, not the resident's details (domain.md §1)."""
    return rol_van(user, casus) in (Betrokkene.Rol.CASUSREGISSEUR, Betrokkene.Rol.DEELNEMER)
