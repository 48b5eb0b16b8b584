"""The course's fixed content (domain.md §7, Leertraject): modules 1-5 and assignments A-K.

Content is the same for every cohort, so it lives in code (translatable), not in tables; a
participant's hand-in names its assignment by its letter."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Module:
    nummer: int
    titel: str | Promise
    inhoud: str | Promise


@dataclass(frozen=True)
class Opdracht:
    code: str
    module: int
    titel: str | Promise
    uitleg: str | Promise
    verplicht: bool = True
    koppeling: str = ""  # "leersessie" or "casusplan": points at a record in the product


MODULES = [
    Module(1, _("Je eigen leervraag"), _("Wat wil ik, wat kan ik, wat heb ik nodig? Je formuleert je eigen leervraag.")),
    Module(
        2,
        _("De Samenwerkwijze stap voor stap"),
        _("Van signaleren tot evaluatie; je eerste casus met een Samenwerkplan; je kiest een maatje."),
    ),
    Module(
        3,
        _("Anders denken en doen"),
        _("Regie en opschalen met het AVE-model; de rol van casusregisseur."),
    ),
    Module(4, _("Het Samenwerkoverleg"), _("Uitnodigen, voorbereiden en voorzitten van een Samenwerkoverleg.")),
    Module(
        5,
        _("Volhouden"),
        _("Evalueren, de vijf principes, ambassadeur worden en een maatjesafspraak na drie maanden."),
    ),
]

OPDRACHTEN = [
    Opdracht("A", 1, _("Formuleer je leervraag"), _("Schrijf je leervraag op: ik wil, ik kan, ik heb nodig.")),
    Opdracht(
        "B",
        2,
        _("Je eerste casusplan"),
        _("Maak met een inwoner een eerste Samenwerkplan en koppel het hier."),
        koppeling="casusplan",
    ),
    Opdracht(
        "C",
        2,
        _("Bezoek een leersessie"),
        _("Ga naar een leersessie in je gebied en schrijf op wat je meenam."),
        koppeling="leersessie",
    ),
    Opdracht("D", 2, _("Betrek je maatje"), _("Bespreek je eerste casus met je maatje. Wat leverde het op?")),
    Opdracht("E", 3, _("Reflectie"), _("Kijk terug op een casus: waar nam jij regie, waar schaalde je op?")),
    Opdracht("F", 3, _("Vraagverheldering"), _("Doe een brede vraagverheldering met een inwoner en beschrijf hoe het ging.")),
    Opdracht("G", 4, _("Wat wil ik leren?"), _("Wat wil je nog leren over het voorbereiden en voorzitten van een overleg?")),
    Opdracht("H", 4, _("Oefen een overleg"), _("Oefen het voorzitten van een Samenwerkoverleg en vraag feedback.")),
    Opdracht("I", 5, _("De principes"), _("Welk van de vijf principes is voor jou het lastigst, en waarom?")),
    Opdracht("J", 5, _("Maatjesafspraak"), _("Plan de afspraak met je maatje, drie maanden na de laatste lesdag.")),
    Opdracht(
        "K",
        5,
        _("Samen naar een leersessie (keuze)"),
        _("Ga samen met je maatje naar een leersessie."),
        verplicht=False,
        koppeling="leersessie",
    ),
]

OPDRACHT = {o.code: o for o in OPDRACHTEN}
MODULE = {m.nummer: m for m in MODULES}
VERPLICHT = frozenset(o.code for o in OPDRACHTEN if o.verplicht)
CODES = [(o.code, o.code) for o in OPDRACHTEN]


def opdrachten_van(module: int) -> list[Opdracht]:
    return [o for o in OPDRACHTEN if o.module == module]
