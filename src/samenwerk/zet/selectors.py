"""Reads of rounds (style.md §4): visibility through `Evaluatieronde.objects.for_user`, single
objects answer 404 for what a person may not know exists, and the selectors that fetch case
data for display write the access-log row (§17)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from samenwerk.casussen.models import Betrokkene
from samenwerk.gemeenten.models import Gemeente, User

from . import dossier, rules
from .logboek import log
from .models import VERSCHIL_DREMPEL, Antwoord, Evaluatieronde, Interview, RodeDraad, Rondecasus, Thema, Verbeterpunt


def rondes_voor(user: User, gemeente: Gemeente) -> QuerySet[Evaluatieronde]:
    """The list: no personal data (names, periods, counts)."""
    return (
        Evaluatieronde.objects.for_user(user)
        .filter(gemeente=gemeente)
        .annotate(
            aantal_casussen=Count("casussen", filter=Q(casussen__casus__isnull=False), distinct=True),
            open_punten=Count("verbeterpunten", filter=~Q(verbeterpunten__status="afgerond"), distinct=True),
        )
        .order_by("-van", "-id")
    )


def ronde_of_404(user: User, pk: int) -> Evaluatieronde:
    ronde = Evaluatieronde.objects.for_user(user).select_related("gemeente").filter(pk=pk).first()
    if ronde is None:
        raise Http404
    return ronde


def rondecasus_of_404(ronde: Evaluatieronde, pk: int) -> Rondecasus:
    rc = (
        Rondecasus.objects.select_related("casus", "casus__inwoner", "ronde", "ronde__gemeente")
        .filter(ronde=ronde, pk=pk)
        .first()
    )
    if rc is None:
        raise Http404
    return rc


def interview_of_404(user: User, ronde: Evaluatieronde, pk: int, *, gebeurtenis: str = "zet.interview.bekeken") -> Interview:
    """An interview with its answers, for an evaluator or the beheerder who did not take part
    in the case; logged as read."""
    interview = (
        Interview.objects.select_related("rondecasus", "rondecasus__casus", "rondecasus__ronde", "interviewer", "notulist")
        .prefetch_related(
            Prefetch("antwoorden", queryset=Antwoord.objects.select_related("thema").order_by("thema__volgorde", "thema_id"))
        )
        .filter(rondecasus__ronde=ronde, pk=pk)
        .first()
    )
    if interview is None or not rules.mag_interviews_lezen(user, interview.rondecasus):
        raise Http404
    log(
        actor=user,
        ronde=ronde,
        gebeurtenis=gebeurtenis,
        rondecasussen=[interview.rondecasus],
        object_type="zet.interview",
        object_id=interview.pk,
    )
    return interview


def dekking(interview: Interview) -> list[Thema]:
    """The coverage check: themes not yet covered (answers prefetched)."""
    return [a.thema for a in interview.antwoorden.all() if not a.gedekt]


@dataclass
class Casusregel:
    """One case of the round on its overview: its sources and their coverage."""

    rc: Rondecasus
    inwoner: Interview | None = None
    professionals: list[Interview] = field(default_factory=list)
    open_themas: dict[int, list[str]] = field(default_factory=dict)  # interview id → uncovered themes

    @property
    def bronnen(self) -> int:
        return int(self.inwoner is not None) + int(bool(self.professionals)) + 1  # the dossier study is always there


def casussen_van(user: User, ronde: Evaluatieronde, *, gebeurtenis: str = "zet.ronde.bekeken") -> list[Casusregel]:
    """The round's cases with their interviews and coverage: three queries for any size, and
    one log row per case shown."""
    rcs = list(
        Rondecasus.objects.filter(ronde=ronde)
        .select_related("casus")
        .prefetch_related(
            Prefetch(
                "interviews",
                queryset=Interview.objects.prefetch_related(
                    Prefetch("antwoorden", queryset=Antwoord.objects.select_related("thema").order_by("thema__volgorde"))
                ).order_by("bron", "datum", "id"),
            )
        )
    )
    regels = []
    for rc in rcs:
        regel = Casusregel(rc=rc)
        for i in rc.interviews.all():
            if i.bron == Interview.Bron.INWONER:
                regel.inwoner = i
            else:
                regel.professionals.append(i)
            regel.open_themas[i.pk] = [a.thema.tekst for a in i.antwoorden.all() if not a.gedekt]
        regels.append(regel)
    log(
        actor=user, ronde=ronde, gebeurtenis=gebeurtenis, rondecasussen=[rc for rc in rcs if rc.casus_id], object_type="zet.casus"
    )
    return regels


def dossierfeiten(user: User, rc: Rondecasus) -> dossier.Dossierfeiten | None:
    """The computed dossier study; reading the case's records is logged as such."""
    if rc.casus_id is None:
        return None
    log(
        actor=user,
        ronde=rc.ronde,
        gebeurtenis="zet.dossier.bekeken",
        rondecasussen=[rc],
        object_type="zet.dossier",
        segment="tijdlijn",
    )
    return dossier.bereken(rc.casus)


