"""One function per thing a user does with the micro-analysis of a case (style.md §3).
Keyword-only, with the actor, in a transaction that also writes the access log (the analysis
is personal data: the resident's wellbeing and their explanation). Pages and API call these
same functions. Every change raises the analysis's version; a change based on an older
version is refused with `AnalyseConflict` (optimistic locking, like the plan)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Casus
from samenwerk.casussen.rules import eis_vastleggen
from samenwerk.gemeenten.models import User
from samenwerk.plannen.models import Evaluatie, Samenwerkplan
from samenwerk.privacy.models import Actie

from .analyse import bijdrage_van
from .bedragen import getal
from .keuzes import EIGEN_PERIODE, TOEGESTANE_PERIODEN, WEKEN_PER_JAAR, Blok, Eenheid, Periode, Wet
from .models import Bijdrage, Kostenpost, Microanalyse, Prijsitem, Prijslijst

Overleg = tuple[datetime.date, Decimal, int]  # (datum, uren, aantal professionals)


@dataclass(frozen=True)
class AnalyseGegevens:
    """The fields of the analysis itself (the lines are separate)."""

    datum: datetime.date
    welzijn_voor: int | None = None
    welzijn_voor_toelichting: str = ""
    welzijn_na: int | None = None
    welzijn_na_toelichting: str = ""
    welzijn_herhaling: int | None = None
    welzijn_herhaling_toelichting: str = ""
    herhaling_datum: datetime.date | None = None
    scenario_niets_doen: str = ""


ANALYSEVELDEN = [f.name for f in fields(AnalyseGegevens)]


@dataclass(frozen=True)
class RegelGegevens:
    """One cost line as a person enters it: a price-list item, or a free price with its unit."""

    blok: str
    omschrijving: str = ""
    prijsitem: Prijsitem | None = None
    prijs: Decimal | None = None
    eenheid: str = ""
    wet: str = ""
    aantal: Decimal = Decimal(1)
    frequentie: Decimal = Decimal(1)
    periode: str = ""
    toelichting: str = ""


class AnalyseConflict(Exception):
    """Someone else changed the analysis since this person opened it."""

    def __init__(self, analyse: Microanalyse) -> None:
        super().__init__(f"analysis changed to version {analyse.versie}")
        self.analyse = analyse
        self.door = analyse.gewijzigd_door


def _mag_wijzigen(actor: User, casus: Casus) -> None:
    """Participants of the case write the analysis; emergency access only reads (the one
    "may write" rule, casussen.rules.mag_vastleggen)."""
    eis_vastleggen(actor, casus)


def _log(actor: User, casus: Casus, analyse: Microanalyse, actie: str, gebeurtenis: str, velden: Sequence[str] = ()) -> None:
    casussen.log_casus(
        actor=actor,
        casus=casus,
        actie=actie,
        gebeurtenis=gebeurtenis,
        segment="rendement",
        object_type="microanalyse",
        object_id=analyse.pk,
        velden=list(velden),
    )


def _vergrendel(analyse: Microanalyse, versie: int | None) -> Microanalyse:
    """Lock the row and check the version the person started from (None: no check)."""
    actueel = Microanalyse.objects.select_for_update().get(pk=analyse.pk)
    if versie is not None and actueel.versie != versie:
        raise AnalyseConflict(actueel)
    return actueel


def _bewaar_bijdrage(analyse: Microanalyse, regels: Iterable[Kostenpost] | None = None) -> None:
    """Store what the analysis, as saved now, adds to the report (its lines read again
    unless given)."""
    velden = bijdrage_van(analyse, analyse.regels.all() if regels is None else regels)
    Bijdrage.objects.update_or_create(analyse=analyse, defaults={"versie": analyse.versie, **velden})


def _nieuwe_versie(analyse: Microanalyse, actor: User, velden: list[str] | None = None) -> None:
    """Count up the version, save (these fields, or all) and store the new figures."""
    analyse.versie += 1
    analyse.gewijzigd_door = str(actor)
    analyse.save(update_fields=velden)
    _bewaar_bijdrage(analyse)


def prijslijst_voor(casus: Casus, datum: datetime.date) -> Prijslijst | None:
    """The price list an analysis made on this date uses: that year's, else the most recent
    earlier one, else the oldest later one."""
    lijsten = Prijslijst.objects.filter(gemeente_id=casus.gemeente_id)
    return (
        lijsten.filter(jaar=datum.year).first()
        or lijsten.filter(jaar__lt=datum.year).order_by("-jaar").first()
        or lijsten.order_by("jaar").first()
    )


def _controleer_welzijn(gegevens: AnalyseGegevens) -> None:
    fouten = {}
    for moment in ("voor", "na", "herhaling"):
        cijfer = getattr(gegevens, f"welzijn_{moment}")
        if cijfer is not None and (isinstance(cijfer, bool) or not isinstance(cijfer, int) or not 1 <= cijfer <= 10):
            fouten[f"welzijn_{moment}"] = _("Het welzijnscijfer is een heel getal van 1 tot en met 10.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def maak_analyse(
    *, actor: User, casus: Casus, datum: datetime.date | None = None, prijslijst: Prijslijst | None = None
) -> Microanalyse:
    """Start the analysis of a case. The weeks per year and the price list are those of the
    municipality now, and stay with the analysis. Wellbeing is prefilled from the plan: the
    plan's welzijnscijfer is "before", the latest evaluation's is "after"."""
    _mag_wijzigen(actor, casus)
    Casus.objects.select_for_update().filter(pk=casus.pk).first()
    if Microanalyse.objects.filter(casus=casus).exists():
        raise ValidationError(_("Deze casus heeft al een micro-analyse."))
    datum = datum or timezone.localdate()
    if prijslijst is not None and prijslijst.gemeente_id != casus.gemeente_id:
        raise ValidationError({"prijslijst": _("Deze prijslijst hoort bij een andere gemeente.")})
    prijslijst = prijslijst or prijslijst_voor(casus, datum)
    plan = Samenwerkplan.objects.filter(casus=casus).first()
    evaluatie = Evaluatie.objects.filter(ronde__plan__casus=casus).order_by("-ronde__nummer").first()
    analyse = Microanalyse(
        gemeente_id=casus.gemeente_id,
        casus=casus,
        prijslijst=prijslijst,
        datum=datum,
        weken_per_jaar=prijslijst.weken_per_jaar if prijslijst else WEKEN_PER_JAAR,
        welzijn_voor=plan.welzijnscijfer if plan else None,
        welzijn_voor_toelichting=plan.welzijnscijfer_toelichting if plan else "",
        welzijn_na=evaluatie.welzijnscijfer if evaluatie else None,
        welzijn_na_toelichting=evaluatie.welzijnscijfer_toelichting if evaluatie else "",
        aangemaakt_door=str(actor),
        gewijzigd_door=str(actor),
    )
    analyse.save()
    _bewaar_bijdrage(analyse, [])
    casussen.tijdlijn(casus, actor, "rendement", _("Micro-analyse maatschappelijk rendement gestart"))
    _log(actor, casus, analyse, Actie.CREATE, "rendement.analyse.gemaakt")
    return analyse


@transaction.atomic
def wijzig_analyse(*, actor: User, analyse: Microanalyse, gegevens: AnalyseGegevens, versie: int) -> Microanalyse:
    """Save wellbeing, the repeat measurement and the do-nothing scenario."""
    casus = analyse.casus
    _mag_wijzigen(actor, casus)
    _controleer_welzijn(gegevens)
    actueel = _vergrendel(analyse, versie)
    nieuw = asdict(gegevens)
    gewijzigd = [veld for veld in ANALYSEVELDEN if getattr(actueel, veld) != nieuw[veld]]
    if not gewijzigd:
        return actueel
    for veld in gewijzigd:
        setattr(actueel, veld, nieuw[veld])
    actueel.full_clean(exclude=["casus", "gemeente", "prijslijst"], validate_constraints=False)
    _nieuwe_versie(actueel, actor)  # the repeat measurement's date or score can change what counts
    if any(v.startswith("welzijn_") and not v.endswith("toelichting") for v in gewijzigd):
        cijfers = ", ".join(
            f"{label} {cijfer}"
            for label, cijfer in (
                (_("vooraf"), actueel.welzijn_voor),
                (_("achteraf"), actueel.welzijn_na),
                (_("herhaalmeting"), actueel.welzijn_herhaling),
            )
            if cijfer is not None
        )
        casussen.tijdlijn(casus, actor, "rendement", _("Micro-analyse: welzijnscijfers %(cijfers)s") % {"cijfers": cijfers})
    _log(actor, casus, actueel, Actie.UPDATE, "rendement.analyse.gewijzigd", gewijzigd)
    actueel.casus = casus
    return actueel


def _controleer_regel(analyse: Microanalyse, gegevens: RegelGegevens, regel: Kostenpost) -> None:
    """Fill `regel` from the input, or raise a ValidationError with a Dutch message per field."""
    fouten: dict[str, str] = {}
    if gegevens.blok not in Blok.values:
        raise ValidationError({"blok": _("Kies een van de vijf kostenblokken.")})
    regel.blok = gegevens.blok
    item = gegevens.prijsitem
    if item is not None:
        lijst = item.prijslijst
        if lijst.gemeente_id != analyse.gemeente_id:
            fouten["prijsitem"] = _("Dit item hoort bij de prijslijst van een andere gemeente.")
        elif analyse.prijslijst_id is None:
            fouten["prijsitem"] = _("Deze analyse heeft geen prijslijst; vul een vrije prijs in.")
        elif lijst.pk != analyse.prijslijst_id:
            fouten["prijsitem"] = _(
                "Dit item komt uit de prijslijst %(jaar)s; deze analyse rekent met de prijslijst %(eigen)s."
            ) % {"jaar": lijst.jaar, "eigen": analyse.prijslijst.jaar}  # type: ignore[union-attr]
        else:
            regel.prijsitem, regel.code, regel.prijslijst_jaar = item, item.code, lijst.jaar
            regel.prijs, regel.eenheid, regel.wet = item.prijs, item.eenheid, item.wet
            regel.omschrijving = gegevens.omschrijving.strip() or item.omschrijving
    else:
        regel.prijsitem, regel.code, regel.prijslijst_jaar = None, "", None
        regel.omschrijving = gegevens.omschrijving.strip()
        if gegevens.prijs is None:
            fouten["prijs"] = _("Kies een item uit de prijslijst of vul zelf een prijs in.")
        elif gegevens.prijs < 0:
            fouten["prijs"] = _("Een prijs kan niet negatief zijn.")
        else:
            regel.prijs = gegevens.prijs
        if gegevens.eenheid not in Eenheid.values:
            fouten["eenheid"] = _("Kies waar de prijs voor geldt: per uur, per week, eenmalig ...")
        else:
            regel.eenheid = gegevens.eenheid
        regel.wet = gegevens.wet if gegevens.wet in Wet.values else Wet.ANDERS
        if not regel.omschrijving:
            fouten["omschrijving"] = _("Beschrijf de kostenpost.")
    for veld in ("aantal", "frequentie"):
        waarde = getattr(gegevens, veld)
        if waarde is None or waarde < 0:
            fouten[veld] = _("Vul 0 of meer in; een negatief getal kan niet.")
        else:
            setattr(regel, veld, waarde)
    regel.toelichting = gegevens.toelichting.strip()
    if regel.blok == Blok.EENMALIG:
        regel.periode = Periode.EENMALIG  # block (2) happens once
    elif "eenheid" not in fouten and "prijsitem" not in fouten:
        periode = gegevens.periode or EIGEN_PERIODE[regel.eenheid]
        if periode is None:
            fouten["periode"] = _(
                "Bij een prijs %(eenheid)s hoort hoe vaak het gebeurt: per week, per maand, per jaar of eenmalig."
            ) % {"eenheid": Eenheid(regel.eenheid).label}
        elif periode not in Periode.values or periode not in TOEGESTANE_PERIODEN[regel.eenheid]:
            keuzes = ", ".join(str(p.label) for p in Periode if p in TOEGESTANE_PERIODEN[regel.eenheid])
            fouten["periode"] = _("Dit past niet bij een prijs %(eenheid)s. Kies: %(keuzes)s.") % {
                "eenheid": Eenheid(regel.eenheid).label,
                "keuzes": keuzes,
            }
        else:
            regel.periode = periode
    if fouten:
        raise ValidationError(fouten)
    regel.full_clean(exclude=["analyse", "gemeente", "prijsitem"], validate_constraints=False)


@transaction.atomic
def voeg_regel_toe(*, actor: User, analyse: Microanalyse, gegevens: RegelGegevens, versie: int | None = None) -> Kostenpost:
    casus = analyse.casus
    _mag_wijzigen(actor, casus)
    actueel = _vergrendel(analyse, versie)
    actueel.casus = casus
    regel = Kostenpost(analyse=actueel, gemeente_id=actueel.gemeente_id)
    _controleer_regel(actueel, gegevens, regel)
    laatste = Kostenpost.objects.filter(analyse=actueel, blok=regel.blok).aggregate(m=Max("volgorde"))["m"]
    regel.volgorde = (laatste or 0) + 1
    regel.save()
    _nieuwe_versie(actueel, actor, ["versie", "gewijzigd_door", "gewijzigd_op"])
    _log(actor, casus, actueel, Actie.CREATE, "rendement.regel.toegevoegd")
    return regel


@transaction.atomic
def wijzig_regel(*, actor: User, regel: Kostenpost, gegevens: RegelGegevens, versie: int | None = None) -> Kostenpost:
    analyse = regel.analyse
    casus = analyse.casus
    _mag_wijzigen(actor, casus)
    actueel = _vergrendel(analyse, versie)
    actueel.casus = casus
    _controleer_regel(actueel, gegevens, regel)
    regel.save()
    _nieuwe_versie(actueel, actor, ["versie", "gewijzigd_door", "gewijzigd_op"])
    _log(actor, casus, actueel, Actie.UPDATE, "rendement.regel.gewijzigd")
    return regel


@transaction.atomic
def verwijder_regel(*, actor: User, regel: Kostenpost, versie: int | None = None) -> None:
    analyse = regel.analyse
    casus = analyse.casus
    _mag_wijzigen(actor, casus)
    actueel = _vergrendel(analyse, versie)
    regel.delete()
    _nieuwe_versie(actueel, actor, ["versie", "gewijzigd_door", "gewijzigd_op"])
    _log(actor, casus, actueel, Actie.DELETE, "rendement.regel.verwijderd")


@transaction.atomic
def voeg_vergadertijd_toe(
    *, actor: User, analyse: Microanalyse, blok: str, prijsitem: Prijsitem, overleggen: Sequence[Overleg]
) -> Kostenpost:
    """The professionals' time in meetings as one line (domain.md §6): hourly price × meeting
    hours × number of professionals, summed over the meetings, each spelled out in the
    explanation. In block (2) the line counts once; in a yearly block the meetings are
    taken as one year's worth."""
    fouten: dict[str, str] = {}
    if not overleggen:
        fouten["overleggen"] = _("Kies minstens één overleg.")
    if prijsitem.eenheid != Eenheid.PER_UUR:
        fouten["prijsitem"] = _("Kies een uurprijs uit de prijslijst: de tijd in een overleg telt per uur.")
    delen, persoonsuren = [], Decimal(0)
    for datum, uren, professionals in overleggen:
        if not isinstance(uren, Decimal) or uren <= 0 or uren.as_tuple().exponent < -2:  # type: ignore[operator]
            fouten["overleggen"] = _("De duur van een overleg is een positief aantal uren, op hoogstens twee decimalen.")
            break
        if isinstance(professionals, bool) or not isinstance(professionals, int) or professionals < 1:
            fouten["overleggen"] = _("Bij een overleg is minstens één professional.")
            break
        persoonsuren += uren * professionals
        delen.append(
            _("overleg %(datum)s: %(uren)s uur × %(aantal)s")
            % {"datum": f"{datum:%d-%m-%Y}", "uren": getal(uren), "aantal": professionals}
        )
    if fouten:
        raise ValidationError(fouten)
    toelichting = _("%(overleggen)s = %(totaal)s uur (uren × professionals)") % {
        "overleggen": "; ".join(delen),
        "totaal": getal(persoonsuren),
    }
    omschrijving = ngettext(
        "Tijd van de professionals in %(aantal)s overleg", "Tijd van de professionals in %(aantal)s overleggen", len(overleggen)
    ) % {"aantal": len(overleggen)}
    gegevens = RegelGegevens(
        blok=blok,
        omschrijving=omschrijving,
        prijsitem=prijsitem,
        aantal=persoonsuren,
        frequentie=Decimal(1),
        periode=Periode.EENMALIG if blok == Blok.EENMALIG else Periode.JAAR,
        toelichting=toelichting,
    )
    return voeg_regel_toe(actor=actor, analyse=analyse, gegevens=gegevens)


def werk_bijdragen_bij(per_keer: int = 500) -> int:
    """Store the report's figures of every analysis whose stored figures are missing or stale
    (after an upgrade, or after its lines were changed in the database directly); returns how
    many. The report is right without this (it recomputes those), only slower."""
    aantal = 0
    while True:
        with transaction.atomic():
            verouderd = list(Microanalyse.objects.zonder_actuele_bijdrage().met_regels().order_by("pk")[:per_keer])
            Bijdrage.objects.bulk_create(
                [Bijdrage(analyse=a, versie=a.versie, **bijdrage_van(a, a.regels.all())) for a in verouderd],
                update_conflicts=True,
                unique_fields=["analyse"],
                update_fields=[f.name for f in Bijdrage._meta.concrete_fields if not f.primary_key],
            )
        aantal += len(verouderd)
        if len(verouderd) < per_keer:
            return aantal
