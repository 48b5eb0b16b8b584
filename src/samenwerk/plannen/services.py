"""One function per thing a user does with the plan (style.md §3): each in a transaction,
writing the access log and the case timeline, called by pages and API alike."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Betrokkene, Casus, Netwerklid
from samenwerk.casussen.rules import eis_vastleggen
from samenwerk.casussen.workflow import Status
from samenwerk.gemeenten.models import Normen, User
from samenwerk.overleg.models import Deelnemer
from samenwerk.privacy.models import Actie

from . import regels
from .models import PLANVELDEN, Afspraak, Evaluatie, GezondheidMeting, PlanVersie, Ronde, Samenwerkplan


@dataclass(frozen=True)
class PlanInhoud:
    """Every field of the paper form (domain.md §3)."""

    ik_wil: str = ""
    welzijnscijfer: int | None = None
    welzijnscijfer_toelichting: str = ""
    ik_kan_zelf: str = ""
    ik_kan_gevraagd: str = ""
    nodig_kort: str = ""
    nodig_lang: str = ""
    gezondheid: str = ""
    dagelijks_leven: str = ""
    financien: str = ""
    wonen: str = ""
    meedoen: str = ""
    overleg_nodig: bool | None = None
    overleg_reden: str = ""
    evaluatie_datum: datetime.date | None = None
    evaluatie_organisator: str = ""


assert list(PlanInhoud.__dataclass_fields__) == PLANVELDEN  # noqa: S101 - the form and the dataclass must not drift


class PlanConflict(Exception):
    """Someone else saved the plan since this person opened it (optimistic locking)."""

    def __init__(self, plan: Samenwerkplan, gewijzigd: list[str], door: str) -> None:
        super().__init__(f"plan changed to version {plan.versie}")
        self.plan, self.gewijzigd, self.door = plan, gewijzigd, door


def plan_van(casus: Casus) -> Samenwerkplan:
    """The plan of the case; an empty, unsaved one when nothing was written yet."""
    try:
        return casus.plan
    except Samenwerkplan.DoesNotExist:
        return Samenwerkplan(casus=casus, gemeente_id=casus.gemeente_id)


@transaction.atomic
def wijzig_plan(*, actor: User, casus: Casus, inhoud: PlanInhoud, versie: int) -> Samenwerkplan:
    """Save the plan as a new version. `versie` is the version the person started from; if
    someone saved in between, PlanConflict names what they changed and nothing is saved."""
    eis_vastleggen(actor, casus)
    casus = Casus.objects.select_for_update().get(pk=casus.pk)
    if not casussen.heeft_toestemming(casus):
        raise ValidationError(_("De inwoner heeft (nog) geen toestemming gegeven om via de Samenwerkwijze geholpen te worden."))
    plan, _nieuw = Samenwerkplan.objects.select_for_update().get_or_create(
        casus=casus, defaults={"gemeente_id": casus.gemeente_id}
    )
    if plan.versie != versie:
        sinds = PlanVersie.objects.filter(plan=plan, nummer__gt=versie).order_by("nummer")
        gewijzigd = sorted({veld for v in sinds for veld in v.gewijzigde_velden}, key=PLANVELDEN.index)
        laatste = sinds.last()
        raise PlanConflict(plan, gewijzigd, laatste.door_naam if laatste else "")
    nieuw = asdict(inhoud)
    gewijzigd = [veld for veld in PLANVELDEN if getattr(plan, veld) != nieuw[veld]]
    if not gewijzigd:
        return plan
    if "overleg_nodig" in gewijzigd and inhoud.overleg_nodig is not None:
        plan.overleg_besloten_op = timezone.localdate()
    for veld in gewijzigd:
        setattr(plan, veld, nieuw[veld])
    plan.versie += 1
    plan.save()
    PlanVersie.objects.create(
        plan=plan, nummer=plan.versie, inhoud=plan.inhoud(), gewijzigde_velden=gewijzigd, door=actor, door_naam=str(actor)
    )
    Ronde.objects.get_or_create(plan=plan, nummer=0, defaults={"soort": Ronde.Soort.PLAN})
    casussen.tijdlijn(casus, actor, "plan", _("Plan opgeslagen (versie %(versie)s)") % {"versie": plan.versie})
    if "overleg_nodig" in gewijzigd and inhoud.overleg_nodig is not None:
        besluit = _("Besluit: wel een Samenwerkoverleg") if inhoud.overleg_nodig else _("Besluit: geen Samenwerkoverleg nodig")
        casussen.tijdlijn(casus, actor, "besluit", besluit)
    casussen.log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.UPDATE,
        gebeurtenis="plan.gewijzigd",
        segment="plan",
        object_type="plan",
        object_id=plan.pk,
        velden=gewijzigd,
    )
    if casus.status in (Status.VRAAGVERHELDERING, Status.HEROPEND):
        casussen.wijzig_status(actor=actor, casus=casus, naar=Status.PLAN)
    return plan


@transaction.atomic
def voeg_afspraak_toe(
    *,
    actor: User,
    casus: Casus,
    wie: str,
    wat: str,
    start: datetime.date | None = None,
    uiterlijke_datum: datetime.date | None = None,
    perspectief: str = "",
    betrokkene: Betrokkene | None = None,
    netwerklid: Netwerklid | None = None,
    deelnemer: Deelnemer | None = None,
    ronde: Ronde | None = None,
) -> Afspraak:
    """An agreement in the current round (or the given one, e.g. a meeting's): who, what,
    latest date (default start + 6 weeks)."""
    eis_vastleggen(actor, casus)
    casus = Casus.objects.select_for_update().get(pk=casus.pk)
    plan = Samenwerkplan.objects.select_for_update().filter(casus=casus).first()
    if plan is None:
        raise ValidationError(_("Maak eerst het plan, daarna de afspraken."))
    start = start or timezone.localdate()
    weken = Normen.objects.voor(casus.gemeente_id).afspraak_weken
    uiterlijke_datum = uiterlijke_datum or regels.standaard_uiterlijke_datum(start, weken)
    fouten = _controleer(
        casus=casus, wie=wie, wat=wat, betrokkene=betrokkene, netwerklid=netwerklid, deelnemer=deelnemer
    ) | _controleer_datum(start=start, uiterlijke_datum=uiterlijke_datum, perspectief=perspectief, weken=weken)
    if fouten:
        raise ValidationError(fouten)
    if ronde is None or ronde.plan_id != plan.pk:
        ronde = plan.rondes.order_by("-nummer").first() or Ronde.objects.create(plan=plan, nummer=0, soort=Ronde.Soort.PLAN)
    afspraak = Afspraak.objects.create(
        plan=plan,
        gemeente_id=casus.gemeente_id,
        ronde=ronde,
        wie=wie,
        wat=wat.strip(),
        start=start,
        uiterlijke_datum=uiterlijke_datum,
        perspectief=perspectief.strip(),
        betrokkene=betrokkene if wie == Afspraak.Wie.PROFESSIONAL else None,
        netwerklid=netwerklid if wie == Afspraak.Wie.NETWERKLID else None,
        deelnemer=deelnemer if wie == Afspraak.Wie.DEELNEMER else None,
    )
    casussen.tijdlijn(
        casus,
        actor,
        "afspraak",
        _("Afspraak: %(wie)s, uiterlijk %(datum)s") % {"wie": afspraak.uitvoerder, "datum": f"{uiterlijke_datum:%d-%m-%Y}"},
    )
    casussen.log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.CREATE,
        gebeurtenis="afspraak.gemaakt",
        segment="plan",
        object_type="afspraak",
        object_id=afspraak.pk,
    )
    if casus.status in (Status.PLAN, Status.EVALUATIE):
        casussen.wijzig_status(actor=actor, casus=casus, naar=Status.UITVOERING)
    return afspraak


def _controleer(
    *,
    casus: Casus,
    wie: str,
    wat: str,
    betrokkene: Betrokkene | None,
    netwerklid: Netwerklid | None,
    deelnemer: Deelnemer | None,
) -> dict[str, str]:
    """Who does it must belong to this case: an active professional, a network member, or a
    person invited to one of this case's meetings."""
    fouten: dict[str, str] = {}
    if not wat.strip():
        fouten["wat"] = _("Beschrijf wat er gedaan wordt.")
    if wie == Afspraak.Wie.PROFESSIONAL and (betrokkene is None or betrokkene.casus_id != casus.pk or betrokkene.tot is not None):
        fouten["betrokkene"] = _("Kies de professional die dit doet; die moet bij de casus betrokken zijn.")
    if wie == Afspraak.Wie.NETWERKLID and (netwerklid is None or netwerklid.casus_id != casus.pk):
        fouten["netwerklid"] = _("Kies wie uit het netwerk dit doet.")
    if wie == Afspraak.Wie.DEELNEMER and (deelnemer is None or deelnemer.overleg.casus_id != casus.pk):
        fouten["deelnemer"] = _("Kies wie dit doet uit de mensen die voor een overleg over deze casus zijn uitgenodigd.")
    return fouten


def _controleer_datum(*, start: datetime.date, uiterlijke_datum: datetime.date, perspectief: str, weken: int) -> dict[str, str]:
    fouten: dict[str, str] = {}
    if uiterlijke_datum < start:
        fouten["uiterlijke_datum"] = _("De uiterlijke datum ligt vóór de start.")
    elif regels.vraagt_perspectief(start, uiterlijke_datum, weken) and not perspectief.strip():
        fouten["perspectief"] = _("Dit duurt langer dan %(weken)s weken. Schrijf kort op welk perspectief de inwoner krijgt.") % {
            "weken": weken
        }
    return fouten


class AfspraakConflict(Exception):
    """Someone else changed the agreement since this person opened it (optimistic locking)."""

    def __init__(self, afspraak: Afspraak) -> None:
        super().__init__(f"agreement changed to version {afspraak.versie}")
        self.afspraak = afspraak


def _vergrendel(afspraak: Afspraak, versie: int) -> Afspraak:
    """The agreement locked for writing, if it is still the version the person started from
    and still open (a completed or withdrawn agreement is history, not changed)."""
    vers = Afspraak.objects.select_for_update().select_related("plan__casus").get(pk=afspraak.pk)
    if vers.versie != versie:
        raise AfspraakConflict(vers)
    if vers.ingetrokken_op is not None:
        raise ValidationError(_("Deze afspraak is al ingetrokken."))
    if vers.voltooid_op is not None:
        raise ValidationError(_("Deze afspraak is al voltooid."))
    return vers


@transaction.atomic
def wijzig_afspraak(
    *,
    actor: User,
    afspraak: Afspraak,
    versie: int,
    wie: str,
    wat: str,
    uiterlijke_datum: datetime.date,
    perspectief: str = "",
    betrokkene: Betrokkene | None = None,
    netwerklid: Netwerklid | None = None,
    deelnemer: Deelnemer | None = None,
) -> Afspraak:
    """Change who does it, what, and the latest date. `versie` is the version the person
    started from; if someone changed it in between, AfspraakConflict and nothing is saved."""
    casus = afspraak.plan.casus
    eis_vastleggen(actor, casus)
    afspraak = _vergrendel(afspraak, versie)
    weken = Normen.objects.voor(casus.gemeente_id).afspraak_weken
    fouten = _controleer(
        casus=casus, wie=wie, wat=wat, betrokkene=betrokkene, netwerklid=netwerklid, deelnemer=deelnemer
    ) | _controleer_datum(start=afspraak.start, uiterlijke_datum=uiterlijke_datum, perspectief=perspectief, weken=weken)
    if fouten:
        raise ValidationError(fouten)
    nieuw = {
        "wie": wie,
        "wat": wat.strip(),
        "uiterlijke_datum": uiterlijke_datum,
        "perspectief": perspectief.strip(),
        "betrokkene": betrokkene if wie == Afspraak.Wie.PROFESSIONAL else None,
        "netwerklid": netwerklid if wie == Afspraak.Wie.NETWERKLID else None,
        "deelnemer": deelnemer if wie == Afspraak.Wie.DEELNEMER else None,
    }
    gewijzigd = [veld for veld, waarde in nieuw.items() if getattr(afspraak, veld) != waarde]
    if not gewijzigd:
        return afspraak
    for veld in gewijzigd:
        setattr(afspraak, veld, nieuw[veld])
    afspraak.versie += 1
    afspraak.save(update_fields=[*gewijzigd, "versie"])
    casussen.tijdlijn(
        casus,
        actor,
        "afspraak",
        _("Afspraak gewijzigd: %(wie)s, uiterlijk %(datum)s")
        % {"wie": afspraak.uitvoerder, "datum": f"{afspraak.uiterlijke_datum:%d-%m-%Y}"},
    )
    casussen.log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.UPDATE,
        gebeurtenis="afspraak.gewijzigd",
        segment="plan",
        object_type="afspraak",
        object_id=afspraak.pk,
        velden=gewijzigd,
    )
    return afspraak


