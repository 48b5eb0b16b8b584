"""What an invitee does through their signed link (no account): accept, decline or
forward to a colleague (domain.md §3 step 4 "Invitation"); refusals and missing answers go to
the area's gebiedsaanjager, who records the outcome ("Refusal")."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.casussen import services as casussen
from samenwerk.casussen.models import Casus, Toestemming
from samenwerk.gemeenten.models import Rol, Roltoewijzing, User
from samenwerk.privacy.audit import Grondslag, Onderwerp, record
from samenwerk.privacy.models import Actie

from . import regels
from .berichten import Soort, zet_klaar
from .models import Deelnemer, Overleg, Weigering
from .services import Genodigde, maak_deelnemer


def log_genodigde(deelnemer: Deelnemer, actie: str, gebeurtenis: str, segment: str = "overleg") -> None:
    """Access by an invitee through their signed link (no account): logged with their name."""
    casus = deelnemer.overleg.casus
    record(
        actor=None,
        actie=actie,
        gebeurtenis=gebeurtenis,
        rol="genodigde",
        organisatie=deelnemer.organisatie,
        onderwerp=Onderwerp(
            gemeente_id=casus.gemeente_id,
            inwoner_id=casus.inwoner_id,
            casus_id=casus.pk,
            object_type="deelnemer",
            object_id=deelnemer.pk,
            gegevenssegment=segment,
        ),
        grondslag=Grondslag(doel="samenwerkoverleg", relatie="genodigde", toestemming=mag_plan_zien(deelnemer)),
    )


def mag_plan_zien(deelnemer: Deelnemer) -> bool:
    """Accepted, and the resident's consent for this person stands right now."""
    return deelnemer.antwoord == Deelnemer.Antwoord.GEACCEPTEERD and casussen.heeft_toestemming(
        deelnemer.overleg.casus, Toestemming.Doel.PLAN_DELEN, geldt_voor=deelnemer.naam
    )


def _kan_antwoorden(deelnemer: Deelnemer) -> None:
    overleg = deelnemer.overleg
    if overleg.status == Overleg.Status.GEANNULEERD:
        raise ValidationError(_("Dit overleg gaat niet door. U hoeft niets te doen."))
    if overleg.status == Overleg.Status.GEHOUDEN or overleg.eindigt <= timezone.now():
        raise ValidationError(_("Dit overleg is al geweest. Antwoorden kan niet meer."))
    if deelnemer.antwoord == Deelnemer.Antwoord.DOORGESTUURD:
        raise ValidationError(_("U heeft deze uitnodiging doorgestuurd naar een collega."))


def _gebiedsaanjagers(casus: Casus) -> list[User]:
    return [
        r.user
        for r in Roltoewijzing.objects.actief()
        .filter(rol=Rol.GEBIEDSAANJAGER, gemeente_id=casus.gemeente_id, gebied_id=casus.gebied_id, user__is_active=True)
        .select_related("user")
    ]


def _meld_weigering(deelnemer: Deelnemer, reden: str) -> Weigering | None:
    """Tell the area's gebiedsaanjager, once per invitee; they see the case number and the
    invitee, not the resident (domain.md §3 step 4 "Refusal")."""
    if deelnemer.soort != Deelnemer.Soort.PROFESSIONAL or hasattr(deelnemer, "weigering"):
        return None
    overleg = deelnemer.overleg
    weigering = Weigering.objects.create(
        gemeente_id=overleg.gemeente_id, gebied_id=overleg.casus.gebied_id, deelnemer=deelnemer, reden=reden
    )
    for aanjager in _gebiedsaanjagers(overleg.casus):
        zet_klaar(overleg, Soort.WEIGERING, deelnemer=deelnemer, aan=aanjager.email)
    casussen.tijdlijn(
        overleg.casus,
        None,
        "weigering",
        _("%(naam)s (%(org)s): %(reden)s; de gebiedsaanjager is ingelicht")
        % {"naam": deelnemer.naam, "org": deelnemer.organisatie or "–", "reden": weigering.get_reden_display().lower()},
    )
    return weigering


def toelichting_nodig(deelnemer: Deelnemer) -> bool:
    """A professional who does not come says why; the resident's network need not."""
    return deelnemer.soort == Deelnemer.Soort.PROFESSIONAL


