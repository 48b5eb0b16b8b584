"""The navigation as a table: each item names the roles that need it (None: everyone).

Later capabilities add their items here, so each role sees just what it needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Rol
from samenwerk.rendement.rules import CIJFERS_LEZERS, PRIJSLIJST_LEZERS

from .context import Werkcontext


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    rollen: frozenset[str] | None = None
    superuser: bool = False
    # "module.function(user, gemeente) -> int": a number shown beside the label (one query)
    teller: str | None = None


# The learning staircase: professionals, managers, executives and who facilitates or sets it up.
LEREN = frozenset(
    {Rol.SOCIAAL_PROFESSIONAL, Rol.PROCESREGISSEUR, Rol.AMBASSADEUR, Rol.KWARTIERMAKER, Rol.MANAGER, Rol.GEBIEDSAANJAGER,
     Rol.BESTUURDER, Rol.FUNCTIONEEL_BEHEERDER}
)  # fmt: skip

NAVIGATIE: list[NavItem] = [
    NavItem(_("Start"), "portaal:start"),
    NavItem(_("Mijn casussen"), "casussen:lijst", frozenset({Rol.SOCIAAL_PROFESSIONAL, Rol.PROCESREGISSEUR})),
    NavItem(_("Mijn overleggen"), "overleg:agenda", frozenset({Rol.SOCIAAL_PROFESSIONAL, Rol.PROCESREGISSEUR})),
    NavItem(
        _("Signaleringen"),
        "signalering:inbox",
        frozenset({Rol.SOCIAAL_PROFESSIONAL, Rol.PROCESREGISSEUR}),
        teller="samenwerk.signalering.selectors.aantal_open",
    ),
    NavItem(_("Aandacht per gebied"), "signalering:gebied", frozenset({Rol.GEBIEDSAANJAGER})),
    NavItem(_("Signaleringen per organisatie"), "signalering:organisatie", frozenset({Rol.MANAGER})),
    NavItem(_("De Tafel"), "tafel:lijst", frozenset({Rol.SOCIAAL_PROFESSIONAL, Rol.TAFELVOORZITTER, Rol.FUNCTIONEEL_BEHEERDER})),
    NavItem(_("ZET-evaluaties"), "zet:lijst", frozenset({Rol.ONDERZOEKER, Rol.FUNCTIONEEL_BEHEERDER})),
    NavItem(_("Leren"), "leren:overzicht", LEREN),
    NavItem(_("Sociale kaart"), "portaal:sociale-kaart"),
    NavItem(_("Noodtoegang"), "casussen:noodtoegang", frozenset({Rol.GEBIEDSAANJAGER, Rol.PROCESREGISSEUR})),
    NavItem(_("Weigeringen"), "overleg:weigeringen", frozenset({Rol.GEBIEDSAANJAGER})),
    NavItem(_("Toegangslog"), "portaal:logboek", frozenset({Rol.PRIVACYFUNCTIONARIS})),
    NavItem(_("Maatschappelijk rendement"), "rapport:rapport", CIJFERS_LEZERS),
    NavItem(_("Prijslijst"), "rendement:prijslijsten", PRIJSLIJST_LEZERS),
    NavItem(_("Inrichting"), "beheer:index", frozenset({Rol.FUNCTIONEEL_BEHEERDER}), superuser=True),
]


def items_voor(ctx: Werkcontext, *, is_superuser: bool, huidig_pad: str, user: object = None) -> list[dict[str, object]]:
    items = []
    for item in NAVIGATIE:
        if item.rollen is not None and not ctx.heeft(*item.rollen) and not (item.superuser and is_superuser):
            continue
        url = reverse(item.url_name)
        actief = huidig_pad == url if url == "/" else huidig_pad.startswith(url)
        teller = import_string(item.teller)(user, ctx.gemeente) if item.teller and user and ctx.gemeente else None
        items.append({"label": item.label, "url": url, "actief": actief, "teller": teller})
    return items
