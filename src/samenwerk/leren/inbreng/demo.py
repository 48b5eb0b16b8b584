"""Demo of cases at learning tables and evaluatietafels in Lindenhoven (issue 18): Sanne de
Vries brings one of her cases (with the resident's consent for LEERTAFEL) to the casustafel
of the next leersessie in De Heuvelrand and shares it; a filled evaluatietafel about general
successes at the previous session, and one about the shared case at the next. Uses the
sessions and tables leren.sessies.demo made when there are any; creates what it needs.

deduce is NOT loaded here (seconds and a gigabyte): the demo text's names are known, so its
de-identified text is precomputed — our own pass plus the known names — and handed to the
same service the task worker runs. Idempotent."""

from __future__ import annotations

import datetime
import re

from django.utils import timezone

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Betrokkene, Casus, Toestemming
from samenwerk.gemeenten.demo import DemoContext

from ..models import Casusinbreng, Deelname, Evaluatiecel, Leersessie, Leertafel
from . import deidentificatie, services
from . import evaluatie as diensten

TEKST = (
    "Mevrouw Yara El Amrani (38 jaar) woont met haar twee kinderen aan de Molenhavenstraat 12 in Waterkant. "
    "Sinds 3 februari 2026 heeft zij betalingsachterstanden bij de woningcorporatie; haar oudste zoon Milan (15) "
    "verzuimt van school. Zij belde zelf met 06-41234567. Haar BSN 123456782 staat in de aanmelding.\n\n"
    "Mijn vraag aan de tafel: hoe krijg ik de school en de schuldhulp tegelijk aan tafel, zonder dat mevrouw "
    "het gevoel krijgt dat over haar wordt beslist?"
)
NAMEN = ["Yara El Amrani", "Milan"]

CELLEN = {
    (1, "wat_doe_je"): "Signalen komen via de huisarts, school en de woningcorporatie binnen bij de buurtcoach.",
    (1, "wat_gaat_goed"): "De lijnen met de huisartsen zijn kort.",
    (1, "wat_nodig"): "School meldt nog laat; afspraak maken met de intern begeleiders.",
    (2, "wat_doe_je"): "Eerste gesprek thuis, ik wil / ik kan / ik heb nodig samen invullen.",
    (2, "wat_gaat_goed"): "Inwoners herkennen zich in hun eigen woorden.",
    (3, "wat_nodig"): "Vaker het netwerk vragen: buren, familie, de kerk.",
    (5, "wat_gaat_goed"): "De inwoner voert het woord; professionals vullen aan.",
    (6, "wat_nodig"): "Meer tijd voor de voorbereiding met de inwoner.",
    (8, "wat_doe_je"): "De notulist legt afspraken vast in het plan, tijdens het overleg.",
    (10, "wat_nodig"): "Managers sneller betrekken als een organisatie niet levert.",
    (12, "wat_gaat_goed"): "Terugkijken leverde drie concrete verbeterpunten op.",
}


def _vooraf(tekst: str) -> tuple[str, list[dict]]:
    """The demo's de-identification, without loading deduce (the names are known)."""
    vondsten = deidentificatie.eigen_vondsten(tekst)
    vondsten += [deidentificatie.Vondst(m.start(), m.end(), "PERSOON") for n in NAMEN for m in re.finditer(re.escape(n), tekst)]
    return deidentificatie.vervang(tekst, vondsten)


def _sessie(ctx: DemoContext, gebied_key: str, dagen: int) -> Leersessie:
    gebied = ctx.gebieden[gebied_key]
    nu = timezone.now()
    venster = (nu + datetime.timedelta(days=dagen - 10), nu + datetime.timedelta(days=dagen + 20))
    bestaand = (
        Leersessie.objects.filter(gemeente=ctx.gemeente, gebied=gebied, begin__range=venster, geannuleerd_op__isnull=True)
        .order_by("begin")
        .first()
    )
    if bestaand is not None:
        return bestaand
    dag = timezone.localdate() + datetime.timedelta(days=dagen)
    begin = datetime.datetime.combine(dag, datetime.time(15), tzinfo=timezone.get_current_timezone())
    return Leersessie.objects.create(
        gemeente=ctx.gemeente, gebied=gebied, begin=begin, eind=begin + datetime.timedelta(hours=2),
        locatie="Dorpshuis Ekelhorst", aanjager=ctx.mensen["aanjager"],
    )  # fmt: skip