@transaction.atomic
def beantwoord(*, deelnemer: Deelnemer, komt: bool, toelichting: str = "") -> Deelnemer:
    deelnemer = Deelnemer.objects.select_for_update().select_related("overleg__casus").get(pk=deelnemer.pk)
    _kan_antwoorden(deelnemer)
    if not komt and not toelichting.strip() and toelichting_nodig(deelnemer):
        raise ValidationError({"toelichting": _("Schrijf kort waarom u niet komt. De inwoner rekent op uw deskundigheid.")})
    deelnemer.antwoord = Deelnemer.Antwoord.GEACCEPTEERD if komt else Deelnemer.Antwoord.AFGEWEZEN
    deelnemer.antwoord_toelichting, deelnemer.beantwoord_op = toelichting.strip()[:300], timezone.now()
    deelnemer.save(update_fields=["antwoord", "antwoord_toelichting", "beantwoord_op"])
    overleg = deelnemer.overleg
    if komt:
        Weigering.objects.filter(deelnemer=deelnemer, uitkomst=Weigering.Uitkomst.OPEN).update(
            uitkomst=Weigering.Uitkomst.OPGELOST, toelichting=_("Heeft alsnog geaccepteerd."), afgehandeld_op=timezone.now()
        )
        if mag_plan_zien(deelnemer):
            deelnemer.plan_tot = overleg.eindigt + datetime.timedelta(days=regels.PLAN_INZIEN_DAGEN)
            deelnemer.save(update_fields=["plan_tot"])
        casussen.tijdlijn(overleg.casus, None, "antwoord", _("%(naam)s komt naar het overleg") % {"naam": deelnemer.naam})
    else:
        casussen.tijdlijn(overleg.casus, None, "antwoord", _("%(naam)s komt niet naar het overleg") % {"naam": deelnemer.naam})
        _meld_weigering(deelnemer, Weigering.Reden.AFGEWEZEN)
    log_genodigde(deelnemer, Actie.UPDATE, "overleg.beantwoord")
    return deelnemer


@transaction.atomic
def stuur_door(*, deelnemer: Deelnemer, naam: str, email: str, organisatie: str, toelichting: str = "") -> Deelnemer:
    """Forward the invitation to a better-suited colleague: they get their own invitation,
    and the list records who forwarded it."""
    deelnemer = Deelnemer.objects.select_for_update().select_related("overleg__casus").get(pk=deelnemer.pk)
    _kan_antwoorden(deelnemer)
    overleg = deelnemer.overleg
    collega = Genodigde(
        soort=Deelnemer.Soort.PROFESSIONAL,
        naam=naam,
        email=email,
        organisatie=organisatie or deelnemer.organisatie,
        reden=deelnemer.reden,
        reden_toelichting=deelnemer.reden_toelichting,
    )
    nieuw = maak_deelnemer(
        overleg, collega, antwoord=Deelnemer.Antwoord.UITGENODIGD, uitgenodigd_op=timezone.now(), doorgestuurd_door=deelnemer
    )
    deelnemer.antwoord, deelnemer.beantwoord_op = Deelnemer.Antwoord.DOORGESTUURD, timezone.now()
    deelnemer.antwoord_toelichting = toelichting.strip()[:300]
    deelnemer.save(update_fields=["antwoord", "beantwoord_op", "antwoord_toelichting"])
    zet_klaar(overleg, Soort.UITNODIGING, deelnemer=nieuw)
    casussen.tijdlijn(
        overleg.casus,
        None,
        "antwoord",
        _("%(van)s heeft de uitnodiging doorgestuurd naar %(naar)s") % {"van": deelnemer.naam, "naar": nieuw},
    )
    log_genodigde(deelnemer, Actie.CREATE, "overleg.doorgestuurd")
    return nieuw


@transaction.atomic
def bewaak_antwoorden(vandaag: datetime.date | None = None) -> list[Weigering]:
    """Invitees who did not answer by the reply date are reported like a refusal (once)."""
    vandaag = vandaag or timezone.localdate()
    kandidaten = Deelnemer.objects.filter(
        overleg__status=Overleg.Status.GEPLAND,
        antwoord=Deelnemer.Antwoord.UITGENODIGD,
        overleg__antwoord_voor__lt=vandaag,
        soort=Deelnemer.Soort.PROFESSIONAL,
        weigering__isnull=True,
    ).select_related("overleg__casus")
    gemeld = []
    for deelnemer in kandidaten:
        if regels.geen_antwoord(True, deelnemer.heeft_geantwoord, deelnemer.overleg.antwoord_voor, vandaag):
            weigering = _meld_weigering(deelnemer, Weigering.Reden.GEEN_ANTWOORD)
            if weigering:
                gemeld.append(weigering)
    return gemeld


@transaction.atomic
def handel_weigering_af(*, actor: User, weigering: Weigering, uitkomst: str, toelichting: str) -> Weigering:
    if uitkomst not in Weigering.Uitkomst.values or uitkomst == Weigering.Uitkomst.OPEN:
        raise ValidationError({"uitkomst": _("Kies wat er met de weigering is gedaan.")})
    if not toelichting.strip():
        raise ValidationError({"toelichting": _("Schrijf kort op wat er is gebeurd.")})
    weigering.uitkomst, weigering.toelichting = uitkomst, toelichting.strip()
    weigering.afgehandeld_door, weigering.afgehandeld_op = actor, timezone.now()
    weigering.save()
    casus = weigering.deelnemer.overleg.casus
    casussen.tijdlijn(
        casus, actor, "weigering", _("Weigering opgevolgd: %(uitkomst)s") % {"uitkomst": weigering.get_uitkomst_display()}
    )
    record(
        actor=actor,
        actie=Actie.UPDATE,
        gebeurtenis="weigering.afgehandeld",
        rol=Rol.GEBIEDSAANJAGER,
        onderwerp=Onderwerp(
            gemeente_id=casus.gemeente_id,
            casus_id=casus.pk,
            object_type="weigering",
            object_id=weigering.pk,
            gegevenssegment="overleg",
        ),
        grondslag=Grondslag(doel="opvolging weigering", grond_rol=True, relatie="gebiedsaanjager"),
        velden=["uitkomst", "toelichting"],
    )
    return weigering
