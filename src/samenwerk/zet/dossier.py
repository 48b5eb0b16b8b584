"""The third source, computed (domain.md §9, §3): the dossier study's facts read from the
case's own records — registration, the start of question clarification, the decision to
meet, the Samenwerkoverleg, agreements and their completion, evaluations, AVE level changes
and which organisations were involved when. Pure reads; the caller logs them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.casussen.models import Betrokkene, Casus, Gebeurtenis, Toestemming
from samenwerk.overleg.models import Overleg
from samenwerk.plannen.models import Afspraak, Ronde, Samenwerkplan
from samenwerk.regie.models import Niveauwijziging


@dataclass(frozen=True)
class Feit:
    """One dated fact on the case's timeline."""

    code: str
    label: str
    datum: datetime.date
    dagen: int  # days since the signal (registration)


@dataclass(frozen=True)
class Periode:
    """An organisation involved in the case from `van` to `tot` (None: still)."""

    organisatie: str
    van: datetime.date
    tot: datetime.date | None


@dataclass
class Dossierfeiten:
    signaal: datetime.date
    feiten: list[Feit] = field(default_factory=list)
    perioden: list[Periode] = field(default_factory=list)
    afspraken: int = 0
    afspraken_voltooid: int = 0
    gebeurtenissen: int = 0

    def datum(self, code: str) -> datetime.date | None:
        return next((f.datum for f in self.feiten if f.code == code), None)

    @property
    def einde(self) -> datetime.date:
        datums = [f.datum for f in self.feiten] + [p.tot for p in self.perioden if p.tot] + [self.signaal]
        return max(datums)


def _dag(waarde: datetime.date | datetime.datetime) -> datetime.date:
    if isinstance(waarde, datetime.datetime):
        return timezone.localtime(waarde).date()
    return waarde


def bereken(casus: Casus) -> Dossierfeiten:
    """The facts of one case; a fixed number of queries (eight) whatever its size."""
    signaal = casus.aanmelddatum
    feiten: list[tuple[str, str, datetime.date]] = [("signaal", _("Signaal: aangemeld"), signaal)]
    toestemming = (
        Toestemming.objects.filter(casus=casus, doel=Toestemming.Doel.SAMENWERKWIJZE, gegeven=True)
        .order_by("datum", "id")
        .values_list("datum", flat=True)
        .first()
    )
    if toestemming:
        feiten.append(("vraagverheldering", _("Start vraagverheldering (toestemming)"), toestemming))
    plan = Samenwerkplan.objects.filter(casus=casus).values("pk", "overleg_besloten_op", "overleg_nodig").first()
    if plan and plan["overleg_besloten_op"]:
        label = _("Besluit: Samenwerkoverleg nodig") if plan["overleg_nodig"] else _("Besluit: geen Samenwerkoverleg")
        feiten.append(("besluit", label, plan["overleg_besloten_op"]))
    overleggen = (
        Overleg.objects.filter(casus=casus)
        .exclude(status=Overleg.Status.GEANNULEERD)
        .order_by("begint")
        .values_list("begint", "soort")
    )
    eerste_overleg = True
    for begint, soort in overleggen:
        if eerste_overleg:
            feiten.append(("overleg", _("Eerste Samenwerkoverleg"), _dag(begint)))
            eerste_overleg = False
        elif soort == Overleg.Soort.EVALUATIE:
            feiten.append(("evaluatieoverleg", _("Evaluatieoverleg"), _dag(begint)))
    afspraken = list(Afspraak.objects.filter(plan__casus=casus).values_list("start", "voltooid_op", "ingetrokken_op"))
    if afspraken:
        feiten.append(("afspraken", _("Eerste afspraken gemaakt"), min(a[0] for a in afspraken)))
        lopend = [a for a in afspraken if a[1] is None and a[2] is None]
        voltooid = [a[1] for a in afspraken if a[1] is not None]
        if voltooid and not lopend:
            feiten.append(("afspraken_klaar", _("Alle afspraken uitgevoerd"), max(voltooid)))
    for nummer, datum in Ronde.objects.filter(plan__casus=casus, soort=Ronde.Soort.EVALUATIE).values_list("nummer", "datum"):
        feiten.append(("evaluatie", _("Evaluatie %(nummer)s") % {"nummer": nummer}, datum))
    for van, naar, datum in (
        Niveauwijziging.objects.filter(casus=casus).order_by("datum", "id").values_list("van", "naar", "datum")
    ):
        tekst = _("AVE-niveau %(van)s → %(naar)s") % {"van": van or "–", "naar": naar}
        feiten.append(("ave", tekst, datum))
    if casus.afgesloten_op:
        feiten.append(("afgesloten", _("Casus afgesloten"), casus.afgesloten_op))
    perioden = [
        Periode(organisatie=naam, van=sinds, tot=tot)
        for naam, sinds, tot in Betrokkene.objects.filter(casus=casus)
        .order_by("sinds", "id")
        .values_list("organisatie__naam", "sinds", "tot")
    ]
    feiten.sort(key=lambda f: (f[2], f[0] != "signaal"))
    return Dossierfeiten(
        signaal=signaal,
        feiten=[Feit(code=c, label=str(label), datum=d, dagen=(d - signaal).days) for c, label, d in feiten],
        perioden=_samengevoegd(perioden),
        afspraken=len(afspraken),
        afspraken_voltooid=sum(1 for a in afspraken if a[1] is not None),
        gebeurtenissen=Gebeurtenis.objects.filter(casus=casus).count(),
    )


