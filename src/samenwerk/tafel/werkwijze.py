"""The Werkwijze Samen aan Zet, steps 3-6 (domain.md §5), for the duo and the case's own
professionals: the kennismaking with its centrale vraag, the voorbereiding of the MDO+ (the
ecogram, who informs whom, the professionals involved and invited), and where the MDO+ and
the voortgangsgesprekken are (meetings of the meeting app, `overleg`).

A table member who is not on the case sees the registration only: everything here needs a
part in the case that may write its data (`casussen.rules.mag_vastleggen`), otherwise 404.
Reads are logged where they are fetched; each change is one function, in a transaction,
with its access-log row and a line on the case's timeline. The kennismaking, the ecogram and
the voorbereiding carry a version: a second editor with an older one gets a conflict."""

from __future__ import annotations

import datetime
import re
from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.casussen import rules as casusrules
from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Betrokkene
from samenwerk.gemeenten.models import User
from samenwerk.overleg.models import Checkpunt, Overleg
from samenwerk.privacy.models import Actie
from samenwerk.ui.ids import kan_bestaan

from .models import Aanmelding, Ecogram, Ecogrampersoon, Kennismaking, MdoProfessional, Triage, Voorbereiding
from .services import log_aanmelding

# domain.md §5 step 3: the example the form gives.
VOORBEELD_CENTRALE_VRAAG = gettext_lazy("Hoe kan ik weer het gevoel krijgen dat ik de regie over mijn leven heb?")
# An open question starts with a question word; a closed one ("Kan ik …?", "Moet …?") with a verb.
VRAAGWOORDEN = ("hoe", "wat", "wie", "waar", "wanneer", "waarom", "welke", "welk", "waardoor", "waarmee", "waarvoor")
CHECKLIJSTEN = ("veiligheid", "kaders")


class WerkwijzeConflict(Exception):
    """Someone else saved this form since this editor loaded it."""

    def __init__(self, huidig: int) -> None:
        super().__init__(
            _("Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe versie en voer uw wijziging opnieuw in.")
        )
        self.huidig = huidig


# --- reading -------------------------------------------------------------------------------


def aanmelding_of_404(user: User, tafel_pk: int, pk: int, *, gebeurtenis: str) -> Aanmelding:
    """The registration for someone who may write the case's data (the regievoerder, the duo,
    the case's participants); 404 for everyone else, also the table's other members. The
    read is logged here."""
    if not kan_bestaan(tafel_pk, pk):
        raise Http404
    actief = Prefetch("casus__betrokkenen", queryset=Betrokkene.objects.actief().select_related("user", "organisatie"))
    aanmelding = (
        Aanmelding.objects.for_user(user)
        .filter(pk=pk, tafel_id=tafel_pk)
        .select_related("tafel", "tafel__gemeente", "casus", "casus__inwoner")
        .prefetch_related(actief)
        .first()
    )
    if aanmelding is None or not casusrules.mag_vastleggen(user, aanmelding.casus):
        raise Http404
    log_aanmelding(actor=user, aanmelding=aanmelding, actie=Actie.READ, gebeurtenis=gebeurtenis)
    return aanmelding


def kennismaking_van(aanmelding: Aanmelding) -> Kennismaking | None:
    return Kennismaking.objects.filter(aanmelding=aanmelding).select_related("vastgelegd_door").first()


def ecogram_van(aanmelding: Aanmelding) -> Ecogram:
    """The ecogram with its people (an unsaved, empty one at version 0 before the first)."""
    ecogram = Ecogram.objects.filter(aanmelding=aanmelding).first()
    if ecogram is None:
        ecogram = Ecogram(aanmelding=aanmelding)
        ecogram.lijst = []  # type: ignore[attr-defined]
    else:
        ecogram.lijst = list(ecogram.personen.all())  # type: ignore[attr-defined]
    return ecogram