@transaction.atomic
def trek_afspraak_in(*, actor: User, afspraak: Afspraak, versie: int, reden: str) -> Afspraak:
    """Withdraw an agreement: it stays in the plan as withdrawn, with the reason and date,
    and no longer counts as open or overdue."""
    casus = afspraak.plan.casus
    eis_vastleggen(actor, casus)
    if not reden.strip():
        raise ValidationError({"reden": _("Schrijf kort op waarom de afspraak wordt ingetrokken.")})
    afspraak = _vergrendel(afspraak, versie)
    afspraak.ingetrokken_op = timezone.localdate()
    afspraak.intrekreden = reden.strip()[:300]
    afspraak.versie += 1
    afspraak.save(update_fields=["ingetrokken_op", "intrekreden", "versie"])
    casussen.tijdlijn(
        casus,
        actor,
        "afspraak",
        _("Afspraak ingetrokken: %(wat)s (%(reden)s)") % {"wat": afspraak.wat[:80], "reden": afspraak.intrekreden},
    )
    casussen.log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.UPDATE,
        gebeurtenis="afspraak.ingetrokken",
        segment="plan",
        object_type="afspraak",
        object_id=afspraak.pk,
        velden=["ingetrokken_op", "intrekreden"],
    )
    return afspraak


def nieuwe_ronde(plan: Samenwerkplan, soort: str, datum: datetime.date) -> Ronde:
    """The next round of the plan: its agreements show as a dated addition (the paper form's
    "another colour with the date")."""
    nummer = (plan.rondes.order_by("-nummer").values_list("nummer", flat=True).first() or 0) + 1
    return Ronde.objects.create(plan=plan, nummer=nummer, soort=soort, datum=datum)


