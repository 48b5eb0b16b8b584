"""Certificates of participation and their badges: issued when the course's rule is met (or
the trainer overrides it with a reason, logged), revoked with a reason; the municipality's
signing key rotated."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.gemeenten.models import Gemeente, User
from samenwerk.privacy.audit import Onderwerp, record
from samenwerk.privacy.models import Actie

from . import badges, rules, selectors
from .models import Certificaat, Deelnemer
from .services import log


@transaction.atomic
def geef_certificaat_uit(*, actor: User, deelnemer: Deelnemer, afwijkreden: str = "") -> Certificaat:
    traject = deelnemer.traject
    if not rules.leidt(actor, traject):
        raise PermissionDenied(_("Alleen de trainers geven een certificaat uit."))
    Deelnemer.objects.select_for_update().filter(pk=deelnemer.pk).first()
    if Certificaat.objects.filter(deelnemer=deelnemer).exists():
        raise ValidationError({"afwijkreden": _("Deze deelnemer heeft al een certificaat.")})
    stand = selectors.stand_van(deelnemer)
    afwijkreden = afwijkreden.strip()
    if not stand.regel_gehaald and not afwijkreden:
        raise ValidationError(
            {
                "afwijkreden": _(
                    "De deelnemer haalt de regel niet (aanwezigheid en opdrachten). "
                    "Geef een reden als u toch een certificaat uitgeeft."
                )
            }
        )
    if not traject.dagen.exists():
        raise ValidationError({"afwijkreden": _("Plan eerst de lesdagen.")})
    sleutel = badges.actieve_sleutel(traject.gemeente)
    certificaat = Certificaat(
        deelnemer=deelnemer,
        uitgegeven_door=actor,
        regel_gehaald=stand.regel_gehaald,
        afwijkreden="" if stand.regel_gehaald else afwijkreden,
        sleutel=sleutel,
    )
    certificaat.deelnemer = deelnemer
    certificaat.credential = badges.credential_voor(certificaat)
    certificaat.jws = badges.onderteken(certificaat.credential, sleutel)
    certificaat.save()
    gebeurtenis = "leertraject.certificaat.uitgegeven" if stand.regel_gehaald else "leertraject.certificaat.afwijking"
    log(actor, traject, Actie.CREATE, gebeurtenis, "certificaat", certificaat.pk)
    return certificaat


@transaction.atomic
def trek_in(*, actor: User, certificaat: Certificaat, reden: str) -> Certificaat:
    traject = certificaat.deelnemer.traject
    if not rules.leidt(actor, traject):
        raise PermissionDenied(_("Alleen de trainers trekken een certificaat in."))
    if certificaat.ingetrokken_op:
        raise ValidationError({"reden": _("Dit certificaat is al ingetrokken.")})
    if not reden.strip():
        raise ValidationError({"reden": _("Geef de reden van het intrekken.")})
    certificaat.ingetrokken_op, certificaat.intrekreden, certificaat.ingetrokken_door = timezone.now(), reden.strip(), actor
    certificaat.save(update_fields=["ingetrokken_op", "intrekreden", "ingetrokken_door"])
    log(actor, traject, Actie.UPDATE, "leertraject.certificaat.ingetrokken", "certificaat", certificaat.pk)
    return certificaat


@transaction.atomic
def roteer_sleutel(*, actor: User, gemeente: Gemeente):  # type: ignore[no-untyped-def]
    """A new signing key for the municipality's badges (the functioneel beheerder)."""
    if not rules.heeft_rol(actor, gemeente, frozenset({"functioneel_beheerder"})):
        raise PermissionDenied(_("Alleen de functioneel beheerder vervangt de sleutel."))
    sleutel = badges.roteer(gemeente)
    onderwerp = Onderwerp(
        gemeente_id=gemeente.pk, object_type="badgesleutel", object_id=sleutel.pk, gegevenssegment="leertraject"
    )
    record(actor=actor, actie=Actie.CREATE, gebeurtenis="leertraject.sleutel.geroteerd", onderwerp=onderwerp)
    return sleutel
