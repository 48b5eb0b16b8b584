"""Queueing and sending (ADR 0005, docs/berichten.md). `zet_klaar` writes the row inside
the caller's transaction; the task `verstuur` sends after commit over one SMTP connection.
When the mail server is down nothing is lost: the row stays "klaargezet", the task tries
again after a growing pause, and `manage.py berichten_versturen` (hourly) queues whatever
still waits. A message is claimed with a conditional update just before it is sent, so two
workers never send the same one."""

from __future__ import annotations

import datetime
import logging
import smtplib
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.db import models, transaction
from django.utils import timezone
from django_tasks import task

from .models import Bericht
from .registry import soort as soort_van

logger = logging.getLogger(__name__)

MAX_POGINGEN = 12
# Messages per task and per SMTP connection (the daily digest queues thousands at once).
PER_TAAK = 100


def absolute(pad: str) -> str:
    """A link in an e-mail: the site's address in front of a path."""
    return settings.SITE_URL.rstrip("/") + pad


def zet_klaar(
    *,
    soort: str,
    aan: str,
    onderwerp: models.Model | None = None,
    gemeente: Any = None,  # a Gemeente or its id
    gegevens: dict[str, Any] | None = None,
    versturen: bool = True,
) -> Bericht:
    """Queue one message of a registered kind; it is sent after the surrounding transaction
    commits (nothing goes out for a change that was rolled back). `versturen=False` leaves
    the sending to the caller, who queues many at once with `verstuur_na_commit`."""
    soort_van(soort)  # an unknown kind fails here, in the caller's transaction, not in the worker
    bericht = Bericht.objects.create(
        soort=soort,
        aan=aan,
        gemeente_id=getattr(gemeente, "pk", gemeente),
        onderwerp_type=ContentType.objects.get_for_model(onderwerp) if onderwerp is not None else None,
        onderwerp_id=onderwerp.pk if onderwerp is not None else None,
        gegevens=gegevens or {},
    )
    if versturen:
        verstuur_na_commit([bericht.pk])
    return bericht


def zet_klaar_reeks(*, soort: str, berichten: Iterable[tuple[str, models.Model]], gemeente: Any = None) -> list[Bericht]:
    """Queue many messages of one kind at once — one INSERT, a task per hundred — for the
    e-mails that go to many people together (the daily digest). `berichten`: (aan, onderwerp)."""
    soort_van(soort)
    rijen = [
        Bericht(
            soort=soort,
            aan=aan,
            gemeente_id=getattr(gemeente, "pk", gemeente),
            onderwerp_type=ContentType.objects.get_for_model(onderwerp),
            onderwerp_id=onderwerp.pk,
        )
        for aan, onderwerp in berichten
    ]
    rijen = Bericht.objects.bulk_create(rijen)
    verstuur_na_commit(b.pk for b in rijen)
    return rijen


def verstuur_na_commit(ids: Iterable[int]) -> None:
    """Send these once the transaction commits; everything queued in one transaction goes in
    one task (a hundred per task), over one SMTP connection. Each call registers a callback
    that sends all that is waiting, so a callback dropped with a rolled-back savepoint loses
    nothing; an id whose row was rolled back is simply not found by the task."""
    verbinding = transaction.get_connection()
    wachtend: list[int] = verbinding.__dict__.setdefault("_berichten_na_commit", [])
    wachtend.extend(ids)

    def verstuur_wat_wacht() -> None:
        klaar = list(dict.fromkeys(wachtend))
        wachtend.clear()
        if klaar:
            _enqueue(klaar)

    transaction.on_commit(verstuur_wat_wacht)


def _enqueue(ids: list[int], run_after: datetime.datetime | None = None) -> None:
    taak = verstuur.using(run_after=run_after) if run_after else verstuur
    for begin in range(0, len(ids), PER_TAAK):
        taak.enqueue(ids[begin : begin + PER_TAAK])


def _zonder_geheimen(gegevens: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in gegevens.items() if not k.startswith("_")}


