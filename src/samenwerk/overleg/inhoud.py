"""The fixed texts of a Samenwerkoverleg, as tables (domain.md §3 step 4, §5 steps 4-5):
the two agenda formats, the ground rules for the chair and the preparation checklists.
A meeting copies its agenda and checklists when it is planned, so later changes to these
tables never rewrite a meeting that happened."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# (code, title, closed part without professionals)
AGENDA_SAMENWERKWIJZE = [
    ("kennismaking", _("Kennismaken: naam, rol, organisatie en waarom aan tafel"), False),
    ("werkwijze", _("Uitleg van de werkwijze en het doel van dit overleg"), False),
    ("stand", _("Hoe staat het er nu voor?"), False),
    ("ik_wil", _("De inwoner vertelt het 'Ik wil'"), False),
    ("per_punt", _("Elk 'Ik wil'-punt langs"), False),
    ("ik_kan", _("Hoe helpt het 'Ik kan'? (ook: wat biedt de inwoner anderen)"), False),
    ("nodig", _("Ik heb nodig"), False),
    ("afspraken", _("Concrete afspraken: wie, wat, uiterlijke datum"), False),
    ("casusregie", _("Casusregie: wie is casusregisseur, is een procesregisseur nodig?"), False),
    ("evaluatie", _("Evaluatiemoment of vervolgoverleg"), False),
    ("afsluiting", _("Afsluitende ronde: hoe was dit overleg voor jou?"), False),
]

AGENDA_MDO_PLUS = [
    ("checklist", _("1. Checklist afgerond"), False),
    ("voorstellen", _("2. Iedereen stelt zich voor, en in welke hoedanigheid"), False),
    ("informatie", _("3. Informatie-uitwisseling: wat kunnen de professionals betekenen?"), False),
    ("besloten", _("4. Besloten deel: de inwoner en het netwerk maken (de basis van) het plan"), True),
    ("presentatie", _("5. Het plan wordt gepresenteerd: wat is nodig, hoe informeren we elkaar, wie doet wat?"), False),
    ("afsluiting", _("6. Afsluiting en planning van het vervolg"), False),
]

GRONDREGELS = [
    _("We hebben respect voor elkaar."),
    _("Het plan van de inwoner is de leidraad."),
    _("Alles wordt aan tafel besproken, niets daarbuiten: geen voor- of nagesprekken zonder de inwoner."),
    _("Heeft de inwoner een pauze of een tweede overleg nodig, dan komt dat er."),
    _("Afspraken worden binnen zes weken uitgevoerd, of de inwoner krijgt perspectief."),
    _("Aan het eind spreken we af wie casusregisseur is, of er een procesregisseur nodig is en hoe we evalueren."),
]

# (list, code, question)
VOORBEREIDING = [
    ("voorbereiding", "doel", _("Wat is het doel van het overleg?")),
    ("voorbereiding", "prioriteiten", _("Welke prioriteiten, als niet alles in één overleg past?")),
    ("voorbereiding", "voorzitter", _("Wie is voorzitter?")),
    ("voorbereiding", "plaats", _("Waar zit de inwoner, en wie zit ernaast?")),
    ("voorbereiding", "regie", _("Wat heeft de inwoner nodig om de regie te houden?")),
    ("voorbereiding", "achtergrond", _("Welke voorgeschiedenis of belangen van deelnemers zijn van belang?")),
]

VEILIGHEID = [
    ("veiligheid", "evenwicht", _("Is de kring in evenwicht?")),
    ("veiligheid", "informatie", _("Welke informatie wordt gedeeld? (standaard: alles)")),
    ("veiligheid", "vertrouwen", _("Wie vertrouwt de familie?")),
    ("veiligheid", "voorzitten", _("Wie uit de kring kan voorzitten en notuleren?")),
    ("veiligheid", "taken", _("Hoe zijn de taken verdeeld tussen de inwoner en het duo?")),
    ("veiligheid", "extra", _("Welke extra informatie is nodig?")),
    (
        "kaders",
        "maatregelen",
        _("Zijn er wettelijke kaders (bijv. beschermingsmaatregel, ondertoezichtstelling, schuldsanering)?"),
    ),
    ("kaders", "organisaties", _("Welke organisaties brengen die kaders mee, en zijn ze uitgenodigd?")),
]

LIJSTEN = {
    "voorbereiding": _("Voorbereiding met de inwoner"),
    "veiligheid": _("Veiligheidschecklist"),
    "kaders": _("Wettelijke kaders"),
}