def professionals_van(rc: Rondecasus) -> QuerySet[Betrokkene]:
    """Who can be interviewed about the case: everyone who took part in it."""
    return Betrokkene.objects.filter(casus_id=rc.casus_id).select_related("user", "organisatie").order_by("sinds", "id")


# --- the analysis ---------------------------------------------------------------------------


@dataclass
class Cel:
    """Case × theme: what each source said, and whether the resident differs."""

    thema: Thema
    inwoner: Antwoord | None = None
    professionals: list[Antwoord] = field(default_factory=list)

    @property
    def gemiddelde_professionals(self) -> float | None:
        oordelen = [a.oordeel for a in self.professionals if a.oordeel]
        return sum(oordelen) / len(oordelen) if oordelen else None

    @property
    def verschil(self) -> float | None:
        gem = self.gemiddelde_professionals
        if gem is None or self.inwoner is None or not self.inwoner.oordeel:
            return None
        return self.inwoner.oordeel - gem

    @property
    def wijkt_af(self) -> bool:
        v = self.verschil
        return v is not None and abs(v) >= VERSCHIL_DREMPEL


@dataclass
class Matrixcasus:
    rc: Rondecasus
    cellen: list[Cel]
    rode_draden: list[RodeDraad] = field(default_factory=list)

    @property
    def afwijkingen(self) -> list[Cel]:
        return [c for c in self.cellen if c.wijkt_af]


def matrix(user: User, ronde: Evaluatieronde, *, gebeurtenis: str = "zet.analyse.bekeken") -> list[Matrixcasus]:
    """Cases × sources × themes, with computed differences. A fixed number of queries."""
    themas = list(ronde.themas.all())
    rcs = list(
        Rondecasus.objects.filter(ronde=ronde, casus__isnull=False).select_related("casus").prefetch_related("rode_draden")
    )
    antwoorden = (
        Antwoord.objects.filter(interview__rondecasus__ronde=ronde, interview__rondecasus__casus__isnull=False)
        .select_related("interview", "thema")
        .prefetch_related("rode_draden")
        .order_by("interview__bron", "interview_id")
    )
    per: dict[tuple[int, int], Cel] = {}
    for rc in rcs:
        for t in themas:
            per[(rc.pk, t.pk)] = Cel(thema=t)
    for a in antwoorden:
        cel = per.get((a.interview.rondecasus_id, a.thema_id))
        if cel is None:
            continue
        if a.interview.bron == Interview.Bron.INWONER:
            cel.inwoner = a
        else:
            cel.professionals.append(a)
    log(actor=user, ronde=ronde, gebeurtenis=gebeurtenis, rondecasussen=rcs, object_type="zet.analyse")
    return [Matrixcasus(rc=rc, cellen=[per[(rc.pk, t.pk)] for t in themas], rode_draden=list(rc.rode_draden.all())) for rc in rcs]


def rode_draden(ronde: Evaluatieronde) -> QuerySet[RodeDraad]:
    return ronde.rode_draden.prefetch_related(
        Prefetch("antwoorden", queryset=Antwoord.objects.select_related("interview", "interview__rondecasus", "thema")),
        "dossiers",
    ).annotate(aantal_casussen=Count("antwoorden__interview__rondecasus", distinct=True))


def verbeterpunten(ronde: Evaluatieronde) -> QuerySet[Verbeterpunt]:
    return ronde.verbeterpunten.select_related("eigenaar", "eigenaar_organisatie").prefetch_related("rode_draden")


def verbeterpunt_of_404(ronde: Evaluatieronde, pk: int) -> Verbeterpunt:
    punt = ronde.verbeterpunten.select_related("ronde", "ronde__gemeente").filter(pk=pk).first()
    if punt is None:
        raise Http404
    return punt


def vergelijking(user: User, gemeente: Gemeente) -> list[dict[str, object]]:
    """Rounds over time: which improvement points recur (the same wording, compared without
    case or spaces), with the rounds they came up in. Two queries."""
    rondes = {r.pk: r for r in Evaluatieronde.objects.for_user(user).filter(gemeente=gemeente)}
    punten = (
        Verbeterpunt.objects.filter(ronde_id__in=list(rondes)).order_by("ronde__van", "id").values("ronde_id", "tekst", "status")
    )
    groepen: dict[str, dict[str, object]] = {}
    for p in punten:
        sleutel = " ".join(str(p["tekst"]).lower().split())
        groep = groepen.setdefault(sleutel, {"tekst": p["tekst"], "rondes": [], "status": p["status"]})
        ronde = rondes[p["ronde_id"]]
        if ronde not in groep["rondes"]:  # type: ignore[operator]
            groep["rondes"].append(ronde)  # type: ignore[attr-defined]
        groep["status"] = p["status"]
    return sorted(groepen.values(), key=lambda g: (-len(g["rondes"]), str(g["tekst"])))  # type: ignore[arg-type]
