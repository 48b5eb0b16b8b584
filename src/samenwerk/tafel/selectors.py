"""Reads of tables, meetings and registrations; single objects answer 404 for what the person
may not know exists (style.md §4). A registration is logged where it is fetched (§17)."""

from __future__ import annotations

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from samenwerk.casussen.models import Betrokkene
from samenwerk.gemeenten.models import Gemeente, Normen, User
from samenwerk.privacy.models import Actie
from samenwerk.ui.ids import kan_bestaan

from . import agenda as agendaregels
from . import rules
from .models import Aanmelding, Agendablok, Bijeenkomst, Tafel, TafelInstellingen, Tafellid, Triage


def tafels_voor(user: User, gemeente: Gemeente) -> QuerySet[Tafel]:
    """The tables on the list: those the person sits at, and every table of the municipality
    for those who may register a case there. No personal data."""
    if rules.heeft_rol(user, gemeente, rules.AANMELDERS | rules.INRICHTERS | rules.RAPPORTLEZERS):
        qs = Tafel.objects.filter(gemeente=gemeente)
    else:
        qs = Tafel.objects.voor_deelnemer(user).filter(gemeente=gemeente)
    nu = timezone.now()
    return qs.select_related("gebied").annotate(
        komende=Count("bijeenkomsten", filter=Q(bijeenkomsten__begint__gte=nu), distinct=True)
    )


def tafel_of_404(user: User, pk: int) -> Tafel:
    """A table for the person who sits at it (member, chair, secretary)."""
    if not kan_bestaan(pk):
        raise Http404
    tafel = Tafel.objects.voor_deelnemer(user).select_related("gemeente", "voorzitter", "secretaris", "gebied").filter(pk=pk)
    gevonden = tafel.first()
    if gevonden is None:
        raise Http404
    return gevonden


def tafel_voor_aanmelden_of_404(user: User, pk: int) -> Tafel:
    tafel = Tafel.objects.filter(pk=pk, gemeente__in=user.gemeenten()).select_related("gemeente").first()
    if tafel is None or not rules.mag_aanmelden(user, tafel):
        raise Http404
    return tafel


def leden(tafel: Tafel, *, met_geschiedenis: bool = True) -> QuerySet[Tafellid]:
    qs = tafel.leden.select_related("user", "organisatie")
    return qs if met_geschiedenis else qs.actief()


def bijeenkomsten(tafel: Tafel) -> QuerySet[Bijeenkomst]:
    return tafel.bijeenkomsten.annotate(aantal_nieuw=Count("aanmeldingen")).order_by("begint")


def aanmeldingen(tafel: Tafel) -> QuerySet[Aanmelding]:
    """The table's registrations without the resident's name (case number, domains, state)."""
    return tafel.aanmeldingen.select_related("casus", "bijeenkomst").order_by("-aangemeld_op", "-id")


def geen_bijeenkomst_binnenkort(tafel: Tafel, vandaag: datetime.date | None = None) -> bool:
    """domain.md §10: the table meets every two weeks; the page warns when nothing is planned
    within the municipality's interval from today — the same decision as the signal
    `tafel.geen_bijeenkomst` the chair and the secretary get (signalen.geen_bijeenkomst)."""
    from .signalen import geen_bijeenkomst

    dag = vandaag or timezone.localdate()
    interval = Normen.objects.voor(tafel.gemeente_id).tafel_interval_weken
    begin = timezone.make_aware(datetime.datetime.combine(dag, datetime.time.min))
    eerstvolgende = tafel.bijeenkomsten.filter(begint__gte=begin).order_by("begint").values_list("begint", flat=True).first()
    return geen_bijeenkomst(dag, timezone.localtime(eerstvolgende).date() if eerstvolgende else None, interval)


def bijeenkomst_of_404(user: User, tafel: Tafel, pk: int) -> Bijeenkomst:
    if not kan_bestaan(pk):
        raise Http404
    gevonden = tafel.bijeenkomsten.filter(pk=pk).select_related("tafel", "tafel__gemeente").first()
    if gevonden is None:
        raise Http404
    return gevonden


def blokken(bijeenkomst: Bijeenkomst) -> QuerySet[Agendablok]:
    return bijeenkomst.blokken.select_related("aanmelding", "aanmelding__casus").order_by("volgorde", "id")


