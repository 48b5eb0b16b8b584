"""One function per thing a user does on the upper steps of the staircase (style.md §3):
keyword-only, an `actor`, in a transaction, with its access-log row in that transaction.
Pages and API call these. Documents (bundle, leergeschiedenis) are in documenten.py."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.berichten.verzending import zet_klaar
from samenwerk.gemeenten.models import Gebied, Gemeente, Roltoewijzing, User
from samenwerk.privacy.audit import Onderwerp, record
from samenwerk.privacy.models import Actie
from samenwerk.regie.models import Regiehandeling
from samenwerk.signalering.models import Signalering

from ..models import (
    NIVEAUS,
    Actieleren,
    Dilemma,
    Dilemmanotitie,
    Dilemmastap,
    Leerdocument,
    Niveau,
    Trapactie,
    Trapagendapunt,
    Trapbesluit,
    Trapdeelnemer,
    Trapoverleg,
)
from . import rules

UITNODIGING = "leren.trapuitnodiging"
OPLOSSING = "leren.dilemma_opgelost"  # the e-mail, and the signal's kind


def log(actor: User, gemeente_id: int, actie: str, gebeurtenis: str, obj: object) -> None:
    """The organisation's own records: staff data, no resident."""
    onderwerp = Onderwerp(
        gemeente_id=gemeente_id,
        object_type=type(obj).__name__.lower(),
        object_id=obj.pk,  # type: ignore[attr-defined]
        gegevenssegment="leren",
    )
    record(actor=actor, actie=actie, gebeurtenis=gebeurtenis, onderwerp=onderwerp)


def _verplicht(waarde: str, veld: str, melding: str) -> str:
    waarde = (waarde or "").strip()
    if not waarde:
        raise ValidationError({veld: melding})
    return waarde


class Conflict(Exception):
    """Someone else changed it since the person looked (optimistic locking: API 409)."""

    def __init__(self, huidig: int) -> None:
        self.huidig = huidig
        super().__init__(
            _("Iemand anders heeft dit intussen gewijzigd (nu versie %(versie)s). Bekijk de nieuwe versie.") % {"versie": huidig}
        )


# --- Netwerkoverleg, steungroep, intervisie ---------------------------------------------


@transaction.atomic
def plan_overleg(
    *,
    actor: User,
    gemeente: Gemeente,
    soort: str,
    begint: datetime.datetime,
    eindigt: datetime.datetime,
    locatie: str = "",
    voorzitter: User | None = None,
    genodigden: Iterable[User] = (),
) -> Trapoverleg:
    """A meeting of a series; every invitee gets a calendar invitation by e-mail."""
    if soort not in Trapoverleg.Soort.values:
        raise ValidationError({"soort": _("Kies een soort overleg uit de lijst.")})
    if not rules.mag_overleg_plannen(actor, gemeente, soort):
        raise ValidationError({"soort": _("Met uw rol kunt u dit soort overleg niet plannen.")})
    if eindigt <= begint:
        raise ValidationError({"eindigt": _("Het overleg moet eindigen na het begin.")})
    mensen = {u.pk: u for u in genodigden}
    if voorzitter is not None:
        mensen.setdefault(voorzitter.pk, voorzitter)
    buiten = [u for u in mensen.values() if not rules.heeft_rol(u, gemeente)]
    if buiten:
        raise ValidationError({"genodigden": _("Nodig alleen mensen uit met een rol in deze gemeente.")})
    overleg = Trapoverleg.objects.create(
        gemeente=gemeente, soort=soort, begint=begint, eindigt=eindigt, locatie=locatie.strip(),
        voorzitter=voorzitter, aangemaakt_door=actor,
    )  # fmt: skip
    deelnemers = Trapdeelnemer.objects.bulk_create([Trapdeelnemer(overleg=overleg, user=u) for u in mensen.values()])
    for deelnemer in deelnemers:
        zet_klaar(soort=UITNODIGING, aan=deelnemer.user.email, onderwerp=deelnemer, gemeente=gemeente)
    log(actor, gemeente.pk, Actie.CREATE, "leren.overleg.gepland", overleg)
    return overleg


def _eis_leiding(actor: User, overleg: Trapoverleg) -> None:
    if not rules.mag_overleg_leiden(actor, overleg):
        raise ValidationError(_("Met uw rol kunt u dit overleg niet bijwerken."))


