"""The first version of a bundle or leergeschiedenis, drafted from the records (domain.md §7):
what the area's evaluatietafels found going well and still needed, what actieleren brought
(nuttig bevonden, wat nuttig was, vervolgstappen), the dilemmas and their resolutions, the
number of cases and the Tafel's figures, and the social-return aggregates of `rendement`.
Figures and the organisation's own texts only: no resident's name."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenwerk.casussen.models import Casus
from samenwerk.rendement.cijfers import Filter, cijfers
from samenwerk.tafel.models import Aanmelding, Triage

from ..models import Actieleren, Dilemma, Evaluatiecel, Leerdocument, Leersessie, Niveau

MAX_REGELS = 40  # per list in a draft; the rest is counted


def _grenzen(van: datetime.date, tot: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    begin = timezone.make_aware(datetime.datetime.combine(van, datetime.time.min))
    einde = timezone.make_aware(datetime.datetime.combine(tot + datetime.timedelta(days=1), datetime.time.min))
    return begin, einde


def _sessies(document: Leerdocument) -> Q:
    begin, einde = _grenzen(document.van, document.tot)
    q = Q(gemeente=document.gemeente_id, begin__gte=begin, begin__lt=einde, geannuleerd_op__isnull=True)
    return q & Q(gebied=document.gebied_id) if document.gebied_id else q


def _lijst(regels: list[str], leeg: str) -> str:
    if not regels:
        return leeg
    meer = len(regels) - MAX_REGELS
    tekst = "\n".join(f"- {r}" for r in regels[:MAX_REGELS])
    if meer > 0:
        tekst += "\n" + ngettext("(en nog %(n)s punt)", "(en nog %(n)s punten)", meer) % {"n": meer}
    return tekst


def _evaluatie(document: Leerdocument, vraag: str) -> list[str]:
    sessies = Leersessie.objects.filter(_sessies(document)).values("pk")
    cellen = (
        Evaluatiecel.objects.filter(evaluatietafel__tafel__sessie__in=sessies, vraag=vraag)
        .exclude(tekst="")
        .order_by("evaluatietafel__tafel__sessie__begin", "stap")
        .values_list("stap", "tekst")
    )
    return [_("Stap %(stap)s: %(tekst)s") % {"stap": stap, "tekst": " ".join(tekst.split())} for stap, tekst in cellen]


def _actieleren(document: Leerdocument):  # type: ignore[no-untyped-def]
    sessies = Leersessie.objects.filter(_sessies(document)).values("pk")
    return Actieleren.objects.filter(tafel__sessie__in=sessies).order_by("tafel__sessie__begin", "pk")


def bundel(document: Leerdocument) -> dict[str, str]:
    rijen = list(_actieleren(document).values_list("nuttig_bevonden", "wat_nuttig", "vervolgstappen"))
    nuttig = [" ".join(w.split()) for n, w, _v in rijen if n and w.strip()]
    stappen = [" ".join(v.split()) for _n, _w, v in rijen if v.strip()]
    telling = _("%(a)s vragen met actieleren behandeld, %(n)s nuttig bevonden.") % {
        "a": len(rijen),
        "n": sum(1 for n, _w, _v in rijen if n),
    }
    return {
        "successen": "\n\n".join(
            [
                _("Uit de evaluatietafels (wat gaat goed):"),
                _lijst(_evaluatie(document, Evaluatiecel.Vraag.WAT_GAAT_GOED), _("Nog niets vastgelegd.")),
                _("Uit actieleren (wat was nuttig):") + " " + telling,
                _lijst(nuttig, _("Nog niets vastgelegd.")),
            ]
        ),
        "leerpunten": "\n\n".join(
            [
                _("Uit de evaluatietafels (wat is er nog nodig):"),
                _lijst(_evaluatie(document, Evaluatiecel.Vraag.WAT_NODIG), _("Nog niets vastgelegd.")),
                _("Vervolgstappen uit actieleren:"),
                _lijst(stappen, _("Nog niets vastgelegd.")),
            ]
        ),
    }


def tafelcijfers(document: Leerdocument) -> dict[str, int]:
    """Registrations at the Tafel up to the period's end, and the outcome of each triage."""
    qs = Aanmelding.objects.filter(gemeente=document.gemeente_id, aangemeld_op__lte=document.tot)
    if document.gebied_id:
        qs = qs.filter(casus__gebied=document.gebied_id)
    return qs.aggregate(
        totaal=Count("pk"),
        **{t.value: Count("pk", filter=Q(triage=t.value)) for t in Triage},
        open=Count("pk", filter=Q(triage="")),
    )


