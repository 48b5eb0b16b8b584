"""The daily e-mail (`manage.py signaleringen_digest`): per person, the number of signals per
kind that are new since their previous e-mail, and a link to the inbox. No names, no case
details: the e-mail says only that there is something to look at.

Signals are claimed for a digest with a conditional update (style.md §9), so two runs at
the same time, or a second run on the same day, never count a signal twice; the e-mail is
queued in the product's outbox (`berichten`, ADR 0005) in the claim's transaction and sent by
the task queue once that commits; when the mail server is down it waits there and is retried."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerk.berichten import verzending
from samenwerk.berichten.models import Bericht
from samenwerk.gemeenten.models import User

from .models import Digest, Signalering, Status
from .regels import label_van

# People per transaction (the outbox sends a hundred per task over one SMTP connection). One
# commit per person, and one task per e-mail, each made the run for 4,400 people take over
# half a minute (bench/, docs/performance.md); a claim stays per person.
PER_TAAK = 100


MAIL = "signalering.digest"
MAIL_LABEL = gettext_lazy("Dagelijkse e-mail over signaleringen")


def opstellen(bericht: Bericht) -> EmailMessage | None:
    """The outbox's composer: the counts per kind of the signals this digest claimed."""
    aantallen = [
        (label_van(rij["soort"]), rij["aantal"])
        for rij in Signalering.objects.filter(digest_id=bericht.onderwerp_id)
        .values("soort")
        .annotate(aantal=Count("pk"))
        .order_by("soort")
    ]
    if not aantallen:
        return None  # the signals are gone (the digest or its person was removed): nothing to say
    url = verzending.absolute(reverse("signalering:inbox"))
    tekst = render_to_string(
        "signalering/digest.txt", {"aantallen": aantallen, "url": url, "totaal": sum(a for _l, a in aantallen)}
    )
    return EmailMessage(_("Nieuwe signaleringen in het Samenwerkplatform"), tekst, None, [bericht.aan])


def maak_digests() -> int:
    """One digest per person with new open signals, queued in the outbox in the claims'
    transaction; returns how many. An e-mail that could not be sent (mail server down) stays
    in the outbox and is retried there."""
    nieuw = Signalering.objects.filter(status=Status.OPEN, digest__isnull=True)
    mensen = list(User.objects.filter(pk__in=nieuw.values("ontvanger_id"), is_active=True).order_by("pk"))
    aantal = 0
    for begin in range(0, len(mensen), PER_TAAK):
        with transaction.atomic():
            geclaimd = [(user, _claim(user)) for user in mensen[begin : begin + PER_TAAK]]
            digests = [(user.email, digest) for user, digest in geclaimd if digest is not None]
            if not digests:
                continue
            aantal += len(digests)
            # The outbox is a table of this database: the e-mails are queued inside the
            # claims' transaction, and the worker sees them only once that commits.
            verzending.zet_klaar_reeks(soort=MAIL, berichten=digests)
    return aantal


def _claim(user: User) -> Digest | None:
    digest = Digest.objects.create(ontvanger=user)
    # One conditional UPDATE: a row a parallel run claimed first no longer matches `digest IS NULL`.
    geclaimd = Signalering.objects.voor(user).filter(status=Status.OPEN, digest__isnull=True).update(digest=digest)
    if not geclaimd:  # claimed by a parallel run, or no longer visible
        digest.delete()
        return None
    return digest
