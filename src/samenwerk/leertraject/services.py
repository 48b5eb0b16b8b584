"""One function per thing a person does with a cohort (style.md §3): keyword-only, an
`actor`, in a transaction, with its access-log row. Pages and API call these. Assignments
are in services_opdrachten.py, certificates and badges in services_certificaat.py."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.berichten.verzending import zet_klaar
from samenwerk.gemeenten.models import Gebied, Gemeente, Normen, Organisatie, User
from samenwerk.leren.models import Deelname
from samenwerk.plannen.regels import plus_maanden
from samenwerk.privacy.audit import Onderwerp, record
from samenwerk.privacy.models import Actie

from . import rules, selectors
from .models import Aanwezigheid, Deelnemer, Leertraject, Lesdag, Maatjes

MAATJES_NA_MAANDEN = 3
MAIL_UITNODIGING = "leertraject.uitnodiging"


class Versieconflict(Exception):
    def __init__(self, huidig: int) -> None:
        super().__init__(_("Iemand anders heeft dit leertraject intussen gewijzigd. Laad de pagina opnieuw."))
        self.huidig = huidig


def log(actor: User, traject: Leertraject, actie: str, gebeurtenis: str, object_type: str, object_id: int) -> None:
    """Staff data about training, no resident: the municipality's chain, segment leertraject."""
    onderwerp = Onderwerp(
        gemeente_id=traject.gemeente_id, object_type=object_type, object_id=object_id, gegevenssegment="leertraject"
    )
    record(actor=actor, actie=actie, gebeurtenis=gebeurtenis, onderwerp=onderwerp, rol=rules.relatie(actor, traject))


def _mag_leiden(actor: User, traject: Leertraject) -> None:
    if not rules.leidt(actor, traject):
        raise PermissionDenied(_("Alleen de trainers en de organisatoren van dit leertraject doen dit."))


# --- The cohort ---------------------------------------------------------------------------------


@transaction.atomic
def maak_traject(
    *,
    actor: User,
    gemeente: Gemeente,
    naam: str,
    vorm: str,
    didactisch_trainer: User,
    ervaringstrainer: User,
    gebied: Gebied | None = None,
    min_dagen_aanwezig: int | None = None,
) -> Leertraject:
    if not rules.mag_organiseren(actor, gemeente):
        raise PermissionDenied(_("Met uw rol kunt u in deze gemeente geen leertraject samenstellen."))
    fouten: dict[str, str] = {}
    if not naam.strip():
        fouten["naam"] = _("Geef het leertraject een naam.")
    if vorm not in Leertraject.Vorm.values:
        fouten["vorm"] = _("Kies de vorm uit de lijst.")
    if didactisch_trainer.pk == ervaringstrainer.pk:
        fouten["ervaringstrainer"] = _("Een leertraject heeft twee trainers: een didactisch trainer en een ervaringsdeskundige.")
    for veld, trainer in (("didactisch_trainer", didactisch_trainer), ("ervaringstrainer", ervaringstrainer)):
        if not trainer.actieve_rollen(gemeente).exists():
            fouten[veld] = _("Deze trainer heeft geen rol in deze gemeente.")
    if gebied is not None and gebied.gemeente_id != gemeente.pk:
        fouten["gebied"] = _("Dit gebied hoort bij een andere gemeente.")
    dagen = 2 if vorm == Leertraject.Vorm.TWEE_DAGEN else 3
    minimum = dagen if min_dagen_aanwezig is None else min_dagen_aanwezig
    if not 1 <= minimum <= dagen:
        fouten["min_dagen_aanwezig"] = _("Kies een aantal van 1 tot en met %(dagen)s dagen.") % {"dagen": dagen}
    if fouten:
        raise ValidationError(fouten)
    traject = Leertraject.objects.create(
        gemeente=gemeente, gebied=gebied, naam=naam.strip(), vorm=vorm, didactisch_trainer=didactisch_trainer,
        ervaringstrainer=ervaringstrainer, min_dagen_aanwezig=minimum,
    )  # fmt: skip
    log(actor, traject, Actie.CREATE, "leertraject.aangemaakt", "leertraject", traject.pk)
    return traject


