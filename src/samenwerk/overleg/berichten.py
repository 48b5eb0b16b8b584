"""The meeting's e-mails (issue 4 item 3), sent through the product's one outbox
(`samenwerk.berichten`, ADR 0005): every e-mail about a meeting is queued in the same
transaction as the change it reports and written here when the worker sends it. Each is
about one invitee (`Deelnemer`); the kinds are registered in apps.OverlegConfig.ready."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
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

from . import ics, links
from .models import Deelnemer, Overleg

__all__ = ["Soort", "absolute", "opstellen", "registreer_soorten", "zet_klaar"]


class Soort:
    UITNODIGING = "overleg.uitnodiging"
    WIJZIGING = "overleg.wijziging"
    ANNULERING = "overleg.annulering"
    PLAN = "overleg.plan"
    WEIGERING = "overleg.weigering"


LABELS = {
    Soort.UITNODIGING: gettext_lazy("Uitnodiging"),
    Soort.WIJZIGING: gettext_lazy("Wijziging"),
    Soort.ANNULERING: gettext_lazy("Annulering"),
    Soort.PLAN: gettext_lazy("Bijgewerkt plan"),
    Soort.WEIGERING: gettext_lazy("Melding aan de gebiedsaanjager"),
}


def registreer_soorten() -> None:
    for code, label in LABELS.items():
        registreer(code, label, opstellen=opstellen)


def zet_klaar(overleg: Overleg, soort: str, *, deelnemer: Deelnemer, aan: str = "") -> Bericht:
    """Queue one message about this invitee; it is sent after the surrounding transaction commits."""
    return verzending.zet_klaar(
        soort=soort,
        aan=aan or deelnemer.email,
        onderwerp=deelnemer,
        gemeente=overleg.gemeente_id,
        gegevens={"volgnummer": overleg.volgnummer},
    )


def _wanneer(overleg: Overleg) -> str:
    return date_format(timezone.localtime(overleg.begint), "l j F Y \\o\\m H:i")


def opstellen(bericht: Bericht) -> EmailMultiAlternatives | None:
    deelnemer = (
        Deelnemer.objects.select_related("overleg__casus__inwoner", "overleg__organisator")
        .filter(pk=bericht.onderwerp_id)
        .first()
    )
    if deelnemer is None or _verouderd(bericht.soort, deelnemer.overleg):
        return None
    overleg = deelnemer.overleg
    volgnummer = bericht.gegevens.get("volgnummer", overleg.volgnummer)
    context = {"overleg": overleg, "deelnemer": deelnemer, "wanneer": _wanneer(overleg), "bericht": bericht}
    context["link"] = absolute(reverse("uitnodiging:antwoord", args=[links.token_voor(deelnemer)]))
    context["waar"] = ics.locatie_voluit(overleg)
    onderwerp = {
        Soort.UITNODIGING: _("Uitnodiging: Samenwerkoverleg op %(wanneer)s"),
        Soort.WIJZIGING: _("Gewijzigd: Samenwerkoverleg op %(wanneer)s"),
        Soort.ANNULERING: _("Gaat niet door: Samenwerkoverleg op %(wanneer)s"),
        Soort.PLAN: _("Het bijgewerkte plan na het Samenwerkoverleg van %(wanneer)s"),
        Soort.WEIGERING: _("Een genodigde komt niet naar een Samenwerkoverleg (casus %(nummer)s)"),
    }[bericht.soort] % {"wanneer": context["wanneer"], "nummer": overleg.casus.nummer}
    if bericht.soort == Soort.WEIGERING:
        context["link"] = absolute(reverse("overleg:weigeringen"))
    elif bericht.soort == Soort.PLAN:
        context["link"] = absolute(reverse("uitnodiging:plan", args=[links.token_voor(deelnemer)]))
    tekst = render_to_string(f"overleg/mail/{bericht.soort.removeprefix('overleg.')}.txt", context)
    mail = EmailMultiAlternatives(onderwerp, tekst, None, [bericht.aan], reply_to=[overleg.organisator.email])
    if bericht.soort in (Soort.UITNODIGING, Soort.WIJZIGING, Soort.ANNULERING):
        agenda = ics.uitnodiging(overleg, deelnemer, beschrijving=tekst, volgnummer=volgnummer)
        methode = "CANCEL" if overleg.status == Overleg.Status.GEANNULEERD else "REQUEST"
        ics.voeg_toe(mail, agenda, methode=methode)
    if bericht.soort == Soort.UITNODIGING:
        principes = render_to_string("overleg/mail/principes.txt", {})
        mail.attach(_("De vijf principes van de Samenwerkwijze.txt"), principes, "text/plain; charset=utf-8")
    return mail


def _verouderd(soort: str, overleg: Overleg) -> bool:
    """An invitation or change still waiting is not sent any more when the meeting was
    cancelled or has already started (after an outage, nobody is invited to the past)."""
    return soort in (Soort.UITNODIGING, Soort.WIJZIGING) and (
        overleg.status == Overleg.Status.GEANNULEERD or overleg.begint <= timezone.now()
    )
