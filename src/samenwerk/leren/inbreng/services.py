"""A case brought to a learning table (domain.md §7, §8): one function per user action, each
in a transaction and writing its access-log row (style.md §3).

The flow: `breng_in` (only with the resident's consent for the purpose LEERTAFEL; the view
only enqueues, status `wacht`) → the task worker runs `verwerk` (deduce, status
`te_beoordelen`) → the contributor reviews it, `maak_onherkenbaar` for extra passages, and
`deel` (status `gedeeld`; the text as written is emptied). Withdrawing the consent calls
`ontkoppel_na_intrekking` from casussen.services.leg_toestemming_vast.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.casussen import rules as casusregels
from samenwerk.casussen.models import Casus, Toestemming
from samenwerk.casussen.services import log_casus, tijdlijn
from samenwerk.gemeenten.models import User
from samenwerk.privacy.audit import Onderwerp, record
from samenwerk.privacy.models import Actie

from ..models import Casusinbreng, Leertafel
from . import deidentificatie, rules

DOEL_VAN_TAFEL = {
    Leertafel.Soort.CASUS: Casusinbreng.Doel.CASUSTAFEL,
    Leertafel.Soort.EVALUATIE: Casusinbreng.Doel.EVALUATIETAFEL,
}
SEGMENT = "leertafel"


class Versieconflict(Exception):
    def __init__(self, huidig: int) -> None:
        super().__init__(_("Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe versie en probeer het opnieuw."))
        self.huidig = huidig


def tafels_voor_inbreng(casus: Casus) -> QuerySet[Leertafel]:
    """Case and evaluation tables of sessions still to come in the case's municipality."""
    return (
        Leertafel.objects.filter(
            soort__in=list(DOEL_VAN_TAFEL),
            sessie__gemeente_id=casus.gemeente_id,
            sessie__geannuleerd_op__isnull=True,
            sessie__eind__gte=timezone.now(),
        )
        .select_related("sessie", "sessie__gebied")
        .order_by("sessie__begin", "volgorde", "id")
    )


def eis_toestemming(casus: Casus) -> None:
    """The latest consent row for LEERTAFEL decides; a clear Dutch refusal otherwise."""
    laatste = (
        Toestemming.objects.filter(casus_id=casus.pk, doel=Toestemming.Doel.LEERTAFEL, geldt_voor="")
        .order_by("-vastgelegd_op", "-id")
        .first()
    )
    if laatste is None:
        raise ValidationError(
            _(
                "Deze casus kan niet naar een leertafel: er is geen toestemming van de inwoner vastgelegd voor "
                "'De casus (zonder naam) bespreken aan een leertafel'. Vraag de inwoner en leg de toestemming vast "
                "bij de casus."
            )
        )
    if not laatste.gegeven:
        raise ValidationError(
            _(
                "Deze casus kan niet naar een leertafel: de inwoner heeft op %(datum)s geen toestemming (meer) gegeven "
                "om de casus zonder naam aan een leertafel te bespreken."
            )
            % {"datum": laatste.datum.strftime("%d-%m-%Y")}
        )


@transaction.atomic
def breng_in(*, actor: User, casus: Casus, tafel: Leertafel, tekst: str) -> Casusinbreng:
    """The professional brings one of their cases to a casustafel or evaluatietafel. `casus`
    comes from casussen.selectors.casus_of_404 (the actor can see it)."""
    casusregels.eis_vastleggen(actor, casus)
    eis_toestemming(casus)
    if tafel.soort not in DOEL_VAN_TAFEL:
        raise ValidationError({"tafel": _("Een casus kan alleen naar een casustafel of een evaluatietafel.")})
    if tafel.sessie.gemeente_id != casus.gemeente_id or tafel.sessie.geannuleerd_op or tafel.sessie.eind < timezone.now():
        raise ValidationError({"tafel": _("Kies een tafel van een komende leersessie in de gemeente van de casus.")})
    if not tekst.strip():
        raise ValidationError({"tekst": _("Schrijf de casus op zoals u die aan tafel wilt bespreken.")})
    inbreng = Casusinbreng.objects.create(
        gemeente_id=casus.gemeente_id,
        casus=casus,
        ingebracht_door=actor,
        doel=DOEL_VAN_TAFEL[tafel.soort],
        tafel=tafel,
        brontekst=tekst.strip(),
    )
    tijdlijn(casus, actor, "leertafel", _("Casus ingebracht aan een leertafel (%(tafel)s)") % {"tafel": tafel})
    log_casus(
        actor=actor, casus=casus, actie=Actie.CREATE, gebeurtenis="leren.inbreng.aangemaakt", segment=SEGMENT,
        object_type="casusinbreng", object_id=inbreng.pk, velden=("brontekst",),
    )  # fmt: skip
    from .tasks import deidentificeer_inbreng  # enqueued in this transaction: no row, no task

    deidentificeer_inbreng.enqueue(inbreng.pk)
    return inbreng


def verwerk(inbreng_id: int, deidentificeer: Callable[[str], tuple[str, list[dict]]] | None = None) -> Casusinbreng | None:
    """The task worker's part: de-identify the text as written (deduce loads once per
    process). Never called in a request. `deidentificeer` replaces deduce where the result is
    known beforehand (the demo). The slow part runs outside the row lock; the result
    is saved only when the contribution is still waiting with the same text."""
    bron = Casusinbreng.objects.filter(pk=inbreng_id, status=Casusinbreng.Status.WACHT).values("brontekst").first()
    if bron is None:
        return None
    tekst, vervangingen = (deidentificeer or deidentificatie.deidentificeer)(bron["brontekst"])
    with transaction.atomic():
        inbreng = Casusinbreng.objects.select_for_update().filter(pk=inbreng_id).first()
        if inbreng is None or inbreng.status != Casusinbreng.Status.WACHT or inbreng.brontekst != bron["brontekst"]:
            return None
        inbreng.tekst, inbreng.vervangingen = tekst, vervangingen
        inbreng.status = Casusinbreng.Status.TE_BEOORDELEN
        inbreng.versie += 1
        inbreng.save(update_fields=["tekst", "vervangingen", "status", "versie"])
        record(
            actor=None, actie=Actie.UPDATE, gebeurtenis="leren.inbreng.zonder_namen_gemaakt",
            onderwerp=_onderwerp(inbreng), velden=("tekst", "vervangingen"),
        )  # fmt: skip
    return inbreng


