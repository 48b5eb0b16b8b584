"""About `Normen.leersessie_link_uren` hours before a leersessie every registrant gets the
agenda and, for an online session, the link (domain.md §7), through the outbox
(docs/berichten.md) with a calendar invitation. `manage.py leersessies_versturen` runs this
periodically (hourly, like `signaleer`): a session is claimed once (`agenda_verstuurd_op`),
so a second run sends nothing again. Whoever registers after that is `zonder_link`."""

from __future__ import annotations

import datetime

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.berichten.models import Bericht
from samenwerk.berichten.registry import registreer
from samenwerk.berichten.verzending import absolute, zet_klaar_reeks
from samenwerk.gemeenten.models import Normen
from samenwerk.overleg import ics

from ..models import Deelname, Leersessie

AGENDA = "leren.agenda"
LANGSTE_VOORUIT = datetime.timedelta(days=8)  # no municipality sends the link a week ahead


def registreer_soorten() -> None:
    registreer(AGENDA, gettext_lazy("Agenda en link van een leersessie"), opstellen=opstellen)


def te_versturen(nu: datetime.datetime) -> list[Leersessie]:
    """Sessions whose agenda is due now: within the municipality's hours before the start."""
    kandidaten = Leersessie.objects.filter(
        agenda_verstuurd_op__isnull=True, geannuleerd_op__isnull=True, begin__gt=nu, begin__lte=nu + LANGSTE_VOORUIT
    )
    normen: dict[int, Normen] = {}
    uit = []
    for sessie in kandidaten:
        if sessie.gemeente_id not in normen:
            normen[sessie.gemeente_id] = Normen.objects.voor(sessie.gemeente_id)
        if sessie.begin <= nu + datetime.timedelta(hours=normen[sessie.gemeente_id].leersessie_link_uren):
            uit.append(sessie)
    return uit


def verstuur_agenda(nu: datetime.datetime | None = None) -> int:
    """Queue the agenda for every due session; returns how many e-mails were queued."""
    nu = nu or timezone.now()
    totaal = 0
    for sessie in te_versturen(nu):
        with transaction.atomic():
            # Claim the session: a run in parallel (or again) finds it already claimed.
            if not Leersessie.objects.filter(pk=sessie.pk, agenda_verstuurd_op__isnull=True).update(agenda_verstuurd_op=nu):
                continue
            deelnames = Deelname.objects.filter(sessie=sessie, afgemeld_op__isnull=True, zonder_link=False).select_related("user")
            rijen = [(d.user.email, d) for d in deelnames]
            if rijen:
                zet_klaar_reeks(soort=AGENDA, berichten=rijen, gemeente=sessie.gemeente_id)
            totaal += len(rijen)
    return totaal


def wanneer(sessie: Leersessie) -> str:
    return date_format(timezone.localtime(sessie.begin), "l j F Y \\o\\m H:i")


def uid_van(sessie: Leersessie) -> str:
    return f"leersessie-{sessie.pk}@samenwerkplatform"


def kalender(sessie: Leersessie, aan: tuple[str, str] | None = None, beschrijving: str = "") -> bytes:
    """The invitation for one registrant (`aan`: e-mail, name; registered, so accepted), or
    without `aan` the session as a calendar file."""
    b = ics.Bijeenkomst(
        uid=uid_van(sessie), begint=sessie.begin, eindigt=sessie.eind,
        samenvatting=_("Leersessie %(gebied)s") % {"gebied": sessie.gebied.naam},
        locatie=sessie.link if sessie.online else sessie.locatie, beschrijving=beschrijving, volgnummer=sessie.versie,
        geannuleerd=sessie.geannuleerd_op is not None,
    )  # fmt: skip
    if aan is None:
        return ics.kalenderbestand(b)
    return ics.uitnodiging_bijeenkomst(
        b, organisator=(sessie.aanjager.email, str(sessie.aanjager)), genodigde=aan, antwoord="ACCEPTED"
    )


def opstellen(bericht: Bericht) -> EmailMultiAlternatives | None:
    deelname = (
        Deelname.objects.select_related("sessie__gebied", "sessie__aanjager", "user").filter(pk=bericht.onderwerp_id).first()
    )
    if deelname is None or deelname.afgemeld_op or deelname.sessie.geannuleerd_op:
        return None  # no longer needed: "vervallen"
    sessie = deelname.sessie
    if sessie.eind <= timezone.now():
        return None
    context = {
        "sessie": sessie, "deelname": deelname, "wanneer": wanneer(sessie), "tafels": list(sessie.tafels.all()),
        "pagina": absolute(reverse("leren:sessie-detail", args=[sessie.pk])),
    }  # fmt: skip
    tekst = render_to_string("leren/sessies/mail/agenda.txt", context)
    onderwerp = _("Agenda leersessie %(gebied)s, %(wanneer)s") % {"gebied": sessie.gebied.naam, "wanneer": context["wanneer"]}
    mail = EmailMultiAlternatives(onderwerp, tekst, None, [bericht.aan], reply_to=[sessie.aanjager.email])
    uitnodiging = kalender(sessie, aan=(deelname.user.email, str(deelname.user)), beschrijving=tekst)
    ics.voeg_toe(mail, uitnodiging)
    return mail
