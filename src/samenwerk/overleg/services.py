"""One function per thing a person does with a Samenwerkoverleg (style.md §3), called by
pages and API alike. Each runs in a transaction with its timeline entry, access-log row and
outgoing messages (the outbox), so a failure leaves nothing half done."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Betrokkene, Casus, Netwerklid, Toestemming
from samenwerk.casussen.rules import eis_vastleggen
from samenwerk.gemeenten.models import Normen, User
from samenwerk.plannen import services as plannen
from samenwerk.plannen.models import Afspraak, Ronde
from samenwerk.privacy.models import Actie
from samenwerk.signalering.werkdagen import plus_werkdagen

from . import inhoud, links, regels
from .berichten import Soort, zet_klaar
from .models import Agendapunt, Checkpunt, Deelnemer, Overleg, Rolkeuze


class OverlegConflict(Exception):
    """Someone else changed the meeting since this person opened it."""

    def __init__(self, overleg: Overleg) -> None:
        super().__init__(f"overleg changed to version {overleg.versie}")
        self.overleg = overleg


class NietsGewijzigd(ValidationError):
    """A change that changes nothing. Refused out loud rather than answered as a success, so
    nobody believes an updated invitation went out (none does)."""


Keuze = tuple[str, int | None]
"""Who chairs or takes notes: ("betrokkene", id), ("inwoner", None) or ("netwerklid", id)."""


def betrokken_mensen(casus: Casus) -> list[tuple[Keuze, str]]:
    """The people who can chair a meeting of this case or take its notes, with the name shown:
    the active professionals, the resident and the network members."""
    mensen: list[tuple[Keuze, str]] = [
        ((Rolkeuze.BETROKKENE.value, b.pk), str(b.user))
        for b in Betrokkene.objects.actief().filter(casus=casus).select_related("user").order_by("rol", "sinds", "pk")
    ]
    mensen.append(((Rolkeuze.INWONER.value, None), str(casus.inwoner)))
    mensen.extend(((Rolkeuze.NETWERKLID.value, n.pk), n.naam) for n in Netwerklid.objects.filter(casus=casus))
    return mensen


def _rollen(casus: Casus, gegevens: OverlegGegevens, huidig: Overleg | None = None) -> tuple[dict[str, object], dict[str, str]]:
    """The model fields for the chosen chair and note-taker, or an error per role for someone
    who is not involved in this case. No choice keeps a name typed before the choice existed
    (a change of such a meeting through the API that leaves the role alone)."""
    namen = dict(betrokken_mensen(casus))
    velden: dict[str, object] = {}
    fouten: dict[str, str] = {}
    for rol in ("voorzitter", "notulist"):
        keuze = getattr(gegevens, rol)
        if keuze is None:
            if huidig is None or huidig.keuze(rol) is not None:
                fouten[rol] = _("Kies wie dit doet.")
            continue
        soort, pk = keuze
        if (soort, pk) not in namen:
            fouten[rol] = _(
                "Kies iemand die bij deze casus betrokken is: een professional, de inwoner of iemand uit het netwerk."
            )
            continue
        velden |= {
            rol: namen[(soort, pk)][:150],
            f"{rol}_soort": soort,
            f"{rol}_betrokkene_id": pk if soort == Rolkeuze.BETROKKENE else None,
            f"{rol}_netwerklid_id": pk if soort == Rolkeuze.NETWERKLID else None,
        }
    return velden, fouten


@dataclass(frozen=True)
class OverlegGegevens:
    vorm: str
    soort: str
    doel: str
    begint: datetime.datetime
    eindigt: datetime.datetime
    voorzitter: Keuze | None
    notulist: Keuze | None
    bij_inwoner_thuis: bool = True
    locatie: str = ""
    locatie_reden: str = ""
    antwoord_voor: datetime.date | None = None


def _log(actor: User, overleg: Overleg, actie: str, gebeurtenis: str, **extra: object) -> None:
    velden = {"segment": "overleg", "object_type": "overleg", "object_id": overleg.pk} | extra
    casussen.log_casus(actor=actor, casus=overleg.casus, actie=actie, gebeurtenis=gebeurtenis, **velden)


def _controleer(gegevens: OverlegGegevens, *, nu: datetime.datetime) -> dict[str, str]:
    fouten: dict[str, str] = {}
    if not gegevens.doel.strip():
        fouten["doel"] = _("Schrijf kort het doel van het overleg op: een samenvatting van het plan.")
    if gegevens.begint <= nu:
        fouten["begint"] = _("Het overleg moet in de toekomst liggen.")
    if gegevens.eindigt <= gegevens.begint:
        fouten["eindigt"] = _("Het overleg moet eindigen na het begin.")
    elif gegevens.eindigt - gegevens.begint > datetime.timedelta(hours=8):
        fouten["eindigt"] = _("Een overleg duurt hoogstens acht uur.")
    if not gegevens.bij_inwoner_thuis:
        if not gegevens.locatie.strip():
            fouten["locatie"] = _("Vul in waar het overleg is.")
        if not gegevens.locatie_reden.strip():
            fouten["locatie_reden"] = _(
                "Het overleg is in principe bij de inwoner thuis. Schrijf op waarom het ergens anders is."
            )
    if gegevens.antwoord_voor is not None:
        if gegevens.antwoord_voor < timezone.localdate(nu):
            fouten["antwoord_voor"] = _("Deze datum ligt in het verleden.")
        elif gegevens.antwoord_voor > timezone.localtime(gegevens.begint).date():
            fouten["antwoord_voor"] = _("Antwoorden moet vóór het overleg kunnen.")
    return fouten


@transaction.atomic
def plan_overleg(*, actor: User, casus: Casus, gegevens: OverlegGegevens) -> Overleg:
    """Plan a meeting with its agenda (the chosen format) and the preparation checklists."""
    casus = Casus.objects.select_for_update().get(pk=casus.pk)
    if not casussen.heeft_toestemming(casus):
        raise ValidationError(_("De inwoner heeft (nog) geen toestemming gegeven om via de Samenwerkwijze geholpen te worden."))
    nu = timezone.now()
    rollen, fouten = _rollen(casus, gegevens)
    fouten = _controleer(gegevens, nu=nu) | fouten
    if fouten:
        raise ValidationError(fouten)
    vandaag = timezone.localdate(nu)
    werkdagen = Normen.objects.voor(casus.gemeente_id).antwoord_werkdagen
    antwoord_voor = gegevens.antwoord_voor or regels.standaard_antwoord_voor(
        vandaag, timezone.localtime(gegevens.begint).date(), plus_werkdagen(vandaag, werkdagen)
    )
    overleg = Overleg.objects.create(
        gemeente_id=casus.gemeente_id,
        casus=casus,
        organisator=actor,
        vorm=gegevens.vorm,
        soort=gegevens.soort,
        doel=gegevens.doel.strip(),
        begint=gegevens.begint,
        eindigt=gegevens.eindigt,
        bij_inwoner_thuis=gegevens.bij_inwoner_thuis,
        locatie="" if gegevens.bij_inwoner_thuis else gegevens.locatie.strip(),
        locatie_reden="" if gegevens.bij_inwoner_thuis else gegevens.locatie_reden.strip(),
        antwoord_voor=antwoord_voor,
        **rollen,
    )
    agenda = inhoud.AGENDA_MDO_PLUS if overleg.vorm == Overleg.Vorm.MDO_PLUS else inhoud.AGENDA_SAMENWERKWIJZE
    Agendapunt.objects.bulk_create(
        Agendapunt(overleg=overleg, volgorde=i, code=code, titel=str(titel), besloten=besloten)
        for i, (code, titel, besloten) in enumerate(agenda, start=1)
    )
    lijsten = inhoud.VOORBEREIDING + (inhoud.VEILIGHEID if overleg.vorm == Overleg.Vorm.MDO_PLUS else [])
    Checkpunt.objects.bulk_create(
        Checkpunt(overleg=overleg, lijst=lijst, code=code, vraag=str(vraag)) for lijst, code, vraag in lijsten
    )
    casussen.tijdlijn(casus, actor, "overleg", _("%(overleg)s gepland") % {"overleg": overleg})
    _log(actor, overleg, Actie.CREATE, "overleg.gepland")
    return overleg


def _verstuurden(overleg: Overleg) -> list[Deelnemer]:
    """Invitees who have the meeting in their calendar (invited, not forwarded on)."""
    return [d for d in overleg.deelnemers.all() if d.uitgenodigd_op is not None and d.antwoord != Deelnemer.Antwoord.DOORGESTUURD]


def _gepland(overleg: Overleg) -> None:
    if overleg.status != Overleg.Status.GEPLAND:
        raise ValidationError(_("Dit overleg is al gehouden of geannuleerd; het kan niet meer veranderen."))


@transaction.atomic
def wijzig_overleg(*, actor: User, overleg: Overleg, gegevens: OverlegGegevens, versie: int) -> Overleg:
    """Change a planned meeting. A new time or place raises SEQUENCE and sends everyone
    invited an update that replaces the event in their calendar. The format and kind are
    fixed once planned (the agenda and checklists follow from them); a change that changes
    nothing raises NietsGewijzigd: no new version, no timeline entry, no e-mail."""
    overleg = Overleg.objects.select_for_update().select_related("casus__inwoner", "organisator").get(pk=overleg.pk)
    _gepland(overleg)
    if overleg.versie != versie:
        raise OverlegConflict(overleg)
    rollen, fouten = _rollen(overleg.casus, gegevens, overleg)
    fouten = _controleer(gegevens, nu=timezone.now()) | fouten
    if gegevens.vorm != overleg.vorm:
        fouten["vorm"] = _(
            "De vorm ligt vast zodra het overleg gepland is. Moet het anders, annuleer dan en plan een nieuw overleg."
        )
    if gegevens.soort != overleg.soort:
        fouten["soort"] = _(
            "De soort overleg ligt vast zodra het overleg gepland is. Moet het anders, annuleer dan en plan een nieuw overleg."
        )
    if fouten:
        raise ValidationError(fouten)
    velden = {
        "doel": gegevens.doel.strip(),
        "begint": gegevens.begint,
        "eindigt": gegevens.eindigt,
        "bij_inwoner_thuis": gegevens.bij_inwoner_thuis,
        "locatie": "" if gegevens.bij_inwoner_thuis else gegevens.locatie.strip(),
        "locatie_reden": "" if gegevens.bij_inwoner_thuis else gegevens.locatie_reden.strip(),
        "antwoord_voor": gegevens.antwoord_voor or overleg.antwoord_voor,
    } | rollen
    gewijzigd = [veld for veld, waarde in velden.items() if getattr(overleg, veld) != waarde]
    if not gewijzigd:
        raise NietsGewijzigd(_("Er is niets gewijzigd: alles is hetzelfde als het was. Er gaat geen nieuwe uitnodiging uit."))
    for veld, waarde in velden.items():
        setattr(overleg, veld, waarde)
    overleg.versie += 1
    agenda_wijzigt = bool({"begint", "eindigt", "bij_inwoner_thuis", "locatie", "doel"} & set(gewijzigd))
    if agenda_wijzigt:
        overleg.volgnummer += 1
    overleg.save()
    if {"begint", "eindigt"} & set(gewijzigd):  # a new time: who said yes is asked again
        overleg.deelnemers.filter(antwoord=Deelnemer.Antwoord.GEACCEPTEERD).update(
            antwoord=Deelnemer.Antwoord.UITGENODIGD, beantwoord_op=None
        )
    if agenda_wijzigt:
        for deelnemer in _verstuurden(overleg):
            zet_klaar(overleg, Soort.WIJZIGING, deelnemer=deelnemer)
    casussen.tijdlijn(overleg.casus, actor, "overleg", _("%(overleg)s gewijzigd") % {"overleg": overleg})
    _log(actor, overleg, Actie.UPDATE, "overleg.gewijzigd", velden=gewijzigd)
    return overleg


@transaction.atomic
def annuleer(*, actor: User, overleg: Overleg, reden: str) -> Overleg:
    overleg = Overleg.objects.select_for_update().select_related("casus").get(pk=overleg.pk)
    _gepland(overleg)
    if not reden.strip():
        raise ValidationError({"reden": _("Schrijf op waarom het overleg niet doorgaat.")})
    overleg.status, overleg.geannuleerd_reden = Overleg.Status.GEANNULEERD, reden.strip()
    overleg.volgnummer += 1
    overleg.versie += 1
    overleg.save()
    for deelnemer in _verstuurden(overleg):
        zet_klaar(overleg, Soort.ANNULERING, deelnemer=deelnemer)
    casussen.tijdlijn(overleg.casus, actor, "overleg", _("%(overleg)s geannuleerd") % {"overleg": overleg})
    _log(actor, overleg, Actie.UPDATE, "overleg.geannuleerd", velden=["status"])
    return overleg


# --- Who is invited (chosen with the resident) ---------------------------------------------


@dataclass(frozen=True)
class Genodigde:
    soort: str
    naam: str
    email: str
    reden: str
    organisatie: str = ""
    reden_toelichting: str = ""
    user: User | None = None
    netwerklid: Netwerklid | None = None
    plan_delen: bool | None = None  # the resident's answer, recorded as consent when given


def controleer_genodigde(overleg: Overleg, genodigde: Genodigde) -> dict[str, str]:
    fouten: dict[str, str] = {}
    if not genodigde.naam.strip():
        fouten["naam"] = _("Vul de naam in.")
    try:
        validate_email(genodigde.email)
    except ValidationError:
        fouten["email"] = _("Dit is geen geldig e-mailadres, bijvoorbeeld naam@organisatie.nl.")
    else:
        if overleg.deelnemers.filter(email__iexact=genodigde.email).exclude(antwoord=Deelnemer.Antwoord.DOORGESTUURD).exists():
            fouten["email"] = _("Iemand met dit e-mailadres staat al op de lijst.")
    if genodigde.reden not in Deelnemer.Reden.values:
        fouten["reden"] = _("Kies waarom deze persoon wordt uitgenodigd.")
    elif genodigde.reden == Deelnemer.Reden.ANDERS and not genodigde.reden_toelichting.strip():
        fouten["reden_toelichting"] = _("Schrijf op waarom deze persoon wordt uitgenodigd.")
    if genodigde.netwerklid is not None and genodigde.netwerklid.casus_id != overleg.casus_id:
        fouten["netwerklid"] = _("Kies iemand uit het netwerk van deze inwoner.")
    return fouten


def _leg_plantoestemming_vast(actor: User, overleg: Overleg, naam: str, gegeven: bool) -> None:
    casussen.leg_toestemming_vast(
        actor=actor,
        casus=overleg.casus,
        doel=Toestemming.Doel.PLAN_DELEN,
        gegeven=gegeven,
        datum=timezone.localdate(),
        wijze=Toestemming.Wijze.MONDELING,
        geldt_voor=naam,
        toelichting=_("Vastgelegd bij de deelnemers van %(overleg)s") % {"overleg": overleg},
    )


def maak_deelnemer(overleg: Overleg, genodigde: Genodigde, **extra: object) -> Deelnemer:
    """Check and store one invitee (from the list, or forwarded by a colleague)."""
    fouten = controleer_genodigde(overleg, genodigde)
    if fouten:
        raise ValidationError(fouten)
    return Deelnemer.objects.create(
        overleg=overleg,
        soort=genodigde.soort,
        naam=genodigde.naam.strip(),
        email=genodigde.email.strip().lower(),
        organisatie=genodigde.organisatie.strip(),
        user=genodigde.user,
        netwerklid=genodigde.netwerklid,
        reden=genodigde.reden,
        reden_toelichting=genodigde.reden_toelichting.strip(),
        sleutel=links.nieuwe_sleutel(),
        **extra,
    )


@transaction.atomic
def voeg_deelnemer_toe(*, actor: User, overleg: Overleg, genodigde: Genodigde) -> Deelnemer:
    overleg = Overleg.objects.select_for_update().select_related("casus").get(pk=overleg.pk)
    _gepland(overleg)
    deelnemer = maak_deelnemer(overleg, genodigde)
    if genodigde.plan_delen is not None:
        _leg_plantoestemming_vast(actor, overleg, deelnemer.naam, genodigde.plan_delen)
    if overleg.lijst_akkoord_op is not None:  # a changed list needs the resident's agreement again
        overleg.lijst_akkoord_op = None
        overleg.save(update_fields=["lijst_akkoord_op"])
    _log(actor, overleg, Actie.CREATE, "overleg.deelnemer.toegevoegd", object_id=deelnemer.pk)
    return deelnemer


@transaction.atomic
def verwijder_deelnemer(*, actor: User, deelnemer: Deelnemer) -> None:
    if deelnemer.uitgenodigd_op is not None:
        raise ValidationError(_("Deze persoon is al uitgenodigd. Annuleer of wijzig het overleg in plaats daarvan."))
    overleg = deelnemer.overleg
    deelnemer.delete()
    Overleg.objects.filter(pk=overleg.pk).update(lijst_akkoord_op=None)
    _log(actor, overleg, Actie.DELETE, "overleg.deelnemer.verwijderd")


@transaction.atomic
def wijzig_plantoestemming(*, actor: User, deelnemer: Deelnemer, gegeven: bool) -> Deelnemer:
    """The resident decides, per participant, whether the plan may be shared (domain.md §8).
    Withdrawal stops access at once."""
    _leg_plantoestemming_vast(actor, deelnemer.overleg, deelnemer.naam, gegeven)
    if not gegeven and deelnemer.plan_tot is not None:
        deelnemer.plan_tot = None
        deelnemer.save(update_fields=["plan_tot"])
    return deelnemer


@transaction.atomic
def leg_lijst_akkoord_vast(*, actor: User, overleg: Overleg, verstuurd_door: str) -> Overleg:
    """The resident agreed to the list of invitees; record who sends the invitations."""
    overleg = Overleg.objects.select_for_update().select_related("casus").get(pk=overleg.pk)
    _gepland(overleg)
    if not overleg.deelnemers.exists():
        raise ValidationError(_("Er staat nog niemand op de lijst."))
    if verstuurd_door not in Overleg.Verstuurder.values:
        raise ValidationError({"verstuurd_door": _("Kies wie de uitnodigingen verstuurt.")})
    overleg.lijst_akkoord_op, overleg.verstuurd_door = timezone.now(), verstuurd_door
    overleg.save(update_fields=["lijst_akkoord_op", "verstuurd_door"])
    casussen.tijdlijn(overleg.casus, actor, "overleg", _("De inwoner is akkoord met wie er wordt uitgenodigd"))
    _log(actor, overleg, Actie.UPDATE, "overleg.lijst.akkoord", velden=["lijst_akkoord_op", "verstuurd_door"])
    return overleg


@transaction.atomic
def nodig_uit(*, actor: User, overleg: Overleg) -> list[Deelnemer]:
    """Send the calendar invitation to everyone on the list not invited yet."""
    overleg = Overleg.objects.select_for_update().select_related("casus").get(pk=overleg.pk)
    _gepland(overleg)
    if overleg.lijst_akkoord_op is None:
        raise ValidationError(_("Leg eerst vast dat de inwoner akkoord is met wie er wordt uitgenodigd."))
    nieuw = list(overleg.deelnemers.filter(antwoord=Deelnemer.Antwoord.NOG_NIET))
    if not nieuw:
        raise ValidationError(_("Iedereen op de lijst is al uitgenodigd."))
    nu = timezone.now()
    for deelnemer in nieuw:
        deelnemer.antwoord, deelnemer.uitgenodigd_op = Deelnemer.Antwoord.UITGENODIGD, nu
        deelnemer.save(update_fields=["antwoord", "uitgenodigd_op"])
        zet_klaar(overleg, Soort.UITNODIGING, deelnemer=deelnemer)
    casussen.tijdlijn(overleg.casus, actor, "overleg", _("%(n)s uitnodiging(en) verstuurd") % {"n": len(nieuw)})
    _log(actor, overleg, Actie.UPDATE, "overleg.uitgenodigd")
    return nieuw


# --- Preparing, holding and closing ----------------------------------------------------------


@transaction.atomic
def beantwoord_checklist(*, actor: User, overleg: Overleg, antwoorden: dict[int, tuple[str, bool]]) -> list[Checkpunt]:
    """Each item answered or explicitly skipped; `antwoorden` maps item id → (answer, skipped)."""
    punten = {p.pk: p for p in overleg.checklist.all()}
    for pk, (antwoord, overgeslagen) in antwoorden.items():
        punt = punten.get(pk)
        if punt is None:
            raise ValidationError(_("Onbekend punt van de checklist."))
        punt.antwoord, punt.overgeslagen = antwoord.strip(), overgeslagen and not antwoord.strip()
        punt.save(update_fields=["antwoord", "overgeslagen"])
    _log(actor, overleg, Actie.UPDATE, "overleg.checklist", velden=["checklist"])
    return list(punten.values())


@transaction.atomic
def noteer(*, actor: User, agendapunt: Agendapunt, notities: str) -> Agendapunt:
    eis_vastleggen(actor, agendapunt.overleg.casus)
    _gepland(agendapunt.overleg)
    agendapunt.notities = notities.strip()
    agendapunt.save(update_fields=["notities"])
    _log(actor, agendapunt.overleg, Actie.UPDATE, "overleg.notities", velden=[agendapunt.code])
    return agendapunt


def _moet_begonnen_zijn(overleg: Overleg) -> None:
    _gepland(overleg)
    if timezone.localtime(overleg.begint).date() > timezone.localdate():
        raise ValidationError(_("Het overleg is nog niet begonnen. Afspraken en afsluiten kunnen op de dag zelf."))


@transaction.atomic
def neem_afspraak_op(*, actor: User, overleg: Overleg, **afspraak: object) -> Afspraak:
    """An agreement made at the table goes straight into the plan, in this meeting's round,
    due by default six weeks after the meeting."""
    overleg = Overleg.objects.select_for_update().select_related("casus").get(pk=overleg.pk)
    _moet_begonnen_zijn(overleg)
    plan = plannen.plan_van(overleg.casus)
    if plan.pk is None:
        raise ValidationError(_("Maak eerst het plan, daarna de afspraken."))
    datum = timezone.localtime(overleg.begint).date()
    if overleg.ronde is None:
        overleg.ronde = plannen.nieuwe_ronde(plan, Ronde.Soort.OVERLEG, datum)
        overleg.save(update_fields=["ronde"])
    return plannen.voeg_afspraak_toe(actor=actor, casus=overleg.casus, start=datum, ronde=overleg.ronde, **afspraak)


@dataclass(frozen=True)
class Afsluiting:
    casusregisseur: Betrokkene
    procesregisseur_nodig: bool
    vervolg: str
    vervolg_datum: datetime.date
    procesregisseur_toelichting: str = ""
    afsluitronde: dict[int, str] | None = None  # deelnemer id → "hoe was dit overleg voor jou?"
    aanwezig: frozenset[int] = frozenset()


@transaction.atomic
def sluit_af(*, actor: User, overleg: Overleg, afsluiting: Afsluiting) -> dict[str, list[Deelnemer]]:
    """Close the meeting: case direction confirmed, process director question answered,
    evaluation or follow-up set, closing round recorded, and the updated plan sent to every
    participant the resident consented to. Returns who got the plan and who did not."""
    overleg = Overleg.objects.select_for_update().select_related("casus").get(pk=overleg.pk)
    _moet_begonnen_zijn(overleg)
    casus = overleg.casus
    open_punten = [p.vraag for p in overleg.checklist.all() if not p.afgehandeld]
    if open_punten:
        raise ValidationError(
            _("Beantwoord eerst elk punt van de voorbereiding, of sla het bewust over. Nog open: %(punten)s")
            % {"punten": "; ".join(open_punten)}
        )
    fouten: dict[str, str] = {}
    regisseur = afsluiting.casusregisseur
    if regisseur is None or regisseur.casus_id != casus.pk or regisseur.tot is not None:
        fouten["casusregisseur"] = _("Kies de casusregisseur uit de betrokken professionals.")
    if afsluiting.vervolg not in Overleg.Vervolg.values:
        fouten["vervolg"] = _("Kies hoe er geëvalueerd wordt of wanneer het vervolg is.")
    if afsluiting.vervolg_datum is None or afsluiting.vervolg_datum <= timezone.localdate():
        fouten["vervolg_datum"] = _("Kies een datum in de toekomst.")
    if fouten:
        raise ValidationError(fouten)
    if regisseur.rol != Betrokkene.Rol.CASUSREGISSEUR:
        casussen.wijs_casusregisseur_aan(actor=actor, casus=casus, betrokkene=regisseur)
    deelnemers = list(overleg.deelnemers.all())
    rondes = afsluiting.afsluitronde or {}
    for deelnemer in deelnemers:
        deelnemer.afsluitronde = rondes.get(deelnemer.pk, "").strip()
        deelnemer.aanwezig = deelnemer.pk in afsluiting.aanwezig
        deelnemer.save(update_fields=["afsluitronde", "aanwezig"])
    overleg.casusregisseur = regisseur
    overleg.procesregisseur_nodig = afsluiting.procesregisseur_nodig
    overleg.procesregisseur_toelichting = afsluiting.procesregisseur_toelichting.strip()
    overleg.vervolg, overleg.vervolg_datum = afsluiting.vervolg, afsluiting.vervolg_datum
    overleg.status, overleg.gehouden_op = Overleg.Status.GEHOUDEN, timezone.now()
    overleg.versie += 1
    overleg.save()
    if afsluiting.vervolg in (Overleg.Vervolg.EVALUATIE_OVERLEG, Overleg.Vervolg.EVALUATIE_EMAIL):
        _zet_evaluatie(actor, casus, afsluiting.vervolg_datum, str(regisseur.user))
    verdeling: dict[str, list[Deelnemer]] = {"gestuurd": [], "niet": []}
    tot = timezone.now() + datetime.timedelta(days=regels.PLAN_INZIEN_DAGEN)
    for deelnemer in deelnemers:
        if deelnemer.antwoord != Deelnemer.Antwoord.GEACCEPTEERD and not deelnemer.aanwezig:
            continue
        ontvangt = deelnemer.aanwezig or deelnemer.antwoord == Deelnemer.Antwoord.GEACCEPTEERD
        if ontvangt and casussen.heeft_toestemming(casus, Toestemming.Doel.PLAN_DELEN, geldt_voor=deelnemer.naam):
            deelnemer.plan_tot = tot
            deelnemer.save(update_fields=["plan_tot"])
            zet_klaar(overleg, Soort.PLAN, deelnemer=deelnemer)
            verdeling["gestuurd"].append(deelnemer)
        else:
            verdeling["niet"].append(deelnemer)
    casussen.tijdlijn(
        casus,
        actor,
        "overleg",
        _("%(overleg)s gehouden; bijgewerkt plan gestuurd aan %(n)s deelnemer(s), %(m)s zonder toestemming niet")
        % {"overleg": overleg, "n": len(verdeling["gestuurd"]), "m": len(verdeling["niet"])},
    )
    _log(actor, overleg, Actie.UPDATE, "overleg.afgesloten", velden=["status", "casusregisseur", "vervolg"])
    return verdeling


def _zet_evaluatie(actor: User, casus: Casus, datum: datetime.date, organisator: str) -> None:
    """The evaluation appointment goes onto the plan form (a new plan version)."""
    plan = plannen.plan_van(casus)
    if plan.pk is None:
        return
    huidig = {veld: getattr(plan, veld) for veld in plannen.PlanInhoud.__dataclass_fields__}
    inhoud = plannen.PlanInhoud(**(huidig | {"evaluatie_datum": datum, "evaluatie_organisator": organisator}))
    plannen.wijzig_plan(actor=actor, casus=casus, inhoud=inhoud, versie=plan.versie)


def gehouden_overleggen(casus: Casus) -> list[tuple[datetime.date, object, int]]:
    """(date, hours, number of professionals present or accepted) of each held meeting:
    the input for the meeting-time line of a micro-analysis (domain.md §6)."""
    uit = []
    for overleg in casus.overleggen.filter(status=Overleg.Status.GEHOUDEN).prefetch_related("deelnemers"):
        professionals = sum(
            1
            for d in overleg.deelnemers.all()
            if d.soort == Deelnemer.Soort.PROFESSIONAL and (d.aanwezig or d.antwoord == Deelnemer.Antwoord.GEACCEPTEERD)
        )
        uit.append((timezone.localtime(overleg.begint).date(), overleg.duur_uren, professionals))
    return uit
