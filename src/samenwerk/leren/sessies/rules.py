"""Who may do what with leersessies (style.md §16). Visibility: anyone with a role in the
municipality sees its sessions (selectors.sessies_voor)."""

from __future__ import annotations

from samenwerk.gemeenten.models import Gebied, Gemeente, Rol, User

from ..models import Actieleren, Leersessie

# Professionals and managers register (domain.md §7); the area's gebiedsaanjager too.
DEELNEMERS = frozenset(
    {Rol.SOCIAAL_PROFESSIONAL, Rol.PROCESREGISSEUR, Rol.AMBASSADEUR, Rol.KWARTIERMAKER, Rol.MANAGER, Rol.GEBIEDSAANJAGER}
)


def heeft_rol(user: User, gemeente: Gemeente | int, rollen: frozenset[str] | None = None) -> bool:
    rijen = user.actieve_rollen().filter(gemeente=gemeente)
    return (rijen.filter(rol__in=rollen) if rollen is not None else rijen).exists()


def mag_aanmelden(user: User, sessie: Leersessie) -> bool:
    return heeft_rol(user, sessie.gemeente_id, DEELNEMERS)


def leidt(user: User, gebied: Gebied) -> bool:
    """The area's gebiedsaanjager facilitates its sessions: schedule, attendance, report."""
    return user.actieve_rollen().filter(gemeente=gebied.gemeente_id, rol=Rol.GEBIEDSAANJAGER, gebied=gebied).exists()


def mag_actieleren_vastleggen(user: User, sessie: Leersessie, actieleren: Actieleren | None = None) -> bool:
    """The facilitator, the table's gespreksleider, and the contributor (who records afterwards
    what was useful)."""
    if leidt(user, sessie.gebied):
        return True
    if actieleren is not None and user.pk in (actieleren.indiener_id, actieleren.gespreksleider_id):
        return True
    return sessie.tafels.filter(gespreksleider=user).exists()
