"""Who may do what on the upper steps of the staircase (style.md §16: one rule per
permission, used by the pages, the API and the services alike).

- Dilemmas carry no resident's data: everyone with a role in the municipality reads them
  and may raise one at their own level. A level's own people handle, escalate and resolve
  what lies there: professionals and gebiedsaanjagers (at a leersessie), the managers (the
  netwerkoverleg), the executives (the steungroep).
- Meetings: the roles of the kind read and run them; invitees read theirs.
- The bundle: the gebiedsaanjagers make and edit it; the leergeschiedenis also the managers
  (the core group runs it). Everyone with a role reads both."""

from __future__ import annotations

from samenwerk.gemeenten.models import Gemeente, Rol, User

from ..models import Dilemma, Leerdocument, Niveau, Trapoverleg

NIVEAU_ROLLEN: dict[str, frozenset[str]] = {
    Niveau.PROFESSIONAL: frozenset(
        {Rol.SOCIAAL_PROFESSIONAL, Rol.PROCESREGISSEUR, Rol.GEBIEDSAANJAGER, Rol.AMBASSADEUR, Rol.KWARTIERMAKER}
    ),
    Niveau.NETWERKOVERLEG: frozenset({Rol.MANAGER}),
    Niveau.STEUNGROEP: frozenset({Rol.BESTUURDER}),
}
S = Trapoverleg.Soort
OVERLEG_ROLLEN: dict[str, frozenset[str]] = {
    S.NETWERKOVERLEG: frozenset({Rol.MANAGER, Rol.GEBIEDSAANJAGER}),
    S.KERNGROEP: frozenset({Rol.MANAGER}),
    S.STEUNGROEP: frozenset({Rol.BESTUURDER}),
    S.DAGELIJKS_BESTUUR: frozenset({Rol.BESTUURDER}),
    S.INTERVISIE: frozenset({Rol.GEBIEDSAANJAGER}),
}
BUNDELAARS = frozenset({Rol.GEBIEDSAANJAGER})
GESCHIEDSCHRIJVERS = frozenset({Rol.GEBIEDSAANJAGER, Rol.MANAGER})


def rollen(user: User, gemeente: Gemeente | int) -> set[str]:
    """The person's roles in the municipality now (one query; cached on the user per request)."""
    gemeente_id = gemeente if isinstance(gemeente, int) else gemeente.pk
    cache = user.__dict__.setdefault("_trap_rollen", {})
    if gemeente_id not in cache:
        cache[gemeente_id] = set(user.rollen.actief().filter(gemeente_id=gemeente_id).values_list("rol", flat=True))
    return cache[gemeente_id]


def heeft_rol(user: User, gemeente: Gemeente | int) -> bool:
    return bool(getattr(user, "is_authenticated", False) and rollen(user, gemeente))


def niveaus_van(user: User, gemeente: Gemeente | int) -> list[str]:
    """The levels this person belongs to, bottom up."""
    eigen = rollen(user, gemeente)
    return [n for n in (Niveau.PROFESSIONAL, Niveau.NETWERKOVERLEG, Niveau.STEUNGROEP) if eigen & NIVEAU_ROLLEN[n]]


def mag_inbrengen(user: User, gemeente: Gemeente | int, niveau: str) -> bool:
    return niveau in niveaus_van(user, gemeente)


def mag_behandelen(user: User, dilemma: Dilemma) -> bool:
    """The people of the dilemma's current level, while it is open."""
    return dilemma.status == Dilemma.Status.OPEN and bool(rollen(user, dilemma.gemeente_id) & NIVEAU_ROLLEN[dilemma.niveau])


def mag_overleg_plannen(user: User, gemeente: Gemeente | int, soort: str) -> bool:
    return bool(rollen(user, gemeente) & OVERLEG_ROLLEN.get(soort, frozenset()))


def mag_overleg_zien(user: User, overleg: Trapoverleg) -> bool:
    if mag_overleg_plannen(user, overleg.gemeente_id, overleg.soort):
        return True
    return overleg.deelnemers.filter(user=user).exists() and heeft_rol(user, overleg.gemeente_id)


def mag_overleg_leiden(user: User, overleg: Trapoverleg) -> bool:
    """Agenda, attendance, decisions and actions: the kind's own people."""
    return mag_overleg_plannen(user, overleg.gemeente_id, overleg.soort)


def zichtbare_soorten(user: User, gemeente: Gemeente | int) -> list[str]:
    eigen = rollen(user, gemeente)
    return [s for s, r in OVERLEG_ROLLEN.items() if eigen & r]


def mag_document_maken(user: User, gemeente: Gemeente | int, soort: str) -> bool:
    wie = BUNDELAARS if soort == Leerdocument.Soort.BUNDEL else GESCHIEDSCHRIJVERS
    return bool(rollen(user, gemeente) & wie)


def mag_document_bewerken(user: User, document: Leerdocument) -> bool:
    return mag_document_maken(user, document.gemeente_id, document.soort)