def aantal_casussen(document: Leerdocument) -> int:
    """Cases since the start, up to the period's end (of the method's route when one is chosen)."""
    qs = Casus.objects.filter(gemeente=document.gemeente_id, aanmelddatum__lte=document.tot)
    if document.gebied_id:
        qs = qs.filter(gebied=document.gebied_id)
    if document.methode:
        qs = qs.filter(route=document.methode)
    return qs.count()


def _dilemmas(document: Leerdocument):  # type: ignore[no-untyped-def]
    qs = Dilemma.objects.filter(gemeente=document.gemeente_id)
    if document.gebied_id:
        qs = qs.filter(Q(gebied=document.gebied_id) | Q(gebied__isnull=True))
    return qs


def leergeschiedenis(document: Leerdocument) -> dict[str, str]:
    begin, einde = _grenzen(document.van, document.tot)
    tafel = tafelcijfers(document)
    sessies = Leersessie.objects.filter(_sessies(document)).count()
    dilemmas = _dilemmas(document)
    opgelost = list(
        dilemmas.filter(status=Dilemma.Status.OPGELOST, opgelost_op__gte=begin, opgelost_op__lt=einde).values_list(
            "titel", "niveau", "oplossing"
        )
    )
    niveaus = dict(Niveau.choices)
    resultaten = [
        _("Aantal casussen sinds de start: %(n)s.") % {"n": aantal_casussen(document)},
        _("Leersessies in deze periode: %(n)s.") % {"n": sessies},
        _(
            "De Tafel Samen aan Zet: %(totaal)s aanmeldingen; %(geschikt)s geschikt, %(niet)s niet geschikt, "
            "%(andere)s naar een andere route, %(open)s nog niet besproken."
        )
        % {
            "totaal": tafel["totaal"],
            "geschikt": tafel[Triage.GESCHIKT],
            "niet": tafel[Triage.NIET_GESCHIKT],
            "andere": tafel[Triage.ANDERE_ROUTE],
            "open": tafel["open"],
        },
        _("Dilemma's in deze periode ingebracht: %(n)s; opgelost: %(o)s.")
        % {"n": dilemmas.filter(aangemaakt_op__gte=begin, aangemaakt_op__lt=einde).count(), "o": len(opgelost)},
    ]
    rijen = list(_actieleren(document).values_list("nuttig_bevonden", "wat_nuttig"))
    lessen = [
        _("Wat goed gaat (evaluatietafels):"),
        _lijst(_evaluatie(document, Evaluatiecel.Vraag.WAT_GAAT_GOED), _("Nog niets vastgelegd.")),
        _("Wat nuttig was (actieleren):"),
        _lijst([" ".join(w.split()) for n, w in rijen if n and w.strip()], _("Nog niets vastgelegd.")),
        _("Opgeloste dilemma's:"),
        _lijst(
            [f"{titel} ({niveaus[niveau]}): {' '.join(oplossing.split())}" for titel, niveau, oplossing in opgelost],
            _("Geen."),
        ),
    ]
    c = cijfers(document.gemeente, Filter(gebied=document.gebied, tot=document.tot, route=document.methode))
    effecten = [
        c.zin,
        _("Casussen met een micro-analyse: %(m)s van %(n)s.") % {"m": c.aantal_met_analyse, "n": c.aantal_casussen},
    ]
    open_ = list(dilemmas.filter(status=Dilemma.Status.OPEN).values_list("titel", "niveau"))
    opgave = [
        _("Nog nodig volgens de evaluatietafels:"),
        _lijst(_evaluatie(document, Evaluatiecel.Vraag.WAT_NODIG), _("Nog niets vastgelegd.")),
        _("Dilemma's die nog openstaan:"),
        _lijst([f"{titel} ({niveaus[niveau]})" for titel, niveau in open_], _("Geen.")),
    ]
    return {
        "resultaten": "\n".join(resultaten),
        "lessen": "\n\n".join(lessen),
        "effecten": "\n".join(effecten),
        "opgave": "\n\n".join(opgave),
    }
