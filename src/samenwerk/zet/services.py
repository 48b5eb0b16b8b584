"""One function per thing an evaluator does (style.md §3): keyword-only, a required actor,
in a transaction, writing its access-log row in that transaction. Pages and API call these."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Betrokkene, Casus, Toestemming
from samenwerk.gemeenten.models import Gemeente, Organisatie, User
from samenwerk.privacy.models import Actie

from . import rules
from .dilemma import dilemma_haak, zet_door_als_dilemma
from .logboek import log
from .models import (
    STANDAARDTHEMAS,
    Antwoord,
    Evaluatieronde,
    Interview,
    RodeDraad,
    Rondecasus,
    Rondelid,
    Thema,
    Verbeterpunt,
)

__all__ = ["dilemma_haak", "zet_door_als_dilemma"]  # re-exported: the hook lives in dilemma.py

TERUGKOPPELING_WEKEN = 6  # the resident hears back within six weeks of the interview


class Conflict(Exception):
    """Someone saved the interview since this person opened it (version field → 409)."""

    def __init__(self, huidig: int) -> None:
        super().__init__(
            _(
                "Iemand anders heeft dit interview intussen opgeslagen. "
                "Uw tekst staat hieronder; kijk wat er veranderd is en sla opnieuw op."
            )
        )
        self.huidig = huidig


def _eis(voorwaarde: bool) -> None:
    if not voorwaarde:
        raise PermissionDenied


def _schone_themas(themas: Sequence[str]) -> list[str]:
    schoon = [t.strip()[:300] for t in themas if t and t.strip()]
    if not schoon:
        raise ValidationError({"themas": _("Een ronde heeft minstens één thema.")})
    return schoon


def _check_periode(van: datetime.date, tot: datetime.date) -> None:
    if tot < van:
        raise ValidationError({"tot": _("Het einde van de periode ligt vóór het begin.")})


@transaction.atomic
def maak_ronde(
    *,
    actor: User,
    gemeente: Gemeente,
    naam: str,
    van: datetime.date,
    tot: datetime.date,
    themas: Sequence[str] | None = None,
) -> Evaluatieronde:
    """A new round with the five standard themes unless others are given. An onderzoeker who
    makes it becomes its first interviewer."""
    _eis(rules.mag_ronde_maken(actor, gemeente))
    _check_periode(van, tot)
    teksten = _schone_themas(themas) if themas else [str(t) for t in STANDAARDTHEMAS]
    ronde = Evaluatieronde.objects.create(gemeente=gemeente, naam=naam.strip()[:150], van=van, tot=tot, aangemaakt_door=actor)
    Thema.objects.bulk_create([Thema(ronde=ronde, volgorde=i, tekst=t) for i, t in enumerate(teksten, 1)])
    if rules.heeft_rol(actor, gemeente, rules.EVALUATOREN):
        Rondelid.objects.create(ronde=ronde, user=actor, taak=Rondelid.Taak.INTERVIEWER)
    log(actor=actor, ronde=ronde, gebeurtenis="zet.ronde.aangemaakt", actie=Actie.CREATE, object_id=ronde.pk)
    return ronde


@transaction.atomic
def wijzig_ronde(
    *,
    actor: User,
    ronde: Evaluatieronde,
    naam: str,
    van: datetime.date,
    tot: datetime.date,
    themas: Sequence[str],
) -> Evaluatieronde:
    """Name, period and themes. A theme that interviews already answered cannot be removed
    (its answers would be lost); its wording can change."""
    _eis(rules.mag_inrichten(actor, ronde))
    _check_periode(van, tot)
    teksten = _schone_themas(themas)
    bestaand = list(ronde.themas.order_by("volgorde", "id"))
    weg = bestaand[len(teksten) :]
    beantwoord = [t for t in weg if any(a.gedekt for a in t.antwoorden.all())]
    if beantwoord:
        raise ValidationError(
            {
                "themas": _("Het thema “%(thema)s” is al besproken in een interview en kan niet weg.")
                % {"thema": beantwoord[0].tekst}
            }
        )
    for thema, tekst in zip(bestaand, teksten, strict=False):
        if thema.tekst != tekst:
            thema.tekst = tekst
            thema.save(update_fields=["tekst"])
    nieuw = [Thema(ronde=ronde, volgorde=i, tekst=t) for i, t in enumerate(teksten, 1) if i > len(bestaand)]
    Thema.objects.bulk_create(nieuw)
    for interview in Interview.objects.filter(rondecasus__ronde=ronde):
        Antwoord.objects.bulk_create([Antwoord(interview=interview, thema=t) for t in nieuw])
    Thema.objects.filter(pk__in=[t.pk for t in weg]).delete()
    ronde.naam, ronde.van, ronde.tot = naam.strip()[:150], van, tot
    ronde.versie += 1
    ronde.save(update_fields=["naam", "van", "tot", "versie"])
    log(actor=actor, ronde=ronde, gebeurtenis="zet.ronde.gewijzigd", actie=Actie.UPDATE, object_id=ronde.pk)
    return ronde


@transaction.atomic
def voeg_evaluator_toe(*, actor: User, ronde: Evaluatieronde, user: User, taak: str) -> Rondelid:
    _eis(rules.mag_inrichten(actor, ronde))
    if not rules.heeft_rol(user, ronde.gemeente, rules.EVALUATOREN):
        raise ValidationError({"user": _("Alleen een onderzoeker van deze gemeente kan evaluator zijn.")})
    if taak not in Rondelid.Taak.values:
        raise ValidationError({"taak": _("Kies interviewer of notulist.")})
    if Rondelid.objects.filter(ronde=ronde, user=user).exists():
        raise ValidationError({"user": _("Deze persoon is al evaluator in deze ronde.")})
    lid = Rondelid.objects.create(ronde=ronde, user=user, taak=taak)
    log(
        actor=actor,
        ronde=ronde,
        gebeurtenis="zet.evaluator.toegevoegd",
        actie=Actie.CREATE,
        object_type="zet.evaluator",
        object_id=lid.pk,
    )
    return lid


def zet_toestemming(casus_ids: Sequence[int]) -> dict[int, bool]:
    """Per case: whether its latest ZET consent was given (one query; casussen's helper)."""
    return casussen.laatste_toestemming(casus_ids, Toestemming.Doel.ZET)


@transaction.atomic
def kies_casus(*, actor: User, ronde: Evaluatieronde, casus: Casus | None) -> Rondecasus:
    """Add a case to the round — only when the resident consented to a ZET evaluation."""
    _eis(rules.mag_werken(actor, ronde))
    if casus is None or casus.gemeente_id != ronde.gemeente_id:
        raise ValidationError({"casusnummer": _("Er is geen casus met dit nummer in deze gemeente.")})
    if not zet_toestemming([casus.pk]).get(casus.pk, False):
        raise ValidationError(
            {
                "casusnummer": _(
                    "Casus %(nummer)s kan niet meedoen: de inwoner heeft (nog) geen toestemming gegeven voor een "
                    "ZET-evaluatie. Vraag de casusregisseur die toestemming met de inwoner te bespreken en vast te leggen."
                )
                % {"nummer": casus.nummer}
            }
        )
    if Rondecasus.objects.filter(ronde=ronde, casus=casus).exists():
        raise ValidationError({"casusnummer": _("Deze casus doet al mee in deze ronde.")})
    aantal = Rondecasus.objects.filter(ronde=ronde).count()
    rc = Rondecasus.objects.create(
        ronde=ronde, gemeente=ronde.gemeente, casus=casus, label=_("Casus %(letter)s") % {"letter": chr(ord("A") + aantal % 26)}
    )
    log(
        actor=actor, ronde=ronde, gebeurtenis="zet.casus.gekozen", actie=Actie.CREATE, rondecasussen=[rc], object_type="zet.casus"
    )
    return rc


@dataclass(frozen=True)
class Interviewgegevens:
    bron: str
    datum: datetime.date
    interviewer: User
    notulist: User | None = None
    professional: User | None = None
    toestemming_vastgelegd: bool = False
    terugkoppeling_gewenst: bool = False


@transaction.atomic
def start_interview(*, actor: User, rondecasus: Rondecasus, gegevens: Interviewgegevens) -> Interview:
    """One of the two interview sources; the third source is computed, so a fourth is refused."""
    ronde = rondecasus.ronde
    _eis(rules.mag_werken(actor, ronde))
    if rondecasus.casus_id is None:
        raise ValidationError(_("Deze casus is uit de ronde teruggetrokken."))
    if gegevens.bron not in Interview.Bron.values:
        raise ValidationError(
            {
                "bron": _(
                    "Een ZET kent drie bronnen: het interview met de inwoner, de interviews met de professionals en de "
                    "dossierstudie (die berekent het product zelf). Kies inwoner of professional."
                )
            }
        )
    leden = set(Rondelid.objects.filter(ronde=ronde).values_list("user_id", flat=True))
    if gegevens.interviewer.pk not in leden:
        raise ValidationError({"interviewer": _("De interviewer moet evaluator in deze ronde zijn.")})
    if gegevens.notulist is not None and gegevens.notulist.pk not in leden:
        raise ValidationError({"notulist": _("De tweede persoon moet evaluator in deze ronde zijn.")})
    geinterviewde = ""
    if gegevens.bron == Interview.Bron.INWONER:
        if not gegevens.toestemming_vastgelegd:
            raise ValidationError({"toestemming_vastgelegd": _("Leg vast dat de inwoner toestemming gaf voor dit interview.")})
        if Interview.objects.filter(rondecasus=rondecasus, bron=Interview.Bron.INWONER).exists():
            raise ValidationError({"bron": _("Deze casus heeft al een interview met de inwoner.")})
    else:
        betrokkene = (
            Betrokkene.objects.filter(casus_id=rondecasus.casus_id, user=gegevens.professional)
            .select_related("user", "organisatie")
            .first()
            if gegevens.professional
            else None
        )
        if betrokkene is None:
            raise ValidationError({"professional": _("Kies een professional die bij deze casus betrokken is (geweest).")})
        if Interview.objects.filter(rondecasus=rondecasus, professional=gegevens.professional).exists():
            raise ValidationError({"professional": _("Deze professional is al geïnterviewd over deze casus.")})
        if gegevens.professional.pk in leden:
            raise ValidationError({"professional": _("Een evaluator kan niet over een eigen casus geïnterviewd worden.")})
        geinterviewde = f"{betrokkene.user} ({betrokkene.organisatie})"
    interview = Interview.objects.create(
        rondecasus=rondecasus,
        gemeente=ronde.gemeente,
        bron=gegevens.bron,
        professional=gegevens.professional if gegevens.bron == Interview.Bron.PROFESSIONAL else None,
        geinterviewde=geinterviewde,
        datum=gegevens.datum,
        interviewer=gegevens.interviewer,
        notulist=gegevens.notulist,
        toestemming_vastgelegd=gegevens.toestemming_vastgelegd or gegevens.bron == Interview.Bron.PROFESSIONAL,
        terugkoppeling_gewenst=gegevens.terugkoppeling_gewenst and gegevens.bron == Interview.Bron.INWONER,
        terugkoppeling_uiterlijk=(
            gegevens.datum + datetime.timedelta(weeks=TERUGKOPPELING_WEKEN)
            if gegevens.terugkoppeling_gewenst and gegevens.bron == Interview.Bron.INWONER
            else None
        ),
    )
    Antwoord.objects.bulk_create([Antwoord(interview=interview, thema=t) for t in ronde.themas.all()])
    if interview.terugkoppeling_gewenst:
        casussen.leg_toestemming_vast(
            actor=actor, casus=rondecasus.casus, doel=Toestemming.Doel.TERUGKOPPELING, gegeven=True,
            wijze=Toestemming.Wijze.MONDELING, datum=gegevens.datum, toelichting=_("Gevraagd in het ZET-interview"),
        )  # fmt: skip
    log(
        actor=actor, ronde=ronde, gebeurtenis="zet.interview.gestart", actie=Actie.CREATE, rondecasussen=[rondecasus],
        object_type="zet.interview", object_id=interview.pk,
    )  # fmt: skip
    return interview


@dataclass(frozen=True)
class Invulling:
    tekst: str = ""
    notities: str = ""
    oordeel: int | None = None


@transaction.atomic
def sla_interview_op(*, actor: User, interview: Interview, antwoorden: dict[int, Invulling], versie: int) -> list[str]:
    """Save what was said per theme. Uncovered themes are allowed: the coverage check keeps
    the interview open and names them. Returns the themes still uncovered."""
    rc = interview.rondecasus
    _eis(rules.mag_werken(actor, rc.ronde))
    huidig = Interview.objects.select_for_update().get(pk=interview.pk)
    if huidig.versie != versie:
        raise Conflict(huidig.versie)
    bestaand = {a.thema_id: a for a in huidig.antwoorden.select_related("thema")}
    onbekend = set(antwoorden) - set(bestaand)
    if onbekend:
        raise ValidationError(_("Een thema hoort niet bij deze ronde."))
    for thema_id, invulling in antwoorden.items():
        if invulling.oordeel is not None and not 1 <= invulling.oordeel <= 5:
            raise ValidationError({f"oordeel_{thema_id}": _("Kies een oordeel van 1 tot en met 5.")})
        a = bestaand[thema_id]
        a.tekst, a.notities, a.oordeel = invulling.tekst, invulling.notities, invulling.oordeel
    Antwoord.objects.bulk_update(list(bestaand.values()), ["tekst", "notities", "oordeel"])
    huidig.versie += 1
    huidig.save(update_fields=["versie"])
    interview.versie = huidig.versie
    log(
        actor=actor, ronde=rc.ronde, gebeurtenis="zet.interview.opgeslagen", actie=Actie.UPDATE, rondecasussen=[rc],
        object_type="zet.interview", object_id=interview.pk,
    )  # fmt: skip
    return [a.thema.tekst for a in sorted(bestaand.values(), key=lambda a: (a.thema.volgorde, a.thema_id)) if not a.gedekt]


@transaction.atomic
def geef_terugkoppeling(*, actor: User, interview: Interview, datum: datetime.date | None = None) -> Interview:
    _eis(rules.mag_werken(actor, interview.rondecasus.ronde))
    if not interview.terugkoppeling_gewenst:
        raise ValidationError(_("De inwoner vroeg geen terugkoppeling."))
    if interview.terugkoppeling_gegeven_op:
        raise ValidationError(_("De terugkoppeling is al gegeven."))
    interview.terugkoppeling_gegeven_op = datum or timezone.localdate()
    interview.save(update_fields=["terugkoppeling_gegeven_op"])
    log(
        actor=actor, ronde=interview.rondecasus.ronde, gebeurtenis="zet.terugkoppeling.gegeven", actie=Actie.UPDATE,
        rondecasussen=[interview.rondecasus], object_type="zet.interview", object_id=interview.pk,
    )  # fmt: skip
    return interview


@transaction.atomic
def sla_aanvulling_op(*, actor: User, rondecasus: Rondecasus, aanvulling: str) -> Rondecasus:
    """What the evaluator adds to the computed dossier study."""
    _eis(rules.mag_werken(actor, rondecasus.ronde))
    if rondecasus.casus_id is None:
        raise ValidationError(_("Deze casus is uit de ronde teruggetrokken."))
    rondecasus.aanvulling = aanvulling
    rondecasus.save(update_fields=["aanvulling"])
    log(
        actor=actor, ronde=rondecasus.ronde, gebeurtenis="zet.dossier.aangevuld", actie=Actie.UPDATE,
        rondecasussen=[rondecasus], object_type="zet.dossier",
    )  # fmt: skip
    return rondecasus


def _haal_weg(rondecasus: Rondecasus) -> None:
    """Withdrawal: the interviews and the link to the case go; a dated note stays."""
    Interview.objects.filter(rondecasus=rondecasus).delete()
    rondecasus.rode_draden.clear()
    rondecasus.casus = None
    rondecasus.aanvulling = ""
    rondecasus.teruggetrokken_op = timezone.localdate()
    rondecasus.save(update_fields=["casus", "aanvulling", "teruggetrokken_op"])


@transaction.atomic
def trek_in(
    *, actor: User, rondecasus: Rondecasus, wijze: str = Toestemming.Wijze.MONDELING, toelichting: str = ""
) -> Rondecasus:
    """The resident withdraws consent for ZET (told to an evaluator): the consent row is
    recorded on the case (casussen) and the case leaves the round at once."""
    _eis(rules.mag_werken(actor, rondecasus.ronde))
    if rondecasus.casus_id is None:
        raise ValidationError(_("Deze casus is al uit de ronde teruggetrokken."))
    log(
        actor=actor, ronde=rondecasus.ronde, gebeurtenis="zet.casus.teruggetrokken", actie=Actie.DELETE,
        rondecasussen=[rondecasus], object_type="zet.casus",
    )  # fmt: skip
    casussen.leg_toestemming_vast(
        actor=actor, casus=rondecasus.casus, doel=Toestemming.Doel.ZET, gegeven=False, wijze=wijze, toelichting=toelichting
    )
    _haal_weg(rondecasus)
    return rondecasus


@transaction.atomic
def verwerk_intrekkingen(*, ronde: Evaluatieronde | None = None, casus: Casus | None = None) -> int:
    """Consent withdrawn on the case itself (by the casusregisseur, on the case page) takes
    the case out of every round: at once (`na_intrekking`, called by casussen), and as a
    safety net when a round is opened and nightly (`manage.py zet_intrekkingen`). Idempotent.
    Returns the number of cases taken out."""
    rcs = Rondecasus.objects.filter(casus__isnull=False)
    if ronde is not None:
        rcs = rcs.filter(ronde=ronde)
    if casus is not None:
        rcs = rcs.filter(casus=casus)
    rcs = list(rcs.select_related("casus", "ronde"))
    toestemming = zet_toestemming([rc.casus_id for rc in rcs])
    weg = [rc for rc in rcs if not toestemming.get(rc.casus_id, False)]
    for rc in weg:
        _haal_weg(rc)
    return len(weg)


def na_intrekking(*, actor: User, casus: Casus) -> None:
    """casussen.NA_INTREKKING: withdrawn ZET consent takes the case out of its rounds at once."""
    verwerk_intrekkingen(casus=casus)


@transaction.atomic
def maak_rode_draad(
    *,
    actor: User,
    ronde: Evaluatieronde,
    naam: str,
    beschrijving: str = "",
    antwoorden: Sequence[int] = (),
    dossiers: Sequence[int] = (),
) -> RodeDraad:
    _eis(rules.mag_werken(actor, ronde))
    if not naam.strip():
        raise ValidationError({"naam": _("Geef de rode draad een naam.")})
    gevonden = list(Antwoord.objects.filter(pk__in=antwoorden, interview__rondecasus__ronde=ronde))
    rcs = list(Rondecasus.objects.filter(pk__in=dossiers, ronde=ronde, casus__isnull=False))
    if len(gevonden) != len(set(antwoorden)) or len(rcs) != len(set(dossiers)):
        raise ValidationError({"antwoorden": _("Een waarneming hoort niet bij deze ronde.")})
    if not gevonden and not rcs:
        raise ValidationError({"antwoorden": _("Kies de waarnemingen die deze rode draad onderbouwen.")})
    draad = RodeDraad.objects.create(ronde=ronde, naam=naam.strip()[:200], beschrijving=beschrijving)
    draad.antwoorden.set(gevonden)
    draad.dossiers.set(rcs)
    _log_nieuw(actor, ronde, "rode_draad", draad.pk)
    return draad


def _log_nieuw(actor: User, ronde: Evaluatieronde, soort: str, pk: int) -> None:
    """Something the evaluators made from the round's material (a rode draad, an improvement
    point): the round's row in the access log, as made."""
    log(
        actor=actor,
        ronde=ronde,
        gebeurtenis=f"zet.{soort}.aangemaakt",
        actie=Actie.CREATE,
        object_type=f"zet.{soort}",
        object_id=pk,
    )


@transaction.atomic
def maak_verbeterpunt(
    *,
    actor: User,
    ronde: Evaluatieronde,
    tekst: str,
    uiterlijk: datetime.date | None,
    eigenaar: User | None = None,
    eigenaar_organisatie: Organisatie | None = None,
    rode_draden: Sequence[int] = (),
) -> Verbeterpunt:
    _eis(rules.mag_werken(actor, ronde))
    fouten = {}
    if not tekst.strip():
        fouten["tekst"] = _("Beschrijf het verbeterpunt.")
    if eigenaar is None and eigenaar_organisatie is None:
        fouten["eigenaar"] = _("Een verbeterpunt heeft een eigenaar: kies een persoon of een organisatie.")
    if eigenaar_organisatie is not None and eigenaar_organisatie.gemeente_id != ronde.gemeente_id:
        fouten["eigenaar_organisatie"] = _("Kies een organisatie van deze gemeente.")
    if eigenaar is not None and not eigenaar.actieve_rollen(ronde.gemeente).exists():
        fouten["eigenaar"] = _("Kies een persoon met een rol in deze gemeente.")
    if uiterlijk is None:
        fouten["uiterlijk"] = _("Geef een datum waarop het verbeterpunt af moet zijn.")
    draden = list(RodeDraad.objects.filter(pk__in=rode_draden, ronde=ronde))
    if len(draden) != len(set(rode_draden)):
        fouten["rode_draden"] = _("Een rode draad hoort niet bij deze ronde.")
    if fouten:
        raise ValidationError(fouten)
    punt = Verbeterpunt.objects.create(
        ronde=ronde, gemeente=ronde.gemeente, tekst=tekst.strip()[:300], uiterlijk=uiterlijk, eigenaar=eigenaar,
        eigenaar_organisatie=eigenaar_organisatie,
    )  # fmt: skip
    punt.rode_draden.set(draden)
    _log_nieuw(actor, ronde, "verbeterpunt", punt.pk)
    return punt


@transaction.atomic
def volg_op(*, actor: User, verbeterpunt: Verbeterpunt, status: str, opvolging: str = "") -> Verbeterpunt:
    """Follow-up of an improvement point; allowed after the round is closed too (the
    evaluators keep following it)."""
    ronde = verbeterpunt.ronde
    _eis(rules.is_evaluator(actor, ronde))
    if status not in Verbeterpunt.Status.values:
        raise ValidationError({"status": _("Kies een geldige status.")})
    verbeterpunt.status = status
    verbeterpunt.opvolging = opvolging
    verbeterpunt.afgerond_op = timezone.localdate() if status == Verbeterpunt.Status.AFGEROND else None
    verbeterpunt.save(update_fields=["status", "opvolging", "afgerond_op"])
    log(
        actor=actor,
        ronde=ronde,
        gebeurtenis="zet.verbeterpunt.opgevolgd",
        actie=Actie.UPDATE,
        object_type="zet.verbeterpunt",
        object_id=verbeterpunt.pk,
    )
    return verbeterpunt


@transaction.atomic
def rond_af(*, actor: User, ronde: Evaluatieronde) -> Evaluatieronde:
    _eis(rules.mag_werken(actor, ronde))
    ronde.status, ronde.afgerond_op = Evaluatieronde.Status.AFGEROND, timezone.localdate()
    ronde.save(update_fields=["status", "afgerond_op"])
    log(actor=actor, ronde=ronde, gebeurtenis="zet.ronde.afgerond", actie=Actie.UPDATE, object_id=ronde.pk)
    return ronde