def _bump(traject: Leertraject, versie: int | None) -> None:
    """Optimistic concurrency: the change is refused when someone else changed the cohort."""
    if versie is None:
        Leertraject.objects.filter(pk=traject.pk).update(versie=traject.versie + 1)
        traject.versie += 1
        return
    bijgewerkt = Leertraject.objects.filter(pk=traject.pk, versie=versie).update(versie=versie + 1)
    if not bijgewerkt:
        raise Versieconflict(Leertraject.objects.values_list("versie", flat=True).get(pk=traject.pk))
    traject.versie = versie + 1


def max_dagen(traject: Leertraject) -> int:
    return 2 if traject.vorm == Leertraject.Vorm.TWEE_DAGEN else 3


@transaction.atomic
def plan_dag(
    *,
    actor: User,
    traject: Leertraject,
    nummer: int,
    begin: datetime.datetime,
    eind: datetime.datetime,
    locatie: str = "",
    online: bool = False,
    versie: int | None = None,
) -> Lesdag:
    """Add or move one day of the course (place and time)."""
    _mag_leiden(actor, traject)
    fouten: dict[str, str] = {}
    if not 1 <= nummer <= max_dagen(traject):
        fouten["nummer"] = _("Dit leertraject heeft %(dagen)s lesdagen.") % {"dagen": max_dagen(traject)}
    if eind <= begin:
        fouten["eind"] = _("Het einde ligt vóór het begin.")
    if not online and not locatie.strip():
        fouten["locatie"] = _("Vul de plaats in, of kies online of hybride.")
    if fouten:
        raise ValidationError(fouten)
    _bump(traject, versie)
    dag, _nieuw = Lesdag.objects.update_or_create(
        traject=traject, nummer=nummer, defaults={"begin": begin, "eind": eind, "locatie": locatie.strip(), "online": online}
    )
    if not _nieuw:
        Lesdag.objects.filter(pk=dag.pk).update(volgnummer=dag.volgnummer + 1)
    _herbereken_maatjesafspraken(traject)
    log(actor, traject, Actie.UPDATE, "leertraject.dag.gepland", "lesdag", dag.pk)
    return dag


def laatste_dag(traject: Leertraject) -> datetime.date | None:
    eind = traject.dagen.order_by("-begin").values_list("begin", flat=True).first()
    return timezone.localtime(eind).date() if eind else None


def _herbereken_maatjesafspraken(traject: Leertraject) -> None:
    laatste = laatste_dag(traject)
    afspraak = plus_maanden(laatste, MAATJES_NA_MAANDEN) if laatste else None
    traject.maatjes.filter(gehouden_op__isnull=True).update(afspraak_op=afspraak)


# --- Participants -----------------------------------------------------------------------------


def organisatie_van(user: User, gemeente: Gemeente | int) -> Organisatie | None:
    gemeente_id = gemeente if isinstance(gemeente, int) else gemeente.pk
    rol = user.rollen.actief().filter(gemeente_id=gemeente_id, organisatie__isnull=False).select_related("organisatie")
    eerste = rol.order_by("pk").first()
    return eerste.organisatie if eerste else None


def samenstelling(traject: Leertraject, deelnemers: Iterable[Deelnemer] | None = None) -> list[str]:
    """Warnings about the group (domain.md §10: 5-15 from mixed organisations). An organisation
    *dominates* when it brings more than half of a group of four or more (docs/leertraject.md).
    `deelnemers` (with their organisation) when the page already has them."""
    normen = Normen.objects.voor(traject.gemeente_id)
    if deelnemers is None:
        deelnemers = traject.deelnemers.select_related("organisatie")
    namen = [d.organisatie.naam for d in deelnemers]
    meldingen = []
    if len(namen) < normen.trainingsgroep_min:
        meldingen.append(
            _("De groep is klein: %(aantal)s deelnemers, de gemeente vraagt er minstens %(min)s.")
            % {"aantal": len(namen), "min": normen.trainingsgroep_min}
        )
    if len(namen) > normen.trainingsgroep_max:
        meldingen.append(
            _("De groep is te groot: %(aantal)s deelnemers, hoogstens %(max)s.")
            % {"aantal": len(namen), "max": normen.trainingsgroep_max}
        )
    if len(namen) >= 4:
        naam, aantal = Counter(namen).most_common(1)[0]
        if aantal * 2 > len(namen):
            meldingen.append(
                _(
                    "Eén organisatie overheerst: %(naam)s levert %(aantal)s van de %(totaal)s deelnemers. "
                    "Zoek een mix van organisaties."
                )
                % {"naam": naam, "aantal": aantal, "totaal": len(namen)}
            )
    return meldingen