def voorbereiding_van(aanmelding: Aanmelding) -> Voorbereiding:
    voorbereiding = Voorbereiding.objects.filter(aanmelding=aanmelding).first()
    if voorbereiding is None:
        voorbereiding = Voorbereiding(aanmelding=aanmelding)
        voorbereiding.lijst = []  # type: ignore[attr-defined]
    else:
        voorbereiding.lijst = list(voorbereiding.professionals.all())  # type: ignore[attr-defined]
    return voorbereiding


def overleggen(aanmelding: Aanmelding) -> QuerySet[Overleg]:
    """The case's MDO+ meetings and voortgangsgesprekken since the registration, with how
    many points of the safety checklist and legal frameworks are done (one query)."""
    klaar = Q(checklist__lijst__in=CHECKLIJSTEN) & (Q(checklist__overgeslagen=True) | ~Q(checklist__antwoord=""))
    return (
        Overleg.objects.filter(casus_id=aanmelding.casus_id, begint__date__gte=aanmelding.aangemeld_op)
        .filter(Q(vorm=Overleg.Vorm.MDO_PLUS) | Q(soort=Overleg.Soort.VOORTGANG))
        .annotate(
            punten=Count("checklist", filter=Q(checklist__lijst__in=CHECKLIJSTEN)),
            klaar=Count("checklist", filter=klaar),
        )
        .order_by("begint", "id")
    )


def checkpunten(overleg: Overleg) -> list[Checkpunt]:
    return list(overleg.checklist.filter(lijst__in=CHECKLIJSTEN).order_by("id"))


# --- step 3: the kennismaking --------------------------------------------------------------


@dataclass(frozen=True)
class Kennismakinggegevens:
    datum: datetime.date
    plaats: str
    aanwezig: str
    centrale_vraag: str
    vertrouwd_netwerklid: str = ""
    wie_kan_helpen: str = ""


def controleer_centrale_vraag(vraag: str) -> str | None:
    """One open question (domain.md §5 step 3): it starts with a question word and ends with
    its only question mark. A solution or a judgement cannot be checked by a machine; the
    form says so with the example."""
    tekst = vraag.strip()
    if not tekst:
        return _("Schrijf de centrale vraag op, in de woorden van de inwoner.")
    if tekst.count("?") != 1 or not tekst.endswith("?"):
        return _("De centrale vraag is één vraag en eindigt met een vraagteken.")
    eerste = re.split(r"\W+", tekst.lower(), maxsplit=1)[0]
    if eerste not in VRAAGWOORDEN:
        return _(
            "Stel een open vraag: begin met hoe, wat, wie, waar, wanneer, waarom of welke. "
            "Een vraag met ja of nee als antwoord is geen centrale vraag."
        )
    return None


def _eis_schrijven(actor: User, aanmelding: Aanmelding) -> None:
    casusrules.eis_vastleggen(actor, aanmelding.casus)
    if aanmelding.triage != Triage.GESCHIKT:
        raise ValidationError(_("De Tafel heeft deze casus (nog) niet geschikt gevonden; de werkwijze begint daarna."))


@transaction.atomic
def leg_kennismaking_vast(
    *, actor: User, aanmelding: Aanmelding, gegevens: Kennismakinggegevens, versie: int | None
) -> Kennismaking:
    _eis_schrijven(actor, aanmelding)
    fouten: dict[str, str] = {}
    if gegevens.datum > timezone.localdate():
        fouten["datum"] = _("De kennismaking heeft al plaatsgevonden: kies een datum tot en met vandaag.")
    elif gegevens.datum < aanmelding.aangemeld_op:
        fouten["datum"] = _("De kennismaking is na de aanmelding bij de Tafel.")
    if not gegevens.aanwezig.strip():
        fouten["aanwezig"] = _("Schrijf op wie erbij waren.")
    if gegevens.plaats not in Kennismaking.Plaats.values:
        fouten["plaats"] = _("Kies waar de kennismaking was.")
    vraagfout = controleer_centrale_vraag(gegevens.centrale_vraag)
    if vraagfout:
        fouten["centrale_vraag"] = vraagfout
    if fouten:
        raise ValidationError(fouten)
    bestaand = Kennismaking.objects.select_for_update().filter(aanmelding=aanmelding).first()
    velden = {k: (v.strip() if isinstance(v, str) else v) for k, v in asdict(gegevens).items()}
    if bestaand is None:
        if versie not in (None, 0):
            raise WerkwijzeConflict(0)
        kennismaking = Kennismaking.objects.create(aanmelding=aanmelding, vastgelegd_door=actor, versie=1, **velden)
        actie = Actie.CREATE
        casussen.tijdlijn(aanmelding.casus, actor, "tafel", _("Kennismaking met de inwoner vastgelegd"))
    else:
        if versie != bestaand.versie:
            raise WerkwijzeConflict(bestaand.versie)
        for veld, waarde in velden.items():
            setattr(bestaand, veld, waarde)
        bestaand.vastgelegd_door = actor
        bestaand.versie += 1
        bestaand.save()
        kennismaking, actie = bestaand, Actie.UPDATE
    log_aanmelding(actor=actor, aanmelding=aanmelding, actie=actie, gebeurtenis="tafel.kennismaking", velden=list(velden))
    return kennismaking


