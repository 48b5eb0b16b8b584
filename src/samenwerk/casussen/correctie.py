"""AVG correction requests (domain.md §8, issue 7): one function per action, as in
services.py. Kept apart from services.py to keep that module short."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.gemeenten.models import User
from samenwerk.privacy.audit import Grondslag, Onderwerp, record
from samenwerk.privacy.models import Actie

from .models import CORRIGEERBAAR, Casus, Correctieverzoek
from .rules import eis_vastleggen
from .services import log_casus, tijdlijn, wijzig_inwoner


def _log_inwoner(casus: Casus, actie: str, gebeurtenis: str, verzoek: Correctieverzoek) -> None:
    record(
        actor=None,
        actie=actie,
        gebeurtenis=gebeurtenis,
        rol="inwoner",
        onderwerp=Onderwerp(
            gemeente_id=casus.gemeente_id,
            inwoner_id=casus.inwoner_id,
            casus_id=casus.pk,
            object_type="correctieverzoek",
            object_id=verzoek.pk,
            gegevenssegment="correctie",
        ),
        grondslag=Grondslag(doel="correctie door de inwoner", relatie="inwoner", toestemming=True),
        velden=[verzoek.gegeven],
    )


@transaction.atomic
def dien_in(*, casus: Casus, gegeven: str, gewenst: str, omschrijving: str = "", actor: User | None = None) -> Correctieverzoek:
    """The resident (actor None, through their link) or a professional on their behalf asks
    for a correction."""
    if actor is not None:
        eis_vastleggen(actor, casus)
    if not gewenst.strip():
        raise ValidationError({"gewenst": _("Schrijf op wat het moet zijn.")})
    if gegeven not in Correctieverzoek.Gegeven.values:
        raise ValidationError({"gegeven": _("Kies welk gegeven niet klopt.")})
    verzoek = Correctieverzoek.objects.create(
        casus=casus,
        gemeente_id=casus.gemeente_id,
        gegeven=gegeven,
        gewenst=gewenst.strip()[:1000],
        omschrijving=omschrijving.strip()[:1000],
        via=Correctieverzoek.Via.PROFESSIONAL if actor else Correctieverzoek.Via.INWONER,
        ingediend_door=actor,
    )
    label = verzoek.get_gegeven_display().lower()
    tijdlijn(casus, actor, "correctie", _("Correctieverzoek ingediend: %(gegeven)s") % {"gegeven": label})
    if actor is None:
        _log_inwoner(casus, Actie.CREATE, "correctieverzoek.ingediend", verzoek)
    else:
        log_casus(
            actor=actor,
            casus=casus,
            actie=Actie.CREATE,
            gebeurtenis="correctieverzoek.ingediend",
            segment="correctie",
            object_type="correctieverzoek",
            object_id=verzoek.pk,
            velden=[gegeven],
        )
    return verzoek


@transaction.atomic
def behandel(
    *,
    actor: User,
    casus: Casus,
    verzoek_id: int,
    aanpassen: bool,
    nieuwe_waarde: object = None,
    reden: str = "",
    toelichting: str = "",
) -> Correctieverzoek:
    """The casusregisseur accepts (the resident's detail is changed through wijzig_inwoner,
    logged with this request's id; other data they correct on its own page and say what they
    did) or refuses with a reason the resident sees on their page."""
    verzoek = Correctieverzoek.objects.select_for_update().filter(pk=verzoek_id, casus=casus).first()
    if verzoek is None:
        raise ValidationError({"verzoek": _("Dit correctieverzoek hoort niet bij deze casus.")})
    if verzoek.status != Correctieverzoek.Status.OPEN:
        raise ValidationError({"verzoek": _("Dit correctieverzoek is al behandeld.")})
    if aanpassen:
        if verzoek.gegeven in CORRIGEERBAAR:
            wijzig_inwoner(
                actor=actor, casus=casus, wijzigingen={verzoek.gegeven: nieuwe_waarde}, reden=f"correctieverzoek {verzoek.pk}"
            )
        elif not toelichting.strip():
            raise ValidationError({"toelichting": _("Schrijf op wat u heeft aangepast, en waar.")})
        verzoek.status = Correctieverzoek.Status.AANGEPAST
    else:
        if not reden.strip():
            raise ValidationError({"reden": _("Schrijf op waarom het niet wordt aangepast. De inwoner ziet deze reden.")})
        verzoek.status = Correctieverzoek.Status.GEWEIGERD
    verzoek.reden_weigering, verzoek.toelichting = reden.strip(), toelichting.strip()
    verzoek.behandeld_door, verzoek.behandeld_op = actor, timezone.now()
    verzoek.save(update_fields=["status", "reden_weigering", "toelichting", "behandeld_door", "behandeld_op"])
    tekst = _("Correctieverzoek %(gegeven)s: %(uitkomst)s") % {
        "gegeven": verzoek.get_gegeven_display().lower(),
        "uitkomst": verzoek.get_status_display().lower(),
    }
    tijdlijn(casus, actor, "correctie", tekst)
    log_casus(
        actor=actor,
        casus=casus,
        actie=Actie.UPDATE,
        gebeurtenis="correctieverzoek.behandeld",
        segment="correctie",
        object_type="correctieverzoek",
        object_id=verzoek.pk,
        velden=["status"],
    )
    return verzoek