@task()
def verstuur(bericht_ids: list[int]) -> None:
    berichten = list(Bericht.objects.filter(pk__in=bericht_ids, status=Bericht.Status.KLAARGEZET).order_by("pk"))
    if not berichten:
        return
    opnieuw: dict[int, list[int]] = defaultdict(list)  # pause in minutes -> ids
    verbinding = get_connection()
    storing: OSError | None = None
    try:
        for bericht in berichten:
            fout: Exception
            if storing is not None:
                fout = storing
            else:
                try:
                    _verstuur_een(bericht, verbinding)
                    continue
                except (*PER_BERICHT, _Opstelfout) as eigen:  # this message only: try the next one
                    fout = eigen
                except OSError as verbindingsfout:  # the server is down: the rest waits too
                    fout = storing = verbindingsfout
            pauze = _mislukt(bericht, fout)
            if pauze is not None:
                opnieuw[pauze].append(bericht.pk)
    finally:
        verbinding.close()
    for pauze, ids in opnieuw.items():
        _enqueue(ids, run_after=timezone.now() + datetime.timedelta(minutes=pauze))


# Refusals of one message (a wrong address, a message too large); any other OSError is the
# connection (refused, timed out, dropped) and holds up the rest of the batch as well.
PER_BERICHT = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


class _Opstelfout(Exception):
    """The kind's composer failed (a bug): counted as an attempt, logged, the batch goes on."""


def _verstuur_een(bericht: Bericht, verbinding: Any) -> None:
    beschrijving = soort_van(bericht.soort)
    try:
        mail = beschrijving.opstellen(bericht)
    except Exception as fout:
        logger.exception("Bericht %s (%s) kon niet worden opgesteld", bericht.pk, bericht.soort)
        raise _Opstelfout(f"opstellen mislukt: {type(fout).__name__}") from fout
    wachtend = Bericht.objects.filter(pk=bericht.pk, status=Bericht.Status.KLAARGEZET)
    if mail is None:
        wachtend.update(status=Bericht.Status.VERVALLEN, gegevens=_zonder_geheimen(bericht.gegevens))
        return
    mail.connection = verbinding
    if not wachtend.update(status=Bericht.Status.VERZONDEN, verzonden_op=timezone.now()):
        return  # another worker has it
    try:
        mail.send()
    except BaseException:
        Bericht.objects.filter(pk=bericht.pk).update(status=Bericht.Status.KLAARGEZET, verzonden_op=None)
        raise
    Bericht.objects.filter(pk=bericht.pk).update(laatste_fout="", gegevens=_zonder_geheimen(bericht.gegevens))
    bericht.status, bericht.verzonden_op = Bericht.Status.VERZONDEN, timezone.now()
    if beschrijving.verzonden is not None:
        beschrijving.verzonden(bericht)


def _mislukt(bericht: Bericht, fout: Exception) -> int | None:
    """Count the attempt; the pause before the next one in minutes, or None when given up."""
    pogingen = bericht.pogingen + 1
    velden: dict[str, Any] = {"pogingen": pogingen, "laatste_fout": str(fout)[:300] or type(fout).__name__}
    if pogingen >= MAX_POGINGEN:
        velden |= {"status": Bericht.Status.MISLUKT, "gegevens": _zonder_geheimen(bericht.gegevens)}
    Bericht.objects.filter(pk=bericht.pk).update(**velden)
    return None if pogingen >= MAX_POGINGEN else min(2**pogingen, 240)


def verstuur_wachtende(ouder_dan: datetime.timedelta = datetime.timedelta(minutes=10)) -> int:
    """Queue every message still waiting after a while (an outage, a lost task); the task
    skips what was sent meanwhile, so nothing goes out twice."""
    grens = timezone.now() - ouder_dan
    wachtend = list(
        Bericht.objects.filter(status=Bericht.Status.KLAARGEZET, aangemaakt_op__lte=grens)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    _enqueue(wachtend)
    return len(wachtend)
