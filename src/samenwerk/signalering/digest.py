"""The daily e-mail (`manage.py signaleringen_digest`): per person, the number of signals per
kind that are new since their previous e-mail, and a link to the inbox. No names, no case
details: the e-mail says only that there is something to look at.

Signals are claimed for a digest with a conditional update (style.md §9), so two runs at
the same time, or a second run on the same day, never count a signal twice; the e-mail is
sent by the database task queue once the claim is committed (outbox)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from samenwerk.gemeenten.models import User

from .models import Digest, Signalering, Status
from .regels import label_van


@task()
def mail_digest(*, digest_id: int) -> None:
    digest = Digest.objects.select_related("ontvanger").filter(pk=digest_id, verzonden_op__isnull=True).first()
    if digest is None:
        return  # sent already
    telling = digest.signaleringen.values("soort").annotate(aantal=Count("pk")).order_by("soort")
    aantallen = [(label_van(r["soort"]), r["aantal"]) for r in telling]
    tekst = render_to_string(
        "signalering/digest.txt",
        {
            "aantallen": aantallen,
            "url": settings.SITE_URL + reverse("signalering:inbox"),
            "totaal": sum(a for _l, a in aantallen),
        },
    )
    send_mail(_("Nieuwe signaleringen in het Samenwerkplatform"), tekst, None, [digest.ontvanger.email])
    Digest.objects.filter(pk=digest_id).update(verzonden_op=timezone.now())


# People per transaction: one commit per person made the run for 4,400 people take over half a
# minute, waiting on the disk (bench/, docs/performance.md); a claim stays per person.
PER_TRANSACTIE = 100


def maak_digests() -> int:
    """One digest per person with new open signals; returns how many were queued."""
    nieuw = Signalering.objects.filter(status=Status.OPEN, digest__isnull=True)
    mensen = list(User.objects.filter(pk__in=nieuw.values("ontvanger_id"), is_active=True).order_by("pk"))
    aantal = 0
    for begin in range(0, len(mensen), PER_TRANSACTIE):
        with transaction.atomic():
            aantal += sum(_claim(user) for user in mensen[begin : begin + PER_TRANSACTIE])
    return aantal


def _claim(user: User) -> int:
    digest = Digest.objects.create(ontvanger=user)
    # One conditional UPDATE: a row a parallel run claimed first no longer matches `digest IS NULL`.
    geclaimd = Signalering.objects.voor(user).filter(status=Status.OPEN, digest__isnull=True).update(digest=digest)
    if not geclaimd:  # claimed by a parallel run, or no longer visible
        digest.delete()
        return 0
    # The queue is a table of this database: the e-mail is queued inside the claim's
    # transaction, and the worker sees it only once that commits (outbox).
    mail_digest.enqueue(digest_id=digest.pk)
    return 1