# --- step 4: the ecogram and the voorbereiding ---------------------------------------------


@dataclass(frozen=True)
class Persoongegevens:
    naam: str
    relatie: str
    kring: str
    nabijheid: int
    steun: str


def _ecogram_vergrendeld(aanmelding: Aanmelding, versie: int) -> Ecogram:
    Ecogram.objects.get_or_create(aanmelding=aanmelding)
    ecogram = Ecogram.objects.select_for_update().get(aanmelding=aanmelding)
    if ecogram.versie != versie:
        raise WerkwijzeConflict(ecogram.versie)
    return ecogram


def _controleer_persoon(gegevens: Persoongegevens) -> dict[str, object]:
    fouten: dict[str, str] = {}
    if not gegevens.naam.strip():
        fouten["naam"] = _("Vul een naam in (een voornaam is genoeg).")
    if not gegevens.relatie.strip():
        fouten["relatie"] = _("Vul in wie dit is voor de inwoner.")
    if gegevens.kring not in Ecogrampersoon.Kring.values:
        fouten["kring"] = _("Kies een kring.")
    if gegevens.nabijheid not in Ecogrampersoon.Nabijheid.values:
        fouten["nabijheid"] = _("Kies hoe dichtbij deze persoon staat.")
    if gegevens.steun not in Ecogrampersoon.Steun.values:
        fouten["steun"] = _("Kies of deze persoon steunend is.")
    if fouten:
        raise ValidationError(fouten)
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in asdict(gegevens).items()}


def _ecogram_gewijzigd(actor: User, aanmelding: Aanmelding, ecogram: Ecogram, gebeurtenis: str) -> Ecogram:
    ecogram.versie += 1
    ecogram.save(update_fields=["versie", "gewijzigd_op"])
    log_aanmelding(actor=actor, aanmelding=aanmelding, actie=Actie.UPDATE, gebeurtenis=gebeurtenis, velden=["ecogram"])
    return ecogram


@transaction.atomic
def voeg_persoon_toe(*, actor: User, aanmelding: Aanmelding, gegevens: Persoongegevens, versie: int) -> Ecogrampersoon:
    _eis_schrijven(actor, aanmelding)
    velden = _controleer_persoon(gegevens)
    ecogram = _ecogram_vergrendeld(aanmelding, versie)
    persoon = Ecogrampersoon.objects.create(ecogram=ecogram, **velden)
    if ecogram.versie == 0:
        casussen.tijdlijn(aanmelding.casus, actor, "netwerk", _("Ecogram begonnen"))
    _ecogram_gewijzigd(actor, aanmelding, ecogram, "tafel.ecogram.persoon_toegevoegd")
    return persoon


def _persoon(aanmelding: Aanmelding, persoon_id: int) -> Ecogrampersoon:
    persoon = (
        Ecogrampersoon.objects.filter(pk=persoon_id, ecogram__aanmelding=aanmelding).first() if kan_bestaan(persoon_id) else None
    )
    if persoon is None:
        raise ValidationError({"persoon": _("Deze persoon staat niet in dit ecogram.")})
    return persoon