def aanmelding_of_404(user: User, tafel_pk: int, pk: int, *, gebeurtenis: str = "tafel.aanmelding.bekeken") -> Aanmelding:
    """The registration for a person who sits at its table or takes part in its case; the
    read is logged here (style.md §17)."""
    from .services import log_aanmelding

    if not kan_bestaan(tafel_pk, pk):
        raise Http404
    actief = Prefetch("casus__betrokkenen", queryset=Betrokkene.objects.actief().select_related("user", "organisatie"))
    aanmelding = (
        Aanmelding.objects.for_user(user)
        .filter(pk=pk, tafel_id=tafel_pk)
        .select_related("tafel", "tafel__gemeente", "casus", "casus__inwoner", "aangemeld_door", "bijeenkomst")
        .prefetch_related(actief)
        .first()
    )
    if aanmelding is None:
        raise Http404
    log_aanmelding(actor=user, aanmelding=aanmelding, actie=Actie.READ, gebeurtenis=gebeurtenis)
    return aanmelding


def vorige_datum(bijeenkomst: Bijeenkomst) -> datetime.date:
    """The date of the table's previous meeting, or one interval back when this is the first."""
    vorige = (
        Bijeenkomst.objects.filter(tafel_id=bijeenkomst.tafel_id, begint__lt=bijeenkomst.begint)
        .order_by("-begint")
        .values_list("begint", flat=True)
        .first()
    )
    if vorige is not None:
        return timezone.localtime(vorige).date()
    interval = Normen.objects.voor(bijeenkomst.tafel.gemeente_id).tafel_interval_weken
    return timezone.localtime(bijeenkomst.begint).date() - datetime.timedelta(weeks=interval)


def kandidaten(bijeenkomst: Bijeenkomst) -> tuple[list[Aanmelding], list[Aanmelding], list[Aanmelding]]:
    """New registrations waiting for triage, and the suitable cases whose casus check or
    procesevaluatie falls on this meeting (agenda.komt_terug)."""
    deze = timezone.localtime(bijeenkomst.begint).date()
    vorige = vorige_datum(bijeenkomst)
    normen = Normen.objects.voor(bijeenkomst.tafel.gemeente_id)
    marge = TafelInstellingen.objects.voor(bijeenkomst.tafel.gemeente_id).marge_dagen
    basis = Aanmelding.objects.filter(tafel_id=bijeenkomst.tafel_id).select_related("casus").order_by("aangemeld_op", "id")
    nieuw = list(
        basis.filter(triage="", aangemeld_op__lte=deze)
        .filter(Q(bijeenkomst__isnull=True) | Q(bijeenkomst=bijeenkomst) | Q(bijeenkomst__begint__lt=bijeenkomst.begint))
        .exclude(bijeenkomst__begint__gt=bijeenkomst.begint)
    )
    nieuw.sort(key=lambda a: (a.bijeenkomst_id != bijeenkomst.pk, a.aangemeld_op, a.pk))
    # Candidates for returning: registered within the widest window before this meeting.
    vroegst = deze - datetime.timedelta(days=31 * normen.tafel_procesevaluatie_maanden + 31 + marge)
    geschikt = list(basis.filter(triage=Triage.GESCHIKT, aangemeld_op__gte=vroegst, aangemeld_op__lte=deze))
    checks = [
        a
        for a in geschikt
        if agendaregels.komt_terug(
            a.aangemeld_op, vorige=vorige, deze=deze, weken=normen.tafel_casuscheck_weken, marge_dagen=marge
        )
    ]
    evaluaties = [
        a
        for a in geschikt
        if agendaregels.komt_terug(
            a.aangemeld_op, vorige=vorige, deze=deze, maanden=normen.tafel_procesevaluatie_maanden, marge_dagen=marge
        )
    ]
    return nieuw, checks, evaluaties


