"""Assignments A-K: the participant hands in text or a file, the trainer gives feedback."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerk.casussen.models import Casus
from samenwerk.gemeenten.models import User
from samenwerk.leren.models import Deelname
from samenwerk.privacy.models import Actie

from . import inhoud, rules, selectors
from .models import Deelnemer, Inlevering
from .services import log

MAX_BESTAND = 5 * 1024 * 1024
# Extension → the content types a browser may send for it.
TOEGESTAAN = {
    ".pdf": {"application/pdf"},
    ".docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    ".odt": {"application/vnd.oasis.opendocument.text"},
    ".txt": {"text/plain"},
    ".jpg": {"image/jpeg"},
    ".jpeg": {"image/jpeg"},
    ".png": {"image/png"},
}
# What the first bytes must look like (a .exe renamed to .pdf is refused).
HANDTEKENING = {".pdf": b"%PDF", ".docx": b"PK", ".odt": b"PK", ".png": b"\x89PNG", ".jpg": b"\xff\xd8", ".jpeg": b"\xff\xd8"}


class Inleverconflict(Exception):
    def __init__(self, huidig: int) -> None:
        super().__init__(_("Deze opdracht is intussen gewijzigd. Laad de pagina opnieuw; uw tekst staat hieronder nog."))
        self.huidig = huidig


def controleer_bestand(naam: str, inhoud_: bytes, content_type: str = "") -> str:
    """The file's type, or a ValidationError in plain Dutch."""
    extensie = ("." + naam.rsplit(".", 1)[-1].lower()) if "." in naam else ""
    if extensie not in TOEGESTAAN:
        raise ValidationError(
            {"bestand": _("Dit soort bestand kan niet. Lever een pdf, Word- of OpenDocument-bestand, tekst, jpg of png in.")}
        )
    if len(inhoud_) > MAX_BESTAND:
        raise ValidationError({"bestand": _("Het bestand is te groot: hoogstens 5 MB.")})
    if not inhoud_:
        raise ValidationError({"bestand": _("Het bestand is leeg.")})
    if extensie in HANDTEKENING and not inhoud_.startswith(HANDTEKENING[extensie]):
        raise ValidationError({"bestand": _("De inhoud van het bestand past niet bij de naam (%(ext)s).") % {"ext": extensie}})
    return next(iter(TOEGESTAAN[extensie]))


@transaction.atomic
def lever_in(
    *,
    actor: User,
    deelnemer: Deelnemer,
    opdracht: str,
    tekst: str = "",
    bestand: tuple[str, bytes] | None = None,
    deelname: Deelname | None = None,
    casus: Casus | None = None,
    versie: int | None = None,
) -> Inlevering:
    """Hand in (or hand in again after feedback). Nothing is lost when refused: the page shows
    the text again with the message."""
    if actor.pk != deelnemer.user_id:
        raise PermissionDenied(_("Alleen de deelnemer zelf levert een opdracht in."))
    if opdracht not in inhoud.OPDRACHT:
        raise ValidationError({"opdracht": _("Onbekende opdracht.")})
    fouten: dict[str, str] = {}
    soort = inhoud.OPDRACHT[opdracht].koppeling
    if deelname is not None and (soort != "leersessie" or deelname.user_id != actor.pk or not deelname.aanwezig):
        fouten["deelname"] = _("Kies een leersessie waar u zelf bij was.")
    if casus is not None and (soort != "casusplan" or not selectors.casussen_met_eigen_plan(actor).filter(pk=casus.pk).exists()):
        fouten["casus"] = _("Kies een casus waarvan u zelf aan het Samenwerkplan werkte.")
    bestandstype = ""
    if bestand is not None:
        try:
            bestandstype = controleer_bestand(*bestand)
        except ValidationError as fout:
            fouten.update({k: v[0] for k, v in fout.message_dict.items()})
    if not fouten and not tekst.strip() and bestand is None and deelname is None and casus is None:
        fouten["tekst"] = _("Schrijf iets of voeg een bestand toe.")
    if fouten:
        raise ValidationError(fouten)
    inlevering, _nieuw = Inlevering.objects.select_for_update().get_or_create(deelnemer=deelnemer, opdracht=opdracht)
    if versie is not None and inlevering.versie != versie:
        raise Inleverconflict(inlevering.versie)
    if inlevering.status == Inlevering.Status.AKKOORD:
        raise ValidationError({"opdracht": _("Deze opdracht is al akkoord bevonden.")})
    inlevering.tekst = tekst.strip()
    if bestand is not None:
        inlevering.bestandsnaam, inlevering.bestand, inlevering.bestandstype = bestand[0][:200], bestand[1], bestandstype
    inlevering.deelname = deelname or inlevering.deelname
    inlevering.casus = casus or inlevering.casus
    inlevering.status = Inlevering.Status.INGELEVERD
    inlevering.ingeleverd_op = timezone.now()
    inlevering.versie += 1
    inlevering.save()
    log(actor, deelnemer.traject, Actie.UPDATE, "leertraject.opdracht.ingeleverd", "inlevering", inlevering.pk)
    return inlevering


@transaction.atomic
def geef_feedback(*, actor: User, inlevering: Inlevering, feedback: str, akkoord: bool, versie: int | None = None) -> Inlevering:
    traject = inlevering.deelnemer.traject
    if not rules.leidt(actor, traject):
        raise PermissionDenied(_("Alleen de trainers geven feedback op opdrachten."))
    if inlevering.status == Inlevering.Status.OPEN:
        raise ValidationError({"feedback": _("Deze opdracht is nog niet ingeleverd.")})
    if not akkoord and not feedback.strip():
        raise ValidationError({"feedback": _("Schrijf wat er aangevuld moet worden.")})
    bijgewerkt = Inlevering.objects.filter(pk=inlevering.pk, versie=inlevering.versie if versie is None else versie).update(
        feedback=feedback.strip(),
        feedback_door=actor,
        feedback_op=timezone.now(),
        status=Inlevering.Status.AKKOORD if akkoord else Inlevering.Status.AANVULLEN,
        versie=(inlevering.versie if versie is None else versie) + 1,
    )
    if not bijgewerkt:
        raise Inleverconflict(Inlevering.objects.values_list("versie", flat=True).get(pk=inlevering.pk))
    inlevering.refresh_from_db()
    log(actor, traject, Actie.UPDATE, "leertraject.opdracht.feedback", "inlevering", inlevering.pk)
    return inlevering
