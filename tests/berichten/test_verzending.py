"""The one outbox (ADR 0005) on its own, with a kind registered the way a new app would, a
real SMTP server on loopback and the real database queue: queued in the caller's
transaction, sent after commit, nothing lost while the mail server is down, retried with a
growing pause, nothing sent twice, and no dependency on the apps above it."""

import ast
import datetime
import pathlib

import pytest
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from samenwerk.berichten import registry, verzending
from samenwerk.berichten.models import Bericht
from samenwerk.gemeenten.models import Gemeente
from tests.mail import vrije_poort

pytestmark = pytest.mark.django_db(transaction=True)  # the worker closes its connection

SOORT = "proef.groet"


@pytest.fixture
def groet():
    """A kind as a new app (a table's agenda, a session's link) registers it in ready()."""

    def opstellen(bericht):
        gemeente = Gemeente.objects.filter(pk=bericht.onderwerp_id).first()
        if gemeente is None:
            return None  # what it was about is gone: not sent
        return EmailMessage(f"Groet uit {gemeente.naam}", f"Code {bericht.gegevens.get('_code', '-')}", None, [bericht.aan])

    registry.registreer(SOORT, "Groet", opstellen=opstellen)
    yield
    del registry.SOORTEN[SOORT]


def _werk():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def _gemeente():
    return Gemeente.objects.create(naam="Proefdorp", slug="proefdorp")


def test_queued_in_the_transaction_sent_after_commit(groet, smtp):
    gemeente = _gemeente()
    with transaction.atomic():
        bericht = verzending.zet_klaar(soort=SOORT, aan="a@proef.example", onderwerp=gemeente, gemeente=gemeente)
        assert bericht.status == Bericht.Status.KLAARGEZET
    _werk()
    [mail] = smtp.wacht(1)
    assert (mail["To"], mail["Subject"]) == ("a@proef.example", "Groet uit Proefdorp")
    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.VERZONDEN and bericht.verzonden_op is not None
    assert bericht.get_soort_display() == "Groet" and bericht.onderwerp == gemeente and bericht.gemeente == gemeente


def test_a_rolled_back_change_sends_nothing(groet, smtp):
    gemeente = _gemeente()
    with pytest.raises(RuntimeError), transaction.atomic():
        verzending.zet_klaar(soort=SOORT, aan="a@proef.example", onderwerp=gemeente)
        raise RuntimeError
    _werk()
    assert not Bericht.objects.exists() and smtp.berichten == []


def test_an_unknown_kind_fails_in_the_callers_transaction():
    with pytest.raises(LookupError, match="registreer"):
        verzending.zet_klaar(soort="proef.onbekend", aan="a@proef.example")
    with pytest.raises(ValueError):
        registry.registreer("zonderapp", "x", opstellen=lambda b: None)


def test_a_message_no_longer_needed_is_not_sent(groet, smtp):
    gemeente = _gemeente()
    bericht = verzending.zet_klaar(soort=SOORT, aan="a@proef.example", onderwerp=gemeente, gegevens={"_code": "geheim"})
    Bericht.objects.filter(pk=bericht.pk).update(onderwerp_id=gemeente.pk + 1000)
    _werk()
    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.VERVALLEN and smtp.berichten == []
    assert bericht.gegevens == {}  # secrets go once the message is settled


