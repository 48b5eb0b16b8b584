"""The table's meetings in the members' calendars and mailboxes (issue 23 items 1 and 3):
the fixed agenda e-mailed to the members before the meeting through the outbox
(`berichten`, kind `tafel.agenda`) with the meeting as a calendar invitation, and the
table's meetings in each member's subscription feed (`overleg.ics.FEEDBRONNEN`).

No personal details leave the product this way: the e-mail and the calendar item carry the
table, the time, the place and case numbers at most; the rest is behind the link."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import icalendar
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.berichten import verzending
from samenwerk.berichten.models import Bericht
from samenwerk.berichten.registry import registreer
from samenwerk.berichten.verzending import absolute
from samenwerk.gemeenten.models import User
from samenwerk.overleg import ics
from samenwerk.privacy.models import Actie

from . import agenda as agendaregels
from . import rules
from .models import Bijeenkomst, Tafel, Tafellid

AGENDA = "tafel.agenda"
# The feed shows the table's meetings from this many days back.
FEED_TERUG_DAGEN = 30
FEED_MAX = 300


def registreer_soorten() -> None:
    registreer(AGENDA, gettext_lazy("Agenda van de Tafel"), opstellen=opstellen)


def uid_van(bijeenkomst: Bijeenkomst) -> str:
    return f"tafel-{bijeenkomst.uid}@samenwerkplatform"


def _link(bijeenkomst: Bijeenkomst) -> str:
    return absolute(reverse("tafel:bijeenkomst", args=[bijeenkomst.tafel_id, bijeenkomst.pk]))


def agendapunt(bijeenkomst: Bijeenkomst, tafel: Tafel) -> ics.Bijeenkomst:
    """The meeting as a calendar item."""
    return ics.Bijeenkomst(
        uid=uid_van(bijeenkomst),
        begint=bijeenkomst.begint,
        eindigt=bijeenkomst.eindigt,
        samenvatting=_("Bijeenkomst %(tafel)s") % {"tafel": tafel.naam},
        locatie=bijeenkomst.locatie,
        beschrijving=_link(bijeenkomst),
        volgnummer=bijeenkomst.agenda_versie,
    )


def event(bijeenkomst: Bijeenkomst, tafel: Tafel) -> icalendar.Event:
    return ics.gebeurtenis(agendapunt(bijeenkomst, tafel))


def ontvangers(bijeenkomst: Bijeenkomst) -> list[tuple[str, str]]:
    """(e-mail, name) of the chair, the secretary and the members on the meeting's day; each
    address once."""
    tafel = bijeenkomst.tafel
    dag = timezone.localtime(bijeenkomst.begint).date()
    mensen = [tafel.voorzitter, tafel.secretaris] + [
        lid.user for lid in Tafellid.objects.actief(dag).filter(tafel=tafel).select_related("user")
    ]
    gezien, uit = set(), []
    for user in mensen:
        if user is None or not user.is_active or not user.email or user.email.lower() in gezien:
            continue
        gezien.add(user.email.lower())
        uit.append((user.email, str(user)))
    return uit


@transaction.atomic
def verstuur_agenda(*, actor: User, bijeenkomst: Bijeenkomst) -> list[Bericht]:
    """Queue the fixed agenda for everyone at the table (sent after commit)."""
    tafel = bijeenkomst.tafel
    if not rules.leidt(actor, tafel):
        raise ValidationError({"agenda": _("Alleen de voorzitter of de secretaris verstuurt de agenda.")})
    if not bijeenkomst.blokken.exists():
        raise ValidationError({"agenda": _("Stel eerst de agenda op; daarna kunt u hem versturen.")})
    if bijeenkomst.begint <= timezone.now():
        raise ValidationError({"agenda": _("Deze bijeenkomst is al begonnen; de agenda gaat niet meer rond.")})
    berichten = [
        verzending.zet_klaar(
            soort=AGENDA, aan=email, onderwerp=bijeenkomst, gemeente=tafel.gemeente_id, gegevens={"naam": naam}, versturen=False
        )
        for email, naam in ontvangers(bijeenkomst)
    ]
    verzending.verstuur_na_commit([b.pk for b in berichten])
    from .services import _log_tafel

    _log_tafel(actor, tafel, Actie.CREATE, "tafel.agenda.verstuurd", "bijeenkomst", bijeenkomst.pk)
    return berichten


def verzonden(bijeenkomst: Bijeenkomst) -> list[Bericht]:
    """The agenda e-mails of this meeting, newest first (for the page: status per address)."""
    from django.contrib.contenttypes.models import ContentType

    soort = ContentType.objects.get_for_model(Bijeenkomst)
    return list(
        Bericht.objects.filter(soort=AGENDA, onderwerp_type=soort, onderwerp_id=bijeenkomst.pk).order_by("-aangemaakt_op", "-id")
    )


def opstellen(bericht: Bericht) -> EmailMultiAlternatives | None:
    bijeenkomst = Bijeenkomst.objects.select_related("tafel", "tafel__voorzitter").filter(pk=bericht.onderwerp_id).first()
    if bijeenkomst is None or bijeenkomst.begint <= timezone.now():
        return None  # gone, or already begun after an outage: nobody gets an agenda for the past
    tafel = bijeenkomst.tafel
    blokken = list(bijeenkomst.blokken.select_related("aanmelding__casus").order_by("volgorde", "id"))
    if not blokken:
        return None
    tijden = agendaregels.tijdschema(bijeenkomst.begint, [b.minuten for b in blokken])
    rijen = [
        {"van": timezone.localtime(van), "onderdeel": b.get_soort_display(), "minuten": b.minuten,
         "casus": b.aanmelding.casus.nummer if b.aanmelding_id else ""}
        for b, (van, _tot) in zip(blokken, tijden, strict=True)
    ]  # fmt: skip
    wanneer = date_format(timezone.localtime(bijeenkomst.begint), "l j F Y \\o\\m H:i")
    context = {"tafel": tafel, "bijeenkomst": bijeenkomst, "rijen": rijen, "wanneer": wanneer, "link": _link(bijeenkomst),
               "naam": bericht.gegevens.get("naam", "")}  # fmt: skip
    tekst = render_to_string("tafel/mail/agenda.txt", context)
    onderwerp = _("Agenda %(tafel)s op %(wanneer)s") % {"tafel": tafel.naam, "wanneer": wanneer}
    voorzitter = tafel.voorzitter
    antwoord = [voorzitter.email] if voorzitter.email else None
    mail = EmailMultiAlternatives(onderwerp, tekst, None, [bericht.aan], reply_to=antwoord)
    uitnodiging = ics.uitnodiging_bijeenkomst(
        agendapunt(bijeenkomst, tafel), organisator=(voorzitter.email, str(voorzitter)), genodigde=(bericht.aan, context["naam"])
    )
    ics.voeg_toe(mail, uitnodiging)
    return mail


def feedbron(user: object) -> Iterable[icalendar.Event]:
    """The meetings of the tables this person sits at now, for their subscription feed."""
    vanaf = timezone.now() - datetime.timedelta(days=FEED_TERUG_DAGEN)
    tafels = Tafel.objects.voor_deelnemer(user).values("pk")
    rijen = Bijeenkomst.objects.filter(tafel__in=tafels, eindigt__gte=vanaf).select_related("tafel").order_by("begint")
    return [event(b, b.tafel) for b in rijen[:FEED_MAX]]


def bijeenkomst_ics(bijeenkomst: Bijeenkomst) -> bytes:
    """One meeting as a file to add to a calendar (METHOD:PUBLISH)."""
    return ics.kalenderbestand(agendapunt(bijeenkomst, bijeenkomst.tafel))
