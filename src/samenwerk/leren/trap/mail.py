"""The e-mails of the upper steps, written when the outbox sends them (docs/berichten.md):
the calendar invitation to a netwerkoverleg, steungroep or intervisie, and the resolution
of a dilemma flowing back to everyone who raised or handled it."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.berichten.models import Bericht
from samenwerk.berichten.registry import registreer
from samenwerk.berichten.verzending import absolute
from samenwerk.overleg import ics

from ..models import Dilemma, Trapdeelnemer
from .services import OPLOSSING, UITNODIGING


def registreer_soorten() -> None:
    registreer(UITNODIGING, gettext_lazy("Uitnodiging voor een overleg op de trap"), opstellen=uitnodiging)
    registreer(OPLOSSING, gettext_lazy("Oplossing van een dilemma"), opstellen=oplossing)


def uitnodiging(bericht: Bericht) -> EmailMultiAlternatives | None:
    deelnemer = Trapdeelnemer.objects.select_related("overleg__aangemaakt_door", "user").filter(pk=bericht.onderwerp_id).first()
    if deelnemer is None or deelnemer.overleg.geannuleerd_op or deelnemer.overleg.begint <= timezone.now():
        return None
    overleg = deelnemer.overleg
    wanneer = date_format(timezone.localtime(overleg.begint), "l j F Y \\o\\m H:i")
    link = absolute(reverse("leren:overleg-detail", args=[overleg.pk]))
    context = {"overleg": overleg, "deelnemer": deelnemer, "wanneer": wanneer, "link": link}
    tekst = render_to_string("leren/trap/mail/uitnodiging.txt", context)
    onderwerp = _("Uitnodiging: %(soort)s op %(wanneer)s") % {"soort": overleg.get_soort_display(), "wanneer": wanneer}
    organisator = overleg.aangemaakt_door
    mail = EmailMultiAlternatives(onderwerp, tekst, None, [bericht.aan], reply_to=[organisator.email])
    agenda = ics.uitnodiging_bijeenkomst(
        ics.Bijeenkomst(
            uid=f"trapoverleg-{overleg.uid}@samenwerkplatform", begint=overleg.begint, eindigt=overleg.eindigt,
            samenvatting=overleg.get_soort_display(), locatie=overleg.locatie, beschrijving=link,
            volgnummer=overleg.volgnummer,
        ),
        organisator=(organisator.email, str(organisator)),
        genodigde=(bericht.aan, str(deelnemer.user)),
    )  # fmt: skip
    ics.voeg_toe(mail, agenda)
    return mail


def oplossing(bericht: Bericht) -> EmailMultiAlternatives | None:
    dilemma = Dilemma.objects.filter(pk=bericht.onderwerp_id, status=Dilemma.Status.OPGELOST).first()
    if dilemma is None:
        return None
    context = {
        "dilemma": dilemma,
        "niveau": dilemma.get_niveau_display(),
        "link": absolute(reverse("leren:dilemma-detail", args=[dilemma.pk])),
    }
    tekst = render_to_string("leren/trap/mail/oplossing.txt", context)
    onderwerp = _("Opgelost: %(titel)s") % {"titel": dilemma.titel}
    return EmailMultiAlternatives(onderwerp, tekst, None, [bericht.aan])
