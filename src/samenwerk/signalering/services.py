"""What a person does with their own signal (style.md §3): handle it with a note, or snooze
it until a date. Each writes the access log and the case timeline in its transaction."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.casussen.services import log_casus, tijdlijn
from samenwerk.gemeenten.models import User
from samenwerk.privacy.models import Actie

from .models import ACTIEF, Signalering, Status
from .regels import label_van


def _wijzig(signalering: Signalering, **velden: object) -> None:
    """Only an open or snoozed signal changes; a conditional update, so two clicks (or two
    people's tabs) never handle the same signal twice."""
    if not Signalering.objects.filter(pk=signalering.pk, status__in=ACTIEF).update(**velden):
        raise ValidationError({"status": _("Deze signalering is al afgehandeld of vervallen.")})
    for veld, waarde in velden.items():
        setattr(signalering, veld, waarde)


@transaction.atomic
def handel_af(*, actor: User, signalering: Signalering, notitie: str) -> Signalering:
    if signalering.ontvanger_id != actor.pk:
        raise ValidationError(_("Dit is niet uw signalering."))
    if not notitie.strip():
        raise ValidationError({"notitie": _("Schrijf kort wat u gedaan heeft of waarom het geen actie vraagt.")})
    _wijzig(
        signalering,
        status=Status.AFGEHANDELD,
        notitie=notitie.strip()[:2000],
        afgehandeld_op=timezone.now(),
        afgehandeld_door=actor,
        uitgesteld_tot=None,
    )
    casus = signalering.casus
    if casus is not None:  # a signal about no case holds no personal data: nothing to log on a timeline
        tijdlijn(casus, actor, "signalering", _("Signalering afgehandeld: %(soort)s") % {"soort": label_van(signalering.soort)})
        log_casus(
            actor=actor,
            casus=casus,
            actie=Actie.UPDATE,
            gebeurtenis="signalering.afgehandeld",
            segment="signalering",
            object_type="signalering",
            object_id=signalering.pk,
            velden=["status", "notitie"],
        )
    return signalering


@transaction.atomic
def stel_uit(*, actor: User, signalering: Signalering, tot: datetime.date) -> Signalering:
    if signalering.ontvanger_id != actor.pk:
        raise ValidationError(_("Dit is niet uw signalering."))
    vandaag = timezone.localdate()
    if tot <= vandaag:
        raise ValidationError({"tot": _("Kies een datum na vandaag.")})
    if tot > vandaag + datetime.timedelta(days=365):
        raise ValidationError({"tot": _("Stel hoogstens een jaar uit.")})
    _wijzig(signalering, status=Status.UITGESTELD, uitgesteld_tot=tot)
    if signalering.casus is None:
        return signalering
    log_casus(
        actor=actor,
        casus=signalering.casus,
        actie=Actie.UPDATE,
        gebeurtenis="signalering.uitgesteld",
        segment="signalering",
        object_type="signalering",
        object_id=signalering.pk,
        velden=["status", "uitgesteld_tot"],
    )
    return signalering