@transaction.atomic
def voltooi_afspraak(*, actor: User, afspraak: Afspraak, op: datetime.date | None = None) -> Afspraak:
    eis_vastleggen(actor, afspraak.plan.casus)
    op = op or timezone.localdate()
    if op < afspraak.start:
        raise ValidationError({"voltooid_op": _("De afspraak kan niet vóór de start voltooid zijn.")})
    if op > timezone.localdate():
        raise ValidationError({"voltooid_op": _("De datum ligt in de toekomst.")})
    afspraak.voltooid_op = op
    afspraak.save(update_fields=["voltooid_op"])
    casus = afspraak.plan.casus
    casussen.tijdlijn(casus, actor, "afspraak", _("Afspraak voltooid: %(wat)s") % {"wat": afspraak.wat[:80]})
    casussen.log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.UPDATE,
        gebeurtenis="afspraak.voltooid",
        segment="plan",
        object_type="afspraak",
        object_id=afspraak.pk,
        velden=["voltooid_op"],
    )
    return afspraak


@dataclass(frozen=True)
class EvaluatieInhoud:
    acties_gedaan: str
    verdere_acties_nodig: bool
    welzijnscijfer: int
    welzijnscijfer_toelichting: str = ""
    geleerd: str = ""
    vorm: str = "overleg"
    tussentijds: bool = False
    datum: datetime.date | None = None


