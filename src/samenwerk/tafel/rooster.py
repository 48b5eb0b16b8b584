"""One extra meeting of a table (issue 23 item 1): the table meets on its rhythm (every
`Normen.tafel_interval_weken` weeks from its first meeting); a meeting on another day needs
a reason, recorded with it."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.gemeenten.models import Normen, User
from samenwerk.privacy.models import Actie

from . import rules
from .models import Bijeenkomst, Tafel


def op_schema(tafel: Tafel, begint: datetime.datetime) -> bool:
    """Whether the day falls on the table's rhythm, counted from its first meeting. A table
    without meetings has no rhythm yet: its first meeting sets it."""
    eerste = tafel.bijeenkomsten.order_by("begint").values_list("begint", flat=True).first()
    if eerste is None:
        return True
    interval = Normen.objects.voor(tafel.gemeente_id).tafel_interval_weken
    dagen = (timezone.localtime(begint).date() - timezone.localtime(eerste).date()).days
    return dagen % (7 * interval) == 0


@transaction.atomic
def plan_bijeenkomst(
    *, actor: User, tafel: Tafel, begint: datetime.datetime, locatie: str = "", buiten_schema_reden: str = ""
) -> Bijeenkomst:
    from .services import BIJEENKOMST_DUUR, _log_tafel

    if not rules.leidt(actor, tafel):
        raise ValidationError({"begint": _("Alleen de voorzitter of de secretaris plant een bijeenkomst.")})
    Tafel.objects.select_for_update().filter(pk=tafel.pk).first()  # two planners: one meeting at a moment
    if begint < timezone.now():
        raise ValidationError({"begint": _("Kies een moment in de toekomst.")})
    if tafel.bijeenkomsten.filter(begint__lt=begint + BIJEENKOMST_DUUR, eindigt__gt=begint).exists():
        raise ValidationError({"begint": _("Op dat moment heeft de Tafel al een bijeenkomst.")})
    buiten = not op_schema(tafel, begint)
    if buiten and not buiten_schema_reden.strip():
        raise ValidationError(
            {
                "buiten_schema_reden": _(
                    "Deze dag valt buiten het vaste schema van de Tafel. Schrijf op waarom de Tafel dan bijeenkomt."
                )
            }
        )
    bijeenkomst = Bijeenkomst.objects.create(
        tafel=tafel,
        begint=begint,
        eindigt=begint + BIJEENKOMST_DUUR,
        locatie=locatie.strip() or tafel.locatie,
        buiten_schema_reden=buiten_schema_reden.strip() if buiten else "",
    )
    _log_tafel(actor, tafel, Actie.CREATE, "tafel.bijeenkomst.gepland", "bijeenkomst", bijeenkomst.pk)
    return bijeenkomst