def test_mail_server_down_nothing_lost_retried_with_a_growing_pause_never_twice(groet, settings, time_machine):
    from aiosmtpd.controller import Controller
    from django_tasks_db.models import DBTaskResult

    from tests.mail import Postbus

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", vrije_poort()  # nobody listens: the server is down
    gemeente = _gemeente()
    with transaction.atomic():  # queued together: one task, one connection
        berichten = [
            verzending.zet_klaar(soort=SOORT, aan=f"{i}@proef.example", onderwerp=gemeente, gegevens={"_code": str(i)})
            for i in range(3)
        ]
    assert DBTaskResult.objects.filter(task_path="samenwerk.berichten.verzending.verstuur").count() == 1
    _werk()
    for bericht in berichten:
        bericht.refresh_from_db()
        assert (bericht.status, bericht.pogingen, bericht.verzonden_op) == (Bericht.Status.KLAARGEZET, 1, None)
        assert bericht.laatste_fout
        assert bericht.gegevens["_code"]  # kept for the next attempt
    # one retry for the three, after a pause of two minutes
    [volgende] = DBTaskResult.objects.filter(status="READY")
    assert volgende.args_kwargs["args"] == [[b.pk for b in berichten]]
    assert volgende.run_after - timezone.now() > datetime.timedelta(minutes=1)
    _werk()  # the pause is not over: nothing tried
    assert Bericht.objects.filter(pogingen=1).count() == 3

    postbus = Postbus()
    controller = Controller(postbus, hostname="127.0.0.1", port=settings.EMAIL_PORT)
    controller.start()
    try:
        time_machine.move_to(timezone.now() + datetime.timedelta(minutes=3), tick=True)
        assert verzending.verstuur_wachtende(datetime.timedelta(0)) == 3  # the hourly job as well
        _werk()
        assert sorted(m["To"] for m in postbus.wacht(3)) == [f"{i}@proef.example" for i in range(3)]
        _werk()
        assert verzending.verstuur_wachtende(datetime.timedelta(0)) == 0
        assert len(postbus.berichten) == 3  # the retry and the hourly job: still one each
    finally:
        controller.stop()
    assert set(Bericht.objects.values_list("status", flat=True)) == {Bericht.Status.VERZONDEN}
    assert all(b.gegevens == {} for b in Bericht.objects.all())


def test_it_gives_up_after_the_last_attempt(groet, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", vrije_poort()
    bericht = verzending.zet_klaar(soort=SOORT, aan="a@proef.example", onderwerp=_gemeente(), gegevens={"_code": "x"})
    Bericht.objects.filter(pk=bericht.pk).update(pogingen=verzending.MAX_POGINGEN - 1)
    _werk()
    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.MISLUKT and bericht.gegevens == {}
    assert verzending.verstuur_wachtende(datetime.timedelta(0)) == 0


def test_the_outbox_depends_on_nothing_above_gemeenten():
    """New apps (De Tafel, the learning staircase) send mail without depending on overleg."""
    map_ = pathlib.Path(verzending.__file__).parent
    for bestand in map_.rglob("*.py"):
        for knoop in ast.walk(ast.parse(bestand.read_text())):
            if isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.module.startswith("samenwerk."):
                assert knoop.module.split(".")[1] in {"berichten", "gemeenten"}, (bestand.name, knoop.module)


def test_one_refused_address_or_a_broken_composer_does_not_hold_up_the_others(settings):
    """A refusal of one recipient counts against that message only; so does a composer that
    fails (a bug): the rest of the batch goes out."""
    from aiosmtpd.controller import Controller

    from tests.mail import Postbus

    class Weigerend(Postbus):
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.startswith("onbekend@"):
                return "550 5.1.1 Onbekende ontvanger"
            envelope.rcpt_tos.append(address)
            return "250 OK"

    def kapot(bericht):
        raise KeyError("een fout in de code")

    registry.registreer("proef.kapot", "Kapot", opstellen=kapot)
    registry.registreer(SOORT, "Groet", opstellen=lambda b: EmailMessage("Hallo", "Tekst", None, [b.aan]))
    postbus = Weigerend()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", vrije_poort()
    controller = Controller(postbus, hostname="127.0.0.1", port=settings.EMAIL_PORT)
    controller.start()
    try:
        with transaction.atomic():
            kapotte = verzending.zet_klaar(soort="proef.kapot", aan="a@proef.example")
            geweigerd = verzending.zet_klaar(soort=SOORT, aan="onbekend@proef.example")
            goed = verzending.zet_klaar(soort=SOORT, aan="b@proef.example")
        _werk()
        assert [m["To"] for m in postbus.wacht(1)] == ["b@proef.example"]
    finally:
        controller.stop()
        del registry.SOORTEN["proef.kapot"], registry.SOORTEN[SOORT]
    for bericht in (kapotte, geweigerd, goed):
        bericht.refresh_from_db()
    assert goed.status == Bericht.Status.VERZONDEN
    assert (geweigerd.status, geweigerd.pogingen) == (
        Bericht.Status.KLAARGEZET,
        1,
    ) and "Onbekende ontvanger" in geweigerd.laatste_fout
    assert (kapotte.status, kapotte.pogingen, kapotte.laatste_fout) == (
        Bericht.Status.KLAARGEZET,
        1,
        "opstellen mislukt: KeyError",
    )
