"""Who may do what inside a case they can see (visibility itself is CasusQuerySet.for_user)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from samenwerk.gemeenten.models import Rol, User

from .models import Betrokkene, Casus


def rol_van(user: User, casus: Casus) -> str | None:
    """The person's active case role; uses the prefetched `betrokkenen` of casus_of_404."""
    return next((b.rol for b in casus.betrokkenen.all() if b.user_id == user.pk and b.tot is None), None)


def mag_beheren(user: User, casus: Casus) -> bool:
    """The casusregisseur steers the case; while there is none, any participant may."""
    if not mag_vastleggen(user, casus):
        return False
    rol = rol_van(user, casus)
    if rol == Betrokkene.Rol.CASUSREGISSEUR:
        return True
    heeft_regisseur = any(b.rol == Betrokkene.Rol.CASUSREGISSEUR and b.tot is None for b in casus.betrokkenen.all())
    return rol == Betrokkene.Rol.DEELNEMER and not heeft_regisseur


def ziet_persoonsgegevens(user: User, casus: Casus) -> bool:
    """A procesregisseur sees the cooperation, not the resident's details (domain.md §1).
    Emergency access (read-only) sees them — for someone without a role on the case only:
    a role decides what its holder sees, emergency access does not widen it (issue 17)."""
    rol = rol_van(user, casus)
    if rol is not None:
        return rol in (Betrokkene.Rol.CASUSREGISSEUR, Betrokkene.Rol.DEELNEMER)
    return bool(noodtoegang_van(casus))


def noodtoegang_van(casus: Casus) -> str:
    """The reason of the person's active emergency access (annotated by casus_of_404), or ""."""
    return getattr(casus, "mijn_noodtoegang", None) or ""


def noodtoegang_mogelijk(user: User) -> Q:
    """The cases (a filter on Casus) this person may break the glass for. Two roles may: they
    normally have no view, but their task can require one (domain.md §1, §4) — a procesregisseur
    anywhere in a municipality where they hold that role (they are called in from outside
    the case), a gebiedsaanjager only in their own area — one per area, the escalation point
    for that area (domain.md §1); another area has its own (docs/privacy.md)."""
    rollen = user.rollen.actief()
    gemeenten = rollen.filter(rol=Rol.PROCESREGISSEUR).values("gemeente_id")
    gebieden = rollen.filter(rol=Rol.GEBIEDSAANJAGER, gebied__isnull=False).values("gebied_id")
    return Q(gemeente_id__in=gemeenten) | Q(gebied_id__in=gebieden)


def is_procesregisseur(user: User, casus: Casus) -> bool:
    return rol_van(user, casus) == Betrokkene.Rol.PROCESREGISSEUR


def mag_vastleggen(user: User, casus: Casus) -> bool:
    """The one "may write" rule, for every page, API endpoint and service that writes the
    case's data — the plan, agreements, evaluations, Positieve Gezondheid, the
    micro-analysis, meeting notes, signals, correction requests (style.md lesson 16).
    Participants who see the resident's details; not the procesregisseur, and never
    emergency access, which is read-only whatever else the person holds. Steering the case
    (`mag_beheren`) and procesregie are narrower rules on top of a role."""
    return rol_van(user, casus) in (Betrokkene.Rol.CASUSREGISSEUR, Betrokkene.Rol.DEELNEMER)


def eis_vastleggen(user: User, casus: Casus) -> None:
    """`mag_vastleggen` or 403 with a Dutch message that says why (pages, API and services)."""
    if mag_vastleggen(user, casus):
        return
    if rol_van(user, casus) is None and noodtoegang_van(casus):
        raise PermissionDenied(_("U heeft noodtoegang tot deze casus: u kunt alleen inzien, niets wijzigen of toevoegen."))
    raise PermissionDenied(_("Alleen wie als deelnemer of casusregisseur bij de casus betrokken is, kan dit vastleggen."))


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
