"""One versioned-document machinery for the bundle and the leergeschiedenis: the product
drafts the first version from the records (concept.py), people edit it, every edit is a new
version with its author and time, and an edit made on an older version than the current one
is refused (`Conflict`, API 409) so nobody overwrites another's text unseen."""

from __future__ import annotations

import datetime

from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from weasyprint import CSS, HTML

from samenwerk.gemeenten.models import Gebied, Gemeente, User
from samenwerk.privacy.models import Actie

from ..models import Documentversie, Leerdocument
from . import concept, rules
from .services import Conflict, log

SECTIES: dict[str, list[tuple[str, object]]] = {
    Leerdocument.Soort.BUNDEL: [
        ("successen", gettext_lazy("Belangrijkste successen")),
        ("leerpunten", gettext_lazy("Leerpunten")),
    ],
    Leerdocument.Soort.LEERGESCHIEDENIS: [
        ("resultaten", gettext_lazy("Resultaten")),
        ("lessen", gettext_lazy("Geleerde lessen")),
        ("effecten", gettext_lazy("Effecten")),
        ("opgave", gettext_lazy("De opgave voor het komende jaar")),
    ],
}


def secties(document: Leerdocument, versie: Documentversie) -> list[tuple[str, str, str]]:
    """(code, heading, text) per section, in order."""
    return [(code, str(kop), versie.inhoud.get(code, "")) for code, kop in SECTIES[document.soort]]


@transaction.atomic
def maak_document(
    *,
    actor: User,
    gemeente: Gemeente,
    soort: str,
    van: datetime.date,
    tot: datetime.date,
    gebied: Gebied | None = None,
    methode: str = "",
) -> Leerdocument:
    """A new bundle or leergeschiedenis with its first version drafted from the records."""
    if soort not in Leerdocument.Soort.values:
        raise ValidationError({"soort": _("Kies bundel of leergeschiedenis.")})
    if not rules.mag_document_maken(actor, gemeente, soort):
        raise ValidationError({"soort": _("Met uw rol kunt u dit document niet maken.")})
    fouten = {}
    if tot < van:
        fouten["tot"] = _("Het einde van de periode ligt vóór het begin.")
    if gebied is not None and gebied.gemeente_id != gemeente.pk:
        fouten["gebied"] = _("Dit gebied hoort bij een andere gemeente.")
    if soort == Leerdocument.Soort.BUNDEL:
        if gebied is None:
            fouten["gebied"] = _("Een bundel is van één gebied: kies het gebied.")
        methode = ""
    elif methode and methode not in Leerdocument.Methode.values:
        fouten["methode"] = _("Kies een methode uit de lijst.")
    if fouten:
        raise ValidationError(fouten)
    document = Leerdocument.objects.create(
        gemeente=gemeente, gebied=gebied, soort=soort, methode=methode, van=van, tot=tot, aangemaakt_door=actor
    )
    inhoud = concept.bundel(document) if soort == Leerdocument.Soort.BUNDEL else concept.leergeschiedenis(document)
    Documentversie.objects.create(document=document, nummer=1, inhoud=inhoud, door=actor, concept=True)
    log(actor, gemeente.pk, Actie.CREATE, f"leren.{soort}.gemaakt", document)
    return document


@transaction.atomic
def bewerk_document(*, actor: User, document: Leerdocument, inhoud: dict[str, str], versie: int) -> Documentversie:
    """Every edit a new version; `versie` is the version the person edited."""
    actueel = Leerdocument.objects.select_for_update().get(pk=document.pk)
    if not rules.mag_document_bewerken(actor, actueel):
        raise ValidationError(_("Met uw rol kunt u dit document niet bewerken."))
    if actueel.versie != versie:
        raise Conflict(actueel.versie)
    codes = [code for code, _kop in SECTIES[actueel.soort]]
    onbekend = set(inhoud) - set(codes)
    if onbekend:
        raise ValidationError({"inhoud": _("Onbekende onderdelen: %(namen)s") % {"namen": ", ".join(sorted(onbekend))}})
    vorige = actueel.versies.get(nummer=actueel.versie).inhoud
    nieuw = {code: (inhoud[code] if code in inhoud else vorige.get(code, "")).strip() for code in codes}
    if nieuw == {code: vorige.get(code, "") for code in codes}:
        raise ValidationError({"inhoud": _("Er is niets gewijzigd.")})
    actueel.versie += 1
    actueel.save(update_fields=["versie"])
    rij = Documentversie.objects.create(document=actueel, nummer=actueel.versie, inhoud=nieuw, door=actor)
    document.versie = actueel.versie
    log(actor, actueel.gemeente_id, Actie.UPDATE, f"leren.{actueel.soort}.bewerkt", actueel)
    return rij


@transaction.atomic
def publiceer(*, actor: User, document: Leerdocument) -> Leerdocument:
    if not rules.mag_document_bewerken(actor, document):
        raise ValidationError(_("Met uw rol kunt u dit document niet publiceren."))
    document.gepubliceerd_op = timezone.now()
    document.save(update_fields=["gepubliceerd_op"])
    log(actor, document.gemeente_id, Actie.UPDATE, f"leren.{document.soort}.gepubliceerd", document)
    return document


def pdf(document: Leerdocument) -> bytes:
    """The current version as PDF (WeasyPrint, the product's print style)."""
    versie = document.versies.select_related("door").get(nummer=document.versie)
    html = render_to_string(
        "leren/trap/document_pdf.html", {"document": document, "versie": versie, "secties": secties(document, versie)}
    )
    return HTML(string=html, base_url=None).write_pdf(stylesheets=[CSS(filename=finders.find("samenwerk/afdruk.css"))])