@transaction.atomic
def voeg_deelnemer_toe(
    *, actor: User, traject: Leertraject, user: User, via_deelname: Deelname | None = None, versie: int | None = None
) -> Deelnemer:
    """Refused above the municipality's maximum (a 16th participant); below the minimum and
    when one organisation dominates, the page shows a warning (`samenstelling`)."""
    _mag_leiden(actor, traject)
    Leertraject.objects.select_for_update().filter(pk=traject.pk).first()
    normen = Normen.objects.voor(traject.gemeente_id)
    organisatie = organisatie_van(user, traject.gemeente_id)
    if organisatie is None:
        raise ValidationError({"user": _("Deze persoon werkt niet voor een organisatie in deze gemeente.")})
    if traject.deelnemers.filter(user=user).exists():
        raise ValidationError({"user": _("Deze persoon doet al mee aan dit leertraject.")})
    if rules.is_trainer(user, traject):
        raise ValidationError({"user": _("Een trainer van dit leertraject kan er geen deelnemer van zijn.")})
    aantal = traject.deelnemers.count()
    if aantal >= normen.trainingsgroep_max:
        raise ValidationError(
            {
                "user": _("De groep is vol: een leertraject heeft hoogstens %(max)s deelnemers. Start een volgend leertraject.")
                % {"max": normen.trainingsgroep_max}
            }
        )
    if via_deelname is not None and via_deelname.user_id != user.pk:
        raise ValidationError({"user": _("Deze aanmelding voor de leersessie is van iemand anders.")})
    _bump(traject, versie)
    deelnemer = Deelnemer.objects.create(traject=traject, user=user, organisatie=organisatie, via_deelname=via_deelname)
    log(actor, traject, Actie.CREATE, "leertraject.deelnemer.toegevoegd", "trajectdeelnemer", deelnemer.pk)
    return deelnemer


@transaction.atomic
def nodig_nieuwkomers_uit(*, actor: User, traject: Leertraject, deelnames: Iterable[Deelname]) -> list[Deelnemer]:
    """Newcomers from a leersessie's nieuwkomertafel join the cohort (as many as fit)."""
    kandidaten = {d.pk: d for d in selectors.nieuwkomers(traject)}
    toegevoegd = []
    for deelname in deelnames:
        if deelname.pk not in kandidaten:
            raise ValidationError({"deelnames": _("Kies nieuwkomers uit de lijst.")})
        toegevoegd.append(voeg_deelnemer_toe(actor=actor, traject=traject, user=deelname.user, via_deelname=deelname))
    return toegevoegd


@transaction.atomic
def leg_aanwezigheid_vast(*, actor: User, dag: Lesdag, aanwezig: Iterable[int]) -> list[Aanwezigheid]:
    """The attendance of one day: every participant present or not (ids of those present)."""
    traject = dag.traject
    _mag_leiden(actor, traject)
    if timezone.localtime(dag.begin).date() > timezone.localdate():
        raise ValidationError({"aanwezig": _("Deze lesdag is nog niet geweest.")})
    aanwezig_ids = set(aanwezig)
    deelnemers = list(traject.deelnemers.values_list("pk", flat=True))
    if aanwezig_ids - set(deelnemers):
        raise ValidationError({"aanwezig": _("Kies deelnemers van dit leertraject.")})
    Aanwezigheid.objects.filter(dag=dag).delete()
    rijen = Aanwezigheid.objects.bulk_create(
        Aanwezigheid(dag=dag, deelnemer_id=pk, aanwezig=pk in aanwezig_ids) for pk in deelnemers
    )
    log(actor, traject, Actie.UPDATE, "leertraject.aanwezigheid", "lesdag", dag.pk)
    return rijen


