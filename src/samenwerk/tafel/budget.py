"""The table's flexible budget (domain.md §5, issue 23 item 9): a pot per period, spends per
case decided in an MDO+, the balance. One service per user action (style.md §3); the pot's
row is locked while a spend is checked, so two spends at once never both pass the check
on the same balance."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.gemeenten.models import User
from samenwerk.overleg.models import Overleg
from samenwerk.privacy.models import Actie
from samenwerk.rendement.bedragen import euro

from . import rules
from .models import Aanmelding, Besteding, Budgetpot, Tafel
from .services import _log_tafel, log_aanmelding

NUL = Decimal("0.00")


@dataclass(frozen=True)
class Saldo:
    pot: Budgetpot
    besteed: Decimal
    aantal: int

    @property
    def saldo(self) -> Decimal:
        return self.pot.bedrag - self.besteed

    @property
    def overschreden(self) -> bool:
        return self.besteed > self.pot.bedrag


def potten(tafel: Tafel) -> QuerySet[Budgetpot]:
    """The table's pots with what was spent from each (one query)."""
    return tafel.budgetpotten.annotate(besteed=Sum("bestedingen__bedrag"), aantal=Count("bestedingen"))


def saldi(rijen: Iterable[Budgetpot]) -> list[Saldo]:
    return [Saldo(p, getattr(p, "besteed", None) or NUL, getattr(p, "aantal", 0)) for p in rijen]


def bestedingen(tafel: Tafel) -> QuerySet[Besteding]:
    """The spends of the table's pots: case number, MDO+ date, amount, purpose. No names."""
    return (
        Besteding.objects.filter(pot__tafel=tafel)
        .select_related("pot", "aanmelding__casus", "overleg")
        .order_by("-besloten_op", "-id")
    )


def mdo_keuzes(tafel: Tafel) -> QuerySet[Overleg]:
    """MDO+ meetings (held or planned) of the cases registered at this table."""
    return (
        Overleg.objects.filter(casus__tafelaanmeldingen__tafel=tafel, vorm=Overleg.Vorm.MDO_PLUS)
        .exclude(status=Overleg.Status.GEANNULEERD)
        .select_related("casus")
        .distinct()
        .order_by("-begint")
    )


@transaction.atomic
def maak_pot(*, actor: User, tafel: Tafel, naam: str, bedrag: Decimal, van: datetime.date, tot: datetime.date) -> Budgetpot:
    if not rules.mag_budget_beheren(actor, tafel):
        raise ValidationError({"naam": _("Alleen de voorzitter of de secretaris van de Tafel legt het budget vast.")})
    fouten = {}
    if not naam.strip():
        fouten["naam"] = _("Geef het budget een naam, bijvoorbeeld ‘Flexibel budget 2026-2027’.")
    if bedrag is None or bedrag <= 0:
        fouten["bedrag"] = _("Vul een bedrag groter dan nul in.")
    if tot < van:
        fouten["tot"] = _("De einddatum ligt vóór de begindatum.")
    if fouten:
        raise ValidationError(fouten)
    pot = Budgetpot.objects.create(tafel=tafel, naam=naam.strip(), bedrag=bedrag, van=van, tot=tot, aangemaakt_door=actor)
    _log_tafel(actor, tafel, Actie.CREATE, "tafel.budget.aangemaakt", "budgetpot", pot.pk)
    return pot


@dataclass(frozen=True)
class Bestedinggegevens:
    bedrag: Decimal
    doel: str
    besluit: str
    overschrijding_reden: str = ""