def _tafel(sessie: Leersessie, soort: str) -> Leertafel:
    tafel = sessie.tafels.filter(soort=soort).first()
    return tafel or Leertafel.objects.create(sessie=sessie, soort=soort, volgorde=sessie.tafels.count() + 1)


def _aan_tafel(tafel: Leertafel, mensen: list) -> None:  # type: ignore[type-arg]
    for user in mensen:
        deelname, _nieuw = Deelname.objects.get_or_create(sessie=tafel.sessie, user=user)
        if deelname.tafel_id is None:
            deelname.tafel = tafel
            deelname.save(update_fields=["tafel"])


def _vul(actor, tafel: Leertafel, cellen: dict, **rollen) -> None:  # type: ignore[no-untyped-def]
    diensten.kies_rollen(actor=tafel.sessie.aanjager, tafel=tafel, **rollen)
    for (stap, vraag), tekst in cellen.items():
        diensten.sla_cel_op(actor=actor, tafel=tafel, wijziging=diensten.Celwijziging(stap, vraag, tekst, 0))


def load(ctx: DemoContext) -> None:
    if ctx.gemeente is None or Casusinbreng.objects.filter(gemeente=ctx.gemeente).exists():
        return
    sanne, ahmed, femke = ctx.mensen["professional"], ctx.mensen["professional2"], ctx.mensen["professional3"]
    joris, bram = ctx.mensen["professional4"], ctx.mensen["aanjager"]
    casus = (
        Casus.objects.open()
        .filter(gemeente=ctx.gemeente, betrokkenen__user=sanne, betrokkenen__rol=Betrokkene.Rol.CASUSREGISSEUR)
        .order_by("id")
        .first()
    )
    volgende, vorige = _sessie(ctx, "heuvelrand", 14), _sessie(ctx, "heuvelrand", -21)
    casustafel, evaluatietafel = _tafel(volgende, Leertafel.Soort.CASUS), _tafel(volgende, Leertafel.Soort.EVALUATIE)
    vorige_evaluatie = _tafel(vorige, Leertafel.Soort.EVALUATIE)
    _aan_tafel(casustafel, [sanne, femke, joris])
    _aan_tafel(evaluatietafel, [ahmed, femke])
    _aan_tafel(vorige_evaluatie, [sanne, ahmed, joris])
    inbreng = None
    if casus is not None:
        casussen.leg_toestemming_vast(
            actor=sanne, casus=casus, doel=Toestemming.Doel.LEERTAFEL, gegeven=True, wijze="schriftelijk"
        )
        casus = Casus.objects.prefetch_related("betrokkenen").get(pk=casus.pk)
        casus.mijn_noodtoegang = ""  # type: ignore[attr-defined]
        inbreng = services.breng_in(actor=sanne, casus=casus, tafel=casustafel, tekst=TEKST)
        inbreng = services.verwerk(inbreng.pk, deidentificeer=_vooraf)
        inbreng = services.maak_onherkenbaar(actor=sanne, inbreng=inbreng, passages=["Waterkant"], versie=inbreng.versie)
        inbreng = services.deel(actor=sanne, inbreng=inbreng, versie=inbreng.versie)
        # the same case, also for the evaluatietafel of the next session
        tweede = services.breng_in(actor=sanne, casus=casus, tafel=evaluatietafel, tekst=TEKST)
        tweede = services.verwerk(tweede.pk, deidentificeer=_vooraf)
        tweede = services.deel(actor=sanne, inbreng=tweede, versie=tweede.versie)
        _vul(ahmed, evaluatietafel, dict(list(CELLEN.items())[:4]), gespreksleider=bram, notulist=ahmed, tijdbewaker=femke,
             aanwezigen=[bram, ahmed, femke], inbreng=tweede)  # fmt: skip
    if not Evaluatiecel.objects.filter(evaluatietafel__tafel=vorige_evaluatie).exists():
        _vul(joris, vorige_evaluatie, CELLEN, gespreksleider=bram, notulist=joris, tijdbewaker=ahmed,
             aanwezigen=[bram, sanne, ahmed, joris], algemeen=True)  # fmt: skip
