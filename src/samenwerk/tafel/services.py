"""One function per thing a user does at the table (style.md §3): keyword-only, an `actor`,
in a transaction, with its access-log row in that transaction. Pages and API call these."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Casus, Route
from samenwerk.casussen.workflow import Status
from samenwerk.gemeenten.models import Gebied, Gemeente, Normen, Organisatie, User
from samenwerk.privacy.audit import Grondslag, Onderwerp, record
from samenwerk.privacy.models import Actie

from . import agenda as agendaregels
from . import rules
from .models import Aanmelding, Agendablok, Bijeenkomst, Leefgebied, Tafel, TafelInstellingen, Tafellid

MAX_LEDEN_PER_ORGANISATIE = 2
BIJEENKOMST_DUUR = datetime.timedelta(hours=2)


def _log_tafel(actor: User, tafel: Tafel, actie: str, gebeurtenis: str, object_type: str, object_id: int) -> None:
    """A change to the table itself (members, schedule): staff data, no resident."""
    onderwerp = Onderwerp(gemeente_id=tafel.gemeente_id, object_type=object_type, object_id=object_id, gegevenssegment="tafel")
    record(actor=actor, actie=actie, gebeurtenis=gebeurtenis, onderwerp=onderwerp)


def log_aanmelding(*, actor: User, aanmelding: Aanmelding, actie: str, gebeurtenis: str, velden: Sequence[str] = ()) -> None:
    """A read or change of a registration: whose data (the resident of its case) and on which
    basis (the actor's part at the table, or in the case)."""
    relatie = rules.relatie(actor, aanmelding.tafel)
    if not relatie:
        relatie = next((b.rol for b in aanmelding.casus.betrokkenen.all() if b.user_id == actor.pk and b.tot is None), "")
    record(
        actor=actor,
        actie=actie,
        gebeurtenis=gebeurtenis,
        onderwerp=Onderwerp(
            gemeente_id=aanmelding.gemeente_id,
            inwoner_id=aanmelding.casus.inwoner_id,
            casus_id=aanmelding.casus_id,
            object_type="tafelaanmelding",
            object_id=aanmelding.pk,
            gegevenssegment="tafelaanmelding",
        ),
        grondslag=Grondslag(doel="zorgverlening", grond_rol=bool(relatie), relatie=relatie, toestemming=True),
        velden=velden,
        rol=relatie,
    )


# --- De Tafel, its members and its schedule ------------------------------------------------


@transaction.atomic
def maak_tafel(
    *,
    actor: User,
    gemeente: Gemeente,
    naam: str,
    locatie: str,
    voorzitter: User,
    secretaris: User | None = None,
    gebied: Gebied | None = None,
) -> Tafel:
    if not rules.mag_inrichten(actor, gemeente):
        raise ValidationError({"gemeente": _("Met uw rol kunt u in deze gemeente geen Tafel inrichten.")})
    fouten = {}
    if gebied is not None and gebied.gemeente_id != gemeente.pk:
        fouten["gebied"] = _("Dit gebied hoort bij een andere gemeente.")
    if not voorzitter.actieve_rollen(gemeente).exists():
        fouten["voorzitter"] = _("De voorzitter heeft geen rol in deze gemeente.")
    if secretaris is not None and secretaris.pk == voorzitter.pk:
        fouten["secretaris"] = _("Voorzitter en secretaris zijn twee verschillende mensen.")
    if Tafel.objects.filter(gemeente=gemeente, naam=naam.strip()).exists():
        fouten["naam"] = _("Er is al een Tafel met deze naam in deze gemeente.")
    if fouten:
        raise ValidationError(fouten)
    tafel = Tafel.objects.create(
        gemeente=gemeente, gebied=gebied, naam=naam.strip(), locatie=locatie.strip(), voorzitter=voorzitter, secretaris=secretaris
    )
    _log_tafel(actor, tafel, Actie.CREATE, "tafel.ingericht", "tafel", tafel.pk)
    return tafel


@transaction.atomic
def voeg_lid_toe(
    *,
    actor: User,
    tafel: Tafel,
    user: User,
    organisatie: Organisatie,
    expertise: str,
    leefgebieden: Sequence[str] = (),
    vanaf: datetime.date | None = None,
) -> Tafellid:
    """One or two professionals per member organisation (domain.md §5)."""
    dag = vanaf or timezone.localdate()
    fouten: dict[str, str] = {}
    if organisatie.gemeente_id != tafel.gemeente_id:
        fouten["organisatie"] = _("Deze organisatie hoort bij een andere gemeente.")
    elif not user.actieve_rollen(tafel.gemeente).filter(organisatie=organisatie).exists():
        fouten["user"] = _("Deze persoon werkt niet voor die organisatie in deze gemeente.")
    actief = Tafellid.objects.actief(dag).filter(tafel=tafel)
    if actief.filter(user=user).exists():
        fouten["user"] = _("Deze persoon zit al aan deze Tafel.")
    elif actief.filter(organisatie=organisatie).count() >= MAX_LEDEN_PER_ORGANISATIE:
        fouten["organisatie"] = _("Deze organisatie heeft al twee leden aan deze Tafel.")
    onbekend = set(leefgebieden) - set(Leefgebied.values)
    if onbekend:
        fouten["leefgebieden"] = _("Kies leefgebieden uit de lijst.")
    if fouten:
        raise ValidationError(fouten)
    lid = Tafellid.objects.create(
        tafel=tafel, user=user, organisatie=organisatie, expertise=expertise.strip(), leefgebieden=list(leefgebieden), vanaf=dag
    )
    _log_tafel(actor, tafel, Actie.CREATE, "tafel.lid.toegevoegd", "tafellid", lid.pk)
    return lid


@transaction.atomic
def beeindig_lid(*, actor: User, lid: Tafellid, tot: datetime.date | None = None) -> Tafellid:
    """The member leaves; the row stays so the table's history shows who sat there when."""
    dag = tot or timezone.localdate()
    if lid.tot is not None:
        raise ValidationError({"tot": _("Dit lidmaatschap is al beëindigd.")})
    if dag < lid.vanaf:
        raise ValidationError({"tot": _("De einddatum ligt vóór de begindatum.")})
    lid.tot = dag
    lid.save(update_fields=["tot"])
    _log_tafel(actor, lid.tafel, Actie.UPDATE, "tafel.lid.beeindigd", "tafellid", lid.pk)
    return lid


def reeksdata(eerste: datetime.datetime, tot: datetime.date, interval_weken: int) -> list[datetime.datetime]:
    """The start of every meeting of a series: every `interval_weken` weeks from the first
    up to and including `tot`."""
    data, begint = [], eerste
    while timezone.localtime(begint).date() <= tot:
        data.append(begint)
        begint += datetime.timedelta(weeks=interval_weken)
    return data


@transaction.atomic
def plan_reeks(*, actor: User, tafel: Tafel, eerste: datetime.datetime, tot: datetime.date) -> list[Bijeenkomst]:
    """The biweekly schedule (the municipality's rhythm): two hours reserved at the table's
    location each time. Meetings already at one of those moments are not made twice."""
    if timezone.localtime(eerste).date() < timezone.localdate():
        raise ValidationError({"eerste": _("De eerste bijeenkomst moet vandaag of later zijn.")})
    if tot < timezone.localtime(eerste).date():
        raise ValidationError({"tot": _("De einddatum ligt vóór de eerste bijeenkomst.")})
    if (tot - timezone.localtime(eerste).date()).days > 2 * 366:
        raise ValidationError({"tot": _("Plan hoogstens twee jaar vooruit.")})
    interval = Normen.objects.voor(tafel.gemeente_id).tafel_interval_weken
    bestaand = set(tafel.bijeenkomsten.values_list("begint", flat=True))
    nieuw = [
        Bijeenkomst(tafel=tafel, begint=b, eindigt=b + BIJEENKOMST_DUUR, locatie=tafel.locatie)
        for b in reeksdata(eerste, tot, interval)
        if b not in bestaand
    ]
    Bijeenkomst.objects.bulk_create(nieuw)
    _log_tafel(actor, tafel, Actie.CREATE, "tafel.reeks.gepland", "tafel", tafel.pk)
    return nieuw


# --- Aanmelding -------------------------------------------------------------------------


@dataclass(frozen=True)
class Aanmeldgegevens:
    """What the registration form asks (domain.md §5 step 1)."""

    inwoner_weet_hoe: str
    inwoner_weet_op: datetime.date | None
    leefgebieden: Sequence[str]
    geprobeerd: str
    waarom_vast: str
    vraag: str
    namens: str = ""


def _controleer(gegevens: Aanmeldgegevens) -> None:
    fouten: dict[str, str] = {}
    if gegevens.inwoner_weet_hoe not in Aanmelding.Wijze.values:
        fouten["inwoner_weet_hoe"] = _("Meld alleen aan als de inwoner ervan weet. Vul in hoe de inwoner het is verteld.")
    if gegevens.inwoner_weet_op is None:
        fouten["inwoner_weet_op"] = _("Meld alleen aan als de inwoner ervan weet. Vul in wanneer de inwoner het is verteld.")
    elif gegevens.inwoner_weet_op > timezone.localdate():
        fouten["inwoner_weet_op"] = _("Deze datum ligt in de toekomst. Vertel het de inwoner eerst en meld daarna aan.")
    gebieden = set(gegevens.leefgebieden)
    if gebieden - set(Leefgebied.values):
        fouten["leefgebieden"] = _("Kies leefgebieden uit de lijst.")
    elif len(gebieden) < 2:
        fouten["leefgebieden"] = _("Kies minstens twee leefgebieden: de Tafel is er voor vragen op meer leefgebieden.")
    for veld, tekst in (
        ("geprobeerd", _("Schrijf op wat al geprobeerd is.")),
        ("waarom_vast", _("Schrijf op waarom de professionals vastlopen.")),
        ("vraag", _("Schrijf op wat u de Tafel vraagt.")),
    ):
        if not getattr(gegevens, veld).strip():
            fouten[veld] = tekst
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def meld_aan(
    *,
    actor: User,
    tafel: Tafel,
    gegevens: Aanmeldgegevens,
    casus: Casus | None = None,
    nieuwe_casus: dict[str, object] | None = None,
) -> Aanmelding:
    """Register a case for the table. Either an existing case the registrant may see (moved
    onto the Tafel route) or a new one made by `casussen.services.meld_aan` on that route
    (`nieuwe_casus` holds that function's arguments, `actor` and `route` apart)."""
    if not rules.mag_aanmelden(actor, tafel):
        raise ValidationError({"tafel": _("U kunt bij deze Tafel niet aanmelden.")})
    _controleer(gegevens)
    if casus is None and nieuwe_casus is None:
        raise ValidationError({"casus": _("Kies een casus of vul de gegevens van de inwoner in.")})
    if casus is not None:
        casus = Casus.objects.for_user(actor).filter(pk=casus.pk, gemeente=tafel.gemeente_id).first()
        if casus is None:
            raise ValidationError({"casus": _("Deze casus kunt u niet aanmelden: u bent er niet bij betrokken.")})
        if casus.status == Status.AFGESLOTEN:
            raise ValidationError({"casus": _("Deze casus is afgesloten.")})
        if Aanmelding.objects.filter(casus=casus, triage="").exists():
            raise ValidationError({"casus": _("Deze casus is al aangemeld en wacht op de Tafel.")})
        Casus.objects.filter(pk=casus.pk).update(route=Route.TAFEL)
        casus.route = Route.TAFEL
        if casus.status == Status.AANGEMELD:
            casus = casussen.wijzig_status(actor=actor, casus=casus, naar=Status.TRIAGE)
    else:
        casus = casussen.meld_aan(actor=actor, route=Route.TAFEL, **nieuwe_casus)  # type: ignore[arg-type]
    if casus.gemeente_id != tafel.gemeente_id:
        raise ValidationError({"casus": _("Deze casus hoort bij een andere gemeente.")})
    aanmelding = Aanmelding.objects.create(
        gemeente_id=tafel.gemeente_id,
        tafel=tafel,
        casus=casus,
        aangemeld_door=actor,
        namens=gegevens.namens.strip(),
        inwoner_weet_hoe=gegevens.inwoner_weet_hoe,
        inwoner_weet_op=gegevens.inwoner_weet_op,
        leefgebieden=sorted(set(gegevens.leefgebieden), key=Leefgebied.values.index),
        geprobeerd=gegevens.geprobeerd.strip(),
        waarom_vast=gegevens.waarom_vast.strip(),
        vraag=gegevens.vraag.strip(),
    )
    casussen.tijdlijn(casus, actor, "tafel", _("Aangemeld bij %(tafel)s") % {"tafel": tafel.naam})
    aanmelding.casus = Casus.objects.prefetch_related("betrokkenen").get(pk=casus.pk)
    log_aanmelding(
        actor=actor,
        aanmelding=aanmelding,
        actie=Actie.CREATE,
        gebeurtenis="tafel.aanmelding.aangemaakt",
        velden=["inwoner_weet_hoe", "inwoner_weet_op", "leefgebieden", "geprobeerd", "waarom_vast", "vraag"],
    )
    return aanmelding


# --- The agenda ---------------------------------------------------------------------------


class AgendaConflict(Exception):
    """Someone else changed the agenda since this editor loaded it."""

    def __init__(self, huidig: int) -> None:
        super().__init__(_("Iemand anders heeft de agenda intussen gewijzigd. Bekijk de nieuwe versie en pas die zo nodig aan."))
        self.huidig = huidig


def voorstel(bijeenkomst: Bijeenkomst) -> tuple[agendaregels.Agendavoorstel, dict[int, Aanmelding]]:
    """The agenda the product proposes from the data: new registrations waiting for triage
    (oldest first, those already placed on this meeting before others), and the cases whose
    casus check or procesevaluatie falls on this meeting. Three queries."""
    from .selectors import kandidaten

    nieuw, checks, evaluaties = kandidaten(bijeenkomst)
    instellingen = TafelInstellingen.objects.voor(bijeenkomst.tafel.gemeente_id)
    plan = agendaregels.stel_op(
        nieuw=[a.pk for a in nieuw],
        casuschecks=[a.pk for a in checks],
        procesevaluaties=[a.pk for a in evaluaties],
        minuten=bijeenkomst.minuten,
        max_nieuw=instellingen.max_nieuwe_casussen,
    )
    return plan, {a.pk: a for a in [*nieuw, *checks, *evaluaties]}


@transaction.atomic
def stel_agenda_op(*, actor: User, bijeenkomst: Bijeenkomst, versie: int) -> Bijeenkomst:
    """Fix the proposed agenda as this meeting's blocks (the chair; again later replaces it).
    New registrations on it are placed on this meeting; those moved on stay waiting."""
    bijeenkomst = _vergrendel(actor, bijeenkomst, versie)
    plan, _aanmeldingen = voorstel(bijeenkomst)
    bijeenkomst.blokken.all().delete()
    Agendablok.objects.bulk_create(
        Agendablok(bijeenkomst=bijeenkomst, volgorde=i, soort=b.soort, aanmelding_id=b.aanmelding_id, minuten=b.minuten)
        for i, b in enumerate(plan.blokken, 1)
    )
    nieuw = {b.aanmelding_id for b in plan.blokken if b.soort == "inbreng"}
    Aanmelding.objects.filter(bijeenkomst=bijeenkomst, triage="").exclude(pk__in=nieuw).update(bijeenkomst=None)
    Aanmelding.objects.filter(pk__in=nieuw).update(bijeenkomst=bijeenkomst)
    bijeenkomst.agenda_opgesteld_op = timezone.now()
    bijeenkomst.save(update_fields=["agenda_opgesteld_op"])
    _log_tafel(actor, bijeenkomst.tafel, Actie.UPDATE, "tafel.agenda.opgesteld", "bijeenkomst", bijeenkomst.pk)
    return bijeenkomst


def _vergrendel(actor: User, bijeenkomst: Bijeenkomst, versie: int) -> Bijeenkomst:
    if not rules.leidt(actor, bijeenkomst.tafel):
        raise ValidationError({"agenda": _("Alleen de voorzitter of de secretaris van de Tafel past de agenda aan.")})
    bijgewerkt = Bijeenkomst.objects.filter(pk=bijeenkomst.pk, agenda_versie=versie).update(agenda_versie=F("agenda_versie") + 1)
    if not bijgewerkt:
        raise AgendaConflict(Bijeenkomst.objects.values_list("agenda_versie", flat=True).get(pk=bijeenkomst.pk))
    return Bijeenkomst.objects.select_related("tafel").get(pk=bijeenkomst.pk)


@dataclass(frozen=True)
class Blokwijziging:
    blok_id: int
    minuten: int


@transaction.atomic
def wijzig_agenda(*, actor: User, bijeenkomst: Bijeenkomst, versie: int, blokken: Sequence[Blokwijziging]) -> Bijeenkomst:
    """The chair reorders the blocks (the order given) and adjusts their minutes. `versie` is
    the version the chair loaded: when someone saved in between, AgendaConflict."""
    bijeenkomst = _vergrendel(actor, bijeenkomst, versie)
    huidige = {b.pk: b for b in bijeenkomst.blokken.all()}
    if sorted(w.blok_id for w in blokken) != sorted(huidige):
        raise ValidationError({"blokken": _("Geef elk onderdeel van de agenda precies één keer op.")})
    fouten = [w for w in blokken if not 1 <= w.minuten <= 120]
    if fouten:
        raise ValidationError({"blokken": _("Een onderdeel duurt tussen 1 en 120 minuten.")})
    totaal = sum(w.minuten for w in blokken)
    if totaal > bijeenkomst.minuten:
        raise ValidationError(
            {
                "blokken": _("Samen %(totaal)s minuten: dat past niet in de %(gereserveerd)s minuten van de bijeenkomst.")
                % {"totaal": totaal, "gereserveerd": bijeenkomst.minuten}
            }
        )
    for volgorde, w in enumerate(blokken, 1):
        blok = huidige[w.blok_id]
        blok.volgorde, blok.minuten = volgorde, w.minuten
    Agendablok.objects.bulk_update(huidige.values(), ["volgorde", "minuten"])
    _log_tafel(actor, bijeenkomst.tafel, Actie.UPDATE, "tafel.agenda.gewijzigd", "bijeenkomst", bijeenkomst.pk)
    return bijeenkomst


# --- Triage (the chair's view builds on this) ---------------------------------------------


@transaction.atomic
def leg_triage_vast(*, actor: User, aanmelding: Aanmelding, uitkomst: str, reden: str) -> Aanmelding:
    """The table's decision on a registration, with its reason (domain.md §5). A suitable
    case waiting in triage moves on to asking the resident's consent."""
    from .models import Triage

    if not rules.leidt(actor, aanmelding.tafel):
        raise ValidationError({"triage": _("Alleen de voorzitter of de secretaris legt het besluit van de Tafel vast.")})
    fouten = {}
    if uitkomst not in Triage.values:
        fouten["triage"] = _("Kies: geschikt, niet geschikt of een andere route.")
    if not reden.strip():
        fouten["triage_reden"] = _("Schrijf op waarom de Tafel zo besloot.")
    if fouten:
        raise ValidationError(fouten)
    aanmelding.triage, aanmelding.triage_reden = uitkomst, reden.strip()
    aanmelding.save(update_fields=["triage", "triage_reden"])
    casus = aanmelding.casus
    besluit = _("Besluit van de Tafel: %(besluit)s") % {"besluit": aanmelding.get_triage_display()}
    casussen.tijdlijn(casus, actor, "tafel", besluit)
    if uitkomst == Triage.GESCHIKT and casus.status == Status.TRIAGE:
        casussen.wijzig_status(actor=actor, casus=casus, naar=Status.TOESTEMMING)
    log_aanmelding(
        actor=actor, aanmelding=aanmelding, actie=Actie.UPDATE, gebeurtenis="tafel.triage", velden=["triage", "triage_reden"]
    )
    return aanmelding


# --- The chair's view: clock, notes, tips, decisions, afspraken, reflections ---------------


def _mag_voorzitten(actor: User, tafel: Tafel) -> None:
    if not rules.leidt(actor, tafel):
        raise ValidationError({"bijeenkomst": _("Alleen de voorzitter of de secretaris legt vast wat er aan tafel gebeurt.")})


def _overlapt(blok: Agendablok, van: datetime.datetime, tot: datetime.datetime | None) -> bool:
    """Whether [van, tot) overlaps the recorded time of another block of the same meeting;
    a block still running counts until now."""
    from .models import Blokverloop

    andere = Blokverloop.objects.filter(blok__bijeenkomst_id=blok.bijeenkomst_id, gestart_op__isnull=False).exclude(blok=blok)
    eind = tot or timezone.now()
    return any(start < eind and van < (stop or timezone.now()) for start, stop in andere.values_list("gestart_op", "gestopt_op"))


@transaction.atomic
def leg_bloktijd_vast(
    *,
    actor: User,
    blok: Agendablok,
    gestart_op: datetime.datetime,
    gestopt_op: datetime.datetime | None = None,
    klok: bool = False,
) -> Agendablok:
    """Record when a block really ran (the clock's start and stop, or a correction). Times
    that overlap another block of the meeting are refused, and a typed correction must lie
    on the meeting's day (`klok`: the clock's own moments, which are now)."""
    from .models import Blokverloop

    _mag_voorzitten(actor, blok.bijeenkomst.tafel)
    if gestopt_op is not None and gestopt_op <= gestart_op:
        raise ValidationError({"gestopt_op": _("Een blok stopt na het begin.")})
    dag = timezone.localtime(blok.bijeenkomst.begint).date()
    for veld, tijd in (("gestart_op", gestart_op), ("gestopt_op", gestopt_op)):
        if not klok and tijd is not None and timezone.localtime(tijd).date() != dag:
            raise ValidationError({veld: _("Een blok loopt op de dag van de bijeenkomst.")})
    Bijeenkomst.objects.select_for_update().filter(pk=blok.bijeenkomst_id).first()  # one clock per meeting at a time
    if _overlapt(blok, gestart_op, gestopt_op):
        raise ValidationError({"gestart_op": _("Deze tijd overlapt met een ander blok van de bijeenkomst.")})
    verloop, _nieuw = Blokverloop.objects.get_or_create(blok=blok)
    verloop.gestart_op, verloop.gestopt_op = gestart_op, gestopt_op
    verloop.save(update_fields=["gestart_op", "gestopt_op"])
    _log_tafel(actor, blok.bijeenkomst.tafel, Actie.UPDATE, "tafel.blok.tijd", "agendablok", blok.pk)
    return blok


@transaction.atomic
def start_blok(*, actor: User, blok: Agendablok) -> Agendablok:
    """The clock: start this block now; a block still running stops at this moment."""
    from .models import Blokverloop

    _mag_voorzitten(actor, blok.bijeenkomst.tafel)
    nu = timezone.now()
    Blokverloop.objects.filter(
        blok__bijeenkomst_id=blok.bijeenkomst_id, gestart_op__isnull=False, gestopt_op__isnull=True
    ).exclude(blok=blok).update(gestopt_op=nu)
    return leg_bloktijd_vast(actor=actor, blok=blok, gestart_op=nu, klok=True)


@transaction.atomic
def stop_blok(*, actor: User, blok: Agendablok) -> Agendablok:
    verloop = getattr(blok, "verloop", None)
    if verloop is None or verloop.gestart_op is None:
        raise ValidationError({"gestopt_op": _("Dit blok is nog niet gestart.")})
    return leg_bloktijd_vast(actor=actor, blok=blok, gestart_op=verloop.gestart_op, gestopt_op=timezone.now(), klok=True)


@transaction.atomic
def noteer(*, actor: User, blok: Agendablok, notities: str) -> Agendablok:
    from .models import Blokverloop

    _mag_voorzitten(actor, blok.bijeenkomst.tafel)
    verloop, _nieuw = Blokverloop.objects.get_or_create(blok=blok)
    verloop.notities = notities.strip()
    verloop.save(update_fields=["notities"])
    if blok.aanmelding_id:
        aanmelding = (
            Aanmelding.objects.select_related("tafel", "casus").prefetch_related("casus__betrokkenen").get(pk=blok.aanmelding_id)
        )
        log_aanmelding(
            actor=actor, aanmelding=aanmelding, actie=Actie.UPDATE, gebeurtenis="tafel.blok.notities", velden=["notities"]
        )
    else:
        _log_tafel(actor, blok.bijeenkomst.tafel, Actie.UPDATE, "tafel.blok.notities", "agendablok", blok.pk)
    return blok


def _lid_van(tafel: Tafel, lid: Tafellid | None, veld: str) -> Tafellid:
    if lid is None or lid.tafel_id != tafel.pk or not Tafellid.objects.actief().filter(pk=lid.pk).exists():
        raise ValidationError({veld: _("Kies iemand die nu lid is van deze Tafel.")})
    return lid


@transaction.atomic
def geef_tip(*, actor: User, bijeenkomst: Bijeenkomst, aanmelding: Aanmelding, van: Tafellid | None, tekst: str):  # type: ignore[no-untyped-def]
    """A tip is recorded as given: without reaction (no reply field exists)."""
    from .models import Tip

    _mag_voorzitten(actor, bijeenkomst.tafel)
    lid = _lid_van(bijeenkomst.tafel, van, "van")
    if not tekst.strip():
        raise ValidationError({"tekst": _("Schrijf de tip op.")})
    tip = Tip.objects.create(aanmelding=aanmelding, bijeenkomst=bijeenkomst, van=lid, tekst=tekst.strip())
    log_aanmelding(actor=actor, aanmelding=aanmelding, actie=Actie.CREATE, gebeurtenis="tafel.tip", velden=["tekst"])
    return tip


@dataclass(frozen=True)
class Gehoord:
    door: Tafellid | None
    tekst: str


@transaction.atomic
def leg_besluit_vast(  # type: ignore[no-untyped-def]
    *, actor: User, bijeenkomst: Bijeenkomst, tekst: str, bezwaren: Sequence[Gehoord] = (), aanmelding: Aanmelding | None = None
):
    """A decision the table carries, with every objection heard and by whom."""
    from .models import Besluit, Bezwaar

    _mag_voorzitten(actor, bijeenkomst.tafel)
    if not tekst.strip():
        raise ValidationError({"tekst": _("Schrijf het besluit op.")})
    leden = [_lid_van(bijeenkomst.tafel, b.door, "bezwaren") for b in bezwaren]
    if any(not b.tekst.strip() for b in bezwaren):
        raise ValidationError({"bezwaren": _("Schrijf bij elk bezwaar op wat er gezegd is.")})
    besluit = Besluit.objects.create(bijeenkomst=bijeenkomst, aanmelding=aanmelding, tekst=tekst.strip(), vastgelegd_door=actor)
    Bezwaar.objects.bulk_create(
        Bezwaar(besluit=besluit, door=lid, tekst=b.tekst.strip()) for lid, b in zip(leden, bezwaren, strict=True)
    )
    _log_tafel(actor, bijeenkomst.tafel, Actie.CREATE, "tafel.besluit", "besluit", besluit.pk)
    return besluit


def duo_suggesties(aanmelding: Aanmelding, leden: Sequence[Tafellid]) -> list[Tafellid]:
    """Members whose expertise covers most of the registration's life domains first; those
    with none of them are not suggested."""
    gebieden = set(aanmelding.leefgebieden)
    scores = [(len(gebieden & set(lid.leefgebieden)), lid) for lid in leden]
    return [lid for score, lid in sorted(scores, key=lambda s: (-s[0], str(s[1]))) if score > 0]


@transaction.atomic
def leg_afspraken_vast(
    *,
    actor: User,
    aanmelding: Aanmelding,
    regievoerder: User,
    duo: Tafellid | None,
    terug_op: datetime.date,
    regievoerder_bekend: bool = False,
    duo_bekend: bool = False,
) -> tuple[object, list[str]]:
    """The afspraken block: who directs the case, who forms the duo with them (a member of
    this table), when the case returns. Returns the record and warnings (neither known to
    the resident). Both take part in the case from now on."""
    from .models import Afspraken

    tafel = aanmelding.tafel
    _mag_voorzitten(actor, tafel)
    lid = _lid_van(tafel, duo, "duo")
    fouten = {}
    if lid.user_id == regievoerder.pk:
        fouten["duo"] = _("De duopartner is iemand anders dan de regievoerder.")
    if not regievoerder.actieve_rollen(tafel.gemeente).exclude(organisatie=None).exists():
        fouten["regievoerder"] = _("De regievoerder werkt niet voor een organisatie in deze gemeente.")
    if terug_op <= timezone.localdate():
        fouten["terug_op"] = _("De casus komt terug op een datum na vandaag.")
    if fouten:
        raise ValidationError(fouten)
    afspraken, _nieuw = Afspraken.objects.update_or_create(
        aanmelding=aanmelding,
        defaults={"regievoerder": regievoerder, "duo": lid, "regievoerder_bekend": regievoerder_bekend,
                  "duo_bekend": duo_bekend, "terug_op": terug_op},
    )  # fmt: skip
    casus = Casus.objects.prefetch_related("betrokkenen").get(pk=aanmelding.casus_id)
    _neem_deel(actor, casus, regievoerder, regie=True)
    _neem_deel(actor, casus, lid.user, organisatie=lid.organisatie)
    log_aanmelding(actor=actor, aanmelding=aanmelding, actie=Actie.UPDATE, gebeurtenis="tafel.afspraken",
                   velden=["regievoerder", "duo", "terug_op"])  # fmt: skip
    waarschuwingen = []
    if not regievoerder_bekend and not duo_bekend:
        waarschuwingen.append(
            _(
                "Let op: de inwoner kent de regievoerder en de duopartner allebei niet. "
                "Kies zo mogelijk iemand die de inwoner kent."
            )
        )
    return afspraken, waarschuwingen


def _neem_deel(actor: User, casus: Casus, user: User, *, regie: bool = False, organisatie: Organisatie | None = None) -> None:
    from samenwerk.casussen.models import Betrokkene

    betrokkene = casus.betrokkenen.actief().filter(user=user).first()
    if betrokkene is None:
        org = organisatie or Organisatie.objects.filter(roltoewijzingen__in=user.actieve_rollen(casus.gemeente)).first()
        heeft_regisseur = casus.betrokkenen.actief().filter(rol=Betrokkene.Rol.CASUSREGISSEUR).exists()
        rol = Betrokkene.Rol.CASUSREGISSEUR if regie and not heeft_regisseur else Betrokkene.Rol.DEELNEMER
        betrokkene = casussen.voeg_professional_toe(actor=actor, casus=casus, user=user, organisatie=org, rol=rol)  # type: ignore[arg-type]
    if regie and betrokkene.rol != Betrokkene.Rol.CASUSREGISSEUR:
        casussen.wijs_casusregisseur_aan(actor=actor, casus=casus, betrokkene=betrokkene)


@transaction.atomic
def leg_reflectie_vast(*, actor: User, bijeenkomst: Bijeenkomst, lid: Tafellid | None, tekst: str):  # type: ignore[no-untyped-def]
    """A member's personal reflection at check-out; one per member per meeting (again replaces it)."""
    from .models import Reflectie

    _mag_voorzitten(actor, bijeenkomst.tafel)
    gekozen = _lid_van(bijeenkomst.tafel, lid, "lid")
    if not tekst.strip():
        raise ValidationError({"tekst": _("Schrijf de reflectie op.")})
    reflectie, _nieuw = Reflectie.objects.update_or_create(
        bijeenkomst=bijeenkomst, lid=gekozen, defaults={"tekst": tekst.strip()}
    )
    _log_tafel(actor, bijeenkomst.tafel, Actie.CREATE, "tafel.reflectie", "reflectie", reflectie.pk)
    return reflectie


# --- Evaluations: casus check and procesevaluatie ---------------------------------------


@dataclass(frozen=True)
class Partij:
    partij: str
    volgens_plan: bool | None
    notities: str = ""


@transaction.atomic
def leg_casuscheck_vast(  # type: ignore[no-untyped-def]
    *, actor: User, bijeenkomst: Bijeenkomst, aanmelding: Aanmelding, partijen: Sequence[Partij], notities: str = ""
):
    """Is everyone involved according to plan? Yes or no for each party named."""
    from .models import Casuscheck, CasuscheckPartij

    _mag_voorzitten(actor, bijeenkomst.tafel)
    gevuld = [p for p in partijen if p.partij.strip()]
    if not gevuld:
        raise ValidationError({"partijen": _("Noem minstens één partij en of die volgens plan betrokken is.")})
    if any(p.volgens_plan is None for p in gevuld):
        raise ValidationError({"partijen": _("Kies per partij: ja of nee.")})
    check = Casuscheck.objects.create(aanmelding=aanmelding, bijeenkomst=bijeenkomst, notities=notities.strip())
    CasuscheckPartij.objects.bulk_create(
        CasuscheckPartij(
            casuscheck=check, partij=p.partij.strip(), volgens_plan=bool(p.volgens_plan), notities=p.notities.strip()
        )
        for p in gevuld
    )
    log_aanmelding(actor=actor, aanmelding=aanmelding, actie=Actie.CREATE, gebeurtenis="tafel.casuscheck",
                   velden=["partijen", "notities"])  # fmt: skip
    return check


@transaction.atomic
def leg_procesevaluatie_vast(  # type: ignore[no-untyped-def]
    *, actor: User, bijeenkomst: Bijeenkomst, aanmelding: Aanmelding, samenwerking: str, leerzaam: str, perspectief_inwoner: str
):
    """The resident's own perspective is required: an evaluation without it is refused."""
    from .models import Procesevaluatie

    _mag_voorzitten(actor, bijeenkomst.tafel)
    fouten = {}
    if not perspectief_inwoner.strip():
        fouten["perspectief_inwoner"] = _("Schrijf op hoe de inwoner zelf het proces ziet. Dat is altijd nodig.")
    if not samenwerking.strip():
        fouten["samenwerking"] = _("Schrijf op hoe de partijen samenwerkten.")
    if not leerzaam.strip():
        fouten["leerzaam"] = _("Schrijf op wat inhoudelijk leerzaam was.")
    if fouten:
        raise ValidationError(fouten)
    evaluatie, _nieuw = Procesevaluatie.objects.update_or_create(
        aanmelding=aanmelding,
        defaults={"bijeenkomst": bijeenkomst, "samenwerking": samenwerking.strip(), "leerzaam": leerzaam.strip(),
                  "perspectief_inwoner": perspectief_inwoner.strip()},
    )  # fmt: skip
    log_aanmelding(actor=actor, aanmelding=aanmelding, actie=Actie.CREATE, gebeurtenis="tafel.procesevaluatie",
                   velden=["samenwerking", "leerzaam", "perspectief_inwoner"])  # fmt: skip
    return evaluatie
