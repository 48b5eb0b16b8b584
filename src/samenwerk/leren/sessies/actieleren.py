"""The actieleren record of one question at a casustafel (domain.md §7): participants and
their expertise, the gespreksleider, last time's lesson, the contributor's concrete question,
the advice round (advices only: there is no discussion field, on purpose), at most two
advices chosen and one adviser for the dialogue, next steps, who brings a question next time,
and afterwards whether it was useful and what."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from samenwerk.gemeenten.models import User
from samenwerk.privacy.models import Actie

from ..models import Actieleren, Actielerendeelnemer, Advies, Casusinbreng, Leertafel
from . import rules
from .services import log

MAX_GEKOZEN = 2


@dataclass(frozen=True)
class Adviesregel:
    tekst: str
    adviseur: User | None = None
    gekozen: bool = False


@dataclass(frozen=True)
class Actielerengegevens:
    indiener: User
    vraag: str
    gespreksleider: User | None = None
    les_vorige_keer: str = ""
    inbreng: Casusinbreng | None = None
    deelnemers: Sequence[tuple[User, str]] = ()  # (person, expertise)
    adviezen: Sequence[Adviesregel] = ()
    dialoog_adviseur: User | None = None
    vervolgstappen: str = ""
    volgende_inbrenger: User | None = None
    nuttig_bevonden: bool | None = None
    wat_nuttig: str = ""


def _controleer(tafel: Leertafel, g: Actielerengegevens) -> None:
    fouten: dict[str, list[str]] = {}

    def fout(veld: str, tekst: str) -> None:
        fouten.setdefault(veld, []).append(tekst)

    if tafel.soort != Leertafel.Soort.CASUS:
        fout("tafel", _("Actieleren hoort bij een casustafel."))
    if not g.vraag.strip():
        fout("vraag", _("Schrijf de concrete vraag van de inbrenger op."))
    gekozen = [a for a in g.adviezen if a.gekozen]
    if len(gekozen) > MAX_GEKOZEN:
        fout(
            "adviezen",
            _("De inbrenger kiest hoogstens twee adviezen om mee verder te gaan; er zijn er %(aantal)s gekozen.")
            % {"aantal": len(gekozen)},
        )
    if any(not a.tekst.strip() for a in g.adviezen):
        fout("adviezen", _("Een advies zonder tekst kan niet: vul het in of laat de regel helemaal leeg."))
    adviseurs = {a.adviseur.pk for a in g.adviezen if a.adviseur is not None}
    if g.dialoog_adviseur is not None and g.dialoog_adviseur.pk not in adviseurs:
        fout("dialoog_adviseur", _("Kies voor de korte dialoog iemand die een advies gaf."))
    if g.inbreng is not None and (
        g.inbreng.status != Casusinbreng.Status.GEDEELD or g.inbreng.gemeente_id != tafel.sessie.gemeente_id
    ):
        fout("inbreng", _("Kies een casus die zonder namen is gedeeld."))
    if g.nuttig_bevonden is True and not g.wat_nuttig.strip():
        fout("wat_nuttig", _("Schrijf op wat nuttig was: het komt in de leergeschiedenis."))
    personen = [g.indiener, *(p for p, _e in g.deelnemers)]
    for persoon in (g.gespreksleider, g.volgende_inbrenger, *personen):
        if persoon is not None and not persoon.actieve_rollen().filter(gemeente=tafel.sessie.gemeente_id).exists():
            fout("deelnemers", _("%(naam)s werkt niet in deze gemeente.") % {"naam": persoon})
    if fouten:
        raise ValidationError(fouten)


def _bewaar_delen(actieleren: Actieleren, g: Actielerengegevens) -> None:
    actieleren.deelnemers.all().delete()
    gezien: set[int] = set()
    rijen = []
    for persoon, expertise in g.deelnemers:
        if persoon.pk not in gezien:
            gezien.add(persoon.pk)
            rijen.append(Actielerendeelnemer(actieleren=actieleren, user=persoon, expertise=expertise.strip()))
    Actielerendeelnemer.objects.bulk_create(rijen)
    actieleren.adviezen.all().delete()
    Advies.objects.bulk_create(
        Advies(actieleren=actieleren, adviseur=a.adviseur, tekst=a.tekst.strip(), gekozen=a.gekozen, volgorde=i)
        for i, a in enumerate(g.adviezen)
    )


def _velden(g: Actielerengegevens) -> dict[str, object]:
    return {
        "indiener": g.indiener, "vraag": g.vraag.strip(), "gespreksleider": g.gespreksleider,
        "les_vorige_keer": g.les_vorige_keer.strip(), "inbreng": g.inbreng, "dialoog_adviseur": g.dialoog_adviseur,
        "vervolgstappen": g.vervolgstappen.strip(), "volgende_inbrenger": g.volgende_inbrenger,
        "nuttig_bevonden": g.nuttig_bevonden, "wat_nuttig": g.wat_nuttig.strip(),
    }  # fmt: skip


@transaction.atomic
def maak_actieleren(*, actor: User, tafel: Leertafel, gegevens: Actielerengegevens) -> Actieleren:
    if not rules.mag_actieleren_vastleggen(actor, tafel.sessie):
        raise ValidationError(_("Alleen de gebiedsaanjager of de gespreksleider van de tafel legt actieleren vast."))
    _controleer(tafel, gegevens)
    actieleren = Actieleren.objects.create(tafel=tafel, **_velden(gegevens))
    _bewaar_delen(actieleren, gegevens)
    log(actor, tafel.sessie.gemeente_id, Actie.CREATE, "leren.actieleren", "actieleren", actieleren.pk)
    return actieleren


class Conflict(ValidationError):
    """Someone else saved the record in between (the page and API answer 409)."""


@transaction.atomic
def wijzig_actieleren(*, actor: User, actieleren: Actieleren, gegevens: Actielerengegevens, versie: int) -> Actieleren:
    tafel = actieleren.tafel
    if not rules.mag_actieleren_vastleggen(actor, tafel.sessie, actieleren):
        raise ValidationError(_("Alleen de gebiedsaanjager, de gespreksleider of de inbrenger wijzigt dit verslag."))
    _controleer(tafel, gegevens)
    bijgewerkt = Actieleren.objects.filter(pk=actieleren.pk, versie=versie).update(versie=F("versie") + 1, **_velden(gegevens))
    if not bijgewerkt:
        raise Conflict(
            {"versie": _("Iemand anders heeft dit actieleren intussen gewijzigd. Uw invoer staat nog in het formulier.")}
        )
    actieleren.refresh_from_db()
    _bewaar_delen(actieleren, gegevens)
    log(actor, tafel.sessie.gemeente_id, Actie.UPDATE, "leren.actieleren", "actieleren", actieleren.pk)
    return actieleren
