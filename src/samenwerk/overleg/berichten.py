"""The outbox (issue 4 item 3): every e-mail about a meeting is a `Bericht` row written in
the same transaction as the change it reports; the database task queue sends it. When the
mail server is down nothing is lost: the row stays unsent, the task tries again later with a
growing pause, and `manage.py overleg_bewaking` picks up whatever is still waiting."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task

from . import ics, links
from .models import Bericht, Deelnemer, Overleg

MAX_POGINGEN = 12


def absolute(pad: str) -> str:
    return settings.SITE_URL.rstrip("/") + pad


def zet_klaar(overleg: Overleg, soort: str, *, deelnemer: Deelnemer | None = None, aan: str = "") -> Bericht:
    """Queue one message; it is sent after the surrounding transaction commits."""
    bericht = Bericht.objects.create(
        overleg=overleg, deelnemer=deelnemer, aan=aan or deelnemer.email, soort=soort, volgnummer=overleg.volgnummer
    )
    transaction.on_commit(lambda: verstuur.enqueue(bericht.pk))
    return bericht


def _wanneer(overleg: Overleg) -> str:
    return date_format(timezone.localtime(overleg.begint), "l j F Y \\o\\m H:i")


def opstellen(bericht: Bericht) -> EmailMultiAlternatives:
    overleg, deelnemer = bericht.overleg, bericht.deelnemer
    context = {"overleg": overleg, "deelnemer": deelnemer, "wanneer": _wanneer(overleg), "bericht": bericht}
    if deelnemer is not None:
        context["link"] = absolute(reverse("uitnodiging:antwoord", args=[links.token_voor(deelnemer)]))
        context["waar"] = ics.locatie_voluit(overleg)
    onderwerp = {
        Bericht.Soort.UITNODIGING: _("Uitnodiging: Samenwerkoverleg op %(wanneer)s"),
        Bericht.Soort.WIJZIGING: _("Gewijzigd: Samenwerkoverleg op %(wanneer)s"),
        Bericht.Soort.ANNULERING: _("Gaat niet door: Samenwerkoverleg op %(wanneer)s"),
        Bericht.Soort.PLAN: _("Het bijgewerkte plan na het Samenwerkoverleg van %(wanneer)s"),
        Bericht.Soort.WEIGERING: _("Een genodigde komt niet naar een Samenwerkoverleg (casus %(nummer)s)"),
    }[bericht.soort] % {"wanneer": context["wanneer"], "nummer": overleg.casus.nummer}
    if bericht.soort == Bericht.Soort.WEIGERING:
        context["link"] = absolute(reverse("overleg:weigeringen"))
    elif bericht.soort == Bericht.Soort.PLAN:
        context["link"] = absolute(reverse("uitnodiging:plan", args=[links.token_voor(deelnemer)]))
    tekst = render_to_string(f"overleg/mail/{bericht.soort}.txt", context)
    mail = EmailMultiAlternatives(onderwerp, tekst, None, [bericht.aan], reply_to=[overleg.organisator.email])
    if bericht.soort in (Bericht.Soort.UITNODIGING, Bericht.Soort.WIJZIGING, Bericht.Soort.ANNULERING):
        agenda = ics.uitnodiging(overleg, deelnemer, beschrijving=tekst, volgnummer=bericht.volgnummer)
        methode = "CANCEL" if overleg.status == Overleg.Status.GEANNULEERD else "REQUEST"
        mail.attach_alternative(agenda.decode(), f"text/calendar; method={methode}; charset=utf-8")
        mail.attach("uitnodiging.ics", agenda, "application/ics")
    if bericht.soort == Bericht.Soort.UITNODIGING:
        principes = render_to_string("overleg/mail/principes.txt", {})
        mail.attach(_("De vijf principes van de Samenwerkwijze.txt"), principes, "text/plain; charset=utf-8")
    return mail


def _verouderd(bericht: Bericht) -> str:
    """Why an invitation still waiting is not sent any more: the meeting was cancelled, or it
    has already started (after an outage, nobody is invited to a meeting in the past).
    Empty when it should go."""
    if bericht.soort not in (Bericht.Soort.UITNODIGING, Bericht.Soort.WIJZIGING):
        return ""
    if bericht.overleg.status == Overleg.Status.GEANNULEERD:
        return "vervallen: overleg geannuleerd"
    if bericht.overleg.begint <= timezone.now():
        return "vervallen: overleg al begonnen"
    return ""


@task()
def verstuur(bericht_id: int) -> None:
    bericht = (
        Bericht.objects.select_related("overleg__casus__inwoner", "overleg__organisator", "deelnemer")
        .filter(pk=bericht_id, verzonden_op__isnull=True)
        .first()
    )
    if bericht is None:
        return
    if reden := _verouderd(bericht):
        Bericht.objects.filter(pk=bericht.pk).update(laatste_fout=reden, verzonden_op=None, pogingen=MAX_POGINGEN)
        return
    try:
        opstellen(bericht).send()
    except OSError as fout:  # smtplib errors are OSErrors; so is a refused connection
        pogingen = bericht.pogingen + 1
        Bericht.objects.filter(pk=bericht.pk).update(pogingen=pogingen, laatste_fout=str(fout)[:300])
        if pogingen < MAX_POGINGEN:
            pauze = datetime.timedelta(minutes=min(2**pogingen, 240))
            verstuur.using(run_after=timezone.now() + pauze).enqueue(bericht.pk)
        return
    Bericht.objects.filter(pk=bericht.pk).update(verzonden_op=timezone.now(), laatste_fout="")


def verstuur_wachtende(ouder_dan: datetime.timedelta = datetime.timedelta(minutes=10)) -> int:
    """Enqueue every message still unsent after a while (an outage, or a lost task); the
    task itself skips what was sent meanwhile, so nothing goes out twice."""
    grens = timezone.now() - ouder_dan
    wachtend = list(
        Bericht.objects.filter(verzonden_op__isnull=True, pogingen__lt=MAX_POGINGEN, aangemaakt_op__lte=grens).values_list(
            "pk", flat=True
        )
    )
    for pk in wachtend:
        verstuur.enqueue(pk)
    return len(wachtend)