@transaction.atomic
def voeg_agendapunt_toe(
    *,
    actor: User,
    overleg: Trapoverleg,
    titel: str = "",
    toelichting: str = "",
    dilemma: Dilemma | None = None,
    document: Leerdocument | None = None,
) -> Trapagendapunt:
    """A free item, a dilemma to handle there (its level must be the meeting's), or a bundle
    or leergeschiedenis to present."""
    _eis_leiding(actor, overleg)
    if dilemma is not None:
        if dilemma.gemeente_id != overleg.gemeente_id:
            raise ValidationError({"dilemma": _("Dit dilemma hoort bij een andere gemeente.")})
        if dilemma.niveau != _niveau_van_overleg(overleg.soort):
            raise ValidationError({"dilemma": _("Dit dilemma ligt niet op het niveau van dit overleg.")})
        titel = titel.strip() or _("Dilemma: %(titel)s") % {"titel": dilemma.titel}
    if document is not None:
        if document.gemeente_id != overleg.gemeente_id:
            raise ValidationError({"document": _("Dit document hoort bij een andere gemeente.")})
        titel = titel.strip() or _("Presentatie: %(document)s") % {"document": document}
    titel = _verplicht(titel, "titel", _("Geef het agendapunt een titel."))
    volgorde = overleg.agenda.count() + 1
    punt = Trapagendapunt.objects.create(
        overleg=overleg, volgorde=volgorde, titel=titel[:200], toelichting=toelichting.strip(), dilemma=dilemma, document=document
    )
    if dilemma is not None:
        Dilemmastap.objects.filter(dilemma=dilemma, niveau=dilemma.niveau, overleg__isnull=True).update(overleg=overleg)
    log(actor, overleg.gemeente_id, Actie.CREATE, "leren.overleg.agendapunt", punt)
    return punt


def _niveau_van_overleg(soort: str) -> str:
    if soort in (Trapoverleg.Soort.NETWERKOVERLEG, Trapoverleg.Soort.KERNGROEP):
        return Niveau.NETWERKOVERLEG
    if soort in (Trapoverleg.Soort.STEUNGROEP, Trapoverleg.Soort.DAGELIJKS_BESTUUR):
        return Niveau.STEUNGROEP
    return Niveau.PROFESSIONAL


@transaction.atomic
def registreer_aanwezigheid(*, actor: User, overleg: Trapoverleg, aanwezig: Iterable[int]) -> int:
    """Who came: every invitee is marked present or absent."""
    _eis_leiding(actor, overleg)
    if overleg.begint > timezone.now():
        raise ValidationError({"aanwezig": _("Het overleg is nog niet begonnen.")})
    ids = set(aanwezig)
    onbekend = ids - set(overleg.deelnemers.values_list("user_id", flat=True))
    if onbekend:
        raise ValidationError({"aanwezig": _("Kies aanwezigen uit de genodigden.")})
    overleg.deelnemers.update(aanwezig=False)
    aantal = overleg.deelnemers.filter(user_id__in=ids).update(aanwezig=True)
    log(actor, overleg.gemeente_id, Actie.UPDATE, "leren.overleg.aanwezigheid", overleg)
    return aantal


@transaction.atomic
def leg_besluit_vast(*, actor: User, overleg: Trapoverleg, tekst: str) -> Trapbesluit:
    _eis_leiding(actor, overleg)
    tekst = _verplicht(tekst, "tekst", _("Schrijf het besluit op."))
    besluit = Trapbesluit.objects.create(overleg=overleg, tekst=tekst, vastgelegd_door=actor)
    log(actor, overleg.gemeente_id, Actie.CREATE, "leren.overleg.besluit", besluit)
    return besluit


@transaction.atomic
def voeg_actie_toe(*, actor: User, overleg: Trapoverleg, wat: str, eigenaar: User, uiterlijk: datetime.date) -> Trapactie:
    _eis_leiding(actor, overleg)
    wat = _verplicht(wat, "wat", _("Schrijf op wat er moet gebeuren."))
    if not rules.heeft_rol(eigenaar, overleg.gemeente_id):
        raise ValidationError({"eigenaar": _("De eigenaar heeft geen rol in deze gemeente.")})
    if uiterlijk < timezone.localtime(overleg.begint).date():
        raise ValidationError({"uiterlijk": _("Deze datum ligt vóór het overleg.")})
    actie = Trapactie.objects.create(overleg=overleg, wat=wat, eigenaar=eigenaar, uiterlijk=uiterlijk)
    log(actor, overleg.gemeente_id, Actie.CREATE, "leren.overleg.actie", actie)
    return actie


