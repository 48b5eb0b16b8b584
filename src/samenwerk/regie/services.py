"""One function per thing a user does in regie (style.md §3): each in a transaction, each
writing the access log and the case timeline. The pages and the API call these."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from samenwerk.casussen.models import Betrokkene, Casus
from samenwerk.casussen.rules import eis_vastleggen, rol_van
from samenwerk.casussen.services import log_casus, tijdlijn, voeg_professional_toe
from samenwerk.gemeenten.models import Organisatie, Rol, User
from samenwerk.privacy.models import Actie

from .models import Niveau, Niveauwijziging, Regiehandeling, Zorgsignaal
from .selectors import huidig_niveau

NIET_GECONTROLEERD = object()

# Called inside the escalation's transaction with the new row. Apps above regie hook in from
# their AppConfig.ready (the learning staircase turns an escalation into a dilemma there), so
# regie never imports them.
NA_ESCALATIE: list[Callable[[Regiehandeling], object]] = []


class NiveauConflict(Exception):
    """Someone else changed the level since the person looked (optimistic locking, as PlanConflict)."""

    def __init__(self, huidig: Niveauwijziging | None) -> None:
        self.huidig = huidig
        niveau = huidig.naar if huidig else None
        super().__init__(
            _("Intussen is het AVE-niveau gewijzigd door %(door)s: nu AVE %(niveau)s. Bekijk de reden en kies opnieuw.")
            % {"door": huidig.besloten_door_naam if huidig else "–", "niveau": niveau or "–"}
        )


def _log(actor: User, casus: Casus, actie: str, gebeurtenis: str, obj: object, segment: str = "regie") -> None:
    log_casus(
        actor=actor,
        casus=casus,
        actie=actie,
        gebeurtenis=gebeurtenis,
        segment=segment,
        object_type=type(obj).__name__.lower(),
        object_id=obj.pk,  # type: ignore[attr-defined]
    )


def _niet_in_de_toekomst(datum: datetime.date | None, veld: str = "datum") -> datetime.date:
    datum = datum or timezone.localdate()
    if datum > timezone.localdate():
        raise ValidationError({veld: _("Deze datum ligt in de toekomst.")})
    return datum


def _datum(datum: datetime.date) -> str:
    return formats.date_format(datum, "j F Y")


@transaction.atomic
def wijzig_niveau(
    *,
    actor: User,
    casus: Casus,
    naar: int,
    reden: str,
    datum: datetime.date | None = None,
    verwacht: object = NIET_GECONTROLEERD,
) -> Niveauwijziging:
    """Set, raise (escaleren) or lower the case's AVE level, with date, reason and who decided.
    `verwacht` is the level the person saw; when it changed meanwhile, NiveauConflict."""
    Casus.objects.select_for_update().filter(pk=casus.pk).first()  # one change at a time per case
    huidig = huidig_niveau(casus)
    van = huidig.naar if huidig else None
    if verwacht is not NIET_GECONTROLEERD and verwacht != van:
        raise NiveauConflict(huidig)
    if naar not in Niveau.values:
        raise ValidationError({"naar": _("Kies een AVE-niveau van 1 tot en met 4.")})
    if naar == van:
        raise ValidationError({"naar": _("De casus heeft dit AVE-niveau al.")})
    if not reden.strip():
        raise ValidationError({"reden": _("Geef de reden van deze wijziging.")})
    wijziging = Niveauwijziging.objects.create(
        casus=casus,
        gemeente_id=casus.gemeente_id,
        van=van,
        naar=naar,
        reden=reden.strip(),
        datum=_niet_in_de_toekomst(datum),
        besloten_door=actor,
        besloten_door_naam=str(actor)[:200],
        rol=rol_van(actor, casus) or "",
    )
    if van is None:
        tekst = _("AVE-niveau vastgesteld: AVE %(naar)s. Reden: %(reden)s")
    elif naar > van:
        tekst = _("Geëscaleerd van AVE %(van)s naar AVE %(naar)s. Reden: %(reden)s")
    else:
        tekst = _("Afgeschaald van AVE %(van)s naar AVE %(naar)s. Reden: %(reden)s")
    tijdlijn(casus, actor, "ave", tekst % {"van": van, "naar": naar, "reden": wijziging.reden})
    _log(actor, casus, Actie.CREATE, "ave.gewijzigd", wijziging)
    return wijziging


@transaction.atomic
def schaal_op(
    *, actor: User, casus: Casus, user: User, organisatie: Organisatie, reden: str, toelichting: str = ""
) -> Regiehandeling:
    """Opschalen: the casusregisseur adds a procesregisseur (someone holding that role for
    the organisation in this municipality) with the reason (domain.md §1, §4)."""
    if reden not in Regiehandeling.Reden.values:
        raise ValidationError({"reden": _("Kies waarom de casus wordt opgeschaald.")})
    if not user.actieve_rollen(casus.gemeente).filter(rol=Rol.PROCESREGISSEUR, organisatie=organisatie).exists():
        raise ValidationError({"user": _("Deze persoon is geen procesregisseur voor die organisatie in deze gemeente.")})
    if casus.betrokkenen.actief().filter(rol=Betrokkene.Rol.PROCESREGISSEUR).exists():
        raise ValidationError({"user": _("Deze casus heeft al een procesregisseur.")})
    betrokkene = voeg_professional_toe(
        actor=actor, casus=casus, user=user, organisatie=organisatie, rol=Betrokkene.Rol.PROCESREGISSEUR
    )
    handeling = Regiehandeling.objects.create(
        casus=casus,
        gemeente_id=casus.gemeente_id,
        soort=Regiehandeling.Soort.OPSCHALING,
        procesregisseur=betrokkene,
        reden=reden,
        tekst=toelichting.strip(),
        door=actor,
        door_naam=str(actor)[:200],
    )
    tijdlijn(
        casus,
        actor,
        "procesregie",
        _("Opgeschaald: %(naam)s is procesregisseur. Reden: %(reden)s")
        % {"naam": user, "reden": handeling.get_reden_display().lower()},
    )
    _log(actor, casus, Actie.CREATE, "procesregie.opgeschaald", handeling)
    return handeling


def _mijn_procesregie(actor: User, casus: Casus) -> Betrokkene:
    betrokkene = casus.betrokkenen.actief().filter(user=actor, rol=Betrokkene.Rol.PROCESREGISSEUR).first()
    if betrokkene is None:
        raise ValidationError(_("Alleen de procesregisseur van deze casus kan dit doen."))
    return betrokkene


def _handeling(actor: User, casus: Casus, soort: str, **velden: object) -> Regiehandeling:
    return Regiehandeling.objects.create(
        casus=casus,
        gemeente_id=casus.gemeente_id,
        soort=soort,
        procesregisseur=_mijn_procesregie(actor, casus),
        door=actor,
        door_naam=str(actor)[:200],
        **velden,
    )


def _verplicht(tekst: str, veld: str, melding: str) -> str:
    if not tekst.strip():
        raise ValidationError({veld: melding})
    return tekst.strip()


@transaction.atomic
def roep_bijeen(*, actor: User, casus: Casus, datum: datetime.date, bericht: str) -> Regiehandeling:
    """The procesregisseur calls the participants together. Only recorded here; the meeting
    itself is organised in the meetings app."""
    if datum < timezone.localdate():
        raise ValidationError({"datum": _("Deze datum ligt in het verleden.")})
    bericht = _verplicht(bericht, "bericht", _("Schrijf het bericht aan de deelnemers."))
    handeling = _handeling(actor, casus, Regiehandeling.Soort.BIJEENROEPING, datum=datum, tekst=bericht)
    tijdlijn(
        casus, actor, "procesregie", _("De procesregisseur roept de deelnemers bijeen op %(datum)s") % {"datum": _datum(datum)}
    )
    _log(actor, casus, Actie.CREATE, "procesregie.bijeengeroepen", handeling)
    return handeling


@transaction.atomic
def neem_besluit(*, actor: User, casus: Casus, tekst: str) -> Regiehandeling:
    """A decision the procesregisseur takes because the others don't; recorded as such."""
    tekst = _verplicht(tekst, "tekst", _("Schrijf het besluit op."))
    handeling = _handeling(actor, casus, Regiehandeling.Soort.BESLUIT, tekst=tekst)
    tijdlijn(casus, actor, "procesregie", _("Besluit van de procesregisseur: %(tekst)s") % {"tekst": tekst[:200]})
    _log(actor, casus, Actie.CREATE, "procesregie.besluit", handeling)
    return handeling