@transaction.atomic
def koppel_maatjes(*, actor: User, eerste: Deelnemer, tweede: Deelnemer) -> tuple[Maatjes, str]:
    """Pair two participants; preferably across organisations (a warning, not a refusal).
    Returns the pair and the warning ("" when none)."""
    traject = eerste.traject
    _mag_leiden(actor, traject)
    if eerste.pk == tweede.pk:
        raise ValidationError({"tweede": _("Kies twee verschillende deelnemers.")})
    if tweede.traject_id != traject.pk:
        raise ValidationError({"tweede": _("Kies deelnemers van dit leertraject.")})
    bezet = Maatjes.objects.filter(traject=traject).values_list("eerste_id", "tweede_id")
    if {eerste.pk, tweede.pk} & {pk for paar in bezet for pk in paar}:
        raise ValidationError({"tweede": _("Een van beiden heeft al een maatje.")})
    laatste = laatste_dag(traject)
    paar = Maatjes.objects.create(
        traject=traject, eerste=eerste, tweede=tweede, afspraak_op=plus_maanden(laatste, MAATJES_NA_MAANDEN) if laatste else None
    )
    log(actor, traject, Actie.CREATE, "leertraject.maatjes.gekoppeld", "maatjes", paar.pk)
    waarschuwing = ""
    if eerste.organisatie_id == tweede.organisatie_id:
        waarschuwing = _("Deze maatjes werken bij dezelfde organisatie; liever koppelt u mensen van verschillende organisaties.")
    return paar, waarschuwing


@transaction.atomic
def leg_maatjesafspraak_vast(*, actor: User, paar: Maatjes, gehouden_op: datetime.date) -> Maatjes:
    if actor.pk not in (paar.eerste.user_id, paar.tweede.user_id) and not rules.leidt(actor, paar.traject):
        raise PermissionDenied
    if gehouden_op > timezone.localdate():
        raise ValidationError({"gehouden_op": _("Deze datum ligt in de toekomst.")})
    paar.gehouden_op = gehouden_op
    paar.save(update_fields=["gehouden_op"])
    log(actor, paar.traject, Actie.UPDATE, "leertraject.maatjes.afspraak", "maatjes", paar.pk)
    return paar


@transaction.atomic
def wijzig_leervraag(
    *, actor: User, deelnemer: Deelnemer, ik_wil: str, ik_kan: str, ik_heb_nodig: str, terugblik: str | None = None
) -> Deelnemer:
    """The participant's own learning question; at the end of the course they look back on it."""
    if actor.pk != deelnemer.user_id:
        raise PermissionDenied(_("Alleen de deelnemer zelf schrijft de eigen leervraag."))
    deelnemer.ik_wil, deelnemer.ik_kan, deelnemer.ik_heb_nodig = ik_wil.strip(), ik_kan.strip(), ik_heb_nodig.strip()
    velden = ["ik_wil", "ik_kan", "ik_heb_nodig"]
    if terugblik is not None and terugblik.strip() != deelnemer.terugblik:
        laatste = laatste_dag(deelnemer.traject)
        if laatste is None or laatste > timezone.localdate():
            raise ValidationError({"terugblik": _("Terugblikken op de leervraag doet u op of na de laatste lesdag.")})
        deelnemer.terugblik, deelnemer.terugblik_op = terugblik.strip(), timezone.now()
        velden += ["terugblik", "terugblik_op"]
    deelnemer.save(update_fields=velden)
    log(actor, deelnemer.traject, Actie.UPDATE, "leertraject.leervraag", "trajectdeelnemer", deelnemer.pk)
    return deelnemer


@transaction.atomic
def nodig_uit(*, actor: User, traject: Leertraject) -> int:
    """Calendar invitations (one .ics per day, METHOD:REQUEST) to every participant and both
    trainers, through the outbox."""
    _mag_leiden(actor, traject)
    if not traject.dagen.exists():
        raise ValidationError(_("Plan eerst de lesdagen."))
    mensen = [d.user for d in traject.deelnemers.select_related("user")] + [traject.didactisch_trainer, traject.ervaringstrainer]
    for persoon in mensen:
        zet_klaar(soort=MAIL_UITNODIGING, aan=persoon.email, onderwerp=traject, gemeente=traject.gemeente_id)
    log(actor, traject, Actie.UPDATE, "leertraject.uitgenodigd", "leertraject", traject.pk)
    return len(mensen)
