"""The evaluatietafel (domain.md §7): the twelve steps × three questions, filled by the
notulist while the table talks. One function per action, each in a transaction and logged.
A cell carries its version: a stale version is a conflict with both texts, never a silent
overwrite."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.gemeenten.models import Normen, User
from samenwerk.privacy.audit import Onderwerp, record
from samenwerk.privacy.models import Actie

from ..models import Casusinbreng, Evaluatiecel, Evaluatietafel, Leertafel
from . import rules

# The twelve steps, with the texts of domain.md §7 (Dutch here; the English catalogue holds
# the specification's own English wording), grouped in the three phases.
FASEN = [
    (
        gettext_lazy("Voorbereiding"),
        [
            (1, gettext_lazy("Signaleren: hoe komt een casus binnen")),
            (2, gettext_lazy("Eerste versie van het plan: vraagverheldering en eigen kracht van de inwoner (ik kan)")),
            (3, gettext_lazy("Wie is er nodig bij het overleg (denk aan het netwerk)")),
            (4, gettext_lazy("Het overleg plannen")),
        ],
    ),
    (
        gettext_lazy("Het Samenwerkoverleg"),
        [
            (5, gettext_lazy("Het gesprek")),
            (6, gettext_lazy("Rol van de inwoner (antwoord op ik wil, ik kan, ik heb nodig)")),
            (7, gettext_lazy("Alle deelnemers denken mee, zonder belemmeringen; opties samen afgewogen")),
            (8, gettext_lazy("Afspreken en vastleggen wie wat wanneer doet")),
            (9, gettext_lazy("Afspreken welke professional samen met de inwoner regisseur is")),
        ],
    ),
    (
        gettext_lazy("Na het overleg"),
        [
            (10, gettext_lazy("Afspraken uitvoeren (managers en bestuurders ondersteunen en zijn het escalatieniveau)")),
            (11, gettext_lazy("Tussentijdse evaluatie")),
            (12, gettext_lazy("Terugkijken met de deelnemers: wat zouden we verbeteren")),
        ],
    ),
]
STAPPEN = {nummer: tekst for _fase, stappen in FASEN for nummer, tekst in stappen}
VRAGEN = list(Evaluatiecel.Vraag)
HUISREGELS = [
    gettext_lazy("Waardevrij: we beoordelen het proces, niet de mensen."),
    gettext_lazy("Geen schuld: we zoeken wat beter kan, niet wie het deed."),
    gettext_lazy("Hoogstens %(max)s mensen aan tafel."),
]


class Celconflict(Exception):
    def __init__(self, cel: Evaluatiecel, mijn_tekst: str) -> None:
        super().__init__(_("Deze cel is intussen door iemand anders gewijzigd. Beide teksten staan hieronder."))
        self.cel, self.mijn_tekst = cel, mijn_tekst


@dataclass(frozen=True)
class Celwijziging:
    stap: int
    vraag: str
    tekst: str
    versie: int


def evaluatie_van(tafel: Leertafel) -> Evaluatietafel | None:
    return Evaluatietafel.objects.filter(tafel=tafel).select_related("notulist", "gespreksleider", "tijdbewaker").first()


def _eis_evaluatietafel(tafel: Leertafel) -> None:
    if tafel.soort != Leertafel.Soort.EVALUATIE:
        raise ValidationError(_("Dit is geen evaluatietafel."))


def _onderwerp(tafel: Leertafel, evaluatie: Evaluatietafel) -> Onderwerp:
    return Onderwerp(
        gemeente_id=tafel.sessie.gemeente_id, object_type="evaluatietafel", object_id=evaluatie.pk, gegevenssegment="leertafel"
    )


@transaction.atomic
def kies_rollen(
    *,
    actor: User,
    tafel: Leertafel,
    gespreksleider: User | None,
    notulist: User | None,
    tijdbewaker: User | None,
    aanwezigen: list[User],
    inbreng: Casusinbreng | None = None,
    algemeen: bool = False,
) -> Evaluatietafel:
    """Roles, attendees (recorded for the feedback) and the subject: one shared case brought
    to this table, or general successes."""
    _eis_evaluatietafel(tafel)
    if not rules.mag_rollen_kiezen(actor, tafel):
        raise PermissionDenied(_("Alleen de gespreksleider en de gebiedsaanjager kiezen de rollen."))
    maximum = Normen.objects.voor(tafel.sessie.gemeente_id).evaluatietafel_max
    if len(set(aanwezigen)) > maximum:
        raise ValidationError(
            {
                "aanwezigen": _("Aan een evaluatietafel zitten hoogstens %(max)s mensen; u koos er %(aantal)s.")
                % {"max": maximum, "aantal": len(set(aanwezigen))}
            }
        )
    if inbreng is not None and (inbreng.tafel_id != tafel.pk or inbreng.status != Casusinbreng.Status.GEDEELD):
        raise ValidationError({"inbreng": _("Kies een casus die zonder namen met deze tafel gedeeld is.")})
    if inbreng is not None and algemeen:
        raise ValidationError({"algemeen": _("Kies één casus of algemene successen, niet allebei.")})
    evaluatie, _nieuw = Evaluatietafel.objects.select_for_update().get_or_create(tafel=tafel)
    evaluatie.gespreksleider, evaluatie.notulist, evaluatie.tijdbewaker = gespreksleider, notulist, tijdbewaker
    evaluatie.inbreng, evaluatie.algemeen = inbreng, algemeen
    evaluatie.versie += 1
    evaluatie.save()
    evaluatie.aanwezigen.set(aanwezigen)
    record(
        actor=actor, actie=Actie.UPDATE, gebeurtenis="leren.evaluatietafel.rollen", onderwerp=_onderwerp(tafel, evaluatie),
        velden=("gespreksleider", "notulist", "tijdbewaker", "aanwezigen", "inbreng", "algemeen"),
    )  # fmt: skip
    return evaluatie


def _sla_op(actor: User, evaluatie: Evaluatietafel, w: Celwijziging) -> Evaluatiecel | None:
    if w.stap not in STAPPEN or w.vraag not in Evaluatiecel.Vraag.values:
        raise ValidationError(_("Deze cel bestaat niet."))
    cel = Evaluatiecel.objects.select_for_update().filter(evaluatietafel=evaluatie, stap=w.stap, vraag=w.vraag).first()
    if (cel.tekst if cel else "") == w.tekst:
        return None
    if cel is None:
        cel = Evaluatiecel(evaluatietafel=evaluatie, stap=w.stap, vraag=w.vraag)
    if cel.versie != w.versie:
        raise Celconflict(cel, w.tekst)
    cel.tekst, cel.versie, cel.gewijzigd_op, cel.gewijzigd_door = w.tekst, cel.versie + 1, timezone.now(), actor
    cel.save()
    return cel


def _voor_notulist(actor: User, tafel: Leertafel) -> Evaluatietafel:
    _eis_evaluatietafel(tafel)
    evaluatie = Evaluatietafel.objects.select_for_update().filter(tafel=tafel).first()
    if not rules.mag_notuleren(actor, evaluatie, tafel):
        raise PermissionDenied(_("Alleen de notulist vult het schema in."))
    return evaluatie or Evaluatietafel.objects.create(tafel=tafel)


@transaction.atomic
def sla_cel_op(*, actor: User, tafel: Leertafel, wijziging: Celwijziging) -> Evaluatiecel:
    """One cell, saved as the notulist types (htmx). Celconflict when its version is stale."""
    evaluatie = _voor_notulist(actor, tafel)
    cel = _sla_op(actor, evaluatie, wijziging)
    if cel is None:
        bestaand = Evaluatiecel.objects.filter(evaluatietafel=evaluatie, stap=wijziging.stap, vraag=wijziging.vraag).first()
        return bestaand or Evaluatiecel(evaluatietafel=evaluatie, stap=wijziging.stap, vraag=wijziging.vraag)
    record(
        actor=actor, actie=Actie.UPDATE, gebeurtenis="leren.evaluatietafel.cel", onderwerp=_onderwerp(tafel, evaluatie),
        velden=(f"{wijziging.stap}/{wijziging.vraag}",),
    )  # fmt: skip
    return cel


def sla_schema_op(*, actor: User, tafel: Leertafel, wijzigingen: list[Celwijziging]) -> list[Celconflict]:
    """The whole grid at once (the form without script): every changed cell whose version is
    current is saved; the stale ones come back as conflicts, the rest is kept."""
    conflicten: list[Celconflict] = []
    with transaction.atomic():
        evaluatie = _voor_notulist(actor, tafel)
        opgeslagen = []
        for w in wijzigingen:
            try:
                with transaction.atomic():
                    if _sla_op(actor, evaluatie, w) is not None:
                        opgeslagen.append(f"{w.stap}/{w.vraag}")
            except Celconflict as conflict:
                conflicten.append(conflict)
        if opgeslagen:
            record(
                actor=actor, actie=Actie.UPDATE, gebeurtenis="leren.evaluatietafel.cel",
                onderwerp=_onderwerp(tafel, evaluatie), velden=opgeslagen,
            )  # fmt: skip
    return conflicten


def schema(evaluatie: Evaluatietafel | None) -> list[dict]:
    """The grid for a page or an export: phases → steps → the three cells (empty ones too)."""
    cellen = {}
    if evaluatie is not None:
        cellen = {(c.stap, c.vraag): c for c in evaluatie.cellen.all()}
    return [
        {
            "fase": fase,
            "stappen": [
                {
                    "nummer": nummer,
                    "tekst": tekst,
                    "cellen": [
                        {"vraag": vraag, "cel": cellen.get((nummer, vraag.value)), "naam": f"cel-{nummer}-{vraag.value}"}
                        for vraag in VRAGEN
                    ],
                }
                for nummer, tekst in stappen
            ],
        }
        for fase, stappen in FASEN
    ]


def log_gelezen(*, actor: User, tafel: Leertafel, evaluatie: Evaluatietafel | None, export: str = "") -> None:
    if evaluatie is None:
        return
    record(
        actor=actor, actie=Actie.EXPORT if export else Actie.READ,
        gebeurtenis=f"leren.evaluatietafel.{export or 'bekeken'}", onderwerp=_onderwerp(tafel, evaluatie),
    )  # fmt: skip