def _samengevoegd(perioden: list[Periode]) -> list[Periode]:
    """One bar per organisation: from its first professional's start to its last one's end."""
    per_org: dict[str, Periode] = {}
    for p in perioden:
        oud = per_org.get(p.organisatie)
        if oud is None:
            per_org[p.organisatie] = p
            continue
        tot = None if (oud.tot is None or p.tot is None) else max(oud.tot, p.tot)
        per_org[p.organisatie] = Periode(p.organisatie, min(oud.van, p.van), tot)
    return list(per_org.values())


def duur(feiten: Dossierfeiten, van: str, naar: str) -> int | None:
    """Days between two facts, when both exist."""
    a, b = feiten.datum(van), feiten.datum(naar)
    return (b - a).days if a and b else None


# --- the drawing -------------------------------------------------------------------------


@dataclass(frozen=True)
class Tekening:
    breedte: int
    hoogte: int
    punten: list[dict[str, object]]
    balken: list[dict[str, object]]
    as_y: int
    titel: str
    beschrijving: str


def tekening(feiten: Dossierfeiten, vandaag: datetime.date | None = None) -> Tekening:
    """A horizontal timeline: the facts as dots on a day axis, the organisations as bars
    beneath it. Coordinates only; the template writes them through the `svg` filter."""
    eind = max(feiten.einde, min(vandaag or timezone.localdate(), feiten.einde + datetime.timedelta(days=30)))
    dagen = max((eind - feiten.signaal).days, 1)
    links, breedte_as, rij = 20, 660, 26
    x = lambda d: links + breedte_as * (d - feiten.signaal).days / dagen  # noqa: E731
    punten = []
    for i, f in enumerate(feiten.feiten):
        punten.append(
            {"x": x(f.datum), "y": 40, "label_y": 30 if i % 2 == 0 else 64, "label": f.label, "datum": f.datum, "nummer": i + 1}
        )
    balken = []
    basis = 84  # the organisations' bars, under the numbered dots (numbers alternate above and below)
    for i, p in enumerate(feiten.perioden):
        tot = p.tot or eind
        balken.append(
            {"x": x(p.van), "y": basis + i * rij, "breedte": max(x(tot) - x(p.van), 3), "label": p.organisatie,
             "tekst_y": basis + i * rij + 14, "van": p.van, "tot": p.tot}
        )  # fmt: skip
    hoogte = basis + len(balken) * rij + 10
    return Tekening(
        breedte=links * 2 + breedte_as,
        hoogte=hoogte,
        punten=punten,
        balken=balken,
        as_y=40,
        titel=_("Tijdlijn van de casus"),
        beschrijving=_(
            "%(n)s gebeurtenissen van %(van)s tot %(tot)s; %(orgs)s organisaties betrokken. "
            "De tabel eronder geeft dezelfde gegevens."
        )
        % {"n": len(punten), "van": f"{feiten.signaal:%d-%m-%Y}", "tot": f"{eind:%d-%m-%Y}", "orgs": len(balken)},
    )
