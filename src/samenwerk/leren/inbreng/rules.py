"""Who may do what with a case brought to a learning table and with an evaluatietafel
(style.md §16). Visibility of contributions is `Casusinbreng.objects.for_user`."""

from __future__ import annotations

from samenwerk.gemeenten.models import User

from ..models import Casusinbreng, Deelname, Evaluatietafel, Leertafel


def zit_aan_tafel(user: User, tafel: Leertafel) -> bool:
    """Registered for the session and seated at this table, its gespreksleider, or the session's
    gebiedsaanjager (who facilitates every table)."""
    if user.pk in (tafel.gespreksleider_id, tafel.sessie.aanjager_id):
        return True
    return Deelname.objects.filter(tafel=tafel, user=user, afgemeld_op__isnull=True).exists()


def is_inbrenger(user: User, inbreng: Casusinbreng) -> bool:
    return inbreng.ingebracht_door_id == user.pk


def ziet_casuslink(user: User, inbreng: Casusinbreng) -> bool:
    """Only the contributor ever sees which case a shared copy came from."""
    return is_inbrenger(user, inbreng) and inbreng.casus_id is not None


def mag_beoordelen(user: User, inbreng: Casusinbreng) -> bool:
    return is_inbrenger(user, inbreng) and inbreng.status == Casusinbreng.Status.TE_BEOORDELEN


def mag_rollen_kiezen(user: User, tafel: Leertafel) -> bool:
    """The session's gebiedsaanjager and the table's gespreksleider set the roles and attendees."""
    return user.pk in (tafel.gespreksleider_id, tafel.sessie.aanjager_id)


def mag_notuleren(user: User, evaluatie: Evaluatietafel | None, tafel: Leertafel) -> bool:
    """The notulist fills the grid; until one is named, whoever sets the roles may."""
    if evaluatie is not None and evaluatie.notulist_id is not None:
        return user.pk == evaluatie.notulist_id
    return mag_rollen_kiezen(user, tafel)


def mag_evaluatie_zien(user: User, tafel: Leertafel, evaluatie: Evaluatietafel | None) -> bool:
    if zit_aan_tafel(user, tafel):
        return True
    return evaluatie is not None and evaluatie.aanwezigen.filter(pk=user.pk).exists()