@transaction.atomic
def escaleer(*, actor: User, casus: Casus, naar: str, tekst: str) -> Regiehandeling:
    """Escalate to management or board; the dilemma flow reads these rows (`.escalaties()`)."""
    if naar not in Regiehandeling.Escalatieniveau.values:
        raise ValidationError({"naar": _("Kies management of bestuur.")})
    tekst = _verplicht(tekst, "tekst", _("Schrijf op wat er besloten of opgelost moet worden."))
    handeling = _handeling(actor, casus, Regiehandeling.Soort.ESCALATIE, escalatieniveau=naar, tekst=tekst)
    tijdlijn(
        casus,
        actor,
        "procesregie",
        _("Geëscaleerd naar %(naar)s: %(tekst)s")
        % {"naar": handeling.get_escalatieniveau_display().lower(), "tekst": tekst[:200]},
    )
    _log(actor, casus, Actie.CREATE, "procesregie.geescaleerd", handeling)
    for haak in NA_ESCALATIE:
        haak(handeling)
    return handeling


@transaction.atomic
def treed_terug(*, actor: User, casus: Casus, reden: str) -> Regiehandeling:
    """The procesregisseur steps down when the situation is stable: their part in the case ends."""
    reden = _verplicht(reden, "reden", _("Schrijf op waarom de procesregie kan stoppen."))
    handeling = _handeling(actor, casus, Regiehandeling.Soort.TERUGTREDING, tekst=reden)
    Betrokkene.objects.filter(pk=handeling.procesregisseur_id).update(tot=timezone.localdate())
    tijdlijn(
        casus, actor, "procesregie", _("%(naam)s stopt als procesregisseur: %(reden)s") % {"naam": actor, "reden": reden[:200]}
    )
    _log(actor, casus, Actie.UPDATE, "procesregie.teruggetreden", handeling)
    return handeling


@transaction.atomic
def leg_signaal_vast(
    *, actor: User, casus: Casus, bron: str, tekst: str, datum: datetime.date | None = None, afzender: str = ""
) -> Zorgsignaal:
    """Attach an external care signal (police, neighbours, corporation, energy company, GP)."""
    eis_vastleggen(actor, casus)
    if bron not in Zorgsignaal.Bron.values:
        raise ValidationError({"bron": _("Kies van wie het signaal komt.")})
    tekst = _verplicht(tekst, "tekst", _("Schrijf kort op wat er gesignaleerd is."))
    signaal = Zorgsignaal.objects.create(
        casus=casus,
        gemeente_id=casus.gemeente_id,
        bron=bron,
        afzender=afzender.strip()[:200],
        datum=_niet_in_de_toekomst(datum),
        tekst=tekst[:1000],
        vastgelegd_door=actor,
    )
    tijdlijn(
        casus, actor, "zorgsignaal", _("Zorgsignaal vastgelegd, van: %(bron)s") % {"bron": signaal.get_bron_display().lower()}
    )
    _log(actor, casus, Actie.CREATE, "zorgsignaal.vastgelegd", signaal, segment="zorgsignaal")
    return signaal
