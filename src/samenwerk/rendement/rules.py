"""Who may read and who may manage the price list (domain.md §1: the functioneel beheerder
configures the price list; the professionals of the municipality use it)."""

from __future__ import annotations

from samenwerk.gemeenten.models import Gemeente, Rol, User
from samenwerk.gemeenten.selectors import beheerde_gemeenten
from samenwerk.portaal.context import Werkcontext

PRIJSLIJST_BEHEERDERS = frozenset({Rol.FUNCTIONEEL_BEHEERDER})
PRIJSLIJST_LEZERS = frozenset(
    {
        Rol.SOCIAAL_PROFESSIONAL,
        Rol.PROCESREGISSEUR,
        Rol.GEBIEDSAANJAGER,
        Rol.MANAGER,
        Rol.BESTUURDER,
        Rol.ONDERZOEKER,
        *PRIJSLIJST_BEHEERDERS,
    }
)


def mag_lezen(ctx: Werkcontext) -> bool:
    """On the pages: the roles held in the working municipality (no extra query)."""
    return ctx.gemeente is not None and ctx.heeft(*PRIJSLIJST_LEZERS)


def mag_bewerken(ctx: Werkcontext) -> bool:
    return ctx.gemeente is not None and ctx.heeft(*PRIJSLIJST_BEHEERDERS)


def mag_beheren(user: User, gemeente: Gemeente) -> bool:
    """For services and the API, where there is no working municipality."""
    return beheerde_gemeenten(user).filter(pk=gemeente.pk).exists()


# Who sees the aggregates of social return (domain.md §6, §8: managers and executives see
# figures, not residents). Figures only: no names, no case numbers.
CIJFERS_LEZERS = frozenset({Rol.MANAGER, Rol.BESTUURDER, Rol.GEBIEDSAANJAGER, Rol.FUNCTIONEEL_BEHEERDER})


def mag_cijfers_zien(ctx: Werkcontext) -> bool:
    return ctx.gemeente is not None and ctx.heeft(*CIJFERS_LEZERS)
