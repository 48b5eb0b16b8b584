"""Demo of the upper steps in Lindenhoven (issue 18): a year of netwerkoverleg (every six
weeks), steungroep (five times) and intervisie (quarterly) with decisions and actions;
dilemmas at all three levels — one raised by a professional, escalated twice, resolved by
the steungroep and flowed back; a bundle for De Heuvelrand and its leergeschiedenis.

Uses the leersessies of the two demo areas when the sessions' demo made them, and makes one
session with an evaluatietafel and an actieleren question per area otherwise. Fictional.
Idempotent: nothing is added when the municipality has dilemmas already."""

from __future__ import annotations

import datetime

from django.utils import timezone

from samenwerk.gemeenten.demo import DemoContext

from ..models import (
    Actieleren,
    Dilemma,
    Dilemmanotitie,
    Dilemmastap,
    Evaluatiecel,
    Evaluatietafel,
    Leersessie,
    Leertafel,
    Trapactie,
    Trapbesluit,
    Trapdeelnemer,
    Trapoverleg,
)
from . import documenten, services

S = Trapoverleg.Soort
GOED, NODIG = Evaluatiecel.Vraag.WAT_GAAT_GOED, Evaluatiecel.Vraag.WAT_NODIG


def _om(dag: datetime.date, uur: int) -> datetime.datetime:
    return datetime.datetime.combine(dag, datetime.time(uur), tzinfo=timezone.get_current_timezone())


def _sessie(ctx: DemoContext, key: str, dag: datetime.date) -> None:
    """One session with an evaluatietafel and a casustafel, when the area has none that early
    (the leersessies' own demo may have begun later: the start decides the rhythm signals)."""
    gebied = ctx.gebieden[key]
    if Leersessie.objects.filter(gebied=gebied, begin__date__lte=dag).exists():
        return
    aanjager = ctx.mensen["aanjager" if key == "heuvelrand" else "aanjager2"]
    sessie = Leersessie.objects.create(
        gemeente=ctx.gemeente, gebied=gebied, begin=_om(dag, 15), eind=_om(dag, 17), aanjager=aanjager,
        locatie="Dorpshuis De Schakel" if key == "heuvelrand" else "Buurthuis De Linde",
    )  # fmt: skip
    evaluatie = Leertafel.objects.create(sessie=sessie, soort=Leertafel.Soort.EVALUATIE, volgorde=1)
    et = Evaluatietafel.objects.create(tafel=evaluatie, algemeen=True, gespreksleider=aanjager)
    for stap, vraag, tekst in [
        (3, GOED, "Het netwerk van de inwoner (buurvrouw, zus) zat vanaf het begin aan tafel."),
        (6, GOED, "De inwoner vertelde zelf wat ze wil; iedereen schreef het letterlijk op."),
        (8, NODIG, "Afspraken staan pas dagen later in het plan: meteen vastleggen tijdens het overleg."),
        (10, NODIG, "Managers weten niet wanneer ze als escalatieniveau nodig zijn."),
    ]:
        Evaluatiecel.objects.create(evaluatietafel=et, stap=stap, vraag=vraag, tekst=tekst)
    casustafel = Leertafel.objects.create(sessie=sessie, soort=Leertafel.Soort.CASUS, volgorde=2, gespreksleider=aanjager)
    Actieleren.objects.create(
        tafel=casustafel, indiener=ctx.mensen["professional"],
        vraag="Hoe krijg ik de woningcorporatie aan tafel vóór de huisuitzetting?",
        vervolgstappen="Woonconsulent rechtstreeks uitnodigen; ambassadeur van de corporatie inschakelen.",
        nuttig_bevonden=True, wat_nuttig="Het advies om de ambassadeur van de corporatie te bellen in plaats van de balie.",
    )  # fmt: skip


