"""The dilemma hook (issue 19 item 4): an improvement point's follow-up can become a dilemma for
the netwerkoverleg once the learning staircase exists. zet does not import `leren`; the
function is named by settings.ZET_DILEMMA_HOOK (docs/zet.md)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from samenwerk.gemeenten.models import User
from samenwerk.privacy.models import Actie

from . import rules
from .logboek import log
from .models import Verbeterpunt


def dilemma_haak():  # type: ignore[no-untyped-def]
    """The function named by settings.ZET_DILEMMA_HOOK, or None (then no button is shown).

    Signature the learning staircase provides: `(*, verbeterpunt: Verbeterpunt, door: User)
    -> str` — it opens a dilemma for the netwerkoverleg from the improvement point and
    returns the URL of that dilemma."""
    pad = getattr(settings, "ZET_DILEMMA_HOOK", None)
    return import_string(pad) if pad else None


@transaction.atomic
def zet_door_als_dilemma(*, verbeterpunt: Verbeterpunt, door: User) -> str:
    """Hand an improvement point's follow-up to the netwerkoverleg as a dilemma."""
    if not rules.is_evaluator(door, verbeterpunt.ronde):
        raise PermissionDenied
    haak = dilemma_haak()
    if haak is None:
        raise ValidationError(_("Dilemma's voor het netwerkoverleg zijn in deze installatie nog niet beschikbaar."))
    url = haak(verbeterpunt=verbeterpunt, door=door)
    log(
        actor=door, ronde=verbeterpunt.ronde, gebeurtenis="zet.verbeterpunt.dilemma", actie=Actie.EXPORT,
        object_type="zet.verbeterpunt", object_id=verbeterpunt.pk,
    )  # fmt: skip
    return str(url)