# --- Dilemma's --------------------------------------------------------------------------


def _notitie(dilemma: Dilemma, soort: str, door: User, tekst: str = "") -> Dilemmanotitie:
    stap = dilemma.stappen.get(niveau=dilemma.niveau)
    return Dilemmanotitie.objects.create(stap=stap, soort=soort, door=door, tekst=tekst)


def _maak_dilemma(
    *,
    actor: User,
    gemeente: Gemeente,
    niveau: str,
    titel: str,
    wat_wil_ik: str,
    wat_kan_ik: str,
    wat_heb_ik_nodig: str,
    gebied: Gebied | None = None,
    bron: str = Dilemma.Bron.INGEBRACHT,
    regiehandeling: object = None,
) -> Dilemma:
    fouten = {}
    velden = {"titel": titel, "wat_wil_ik": wat_wil_ik, "wat_kan_ik": wat_kan_ik, "wat_heb_ik_nodig": wat_heb_ik_nodig}
    meldingen = {
        "titel": _("Geef het dilemma een korte titel."),
        "wat_wil_ik": _("Vul in wat u wilt."),
        "wat_kan_ik": _("Vul in wat u zelf kunt."),
        "wat_heb_ik_nodig": _("Vul in wat u nodig hebt."),
    }
    for veld, waarde in velden.items():
        if not (waarde or "").strip():
            fouten[veld] = meldingen[veld]
    if niveau not in Niveau.values:
        fouten["niveau"] = _("Kies een niveau uit de lijst.")
    if gebied is not None and gebied.gemeente_id != gemeente.pk:
        fouten["gebied"] = _("Dit gebied hoort bij een andere gemeente.")
    if fouten:
        raise ValidationError(fouten)
    dilemma = Dilemma.objects.create(
        gemeente=gemeente, gebied=gebied, titel=titel.strip()[:200], wat_wil_ik=wat_wil_ik.strip(),
        wat_kan_ik=wat_kan_ik.strip(), wat_heb_ik_nodig=wat_heb_ik_nodig.strip(), ingebracht_door=actor,
        niveau=niveau, bron=bron, regiehandeling=regiehandeling,
    )  # fmt: skip
    Dilemmastap.objects.create(dilemma=dilemma, niveau=niveau)
    _notitie(dilemma, Dilemmanotitie.Soort.INGEBRACHT, actor)
    log(actor, gemeente.pk, Actie.CREATE, "leren.dilemma.ingebracht", dilemma)
    return dilemma


@transaction.atomic
def breng_dilemma_in(
    *,
    actor: User,
    gemeente: Gemeente,
    titel: str,
    wat_wil_ik: str,
    wat_kan_ik: str,
    wat_heb_ik_nodig: str,
    niveau: str = "",
    gebied: Gebied | None = None,
) -> Dilemma:
    """Anyone raises a dilemma at their own level (the lowest of theirs when none is chosen)."""
    eigen = rules.niveaus_van(actor, gemeente)
    if not eigen:
        raise ValidationError({"niveau": _("Met uw rol kunt u in deze gemeente geen dilemma inbrengen.")})
    niveau = niveau or eigen[0]
    if niveau in Niveau.values and niveau not in eigen:
        raise ValidationError({"niveau": _("Breng een dilemma in op uw eigen niveau.")})
    return _maak_dilemma(
        actor=actor, gemeente=gemeente, niveau=niveau, titel=titel, wat_wil_ik=wat_wil_ik, wat_kan_ik=wat_kan_ik,
        wat_heb_ik_nodig=wat_heb_ik_nodig, gebied=gebied,
    )  # fmt: skip


@transaction.atomic
def dilemma_uit_zet(
    gemeente: Gemeente, door: User, titel: str, wat_wil_ik: str, wat_kan_ik: str, wat_heb_ik_nodig: str
) -> Dilemma:
    """An improvement point of a ZET evaluation becomes a dilemma for the netwerkoverleg
    (called by the ZET app, which checked its own permission)."""
    return _maak_dilemma(
        actor=door, gemeente=gemeente, niveau=Niveau.NETWERKOVERLEG, titel=titel, wat_wil_ik=wat_wil_ik,
        wat_kan_ik=wat_kan_ik, wat_heb_ik_nodig=wat_heb_ik_nodig, bron=Dilemma.Bron.ZET,
    )  # fmt: skip