def _overleggen(ctx: DemoContext, vandaag: datetime.date) -> list[Trapoverleg]:
    manager, bestuurder = ctx.mensen["manager"], ctx.mensen["bestuurder"]
    aanjagers = [ctx.mensen["aanjager"], ctx.mensen["aanjager2"]]
    reeksen = [
        # the latest of each series lies far enough back that planning the next one is signalled
        (S.NETWERKOVERLEG, manager, [manager, *aanjagers], [vandaag - datetime.timedelta(weeks=6 * n + 5) for n in range(0, 9)]),
        (S.STEUNGROEP, bestuurder, [bestuurder, manager], [vandaag - datetime.timedelta(days=73 * n + 80) for n in range(0, 5)]),
        (S.INTERVISIE, aanjagers[0], aanjagers, [vandaag - datetime.timedelta(days=91 * n + 85) for n in range(0, 4)]),
    ]
    gemaakt = []
    for soort, voorzitter, leden, dagen in reeksen:
        for dag in dagen:
            overleg = Trapoverleg.objects.create(
                gemeente=ctx.gemeente, soort=soort, begint=_om(dag, 15), eindigt=_om(dag, 17), voorzitter=voorzitter,
                locatie="Gemeentehuis Lindenhoven, kamer 3", aangemaakt_door=voorzitter,
            )  # fmt: skip
            Trapdeelnemer.objects.bulk_create(
                Trapdeelnemer(overleg=overleg, user=u, aanwezig=True if dag < vandaag else None) for u in leden
            )
            gemaakt.append(overleg)
    eerste_no = Trapoverleg.objects.filter(gemeente=ctx.gemeente, soort=S.NETWERKOVERLEG).order_by("begint").first()
    Trapbesluit.objects.create(
        overleg=eerste_no, tekst="Elke deelnemende organisatie wijst een ambassadeur aan.", vastgelegd_door=manager
    )
    Trapactie.objects.create(
        overleg=eerste_no, wat="Lijst van ambassadeurs naar de gebiedsaanjagers sturen.", eigenaar=manager,
        uiterlijk=timezone.localtime(eerste_no.begint).date() + datetime.timedelta(weeks=3),
        gedaan_op=timezone.localtime(eerste_no.begint).date() + datetime.timedelta(weeks=2),
    )  # fmt: skip
    eerste_sg = Trapoverleg.objects.filter(gemeente=ctx.gemeente, soort=S.STEUNGROEP).order_by("begint").first()
    Trapbesluit.objects.create(
        overleg=eerste_sg, tekst="Uitbreiding naar Waterkant in het tweede jaar, met een eigen gebiedsaanjager.",
        vastgelegd_door=bestuurder,
    )  # fmt: skip
    return gemaakt


def _terug(dilemma: Dilemma, dagen_per_stap: list[int]) -> None:
    """The demo is built in one day: spread the dilemma's stays over the past weeks."""
    nu = timezone.now()
    begin = nu - datetime.timedelta(days=sum(dagen_per_stap) + 2)
    Dilemma.objects.filter(pk=dilemma.pk).update(aangemaakt_op=begin)
    for stap, dagen in zip(dilemma.stappen.order_by("pk"), dagen_per_stap, strict=False):
        einde = begin + datetime.timedelta(days=dagen) if stap.geeindigd_op else None
        Dilemmastap.objects.filter(pk=stap.pk).update(begonnen_op=begin, geeindigd_op=einde)
        Dilemmanotitie.objects.filter(stap=stap).update(op=einde or begin)
        begin = einde or begin
    if dilemma.status == Dilemma.Status.OPGELOST:
        Dilemma.objects.filter(pk=dilemma.pk).update(opgelost_op=begin)