@transaction.atomic
def wijzig_persoon(
    *, actor: User, aanmelding: Aanmelding, persoon_id: int, gegevens: Persoongegevens, versie: int
) -> Ecogrampersoon:
    _eis_schrijven(actor, aanmelding)
    velden = _controleer_persoon(gegevens)
    ecogram = _ecogram_vergrendeld(aanmelding, versie)
    persoon = _persoon(aanmelding, persoon_id)
    for veld, waarde in velden.items():
        setattr(persoon, veld, waarde)
    persoon.save()
    _ecogram_gewijzigd(actor, aanmelding, ecogram, "tafel.ecogram.persoon_gewijzigd")
    return persoon


@transaction.atomic
def verwijder_persoon(*, actor: User, aanmelding: Aanmelding, persoon_id: int, versie: int) -> None:
    _eis_schrijven(actor, aanmelding)
    ecogram = _ecogram_vergrendeld(aanmelding, versie)
    _persoon(aanmelding, persoon_id).delete()
    _ecogram_gewijzigd(actor, aanmelding, ecogram, "tafel.ecogram.persoon_verwijderd")


@transaction.atomic
def leg_voorbereiding_vast(
    *, actor: User, aanmelding: Aanmelding, inwoner_informeert: str, duo_legt_uit: str, versie: int
) -> Voorbereiding:
    """Who informs whom: the resident their own network; the duo explains the MDO+."""
    _eis_schrijven(actor, aanmelding)
    Voorbereiding.objects.get_or_create(aanmelding=aanmelding)
    voorbereiding = Voorbereiding.objects.select_for_update().get(aanmelding=aanmelding)
    if voorbereiding.versie != versie:
        raise WerkwijzeConflict(voorbereiding.versie)
    voorbereiding.inwoner_informeert = inwoner_informeert.strip()
    voorbereiding.duo_legt_uit = duo_legt_uit.strip()
    voorbereiding.versie += 1
    voorbereiding.save()
    log_aanmelding(actor=actor, aanmelding=aanmelding, actie=Actie.UPDATE, gebeurtenis="tafel.voorbereiding",
                   velden=["inwoner_informeert", "duo_legt_uit"])  # fmt: skip
    return voorbereiding


@transaction.atomic
def voeg_professional_toe(
    *, actor: User, aanmelding: Aanmelding, naam: str, organisatie: str, rol: str, uitgenodigd: bool
) -> MdoProfessional:
    _eis_schrijven(actor, aanmelding)
    fouten = {
        veld: bericht
        for veld, waarde, bericht in (
            ("naam", naam, _("Vul de naam van de professional in.")),
            ("organisatie", organisatie, _("Vul de organisatie in.")),
            ("rol", rol, _("Schrijf op wat deze professional voor de inwoner doet.")),
        )
        if not waarde.strip()
    }
    if fouten:
        raise ValidationError(fouten)
    voorbereiding, _nieuw = Voorbereiding.objects.get_or_create(aanmelding=aanmelding)
    professional = MdoProfessional.objects.create(
        voorbereiding=voorbereiding, naam=naam.strip(), organisatie=organisatie.strip(), rol=rol.strip(), uitgenodigd=uitgenodigd
    )
    log_aanmelding(actor=actor, aanmelding=aanmelding, actie=Actie.CREATE, gebeurtenis="tafel.voorbereiding.professional",
                   velden=["professionals"])  # fmt: skip
    return professional


@transaction.atomic
def verwijder_professional(*, actor: User, aanmelding: Aanmelding, professional_id: int) -> None:
    _eis_schrijven(actor, aanmelding)
    geraakt, _per_model = MdoProfessional.objects.filter(pk=professional_id, voorbereiding__aanmelding=aanmelding).delete()
    if not geraakt:
        raise ValidationError({"professional": _("Deze professional staat niet in deze voorbereiding.")})
    log_aanmelding(actor=actor, aanmelding=aanmelding, actie=Actie.DELETE, gebeurtenis="tafel.voorbereiding.professional",
                   velden=["professionals"])  # fmt: skip
