"""One function per thing a user does with leersessies (style.md §3): keyword-only, an
`actor`, in a transaction, with its access-log row. Pages and API call these."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.gemeenten.models import Gebied, Normen, Organisatie, User
from samenwerk.privacy.audit import Onderwerp, record
from samenwerk.privacy.models import Actie
from samenwerk.tafel.services import reeksdata

from ..models import Deelname, Leerrooster, Leersessie, Leertafel, Sessiefeedback, Sessieverslag, Verslagactie
from . import rules

STANDAARDTAFELS = (Leertafel.Soort.NIEUWKOMER, Leertafel.Soort.CASUS, Leertafel.Soort.EVALUATIE)


def log(actor: User, gemeente_id: int, actie: str, gebeurtenis: str, object_type: str, object_id: int) -> None:
    """Leersessies are staff data, no resident: the row names the object only."""
    onderwerp = Onderwerp(gemeente_id=gemeente_id, object_type=object_type, object_id=object_id, gegevenssegment="leren")
    record(actor=actor, actie=actie, gebeurtenis=gebeurtenis, onderwerp=onderwerp)


def _aanjager_van(actor: User, gebied: Gebied) -> None:
    if not rules.leidt(actor, gebied):
        raise ValidationError(_("Alleen de gebiedsaanjager van %(gebied)s plant de leersessies.") % {"gebied": gebied})


# --- Rooster and series ---------------------------------------------------------------------


@dataclass(frozen=True)
class Roostergegevens:
    weekdag: int
    tijd: datetime.time
    duur_minuten: int = 120
    interval_weken: int = 4
    online: bool = False
    locatie: str = ""
    link: str = ""
    thematafel: str = ""
    max_deelnemers: int | None = None


def _controleer_rooster(g: Roostergegevens) -> None:
    fouten = {}
    if g.online and not g.link:
        fouten["link"] = _("Vul de link naar de online bijeenkomst in.")
    if not g.online and not g.locatie.strip():
        fouten["locatie"] = _("Vul de locatie in, of kies online.")
    if not 1 <= g.interval_weken <= 8:
        fouten["interval_weken"] = _("Kies elke 1 tot 8 weken: leersessies zijn er een- of tweemaal per maand.")
    if not 30 <= g.duur_minuten <= 480:
        fouten["duur_minuten"] = _("Een leersessie duurt tussen 30 minuten en 8 uur.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def bewaar_rooster(*, actor: User, gebied: Gebied, gegevens: Roostergegevens) -> Leerrooster:
    _aanjager_van(actor, gebied)
    _controleer_rooster(gegevens)
    rooster, _nieuw = Leerrooster.objects.update_or_create(
        gebied=gebied, defaults={"gemeente_id": gebied.gemeente_id, "aanjager": actor, **vars(gegevens)}
    )
    log(actor, gebied.gemeente_id, Actie.UPDATE, "leren.rooster.bewaard", "leerrooster", rooster.pk)
    return rooster


def eerste_dag(vanaf: datetime.date, weekdag: int) -> datetime.date:
    return vanaf + datetime.timedelta(days=(weekdag - vanaf.weekday()) % 7)


@transaction.atomic
def plan_reeks(*, actor: User, rooster: Leerrooster, vanaf: datetime.date, tot: datetime.date) -> list[Leersessie]:
    """The sessions of the schedule from `vanaf` up to `tot` (the same series helper as the
    Tafel's), each with the standard tables and the thematafel when the schedule names one.
    Sessions already at one of those moments are not made twice."""
    _aanjager_van(actor, rooster.gebied)
    if vanaf < timezone.localdate():
        raise ValidationError({"vanaf": _("De eerste leersessie moet vandaag of later zijn.")})
    if tot < vanaf:
        raise ValidationError({"tot": _("De einddatum ligt vóór de eerste leersessie.")})
    if (tot - vanaf).days > 366:
        raise ValidationError({"tot": _("Plan hoogstens een jaar vooruit.")})
    dag = eerste_dag(vanaf, rooster.weekdag)
    eerste = datetime.datetime.combine(dag, rooster.tijd, tzinfo=timezone.get_current_timezone())
    bestaand = set(Leersessie.objects.filter(gebied=rooster.gebied).values_list("begin", flat=True))
    duur = datetime.timedelta(minutes=rooster.duur_minuten)
    sessies = [
        Leersessie(
            gemeente_id=rooster.gemeente_id,
            gebied=rooster.gebied,
            begin=b,
            eind=b + duur,
            online=rooster.online,
            locatie=rooster.locatie,
            link=rooster.link,
            aanjager=rooster.aanjager,
            max_deelnemers=rooster.max_deelnemers,
        )
        for b in reeksdata(eerste, tot, rooster.interval_weken)
        if b not in bestaand
    ]
    sessies = Leersessie.objects.bulk_create(sessies)
    if sessies and sessies[0].pk is None:  # a backend without RETURNING: read them back
        sessies = list(Leersessie.objects.filter(gebied=rooster.gebied, begin__in=[s.begin for s in sessies]))
    soorten = [(soort, "") for soort in STANDAARDTAFELS]
    if rooster.thematafel:
        soorten.append((Leertafel.Soort.THEMA, rooster.thematafel))
    Leertafel.objects.bulk_create(
        Leertafel(sessie=s, soort=soort, naam=naam, volgorde=i) for s in sessies for i, (soort, naam) in enumerate(soorten)
    )
    log(actor, rooster.gemeente_id, Actie.CREATE, "leren.reeks.gepland", "leerrooster", rooster.pk)
    return sessies


@transaction.atomic
def voeg_tafel_toe(
    *, actor: User, sessie: Leersessie, soort: str, naam: str = "", gespreksleider: User | None = None
) -> Leertafel:
    _aanjager_van(actor, sessie.gebied)
    if soort not in Leertafel.Soort.values:
        raise ValidationError({"soort": _("Kies een soort tafel uit de lijst.")})
    tafel = Leertafel.objects.create(
        sessie=sessie, soort=soort, naam=naam, gespreksleider=gespreksleider, volgorde=sessie.tafels.count()
    )
    log(actor, sessie.gemeente_id, Actie.CREATE, "leren.tafel.toegevoegd", "leertafel", tafel.pk)
    return tafel


# --- Registration -----------------------------------------------------------------------------


def aanmelding_laat(sessie: Leersessie, op: datetime.datetime, normen: Normen) -> bool:
    return op > sessie.begin - datetime.timedelta(days=normen.leersessie_aanmelden_dagen)


@transaction.atomic
def meld_aan(*, actor: User, sessie: Leersessie, tafel: Leertafel | None = None) -> Deelname:
    """Register for a session. Later than the preferred days ahead is allowed and marked
    `laat`; after the agenda and link went out the registration is `zonder_link`."""
    sessie = Leersessie.objects.select_for_update().select_related("aanjager").get(pk=sessie.pk)
    nu = timezone.now()
    if not rules.mag_aanmelden(actor, sessie):
        raise ValidationError(_("Met uw rol kunt u zich niet voor leersessies aanmelden."))
    if sessie.geannuleerd_op:
        raise ValidationError(_("Deze leersessie gaat niet door; u kunt zich niet meer aanmelden."))
    if sessie.begin <= nu:
        raise ValidationError(_("Deze leersessie is al begonnen of geweest; aanmelden kan niet meer. Kies een volgende."))
    if tafel is not None and tafel.sessie_id != sessie.pk:
        raise ValidationError({"tafel": _("Kies een tafel van deze leersessie.")})
    bestaand = Deelname.objects.filter(sessie=sessie, user=actor).first()
    if bestaand is not None and bestaand.afgemeld_op is None:
        raise ValidationError(_("U bent al aangemeld voor deze leersessie."))
    aantal = Deelname.objects.filter(sessie=sessie, afgemeld_op__isnull=True).count()
    if sessie.max_deelnemers is not None and aantal >= sessie.max_deelnemers:
        raise ValidationError(
            _("Deze leersessie is vol (%(aantal)s aanmeldingen). Vraag de gebiedsaanjager, %(naam)s, of er nog plaats is.")
            % {"aantal": sessie.max_deelnemers, "naam": sessie.aanjager}
        )
    normen = Normen.objects.voor(sessie.gemeente_id)
    velden = {
        "aangemeld_op": nu, "laat": aanmelding_laat(sessie, nu, normen),
        "zonder_link": sessie.agenda_verstuurd_op is not None, "afgemeld_op": None, "tafel": tafel, "aanwezig": None,
    }  # fmt: skip
    if bestaand is not None:
        for veld, waarde in velden.items():
            setattr(bestaand, veld, waarde)
        bestaand.save()
        deelname = bestaand
    else:
        deelname = Deelname.objects.create(sessie=sessie, user=actor, **velden)
    log(actor, sessie.gemeente_id, Actie.CREATE, "leren.aanmelding", "deelname", deelname.pk)
    return deelname


@transaction.atomic
def meld_af(*, actor: User, deelname: Deelname) -> Deelname:
    if deelname.user_id != actor.pk and not rules.leidt(actor, deelname.sessie.gebied):
        raise ValidationError(_("U kunt alleen uzelf afmelden."))
    if deelname.sessie.begin <= timezone.now():
        raise ValidationError(_("Deze leersessie is al begonnen of geweest."))
    deelname.afgemeld_op = timezone.now()
    deelname.save(update_fields=["afgemeld_op"])
    log(actor, deelname.sessie.gemeente_id, Actie.UPDATE, "leren.afmelding", "deelname", deelname.pk)
    return deelname


@dataclass(frozen=True)
class Aanwezigheid:
    deelname_id: int
    tafel_id: int | None
    aanwezig: bool | None


@transaction.atomic
def leg_aanwezigheid_vast(*, actor: User, sessie: Leersessie, regels: Sequence[Aanwezigheid]) -> int:
    """Who sat at which table and who came. Returns how many registrations were updated."""
    _aanjager_van(actor, sessie.gebied)
    deelnames = {d.pk: d for d in Deelname.objects.filter(sessie=sessie, afgemeld_op__isnull=True)}
    tafels = set(sessie.tafels.values_list("pk", flat=True))
    fouten = []
    for regel in regels:
        if regel.deelname_id not in deelnames:
            fouten.append(_("Aanmelding %(id)s hoort niet bij deze leersessie.") % {"id": regel.deelname_id})
        elif regel.tafel_id is not None and regel.tafel_id not in tafels:
            fouten.append(_("Tafel %(id)s hoort niet bij deze leersessie.") % {"id": regel.tafel_id})
    if fouten:
        raise ValidationError({"regels": fouten})
    gewijzigd = []
    for regel in regels:
        d = deelnames[regel.deelname_id]
        d.tafel_id, d.aanwezig = regel.tafel_id, regel.aanwezig
        gewijzigd.append(d)
    Deelname.objects.bulk_update(gewijzigd, ["tafel", "aanwezig"])
    log(actor, sessie.gemeente_id, Actie.UPDATE, "leren.aanwezigheid", "leersessie", sessie.pk)
    return len(gewijzigd)


# --- Report and feedback ---------------------------------------------------------------------


@dataclass(frozen=True)
class Verslaggegevens:
    doelen: str
    positief: str
    aandachtspunten: str
    acties: Sequence[tuple[str, Organisatie, User]] = ()


@transaction.atomic
def bewaar_verslag(*, actor: User, sessie: Leersessie, gegevens: Verslaggegevens, versie: int | None = None) -> Sessieverslag:
    _aanjager_van(actor, sessie.gebied)
    fouten: dict[str, list[str]] = {}
    for actie, organisatie, kartrekker in gegevens.acties:
        if organisatie.gemeente_id != sessie.gemeente_id:
            fouten.setdefault("acties", []).append(
                _("Kies een organisatie van deze gemeente bij „%(actie)s”.") % {"actie": actie}
            )
        if not actie.strip():
            fouten.setdefault("acties", []).append(_("Beschrijf elke actie."))
        if not kartrekker.actieve_rollen().filter(gemeente=sessie.gemeente_id).exists():
            fouten.setdefault("acties", []).append(
                _("De kartrekker van „%(actie)s” werkt niet in deze gemeente.") % {"actie": actie}
            )
    if fouten:
        raise ValidationError(fouten)
    verslag, _nieuw = Sessieverslag.objects.select_for_update().get_or_create(sessie=sessie)
    if versie is not None and versie != verslag.versie:
        raise ValidationError(
            {
                "versie": _(
                    "Iemand anders heeft het verslag intussen gewijzigd. Laad de pagina opnieuw; uw tekst staat hieronder."
                )
            },
            code="conflict",
        )
    verslag.doelen, verslag.positief, verslag.aandachtspunten = gegevens.doelen, gegevens.positief, gegevens.aandachtspunten
    verslag.versie = F("versie") + 1
    verslag.save()
    verslag.refresh_from_db()
    verslag.acties.all().delete()
    Verslagactie.objects.bulk_create(
        Verslagactie(verslag=verslag, actie=a.strip(), organisatie=o, kartrekker=k) for a, o, k in gegevens.acties
    )
    log(actor, sessie.gemeente_id, Actie.UPDATE, "leren.verslag", "sessieverslag", verslag.pk)
    return verslag


@transaction.atomic
def geef_feedback(
    *, actor: User, sessie: Leersessie, score_inhoud: int, score_organisatie: int, opmerking: str = ""
) -> Sessiefeedback:
    """The short evaluation form after the session, once per participant (again: replaces)."""
    if not Deelname.objects.filter(sessie=sessie, user=actor, afgemeld_op__isnull=True).exists():
        raise ValidationError(_("Alleen wie aangemeld was, geeft feedback op deze leersessie."))
    if sessie.begin > timezone.now():
        raise ValidationError(_("Feedback geeft u na de leersessie."))
    fouten = {
        veld: _("Kies een cijfer van 1 tot en met 5.")
        for veld, score in (("score_inhoud", score_inhoud), ("score_organisatie", score_organisatie))
        if not 1 <= score <= 5
    }
    if fouten:
        raise ValidationError(fouten)
    feedback, _nieuw = Sessiefeedback.objects.update_or_create(
        sessie=sessie, user=actor,
        defaults={"score_inhoud": score_inhoud, "score_organisatie": score_organisatie, "opmerking": opmerking.strip()},
    )  # fmt: skip
    log(actor, sessie.gemeente_id, Actie.CREATE, "leren.feedback", "sessiefeedback", feedback.pk)
    return feedback