def load(ctx: DemoContext) -> None:
    if ctx.gemeente is None or Dilemma.objects.filter(gemeente=ctx.gemeente).exists():
        return
    vandaag = timezone.localdate()
    # De Heuvelrand started recently; Lindenhoven-Centrum a year ago (its bundle and
    # leergeschiedenis are due: the demo shows those signals).
    _sessie(ctx, "heuvelrand", vandaag - datetime.timedelta(days=40))
    _sessie(ctx, "centrum", vandaag - datetime.timedelta(days=358))
    _overleggen(ctx, vandaag)
    sanne, bram, pieter, marieke = (ctx.mensen[k] for k in ("professional", "aanjager", "manager", "bestuurder"))
    heuvelrand = ctx.gebieden["heuvelrand"]
    vraag = Actieleren.objects.filter(tafel__sessie__gebied=heuvelrand).first()

    # Resolved at the steungroep and flowed back down.
    d = services.breng_dilemma_in(
        actor=sanne, gemeente=ctx.gemeente, gebied=heuvelrand, titel="Geen uren voor het Samenwerkoverleg",
        wat_wil_ik="Voor elke complexe vraag een Samenwerkoverleg met de inwoner en het netwerk.",
        wat_kan_ik="Het overleg voorbereiden en voorzitten; de inwoner helpen het eigen plan te schrijven.",
        wat_heb_ik_nodig="Erkenning van de overleguren in mijn productienorm.",
    )  # fmt: skip
    services.behandel_dilemma(
        actor=bram,
        dilemma=d,
        actieleren=vraag,
        tekst="Aan de casustafel: iedereen herkent het; de norm ligt bij de organisaties.",
    )
    d = services.escaleer_dilemma(actor=bram, dilemma=d, toelichting="De productienorm is een besluit van de managers.")
    netwerk = Trapoverleg.objects.filter(gemeente=ctx.gemeente, soort=S.NETWERKOVERLEG, begint__gte=timezone.now())
    volgend = (
        netwerk.order_by("begint").first() or Trapoverleg.objects.filter(gemeente=ctx.gemeente, soort=S.NETWERKOVERLEG).first()
    )
    services.voeg_agendapunt_toe(actor=pieter, overleg=volgend, dilemma=d)
    services.behandel_dilemma(
        actor=pieter, dilemma=d, tekst="Twee organisaties willen wel, drie kunnen niet zonder extra budget."
    )
    d = services.escaleer_dilemma(actor=pieter, dilemma=d, toelichting="Vraagt om financiering: besluit van de steungroep.")
    d = services.los_dilemma_op(
        actor=marieke, dilemma=d,
        oplossing=(
            "Overleguren tellen mee in de productienorm; de gemeente vergoedt het eerste jaar 4 uur per maand "
            "per organisatie."
        ),
    )  # fmt: skip
    _terug(d, [12, 30, 21])

    # Waiting at the netwerkoverleg.
    d2 = services.breng_dilemma_in(
        actor=ctx.mensen["professional2"], gemeente=ctx.gemeente, gebied=ctx.gebieden["centrum"],
        titel="Gegevens delen met de huisarts", wat_wil_ik="De huisarts bij het plan betrekken.",
        wat_kan_ik="Toestemming van de inwoner vragen en vastleggen.",
        wat_heb_ik_nodig="Een afspraak tussen organisaties over hoe we met de huisartsen delen.",
    )  # fmt: skip
    services.escaleer_dilemma(actor=ctx.mensen["aanjager2"], dilemma=d2, toelichting="Afspraak tussen organisaties nodig.")
    _terug(d2, [9, 0])

    # Open with the professionals.
    d3 = services.breng_dilemma_in(
        actor=ctx.mensen["professional4"], gemeente=ctx.gemeente, gebied=heuvelrand,
        titel="Inwoner wil geen casusregisseur van de woningcorporatie", wat_wil_ik="Dat de inwoner zelf kiest wie regie voert.",
        wat_kan_ik="Een collega van een andere organisatie vragen.", wat_heb_ik_nodig="Tips van collega's aan de casustafel.",
    )  # fmt: skip
    _terug(d3, [0])

    bundel = documenten.maak_document(
        actor=bram, gemeente=ctx.gemeente, soort="bundel", gebied=heuvelrand,
        van=vandaag - datetime.timedelta(days=120), tot=vandaag,
    )  # fmt: skip
    services.voeg_agendapunt_toe(actor=pieter, overleg=volgend, document=bundel)
    documenten.maak_document(
        actor=pieter, gemeente=ctx.gemeente, soort="leergeschiedenis", gebied=heuvelrand, methode="samenwerkwijze",
        van=vandaag - datetime.timedelta(days=365), tot=vandaag,
    )  # fmt: skip
