"""Who may do what at a table (style.md §16: one rule per permission, used by the pages, the
API and the services alike). Visibility of tables and registrations is in the querysets
(`Tafel.objects.voor_deelnemer`, `Aanmelding.objects.for_user`)."""

from __future__ import annotations

from samenwerk.gemeenten.models import Gemeente, Rol, User

from .models import Tafel, Tafellid

# Who sets up a table in their municipality.
INRICHTERS = frozenset({Rol.FUNCTIONEEL_BEHEERDER, Rol.TAFELVOORZITTER})
# Who may register a case (besides the table's own members: police, housing, GP at the table).
AANMELDERS = frozenset({Rol.SOCIAAL_PROFESSIONAL})


def heeft_rol(user: User, gemeente: Gemeente, rollen: frozenset[str]) -> bool:
    return user.actieve_rollen(gemeente).filter(rol__in=rollen).exists()


def mag_inrichten(user: User, gemeente: Gemeente) -> bool:
    return heeft_rol(user, gemeente, INRICHTERS)


def leidt(user: User, tafel: Tafel) -> bool:
    """The chair and the secretary run the table: its members, schedule and agenda."""
    return user.pk in (tafel.voorzitter_id, tafel.secretaris_id)


def is_lid(user: User, tafel: Tafel) -> bool:
    return Tafellid.objects.actief().filter(tafel=tafel, user=user).exists()


def relatie(user: User, tafel: Tafel) -> str:
    """The person's part at the table, for the access log's basis ("" when none)."""
    if user.pk == tafel.voorzitter_id:
        return "tafelvoorzitter"
    if user.pk == tafel.secretaris_id:
        return "tafelsecretaris"
    return "tafellid" if is_lid(user, tafel) else ""


def mag_aanmelden(user: User, tafel: Tafel) -> bool:
    return heeft_rol(user, tafel.gemeente, AANMELDERS) or bool(relatie(user, tafel))


# --- stuurgroep report and budget ---

# Who reads the table's stuurgroep report and budget besides its chair and secretary: the
# municipality's functioneel beheerder, managers and executives (aggregates, no names).
RAPPORTLEZERS = frozenset({Rol.FUNCTIONEEL_BEHEERDER, Rol.MANAGER, Rol.BESTUURDER})


def mag_rapport_zien(user: User, tafel: Tafel) -> bool:
    return leidt(user, tafel) or heeft_rol(user, tafel.gemeente, RAPPORTLEZERS)


def mag_budget_beheren(user: User, tafel: Tafel) -> bool:
    """Pots and spends are recorded by the chair or the secretary (decided in an MDO+)."""
    return leidt(user, tafel)
