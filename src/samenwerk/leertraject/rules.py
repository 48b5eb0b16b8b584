"""Who may do what in a leertraject (style.md §16). Visibility of cohorts is in the queryset
(`Leertraject.objects.for_user`)."""

from __future__ import annotations

from samenwerk.gemeenten.models import Gemeente, Rol, User

# Who forms cohorts in their municipality and sees the overview figures of all cohorts.
ORGANISATOREN = frozenset({Rol.GEBIEDSAANJAGER, Rol.KWARTIERMAKER, Rol.FUNCTIONEEL_BEHEERDER})


def heeft_rol(user: User, gemeente: Gemeente | int, rollen: frozenset[str]) -> bool:
    gemeente_id = gemeente if isinstance(gemeente, int) else gemeente.pk
    return user.rollen.actief().filter(gemeente_id=gemeente_id, rol__in=rollen).exists()


def mag_organiseren(user: User, gemeente: Gemeente | int) -> bool:
    return heeft_rol(user, gemeente, ORGANISATOREN)


def is_trainer(user: User, traject) -> bool:  # type: ignore[no-untyped-def]
    return user.pk in (traject.didactisch_trainer_id, traject.ervaringstrainer_id)


def leidt(user: User, traject) -> bool:  # type: ignore[no-untyped-def]
    """Trainers and organisers record attendance, give feedback and issue certificates."""
    return is_trainer(user, traject) or mag_organiseren(user, traject.gemeente_id)


def relatie(user: User, traject) -> str:  # type: ignore[no-untyped-def]
    if is_trainer(user, traject):
        return "trainer"
    if mag_organiseren(user, traject.gemeente_id):
        return "organisator"
    return "deelnemer"