def _onderwerp(inbreng: Casusinbreng, *, met_casus: bool = True) -> Onderwerp:
    casus_id = inbreng.casus_id if met_casus else None
    inwoner_id = None
    if casus_id is not None:
        inwoner_id = Casus.objects.filter(pk=casus_id).values_list("inwoner_id", flat=True).first()
    return Onderwerp(
        gemeente_id=inbreng.gemeente_id, inwoner_id=inwoner_id, casus_id=casus_id,
        object_type="casusinbreng", object_id=inbreng.pk, gegevenssegment=SEGMENT,
    )  # fmt: skip


def _voor_beoordeling(actor: User, inbreng_id: int, versie: int) -> Casusinbreng:
    inbreng = Casusinbreng.objects.select_for_update().get(pk=inbreng_id)
    if not rules.is_inbrenger(actor, inbreng):
        raise PermissionDenied(_("Alleen wie de casus inbracht, beoordeelt de tekst zonder namen."))
    if inbreng.status != Casusinbreng.Status.TE_BEOORDELEN:
        raise ValidationError(
            _("Deze tekst is niet (meer) te beoordelen: %(status)s.") % {"status": inbreng.get_status_display()}
        )
    if inbreng.versie != versie:
        raise Versieconflict(inbreng.versie)
    return inbreng


@transaction.atomic
def maak_onherkenbaar(*, actor: User, inbreng: Casusinbreng, passages: list[str], versie: int) -> Casusinbreng:
    """The contributor replaces more passages (every occurrence) before sharing."""
    inbreng = _voor_beoordeling(actor, inbreng.pk, versie)
    passages = [p.strip() for p in passages if p.strip()]
    if not passages:
        raise ValidationError({"passages": _("Vul minstens één stuk tekst in dat onherkenbaar moet worden.")})
    tekst, vervangingen = deidentificatie.handmatig(inbreng.tekst, inbreng.vervangingen, passages)
    if tekst == inbreng.tekst:
        raise ValidationError({"passages": _("Deze tekst komt niet (meer) voor in de tekst zonder namen.")})
    inbreng.tekst, inbreng.vervangingen = tekst, vervangingen
    inbreng.versie += 1
    inbreng.save(update_fields=["tekst", "vervangingen", "versie"])
    record(
        actor=actor,
        actie=Actie.UPDATE,
        gebeurtenis="leren.inbreng.onherkenbaar",
        onderwerp=_onderwerp(inbreng),
        velden=("tekst",),
    )
    return inbreng


@transaction.atomic
def deel(*, actor: User, inbreng: Casusinbreng, versie: int) -> Casusinbreng:
    """Share the reviewed text with the table; the text as written is not kept in the copy."""
    inbreng = _voor_beoordeling(actor, inbreng.pk, versie)
    inbreng.status = Casusinbreng.Status.GEDEELD
    inbreng.gedeeld_op = timezone.now()
    inbreng.brontekst = ""
    inbreng.versie += 1
    inbreng.save(update_fields=["status", "gedeeld_op", "brontekst", "versie"])
    record(
        actor=actor, actie=Actie.UPDATE, gebeurtenis="leren.inbreng.gedeeld", onderwerp=_onderwerp(inbreng), velden=("status",)
    )
    return inbreng


def ontkoppel_na_intrekking(*, actor: User, casus: Casus) -> int:
    """Consent for LEERTAFEL withdrawn (called inside leg_toestemming_vast's transaction):
    every contribution of this case loses its link to the case and is marked; one not yet
    shared is stopped and its text as written emptied. Logged per contribution."""
    inbrengen = list(Casusinbreng.objects.select_for_update().filter(casus_id=casus.pk))
    nu = timezone.now()
    for inbreng in inbrengen:
        if inbreng.status in (Casusinbreng.Status.WACHT, Casusinbreng.Status.TE_BEOORDELEN):
            inbreng.tekst, inbreng.vervangingen = "", []
        inbreng.casus, inbreng.status, inbreng.ingetrokken_op, inbreng.brontekst = None, Casusinbreng.Status.INGETROKKEN, nu, ""
        inbreng.versie += 1
        inbreng.save(update_fields=["casus", "status", "ingetrokken_op", "brontekst", "tekst", "vervangingen", "versie"])
        log_casus(
            actor=actor, casus=casus, actie=Actie.UPDATE, gebeurtenis="leren.inbreng.ontkoppeld", segment=SEGMENT,
            object_type="casusinbreng", object_id=inbreng.pk, velden=("casus", "status"),
        )  # fmt: skip
    return len(inbrengen)


def log_gelezen(*, actor: User, inbreng: Casusinbreng, export: bool = False) -> None:
    """A read of a contribution. The contributor's row names the case; a reader at the table
    gets a row without it — the link to the case is never theirs, not even in the log."""
    record(
        actor=actor, actie=Actie.EXPORT if export else Actie.READ, gebeurtenis="leren.inbreng.bekeken",
        onderwerp=_onderwerp(inbreng, met_casus=rules.is_inbrenger(actor, inbreng)),
        velden=("tekst",),
    )  # fmt: skip
