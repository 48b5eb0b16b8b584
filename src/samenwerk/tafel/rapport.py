"""The stuurgroep report of one table for a chosen period (domain.md §5, issue 23 item 8):
figures only, no names. Every figure is computed from the records the work leaves behind
— registrations, the meeting app's MDO+ meetings, the plan's agreements, the case's
professionals — never from a checkbox that repeats the figure. `UITLEG` says how, and the
page prints it beside each figure. A fixed number of queries, whatever the period holds."""

from __future__ import annotations

import datetime
import statistics
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.casussen.models import Betrokkene, Casus
from samenwerk.config.replica import leest_van_replica
from samenwerk.overleg.models import Agendapunt, Deelnemer, Overleg
from samenwerk.plannen.models import Afspraak

from . import budget
from .models import Aanmelding, Leefgebied, Tafel, Triage

# How each figure is computed: shown on the page, in the PDF and in the spreadsheet.
UITLEG = {
    "aanmeldingen": gettext_lazy("Aanmeldingen bij deze Tafel met een aanmelddatum in de periode."),
    "triage": gettext_lazy(
        "Het besluit dat de Tafel bij elke aanmelding vastlegde (geschikt, niet geschikt, andere route); "
        "‘nog niet besproken’ is een aanmelding zonder besluit."
    ),
    "mdo": gettext_lazy(
        "MDO+-overleggen (de vorm ‘MDO+’ van het overleg) van de aangemelde casussen die gehouden en afgesloten zijn."
    ),
    "organisaties": gettext_lazy(
        "De organisaties van de professionals die bij de aangemelde casussen betrokken zijn of waren, "
        "met het aantal casussen per organisatie."
    ),
    "doorlooptijd_mdo": gettext_lazy(
        "Dagen van de aanmelddatum tot het eerste gehouden MDO+ van de casus; alleen casussen met een gehouden MDO+."
    ),
    "doorlooptijd_afsluiting": gettext_lazy(
        "Dagen van de aanmelddatum tot de datum waarop de casus is afgesloten; alleen afgesloten casussen."
    ),
    "netwerk": gettext_lazy(
        "Casussen met in het plan minstens één afspraak (niet ingetrokken) die is toegewezen aan iemand uit het "
        "netwerk: een netwerklid, of een uitgenodigde die als netwerklid aan een overleg deelnam."
    ),
    "samen": gettext_lazy(
        "Casussen met een gehouden MDO+ waarvan het besloten deel is gevoerd (er staan aantekeningen bij), waar "
        "minstens één netwerklid aanwezig was, en waarvan de inwoner het plan daarna heeft gezien en akkoord gaf "
        "(het akkoord op het plan is na het begin van dat MDO+ vastgelegd)."
    ),
    "leefgebieden": gettext_lazy("Hoe vaak elk leefgebied in de aanmeldingen van de periode voorkomt."),
    "budget": gettext_lazy(
        "Bestedingen uit het flexibele budget die in een MDO+ in de periode zijn besloten; per budget het bedrag, "
        "wat er in totaal uit is besteed en wat er over is."
    ),
}


@dataclass(frozen=True)
class Spreiding:
    """Lead time in days: how many cases, median and spread (quartiles, shortest, longest)."""

    n: int
    mediaan: float | None = None
    kwartiel1: float | None = None
    kwartiel3: float | None = None
    kortst: int | None = None
    langst: int | None = None

    @classmethod
    def van(cls, dagen: list[int]) -> Spreiding:
        if not dagen:
            return cls(0)
        if len(dagen) == 1:
            q1 = q3 = float(dagen[0])
        else:
            q1, _m, q3 = statistics.quantiles(dagen, n=4, method="inclusive")
        return cls(len(dagen), float(statistics.median(dagen)), q1, q3, min(dagen), max(dagen))


@dataclass
class Rapport:
    tafel: Tafel
    van: datetime.date
    tot: datetime.date
    aanmeldingen: int = 0
    triage: dict[str, int] = field(default_factory=dict)
    mdo: int = 0
    mdo_casussen: int = 0
    organisaties: list[tuple[str, int]] = field(default_factory=list)
    doorlooptijd_mdo: Spreiding = field(default_factory=lambda: Spreiding(0))
    doorlooptijd_afsluiting: Spreiding = field(default_factory=lambda: Spreiding(0))
    netwerk: int = 0
    samen: int = 0
    leefgebieden: list[tuple[str, int]] = field(default_factory=list)
    budget: dict[str, object] = field(default_factory=dict)

    def triage_rijen(self) -> list[tuple[str, int]]:
        rijen = [(str(label), self.triage.get(code, 0)) for code, label in Triage.choices]
        return [*rijen, (str(_("Nog niet besproken")), self.triage.get("", 0))]

    @property
    def doorlooptijden(self) -> list[tuple[str, Spreiding, str]]:
        return [
            (str(_("het eerste MDO+")), self.doorlooptijd_mdo, str(UITLEG["doorlooptijd_mdo"])),
            (str(_("de afsluiting")), self.doorlooptijd_afsluiting, str(UITLEG["doorlooptijd_afsluiting"])),
        ]

    @property
    def uitleg(self) -> dict[str, str]:
        return {k: str(v) for k, v in UITLEG.items()}