def dilemma_uit_escalatie(handeling: Regiehandeling) -> Dilemma:
    """Hooked into regie's escalation (apps.py): the procesregisseur's escalation to
    management becomes a dilemma at the netwerkoverleg, one to the board at the steungroep.
    The dilemma names the case number only, never the resident."""
    niveau = (
        Niveau.STEUNGROEP if handeling.escalatieniveau == Regiehandeling.Escalatieniveau.BESTUURDER else Niveau.NETWERKOVERLEG
    )
    casus = handeling.casus
    return _maak_dilemma(
        actor=handeling.door,
        gemeente=casus.gemeente,
        gebied=casus.gebied,
        niveau=niveau,
        titel=_("Escalatie uit procesregie (casus %(nummer)s)") % {"nummer": casus.nummer},
        wat_wil_ik=_("Dat de samenwerking rond deze casus weer verder kan."),
        wat_kan_ik=_("Als procesregisseur heb ik de betrokkenen bijeengeroepen en besloten wat ik kon."),
        # Not the escalation's own text: it may name the resident, and dilemmas are read across
        # the municipality. It stays with the case's procesregie, for those who may read it.
        wat_heb_ik_nodig=_("Een besluit over wat de samenwerking blokkeert; de toelichting staat bij de procesregie."),
        bron=Dilemma.Bron.PROCESREGIE,
        regiehandeling=handeling,
    )


def _vergrendel(dilemma: Dilemma, versie: int | None) -> Dilemma:
    actueel = Dilemma.objects.select_for_update().get(pk=dilemma.pk)
    if versie is not None and actueel.versie != versie:
        raise Conflict(actueel.versie)
    return actueel


@transaction.atomic
def behandel_dilemma(
    *,
    actor: User,
    dilemma: Dilemma,
    tekst: str,
    actieleren: Actieleren | None = None,
    overleg: Trapoverleg | None = None,
    versie: int | None = None,
) -> Dilemmanotitie:
    """What action learning at this level brought: linked to an actieleren record (at a
    leersessie) or to the meeting where it was on the agenda."""
    dilemma = _vergrendel(dilemma, versie)
    if not rules.mag_behandelen(actor, dilemma):
        raise ValidationError(_("Dit dilemma ligt niet op uw niveau of is al opgelost."))
    tekst = _verplicht(tekst, "tekst", _("Schrijf op wat de behandeling opleverde."))
    stap = dilemma.stappen.get(niveau=dilemma.niveau)
    if actieleren is not None:
        if dilemma.niveau != Niveau.PROFESSIONAL or actieleren.tafel.sessie.gemeente_id != dilemma.gemeente_id:
            raise ValidationError(
                {"actieleren": _("Koppel actieleren van een leersessie in deze gemeente, op het niveau van professionals.")}
            )
        stap.actieleren = actieleren
    if overleg is not None:
        if overleg.gemeente_id != dilemma.gemeente_id or _niveau_van_overleg(overleg.soort) != dilemma.niveau:
            raise ValidationError({"overleg": _("Dit overleg hoort niet bij het niveau van het dilemma.")})
        stap.overleg = overleg
    stap.save(update_fields=["actieleren", "overleg"])
    Dilemma.objects.filter(pk=dilemma.pk).update(versie=F("versie") + 1)
    notitie = Dilemmanotitie.objects.create(stap=stap, soort=Dilemmanotitie.Soort.BEHANDELD, door=actor, tekst=tekst)
    log(actor, dilemma.gemeente_id, Actie.UPDATE, "leren.dilemma.behandeld", dilemma)
    return notitie