@transaction.atomic
def leg_besteding_vast(
    *, actor: User, pot: Budgetpot, aanmelding: Aanmelding, overleg: Overleg | None, gegevens: Bestedinggegevens
) -> Besteding:
    """A spend for one case, decided in one of its MDO+ meetings. When it takes the pot over
    its amount a reason is required; the pot's row stays locked until this commits."""
    tafel = pot.tafel
    if not rules.mag_budget_beheren(actor, tafel):
        raise ValidationError({"pot": _("Alleen de voorzitter of de secretaris van de Tafel legt een besteding vast.")})
    fouten: dict[str, str] = {}
    if aanmelding.tafel_id != tafel.pk:
        fouten["aanmelding"] = _("Kies een casus die bij deze Tafel is aangemeld.")
    if overleg is None or overleg.vorm != Overleg.Vorm.MDO_PLUS or overleg.casus_id != aanmelding.casus_id:
        fouten["overleg"] = _("Kies het MDO+ van deze casus waarin de besteding is besloten.")
    elif overleg.status == Overleg.Status.GEANNULEERD:
        fouten["overleg"] = _("Dit MDO+ is geannuleerd; kies het MDO+ waarin de besteding is besloten.")
    if gegevens.bedrag is None or gegevens.bedrag <= 0:
        fouten["bedrag"] = _("Vul een bedrag groter dan nul in.")
    if not gegevens.doel.strip():
        fouten["doel"] = _("Schrijf op waarvoor het geld is.")
    if not gegevens.besluit.strip():
        fouten["besluit"] = _("Schrijf op wat er in het MDO+ is besloten.")
    besloten_op = timezone.localtime(overleg.begint).date() if overleg is not None and "overleg" not in fouten else None
    if besloten_op is not None and not pot.van <= besloten_op <= pot.tot:
        fouten["overleg"] = _("Dit MDO+ valt buiten de periode van het budget (%(van)s – %(tot)s).") % {
            "van": f"{pot.van:%d-%m-%Y}",
            "tot": f"{pot.tot:%d-%m-%Y}",
        }
    if fouten:
        raise ValidationError(fouten)
    # Lock the pot: a second spend waits here and then sees this one in the sum.
    Budgetpot.objects.select_for_update().filter(pk=pot.pk).first()
    besteed = Besteding.objects.filter(pot=pot).aggregate(s=Sum("bedrag"))["s"] or NUL
    na = besteed + gegevens.bedrag
    if na > pot.bedrag and not gegevens.overschrijding_reden.strip():
        raise ValidationError(
            {
                "overschrijding_reden": _(
                    "Met deze besteding gaat het budget %(over)s over het bedrag van %(bedrag)s heen (er is nog %(saldo)s). "
                    "Schrijf op waarom dat nodig is, of kies een lager bedrag."
                )
                % {"over": euro(na - pot.bedrag), "bedrag": euro(pot.bedrag), "saldo": euro(pot.bedrag - besteed)}
            }
        )
    besteding = Besteding.objects.create(
        pot=pot,
        aanmelding=aanmelding,
        overleg=overleg,
        bedrag=gegevens.bedrag,
        doel=gegevens.doel.strip(),
        besluit=gegevens.besluit.strip(),
        besloten_op=besloten_op,
        overschrijding_reden=gegevens.overschrijding_reden.strip() if na > pot.bedrag else "",
        vastgelegd_door=actor,
    )
    aanmelding = Aanmelding.objects.select_related("tafel", "casus").prefetch_related("casus__betrokkenen").get(pk=aanmelding.pk)
    log_aanmelding(actor=actor, aanmelding=aanmelding, actie=Actie.CREATE, gebeurtenis="tafel.budget.besteding",
                   velden=["bedrag", "doel", "besluit"])  # fmt: skip
    return besteding


def besteed_in(tafel: Tafel, van: datetime.date, tot: datetime.date) -> dict[str, object]:
    """For the stuurgroep report: the pots that overlap the period with their balances, and
    what was spent in the period (amount and number of cases). Two queries."""
    rijen = saldi(potten(tafel).filter(van__lte=tot, tot__gte=van).order_by("van", "id"))
    periode = Besteding.objects.filter(pot__tafel=tafel, besloten_op__gte=van, besloten_op__lte=tot).aggregate(
        totaal=Sum("bedrag"),
        aantal=Count("id"),
        casussen=Count("aanmelding__casus", distinct=True),
        over=Count("id", filter=~Q(overschrijding_reden="")),
    )
    return {
        "potten": rijen,
        "totaal": periode["totaal"] or NUL,
        "aantal": periode["aantal"],
        "casussen": periode["casussen"],
        "overschrijdingen": periode["over"],
    }


# --- privacy: the resident's inzage and the retention job (registered in apps.ready) ---


def inzage_deel(casus: object) -> dict[str, object]:
    """What the table spent for this resident, as they may read it."""
    rijen = Besteding.objects.filter(aanmelding__casus=casus).select_related("pot__tafel").order_by("besloten_op", "id")
    return {
        "tafelbestedingen": [
            {"tafel": b.pot.tafel.naam, "besloten_op": b.besloten_op.isoformat(), "bedrag": str(b.bedrag), "waarvoor": b.doel,
             "besluit": b.besluit, "waarom_meer_dan_het_budget": b.overschrijding_reden}
            for b in rijen
        ]
    }  # fmt: skip


def anonimiseer(casus: object, schuif: datetime.timedelta) -> None:
    """The amount stays (the pot's balance and the report's totals); the texts go, the date
    shifts like the case's."""
    from django.db.models import F

    Besteding.objects.filter(aanmelding__casus=casus).update(
        doel="", besluit="", overschrijding_reden="", besloten_op=F("besloten_op") - schuif
    )