def standaardperiode(vandaag: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """The last twelve months up to today."""
    dag = vandaag or timezone.localdate()
    return dag - datetime.timedelta(days=364), dag


@leest_van_replica
def bereken(tafel: Tafel, van: datetime.date, tot: datetime.date) -> Rapport:
    """The report's figures for the registrations of `tafel` with a date in [van, tot]."""
    r = Rapport(tafel=tafel, van=van, tot=tot)
    aanmeldingen = Aanmelding.objects.filter(tafel=tafel, aangemeld_op__gte=van, aangemeld_op__lte=tot)
    # 1. One row per registration: its case, date, triage and life domains.
    rijen = list(aanmeldingen.values_list("casus_id", "aangemeld_op", "triage", "leefgebieden"))
    r.aanmeldingen = len(rijen)
    r.triage = dict(Counter(t for _c, _d, t, _l in rijen))
    labels = dict(Leefgebied.choices)
    gebieden = Counter(code for *_x, lijst in rijen for code in lijst if code in labels)
    r.leefgebieden = [(str(labels[c]), gebieden[c]) for c in Leefgebied.values if gebieden[c]]
    # The earliest registration date per case (a case registered twice counts once).
    aangemeld: dict[int, datetime.date] = {}
    for casus_id, datum, _t, _l in rijen:
        aangemeld[casus_id] = min(datum, aangemeld.get(casus_id, datum))
    casussen = aanmeldingen.values("casus_id")
    # 2. Held MDO+ meetings of those cases.
    mdos = list(
        Overleg.objects.filter(casus__in=casussen, vorm=Overleg.Vorm.MDO_PLUS, status=Overleg.Status.GEHOUDEN).values_list(
            "casus_id", "begint"
        )
    )
    r.mdo = len(mdos)
    eerste: dict[int, datetime.date] = {}
    for casus_id, begint in mdos:
        dag = timezone.localtime(begint).date()
        eerste[casus_id] = min(dag, eerste.get(casus_id, dag))
    r.mdo_casussen = len(eerste)
    r.doorlooptijd_mdo = Spreiding.van(sorted((eerste[c] - aangemeld[c]).days for c in eerste if c in aangemeld))
    # 3. Closure.
    gesloten = Casus.objects.filter(pk__in=casussen, afgesloten_op__isnull=False).values_list("pk", "afgesloten_op")
    r.doorlooptijd_afsluiting = Spreiding.van(sorted((dag - aangemeld[pk]).days for pk, dag in gesloten if pk in aangemeld))
    # 4. Organisations of the professionals on those cases.
    per_org = Counter(
        naam
        for naam, _casus in Betrokkene.objects.filter(casus__in=casussen).values_list("organisatie__naam", "casus_id").distinct()
    )
    r.organisaties = sorted(per_org.items(), key=lambda x: (-x[1], x[0]))
    # 5. The network's role in carrying out the plan.
    netwerk = Q(wie=Afspraak.Wie.NETWERKLID, netwerklid__isnull=False) | Q(
        wie=Afspraak.Wie.DEELNEMER, deelnemer__soort=Deelnemer.Soort.NETWERKLID
    )
    r.netwerk = (
        Afspraak.objects.filter(netwerk, plan__casus__in=casussen, ingetrokken_op__isnull=True)
        .values("plan__casus_id")
        .distinct()
        .count()
    )
    # 6. Made fully together: the closed part held, the network present, the plan agreed after.
    besloten_gevoerd = Agendapunt.objects.filter(overleg=OuterRef("pk"), besloten=True).exclude(notities="")
    netwerk_aanwezig = Deelnemer.objects.filter(overleg=OuterRef("pk"), soort=Deelnemer.Soort.NETWERKLID, aanwezig=True)
    r.samen = (
        Overleg.objects.filter(casus__in=casussen, vorm=Overleg.Vorm.MDO_PLUS, status=Overleg.Status.GEHOUDEN)
        .filter(Exists(besloten_gevoerd), Exists(netwerk_aanwezig), casus__plan__erkend_op__gte=F("begint"))
        .values("casus_id")
        .distinct()
        .count()
    )
    # 7. The flexible budget.
    r.budget = budget.besteed_in(tafel, van, tot)
    return r


def percentage(deel: int, geheel: int) -> str:
    return f"{round(100 * deel / geheel)}%" if geheel else "–"


def dagen(waarde: float | None) -> str:
    if waarde is None:
        return "–"
    return f"{waarde:.1f}".replace(".", ",").removesuffix(",0")


def diagrammen(r: Rapport) -> dict[str, object]:
    """Bar charts (rendement.grafiek, drawn by rendement/_staafdiagram.html with a table)."""
    from samenwerk.rendement.grafiek import staafdiagram

    return {
        "triage": staafdiagram(
            _("Besluit van de Tafel"),
            _("Het aantal aanmeldingen per besluit van de Tafel; de aantallen staan in de tabel ernaast."),
            [(label, n, str(n)) for label, n in r.triage_rijen()],
        ),
        "leefgebieden": staafdiagram(
            _("Leefgebieden in de aanmeldingen"),
            _("Hoe vaak elk leefgebied in de aanmeldingen voorkomt; de aantallen staan in de tabel ernaast."),
            [(label, n, str(n)) for label, n in r.leefgebieden],
        ),
        "organisaties": staafdiagram(
            _("Betrokken organisaties"),
            _("Het aantal aangemelde casussen waarbij elke organisatie betrokken is; de aantallen staan in de tabel ernaast."),
            [(naam, n, str(n)) for naam, n in r.organisaties],
        ),
    }


def rijen(r: Rapport) -> list[list[object]]:
    """The figures as rows for the spreadsheet: onderdeel, omschrijving, waarde, hoe berekend."""
    u = r.uitleg
    uit: list[list[object]] = [
        [_("Tafel"), r.tafel.naam, None, ""],
        [_("Periode"), f"{r.van:%d-%m-%Y} – {r.tot:%d-%m-%Y}", None, ""],
        [_("Aanmeldingen"), _("aangemeld in de periode"), r.aanmeldingen, u["aanmeldingen"]],
    ]
    uit += [[_("Besluit van de Tafel"), label, n, u["triage"]] for label, n in r.triage_rijen()]
    uit += [
        [_("MDO+"), _("gehouden MDO+-overleggen"), r.mdo, u["mdo"]],
        [_("MDO+"), _("casussen met een gehouden MDO+"), r.mdo_casussen, u["mdo"]],
    ]
    for sleutel, label in (
        ("doorlooptijd_mdo", _("Doorlooptijd aanmelding → MDO+ (dagen)")),
        ("doorlooptijd_afsluiting", _("Doorlooptijd aanmelding → afsluiting (dagen)")),
    ):
        s: Spreiding = getattr(r, sleutel)
        for naam, waarde in (
            (_("aantal casussen"), s.n),
            (_("mediaan"), s.mediaan),
            (_("eerste kwartiel"), s.kwartiel1),
            (_("derde kwartiel"), s.kwartiel3),
            (_("kortst"), s.kortst),
            (_("langst"), s.langst),
        ):
            uit.append([label, naam, Decimal(str(waarde)) if isinstance(waarde, float) else waarde, u[sleutel]])
    uit += [
        [_("Sociaal netwerk"), _("casussen waarin het netwerk een rol heeft in de uitvoering"), r.netwerk, u["netwerk"]],
        [_("Samen gemaakt"), _("casussen waarin het plan volledig samen is gemaakt"), r.samen, u["samen"]],
    ]
    uit += [[_("Betrokken organisaties"), naam, n, u["organisaties"]] for naam, n in r.organisaties]
    uit += [[_("Leefgebieden"), label, n, u["leefgebieden"]] for label, n in r.leefgebieden]
    b = r.budget
    for saldo in b.get("potten", []):  # type: ignore[attr-defined]
        uit.append([_("Flexibel budget"), str(saldo.pot), saldo.pot.bedrag, _("bedrag")])
        uit.append([_("Flexibel budget"), str(saldo.pot), saldo.besteed, _("besteed")])
        uit.append([_("Flexibel budget"), str(saldo.pot), saldo.saldo, _("saldo")])
    uit.append([_("Flexibel budget"), _("besteed in de periode"), b.get("totaal"), u["budget"]])
    uit.append([_("Flexibel budget"), _("casussen met een besteding in de periode"), b.get("casussen"), u["budget"]])
    return uit