@transaction.atomic
def evalueer(*, actor: User, casus: Casus, inhoud: EvaluatieInhoud) -> Ronde:
    """Step 6: a new round in the same plan. New agreements after this belong to it."""
    eis_vastleggen(actor, casus)
    casus = Casus.objects.select_for_update().get(pk=casus.pk)
    plan = Samenwerkplan.objects.select_for_update().filter(casus=casus).first()
    if plan is None:
        raise ValidationError(_("Er is nog geen plan om te evalueren."))
    if not 1 <= inhoud.welzijnscijfer <= 10:
        raise ValidationError({"welzijnscijfer": _("Het welzijnscijfer is een heel getal van 1 tot en met 10.")})
    soort = Ronde.Soort.TUSSENTIJDS if inhoud.tussentijds else Ronde.Soort.EVALUATIE
    ronde = nieuwe_ronde(plan, soort, inhoud.datum or timezone.localdate())
    Evaluatie.objects.create(
        ronde=ronde,
        acties_gedaan=inhoud.acties_gedaan,
        verdere_acties_nodig=inhoud.verdere_acties_nodig,
        welzijnscijfer=inhoud.welzijnscijfer,
        welzijnscijfer_toelichting=inhoud.welzijnscijfer_toelichting,
        geleerd=inhoud.geleerd,
        vorm=inhoud.vorm,
    )
    casussen.tijdlijn(
        casus, actor, "evaluatie", _("%(ronde)s: welzijnscijfer %(cijfer)s") % {"ronde": ronde, "cijfer": inhoud.welzijnscijfer}
    )
    casussen.log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.CREATE,
        gebeurtenis="evaluatie.vastgelegd",
        segment="plan",
        object_type="evaluatie",
        object_id=ronde.pk,
    )
    if casus.status == Status.UITVOERING and not inhoud.tussentijds:
        casussen.wijzig_status(actor=actor, casus=casus, naar=Status.EVALUATIE)
    return ronde


@transaction.atomic
def meet_gezondheid(*, actor: User, casus: Casus, datum: datetime.date | None = None, **scores: int) -> GezondheidMeting:
    eis_vastleggen(actor, casus)
    if set(scores) != set(GezondheidMeting.DIMENSIES):
        raise ValidationError(_("Vul alle zes de dimensies in."))
    fout = {d: _("Een score is een heel getal van 0 tot en met 10.") for d, s in scores.items() if not 0 <= s <= 10}
    if fout:
        raise ValidationError(fout)
    meting = GezondheidMeting.objects.create(
        casus=casus, gemeente_id=casus.gemeente_id, datum=datum or timezone.localdate(), door=actor, **scores
    )
    casussen.tijdlijn(casus, actor, "gezondheid", _("Meting Positieve Gezondheid"))
    casussen.log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.CREATE,
        gebeurtenis="gezondheid.gemeten",
        segment="gezondheid",
        object_type="gezondheidmeting",
        object_id=meting.pk,
    )
    return meting
