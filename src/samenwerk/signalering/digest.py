"""The daily e-mail (`manage.py signaleringen_digest`): per person, the number of signals per
kind that are new since their previous e-mail, and a link to the inbox. No names, no case
details: the e-mail says only that there is something to look at.

Signals are claimed for a digest with a conditional update (style.md §9), so two runs at
the same time, or a second run on the same day, never count a signal twice; the e-mail is
sent by the database task queue once the claim is committed (outbox)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
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

# People per transaction, per task and per SMTP connection. One commit per person, and one
# task per e-mail, each made the run for 4,400 people take over half a minute (bench/,
# docs/performance.md); a claim stays per person.
PER_TAAK = 100
# A digest still unsent this long after it was queued failed to go out: queue it again.
OPNIEUW_NA = timedelta(hours=1)


@task()
def mail_digests(*, digest_ids: list[int]) -> None:
    """Send these digests over one SMTP connection. Each is claimed with a conditional update
    just before it is sent, so two workers never send the same one; if sending fails, the
    claim is undone and the next run of `maak_digests` queues it again (nothing is lost)."""
    digests = list(Digest.objects.select_related("ontvanger").filter(pk__in=digest_ids, verzonden_op__isnull=True))
    tellingen: dict[int, list[tuple[str, int]]] = {}
    for rij in (
        Signalering.objects.filter(digest_id__in=[d.pk for d in digests])
        .values("digest_id", "soort")
        .annotate(aantal=Count("pk"))
        .order_by("digest_id", "soort")
    ):
        tellingen.setdefault(rij["digest_id"], []).append((label_van(rij["soort"]), rij["aantal"]))
    url = settings.SITE_URL + reverse("signalering:inbox")
    onderwerp = _("Nieuwe signaleringen in het Samenwerkplatform")
    with get_connection() as verbinding:
        for digest in digests:
            if not Digest.objects.filter(pk=digest.pk, verzonden_op__isnull=True).update(verzonden_op=timezone.now()):
                continue  # another worker has it
            aantallen = tellingen.get(digest.pk, [])
            tekst = render_to_string(
                "signalering/digest.txt", {"aantallen": aantallen, "url": url, "totaal": sum(a for _l, a in aantallen)}
            )
            try:
                verbinding.send_messages([EmailMessage(onderwerp, tekst, None, [digest.ontvanger.email])])
            except Exception:
                Digest.objects.filter(pk=digest.pk).update(verzonden_op=None)
                raise


def maak_digests() -> int:
    """One digest per person with new open signals; returns how many were queued. Digests of
    earlier runs that could not be sent (mail server down) are queued again."""
    nieuw = Signalering.objects.filter(status=Status.OPEN, digest__isnull=True)
    mensen = list(User.objects.filter(pk__in=nieuw.values("ontvanger_id"), is_active=True).order_by("pk"))
    aantal = 0
    for begin in range(0, len(mensen), PER_TAAK):
        with transaction.atomic():
            digests = [d for d in (_claim(user) for user in mensen[begin : begin + PER_TAAK]) if d is not None]
            if not digests:
                continue
            aantal += len(digests)
            # The queue is a table of this database: the e-mails are queued inside the claims'
            # transaction, and the worker sees them only once that commits (outbox).
            mail_digests.enqueue(digest_ids=digests)
    onverzonden = Digest.objects.filter(verzonden_op__isnull=True, aangemaakt_op__lt=timezone.now() - OPNIEUW_NA)
    blijven_liggen = list(onverzonden.values_list("pk", flat=True))
    for begin in range(0, len(blijven_liggen), PER_TAAK):
        mail_digests.enqueue(digest_ids=blijven_liggen[begin : begin + PER_TAAK])
    return aantal


def _claim(user: User) -> int | None:
    digest = Digest.objects.create(ontvanger=user)
    # One conditional UPDATE: a row a parallel run claimed first no longer matches `digest IS NULL`.
    geclaimd = Signalering.objects.voor(user).filter(status=Status.OPEN, digest__isnull=True).update(digest=digest)
    if not geclaimd:  # claimed by a parallel run, or no longer visible
        digest.delete()
        return None
    return digest.pk
