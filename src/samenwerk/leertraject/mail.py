"""The e-mail with the course days' invitations (outbox kind `leertraject.uitnodiging`)."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.translation import gettext as _

from samenwerk.berichten.verzending import absolute

from . import kalender
from .models import Leertraject


def uitnodiging(bericht):  # type: ignore[no-untyped-def]
    traject = Leertraject.objects.select_related("didactisch_trainer").filter(pk=bericht.onderwerp_id).first()
    if traject is None:
        return None
    dagen = list(traject.dagen.all())
    if not dagen:
        return None
    link = absolute(reverse("leertraject:detail", kwargs={"pk": traject.pk}))
    tekst = _("U bent uitgenodigd voor het leertraject %(naam)s. De lesdagen staan in de bijlagen; meer op %(link)s") % {
        "naam": traject.naam,
        "link": link,
    }
    mail = EmailMessage(_("Uitnodiging: %(naam)s") % {"naam": traject.naam}, tekst, None, [bericht.aan])
    for dag in dagen:
        ics = kalender.uitnodiging(traject, dag, traject.didactisch_trainer.email, bericht.aan)
        mail.attach(f"lesdag-{dag.nummer}.ics", ics, "text/calendar; method=REQUEST; charset=utf-8")
    return mail