def voorzittersweergave(user: User, bijeenkomst: Bijeenkomst) -> dict[str, object]:
    """Everything the chair's view shows, in a fixed number of queries; the registrations on
    it (case numbers, notes, tips) are logged as read in one write."""
    from django.db.models import Prefetch as P

    from samenwerk.privacy.audit import Grondslag, Onderwerp, Regel, record_many

    from . import forms
    from .models import Afspraken, Besluit, Bezwaar, Reflectie, Tip

    blokken_ = list(bijeenkomst.blokken.select_related("aanmelding", "aanmelding__casus", "verloop").order_by("volgorde", "id"))
    aanmeldingen_ = {b.aanmelding_id: b.aanmelding for b in blokken_ if b.aanmelding_id}
    leden_ = list(Tafellid.objects.actief().filter(tafel_id=bijeenkomst.tafel_id).select_related("user", "organisatie"))
    tips: dict[int, list[Tip]] = {}
    for tip in Tip.objects.filter(bijeenkomst=bijeenkomst).select_related("van__user").order_by("id"):
        tips.setdefault(tip.aanmelding_id, []).append(tip)
    afspraken = {
        a.aanmelding_id: a
        for a in Afspraken.objects.filter(aanmelding_id__in=aanmeldingen_).select_related("regievoerder", "duo__user")
    }
    from .services import duo_suggesties

    rijen = []
    for blok in blokken_:
        verloop = getattr(blok, "verloop", None)
        a = blok.aanmelding
        rijen.append(
            {
                "blok": blok,
                "verloop": verloop,
                "klok": forms.KlokForm(initial={"blok": blok.pk}, bijeenkomst=bijeenkomst, auto_id=f"id_klok{blok.pk}_%s"),
                "notities": forms.NotitiesForm(
                    initial={"blok": blok.pk, "notities": verloop.notities if verloop else ""},
                    bijeenkomst=bijeenkomst,
                    auto_id=f"id_notities{blok.pk}_%s",
                ),
                "tips": tips.get(blok.aanmelding_id, []) if blok.soort == "tips" else [],
                "tip_form": forms.TipForm(initial={"aanmelding": a}, bijeenkomst=bijeenkomst, auto_id=f"id_tip{blok.pk}_%s")
                if blok.soort == "tips" and a
                else None,
                "triage_form": forms.TriageForm(
                    initial={"aanmelding": a, "triage": a.triage, "triage_reden": a.triage_reden},
                    bijeenkomst=bijeenkomst,
                    auto_id=f"id_triage{blok.pk}_%s",
                )
                if blok.soort == "afspraken" and a
                else None,
                "afspraken": afspraken.get(blok.aanmelding_id) if blok.soort == "afspraken" else None,
                "afspraken_form": forms.AfsprakenForm(
                    initial={"aanmelding": a}, bijeenkomst=bijeenkomst, auto_id=f"id_afspraken{blok.pk}_%s"
                )
                if blok.soort == "afspraken" and a
                else None,
                "suggesties": duo_suggesties(a, leden_) if blok.soort == "afspraken" and a else [],
                "casuscheck_form": forms.CasuscheckForm(
                    initial={"aanmelding": a}, bijeenkomst=bijeenkomst, auto_id=f"id_casuscheck{blok.pk}_%s"
                )
                if blok.soort == "casuscheck" and a
                else None,
                "procesevaluatie_form": forms.ProcesevaluatieForm(
                    initial={"aanmelding": a}, bijeenkomst=bijeenkomst, auto_id=f"id_procesevaluatie{blok.pk}_%s"
                )
                if blok.soort == "procesevaluatie" and a
                else None,
            }
        )
    besluiten = (
        Besluit.objects.filter(bijeenkomst=bijeenkomst)
        .select_related("aanmelding__casus")
        .prefetch_related(P("bezwaren", queryset=Bezwaar.objects.select_related("door__user")))
    )
    if aanmeldingen_:
        relatie = rules.relatie(user, bijeenkomst.tafel)
        regels = [
            Regel(
                onderwerp=Onderwerp(
                    gemeente_id=a.gemeente_id,
                    inwoner_id=a.casus.inwoner_id,
                    casus_id=a.casus_id,
                    object_type="tafelaanmelding",
                    object_id=a.pk,
                    gegevenssegment="tafelaanmelding",
                ),
                grondslag=Grondslag(doel="zorgverlening", grond_rol=True, relatie=relatie),
            )
            for a in aanmeldingen_.values()
        ]
        record_many(actor=user, actie=Actie.READ, gebeurtenis="tafel.voorzitter.bekeken", regels=regels)
    return {
        "bijeenkomst": bijeenkomst,
        "rijen": rijen,
        "besluiten": besluiten,
        "besluit_form": forms.BesluitForm(bijeenkomst=bijeenkomst, auto_id="id_besluit_%s"),
        "reflecties": Reflectie.objects.filter(bijeenkomst=bijeenkomst).select_related("lid__user"),
        "reflectie_form": forms.ReflectieForm(bijeenkomst=bijeenkomst, auto_id="id_reflectie_%s"),
    }
