"""The access log for ZET (privacy app; style.md §7, §17). Every read and write of a round's
case data writes rows here: whose data (the resident of each case shown), on which basis
(the ZET consent, the actor's part in the round). A withdrawn case names no resident."""

from __future__ import annotations

from collections.abc import Iterable

from samenwerk.gemeenten.models import User
from samenwerk.privacy.audit import Grondslag, Onderwerp, Regel, record_many
from samenwerk.privacy.models import Actie

from .models import Evaluatieronde, Rondecasus, Rondelid

DOEL = "zet-evaluatie"


def _relatie(actor: User, ronde: Evaluatieronde) -> str:
    taak = Rondelid.objects.filter(ronde=ronde, user=actor).values_list("taak", flat=True).first()
    return f"zet-{taak}" if taak else "functioneel_beheerder"


def log(
    *,
    actor: User,
    ronde: Evaluatieronde,
    gebeurtenis: str,
    rondecasussen: Iterable[Rondecasus] = (),
    actie: str = Actie.READ,
    object_type: str = "zet.ronde",
    object_id: int | None = None,
    segment: str = "zet",
    velden: Iterable[str] = (),
) -> None:
    """One row per case of the round the action touches (a row for the round itself when it
    touches none). `rondecasussen` must have `casus` loaded (select_related)."""
    relatie = _relatie(actor, ronde)
    grondslag = Grondslag(doel=DOEL, grond_rol=relatie != "", relatie=relatie, toestemming=True)
    regels = [
        Regel(
            onderwerp=Onderwerp(
                gemeente_id=ronde.gemeente_id,
                inwoner_id=rc.casus.inwoner_id if rc.casus_id else None,
                casus_id=rc.casus_id,
                object_type=object_type,
                object_id=object_id if object_id is not None else rc.pk,
                gegevenssegment=segment,
            ),
            grondslag=grondslag,
            rol=relatie,
        )
        for rc in rondecasussen
    ]
    if not regels:
        regels = [
            Regel(
                onderwerp=Onderwerp(
                    gemeente_id=ronde.gemeente_id,
                    object_type=object_type,
                    object_id=object_id or ronde.pk,
                    gegevenssegment=segment,
                ),
                grondslag=grondslag,
                rol=relatie,
            )
        ]
    record_many(actor=actor, actie=actie, gebeurtenis=gebeurtenis, regels=regels, velden=tuple(velden))
