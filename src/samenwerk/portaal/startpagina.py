"""What each role finds on its start page. One block per role held; a block shows real
data where this capability exists already, and otherwise says what will appear there."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from samenwerk.gemeenten.models import Gemeente, Rol, Roltoewijzing, User

from .context import Werkcontext


@dataclass
class Blok:
    titel: str | Promise
    leeg: str | Promise  # what appears here (always shown)
    rol: Roltoewijzing
    cijfers: list[tuple[str | Promise, int]] = field(default_factory=list)
    links: list[tuple[str | Promise, str]] = field(default_factory=list)
    niets: str | Promise = ""  # "there is nothing now": only when every figure is zero

    @property
    def is_leeg(self) -> bool:
        return not any(aantal for _label, aantal in self.cijfers)


LEGE_STAAT: dict[str, tuple[Promise, Promise]] = {
    Rol.SOCIAAL_PROFESSIONAL: (
        _("Mijn casussen"),
        _(
            "Hoeveel casussen u heeft als casusregisseur of deelnemer, en hoeveel afspraken daarin over "
            "tijd zijn. Een nieuwe casus meldt u aan via Mijn casussen."
        ),
    ),
    Rol.PROCESREGISSEUR: (
        _("Casussen waarin u procesregisseur bent"),
        _(
            "Als een casusregisseur u vraagt om op te schalen, ziet u hier de samenwerking in die casus: "
            "deelnemers, afspraken en deadlines."
        ),
    ),
    Rol.GEBIEDSAANJAGER: (
        _("Aandacht in mijn gebied"),
        _(
            "Hier verschijnen weigeringen van genodigden, casussen zonder casusregisseur en overleggen die "
            "niet binnen twee weken gepland zijn, en de leersessies van uw gebied."
        ),
    ),
    Rol.AMBASSADEUR: (
        _("Ambassadeur van de Samenwerkwijze"),
        _(
            "Hier vindt u de uitleg over de werkwijze voor collega's en de leersessies waar u hen kunt "
            "meenemen. Er staat nog niets klaar."
        ),
    ),
    Rol.KWARTIERMAKER: (
        _("Voorbereiding van het gebied"),
        _("Hier ziet u het lokale profiel van het gebied en de voortgang van de pilot met de eerste inwoners."),
    ),
    Rol.MANAGER: (
        _("Cijfers en dilemma's"),
        _(
            "Hier verschijnen aantallen per gebied en organisatie (zonder namen van inwoners) en de "
            "dilemma's die professionals naar het netwerkoverleg brengen."
        ),
    ),
    Rol.BESTUURDER: (
        _("Steungroep"),
        _(
            "Hier verschijnen de dilemma's die managers niet zelf kunnen oplossen, en de cijfers van "
            "maatschappelijk rendement. Er is nog niets."
        ),
    ),
    Rol.TAFELVOORZITTER: (
        _("De Tafel Samen aan Zet"),
        _(
            "Hier ziet u de agenda van de volgende tafel: nieuwe aanmeldingen, casuschecks na zes weken en "
            "procesevaluaties na zes maanden. Er zijn nog geen aanmeldingen."
        ),
    ),
    Rol.ONDERZOEKER: (
        _("ZET-evaluaties"),
        _(
            "Hier verschijnen de evaluaties die u uitvoert: de casussen, de interviews en de rode draden. "
            "Er loopt nog geen evaluatie."
        ),
    ),
    Rol.FUNCTIONEEL_BEHEERDER: (
        _("Inrichting van de gemeente"),
        _("Leg mensen met hun rollen, organisaties en gebieden vast, en de normen en prijslijsten van de gemeente."),
    ),
    Rol.PRIVACYFUNCTIONARIS: (
        _("Toegangslogboek"),
        _(
            "Doorzoek en exporteer het toegangslog van uw gemeente: wie heeft welke gegevens van welke inwoner "
            "ingezien of gewijzigd, en op welke grond."
        ),
    ),
}


# The sentence that says there is nothing now, for blocks whose figures say so: shown only
# when every figure of the block is zero (never beside a number that says otherwise).
NIETS: dict[str, Promise] = {
    Rol.PROCESREGISSEUR: _("Er zijn nu geen casussen."),
    Rol.GEBIEDSAANJAGER: _("Er is nu niets."),
    Rol.MANAGER: _("Er is nog niets."),
}

# Blocks that show real figures: role → "module.function(user, gemeente)" returning
# [(label, number)]. Imported by name so the shell does not depend on the capability apps.
CIJFERS: dict[str, str] = {
    Rol.SOCIAAL_PROFESSIONAL: "samenwerk.casussen.selectors.startcijfers",
    Rol.PROCESREGISSEUR: "samenwerk.casussen.selectors.procesregiecijfers",
}
# Figures that belong to one role assignment (its area or organisation): role → list of
# "module.function(user, roltoewijzing)" returning [(label, number)], each a bounded query.
ROLCIJFERS: dict[str, list[str]] = {
    Rol.SOCIAAL_PROFESSIONAL: ["samenwerk.signalering.selectors.startcijfers"],
    Rol.PROCESREGISSEUR: ["samenwerk.signalering.selectors.startcijfers"],
    Rol.GEBIEDSAANJAGER: ["samenwerk.signalering.selectors.gebiedscijfers"],
    Rol.MANAGER: ["samenwerk.signalering.selectors.organisatiecijfers"],
}
LINKS: dict[str, list[tuple[Promise, str]]] = {
    Rol.PRIVACYFUNCTIONARIS: [(_("Het toegangslog doorzoeken"), "portaal:logboek")],
    Rol.SOCIAAL_PROFESSIONAL: [
        (_("Naar mijn casussen"), "casussen:lijst"),
        (_("Wat vraagt vandaag aandacht"), "signalering:vandaag"),
    ],
    Rol.PROCESREGISSEUR: [
        (_("Naar mijn casussen"), "casussen:lijst"),
        (_("Wat vraagt vandaag aandacht"), "signalering:vandaag"),
    ],
    Rol.GEBIEDSAANJAGER: [(_("Aandacht per gebied"), "signalering:gebied")],
    Rol.MANAGER: [
        (_("Signaleringen per organisatie en gebied"), "signalering:organisatie"),
        (_("Cijfers van maatschappelijk rendement"), "rapport:rapport"),
    ],
    Rol.BESTUURDER: [(_("Cijfers van maatschappelijk rendement"), "rapport:rapport")],
}


def blokken(ctx: Werkcontext, user: User | None = None) -> list[Blok]:
    result: list[Blok] = []
    gezien: set[str] = set()
    volgorde = list(Rol.values)  # the order of domain.md §1: the professional's own work first
    for rol in sorted(ctx.rollen, key=lambda r: volgorde.index(r.rol)):
        if rol.rol in gezien and rol.rol not in (Rol.GEBIEDSAANJAGER, Rol.KWARTIERMAKER):
            continue
        gezien.add(rol.rol)
        titel, leeg = LEGE_STAAT[rol.rol]
        blok = Blok(titel=titel, leeg=leeg, rol=rol, niets=NIETS.get(rol.rol, ""))
        if rol.rol == Rol.FUNCTIONEEL_BEHEERDER and ctx.gemeente is not None:
            blok.cijfers = _inrichting(ctx.gemeente)
            blok.links = _beheertaken(ctx.gemeente)
        if rol.rol in CIJFERS and user is not None and ctx.gemeente is not None:
            blok.cijfers = import_string(CIJFERS[rol.rol])(user, ctx.gemeente)
        if user is not None:
            for pad in ROLCIJFERS.get(rol.rol, []):
                blok.cijfers = [*blok.cijfers, *import_string(pad)(user, rol)]
        if rol.rol in LINKS:
            blok.links = [(label, reverse(url_name)) for label, url_name in LINKS[rol.rol]]
        result.append(blok)
    return result


def _beheertaken(gemeente: Gemeente) -> list[tuple[str | Promise, str]]:
    """Every task of the functioneel beheerder one click from the start page."""
    return [
        (_("Mensen en hun rollen"), reverse("beheer:gemeenten_user_changelist")),
        (_("Organisaties"), reverse("beheer:gemeenten_organisatie_changelist")),
        (_("Gebieden en wijken"), reverse("beheer:gemeenten_gebied_changelist")),
        (_("Normen en termijnen van de gemeente"), reverse("beheer:gemeenten_gemeente_change", args=[gemeente.pk])),
        (_("Prijslijsten"), reverse("rendement:prijslijsten")),
        (_("Verantwoordelijkheden per AVE-niveau"), reverse("beheer:regie_aveverantwoordelijkheid_changelist")),
        (_("Alles in het beheer"), reverse("beheer:index")),
    ]


def _inrichting(gemeente: Gemeente) -> list[tuple[str | Promise, int]]:
    telling = Gemeente.objects.filter(pk=gemeente.pk).aggregate(
        gebieden=Count("gebieden", distinct=True),
        organisaties=Count("organisaties", distinct=True),
        mensen=Count("roltoewijzingen__user", distinct=True),
    )
    return [
        (_("gebieden"), telling["gebieden"]),
        (_("organisaties"), telling["organisaties"]),
        (_("mensen met een rol"), telling["mensen"]),
    ]
