"""The daily e-mail through the real database queue and a real SMTP server on loopback:
exactly one e-mail per person per batch of new signals, over repeated runs, without
personal data."""

import datetime
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from samenwerk.berichten.models import Bericht
from samenwerk.signalering.models import Digest, Signalering
from tests.signalering.test_pages import _te_laat

# The worker closes its database connection when done: real transactions.
pytestmark = pytest.mark.django_db(transaction=True)


def _verstuur(smtp, verwacht: int) -> None:
    call_command("signaleringen_digest")
    call_command("db_worker", "--batch", "--no-startup-delay")
    for _ in range(50):
        if len(smtp.berichten) >= verwacht:
            break
        time.sleep(0.05)
    time.sleep(0.1)


def test_one_mail_per_new_batch_of_signals_over_repeated_runs(personas, smtp, settings):
    settings.SITE_URL = "https://samenwerk.example"
    _te_laat(personas)  # three signals: the owner, the casusregisseur, the procesregisseur
    _verstuur(smtp, 3)
    _verstuur(smtp, 3)  # a second run the same day sends nothing
    assert sorted(b["To"] for b in smtp.berichten) == sorted(
        [personas.professional.email, personas.collega_andere_organisatie.email, personas.procesregisseur.email]
    )
    bericht = next(b for b in smtp.berichten if b["To"] == personas.professional.email)
    tekst = bericht.get_payload(decode=True).decode()
    assert "- Afspraak over tijd: 1" in tekst and "https://samenwerk.example/signaleringen/" in tekst
    casus = Signalering.objects.first().casus
    for geheim in ("Fenna", "Geheimnaam", "Geheime afspraak", casus.nummer, str(casus.gebied)):
        assert geheim not in tekst, geheim
    # one new signal for the casusregisseur: one more e-mail, counting only that one
    _te_laat(personas, collega=False, proces=False)
    _verstuur(smtp, 4)
    _verstuur(smtp, 4)
    nieuw = [b for b in smtp.berichten if b["To"] == personas.professional.email]
    assert len(smtp.berichten) == 4 and len(nieuw) == 2
    assert "- Afspraak over tijd: 1" in nieuw[1].get_payload(decode=True).decode()
    assert Bericht.objects.filter(soort="signalering.digest", verzonden_op__isnull=True).count() == 0


def test_handled_signals_are_not_mailed(personas, smtp):
    _te_laat(personas)
    Signalering.objects.update(status="afgehandeld")
    _verstuur(smtp, 0)
    assert smtp.berichten == [] and not Digest.objects.exists()


def test_one_task_and_one_connection_send_the_digests_of_many_people(personas, smtp):
    from django_tasks_db.models import DBTaskResult

    _te_laat(personas)
    _verstuur(smtp, 3)
    assert len(smtp.berichten) == 3
    assert DBTaskResult.objects.filter(task_path="samenwerk.berichten.verzending.verstuur").count() == 1


def test_a_digest_that_could_not_be_sent_goes_out_with_a_later_run(personas, smtp, settings, time_machine):
    from tests.mail import vrije_poort

    _te_laat(personas)
    poort = settings.EMAIL_PORT
    settings.EMAIL_PORT = vrije_poort()  # nobody listens: the mail server is down
    _verstuur(smtp, 0)
    assert smtp.berichten == []
    # the failed claim was undone: all three wait in the outbox, the attempt counted
    assert Bericht.objects.filter(soort="signalering.digest", verzonden_op__isnull=True, pogingen=1).count() == 3
    settings.EMAIL_PORT = poort
    _verstuur(smtp, 0)  # before the pause is over: not sent again yet
    assert smtp.berichten == []
    time_machine.move_to(timezone.now() + datetime.timedelta(hours=2), tick=True)
    _verstuur(smtp, 3)
    _verstuur(smtp, 3)
    assert sorted(b["To"] for b in smtp.berichten) == sorted(
        [personas.professional.email, personas.collega_andere_organisatie.email, personas.procesregisseur.email]
    )
    assert Digest.objects.count() == 3
    assert not Bericht.objects.filter(soort="signalering.digest", verzonden_op__isnull=True).exists()