@transaction.atomic
def escaleer_dilemma(*, actor: User, dilemma: Dilemma, toelichting: str, versie: int | None = None) -> Dilemma:
    """Unresolved here: one level up, with its history. Past the steungroep there is none."""
    dilemma = _vergrendel(dilemma, versie)
    if dilemma.niveau == Niveau.STEUNGROEP:
        raise ValidationError(
            {"niveau": _("De steungroep is het hoogste niveau: een dilemma kan niet verder omhoog. Los het hier op.")}
        )
    if not rules.mag_behandelen(actor, dilemma):
        raise ValidationError(_("Dit dilemma ligt niet op uw niveau of is al opgelost."))
    toelichting = _verplicht(toelichting, "toelichting", _("Schrijf op waarom het hier niet op te lossen is."))
    nu = timezone.now()
    _notitie(dilemma, Dilemmanotitie.Soort.GEESCALEERD, actor, toelichting)
    dilemma.stappen.filter(niveau=dilemma.niveau).update(geeindigd_op=nu, uitkomst=Dilemmastap.Uitkomst.GEESCALEERD)
    dilemma.niveau = NIVEAUS[NIVEAUS.index(Niveau(dilemma.niveau)) + 1]
    dilemma.versie += 1
    dilemma.save(update_fields=["niveau", "versie"])
    Dilemmastap.objects.create(dilemma=dilemma, niveau=dilemma.niveau, begonnen_op=nu)
    log(actor, dilemma.gemeente_id, Actie.UPDATE, "leren.dilemma.geescaleerd", dilemma)
    return dilemma


def betrokkenen(dilemma: Dilemma) -> set[int]:
    """Everyone who raised or handled it (at any level)."""
    door = Dilemmanotitie.objects.filter(stap__dilemma=dilemma).values_list("door_id", flat=True)
    return {dilemma.ingebracht_door_id, *door}


@transaction.atomic
def los_dilemma_op(*, actor: User, dilemma: Dilemma, oplossing: str, versie: int | None = None) -> Dilemma:
    """Resolved at this level: the resolution flows back down to everyone who raised or
    handled it — a signal in the product and an e-mail."""
    dilemma = _vergrendel(dilemma, versie)
    if not rules.mag_behandelen(actor, dilemma):
        raise ValidationError(_("Dit dilemma ligt niet op uw niveau of is al opgelost."))
    oplossing = _verplicht(oplossing, "oplossing", _("Schrijf de oplossing op."))
    nu = timezone.now()
    _notitie(dilemma, Dilemmanotitie.Soort.OPGELOST, actor, oplossing)
    dilemma.stappen.filter(niveau=dilemma.niveau).update(geeindigd_op=nu, uitkomst=Dilemmastap.Uitkomst.OPGELOST)
    dilemma.status, dilemma.oplossing, dilemma.opgelost_op, dilemma.opgelost_door = Dilemma.Status.OPGELOST, oplossing, nu, actor
    dilemma.versie += 1
    dilemma.save(update_fields=["status", "oplossing", "opgelost_op", "opgelost_door", "versie"])
    _meld_oplossing(dilemma, actor)
    log(actor, dilemma.gemeente_id, Actie.UPDATE, "leren.dilemma.opgelost", dilemma)
    return dilemma


def _meld_oplossing(dilemma: Dilemma, actor: User) -> None:
    """The same signal the rule (signalen.dilemma_opgelost) keeps for a month, made now so
    nobody waits for the night's run; and an e-mail to each person but the one who resolved it."""
    mensen = User.objects.filter(
        pk__in=betrokkenen(dilemma),
        is_active=True,
        rollen__in=Roltoewijzing.objects.actief().filter(gemeente_id=dilemma.gemeente_id),
    ).distinct()
    dag = timezone.localtime(dilemma.opgelost_op).date()
    tekst = _("Er is een oplossing voor een dilemma dat u inbracht of behandelde.")
    Signalering.objects.bulk_create(
        [
            Signalering(
                gemeente_id=dilemma.gemeente_id,
                casus=None,
                soort=OPLOSSING,
                onderwerp_type="leren.dilemma",
                onderwerp_id=dilemma.pk,
                ontvanger=u,
                vervaldatum=dag,
                tekst=tekst,
            )
            for u in mensen
        ],
        ignore_conflicts=True,
    )
    for u in mensen:
        if u.pk != actor.pk and u.email:
            zet_klaar(soort=OPLOSSING, aan=u.email, onderwerp=dilemma, gemeente=dilemma.gemeente_id)


__all__ = [
    "Conflict", "behandel_dilemma", "breng_dilemma_in", "dilemma_uit_escalatie", "dilemma_uit_zet",
    "escaleer_dilemma", "leg_besluit_vast", "los_dilemma_op", "plan_overleg", "registreer_aanwezigheid",
    "voeg_actie_toe", "voeg_agendapunt_toe",
]  # fmt: skip
