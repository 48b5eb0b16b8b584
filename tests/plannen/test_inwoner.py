"""The resident's copy (print, PDF text read with pypdf), the secure link sent through a
real SMTP server, acknowledgement, comments, 'who looked at my file', expiry and revocation."""

import datetime
import re
import time

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from samenwerk.casussen import services as casussen
from samenwerk.plannen import services
from samenwerk.plannen.models import PlanLink, PlanReactie
from samenwerk.privacy.models import AuditEntry
from tests.auth import login
from tests.factories import CasusFactory
from tests.pdf import pdf_tekst
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def casus(personas):
    casus = CasusFactory(
        gebied=personas.gebied,
        met_toestemming=True,
        professional=personas.professional,
        organisatie=personas.organisatie,
        inwoner__voornaam="Fenna",
        inwoner__achternaam="Testinwoner",
        inwoner__email="fenna@inwoner.example",
    )
    services.wijzig_plan(
        actor=personas.professional,
        casus=casus,
        versie=0,
        inhoud=services.PlanInhoud(ik_wil="Weer rust in mijn hoofd", welzijnscijfer=4),
    )
    services.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat="Zelf de woningcorporatie bellen")
    return casus


def test_pdf_holds_the_plan_in_plain_language(client, personas, casus):
    login(client, personas.professional)
    response = client.get(reverse("plannen:pdf", args=[casus.pk]))
    assert response["Content-Type"] == "application/pdf"
    tekst = pdf_tekst(response.content)
    for verwacht in [
        "Dit is het plan van Fenna Testinwoner",
        "Weer rust in mijn hoofd",
        "Zelf de woningcorporatie bellen",
        "Mijn welzijnscijfer: 4",
        "Handtekening",
    ]:
        assert verwacht in tekst, verwacht
    assert AuditEntry.objects.filter(gebeurtenis="plan.pdf", actie="print", casus_id=casus.pk).exists()


def test_print_page_is_logged(client, personas, casus):
    login(client, personas.professional)
    assert "Dit is het plan van Fenna Testinwoner" in client.get(reverse("plannen:afdruk", args=[casus.pk])).content.decode()
    assert AuditEntry.objects.filter(gebeurtenis="plan.afdruk", actie="print").exists()


# The e-mail goes through the real database queue and a real worker; the worker closes the
# database connection when done, so these tests run with real transactions.
QUEUE = pytest.mark.django_db(transaction=True)


def _stuur(client, personas, casus, smtp, django_capture_on_commit_callbacks=None) -> str:
    login(client, personas.professional)
    client.post(reverse("plannen:planlink", args=[casus.pk]))
    call_command("db_worker", "--batch", "--no-startup-delay")
    for _ in range(50):
        if smtp.berichten:
            break
        time.sleep(0.05)
    [bericht] = smtp.berichten
    assert bericht["To"] == "fenna@inwoner.example"
    body = bericht.get_payload(decode=True).decode()
    assert "Beste Fenna" in body and "Testinwoner" not in body
    return re.search(r"http://\S+/mijn-plan/(\S+)/", body).group(1)


@QUEUE
def test_the_resident_reads_acknowledges_and_comments(client, personas, casus, smtp, django_capture_on_commit_callbacks):
    token = _stuur(client, personas, casus, smtp, django_capture_on_commit_callbacks)
    assert not PlanLink.objects.filter(token_hash=token).exists()  # only the hash is stored
    client.logout()
    html = client.get(reverse("inwoner:plan", args=[token])).content.decode()
    assert "Dit is het plan van Fenna Testinwoner" in html and "Hoofdmenu" not in html
    client.post(reverse("inwoner:akkoord", args=[token]))
    casus.plan.refresh_from_db()
    assert casus.plan.erkend_op is not None and casus.plan.erkend_versie == 1
    response = client.post(reverse("inwoner:reactie", args=[token]), {"tekst": ""})
    assert response.status_code == 400 and "Dit veld is vereist." in response.content.decode()
    client.post(reverse("inwoner:reactie", args=[token]), {"tekst": "Ik wil ook hulp bij de post."})
    assert PlanReactie.objects.get().tekst == "Ik wil ook hulp bij de post."
    rijen = AuditEntry.objects.filter(rol="inwoner", casus_id=casus.pk)
    assert {r.gebeurtenis for r in rijen} >= {"plan.bekeken.door.inwoner", "plan.erkend", "plan.reactie"}
    assert all(r.gebruiker_id is None for r in rijen)


@QUEUE
def test_who_looked_at_my_file(client, personas, casus, smtp, django_capture_on_commit_callbacks):
    token = _stuur(client, personas, casus, smtp, django_capture_on_commit_callbacks)
    client.get(reverse("casussen:detail", args=[casus.pk]))  # the professional looks
    client.logout()
    html = client.get(reverse("inwoner:wie-keek", args=[token])).content.decode()
    assert "Welzijn Testwijde" in html and "betrokken bij uw hulp als casusregisseur" in html


@QUEUE
def test_expired_revoked_and_unknown_links_are_the_same_404(client, personas, casus, smtp, django_capture_on_commit_callbacks):
    token = _stuur(client, personas, casus, smtp, django_capture_on_commit_callbacks)
    client.logout()
    assert client.get(reverse("inwoner:plan", args=["onbekend"])).status_code == 404
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=15)):
        assert client.get(reverse("inwoner:plan", args=[token])).status_code == 404
    assert client.get(reverse("inwoner:plan", args=[token])).status_code == 200
    # withdrawing consent stops sharing at once and revokes the link
    casussen.leg_toestemming_vast(
        actor=personas.professional, casus=casus, doel="samenwerkwijze", gegeven=False, wijze="mondeling"
    )
    assert client.get(reverse("inwoner:plan", args=[token])).status_code == 404
    assert PlanLink.objects.get().ingetrokken_op is not None


def test_no_link_without_email(client, personas, casus):
    casus.inwoner.email = ""
    casus.inwoner.save()
    login(client, personas.professional)
    response = client.post(reverse("plannen:planlink", args=[casus.pk]), follow=True)
    assert "geen e-mailadres bekend" in response.content.decode()
    assert not PlanLink.objects.exists()


@QUEUE
def test_resident_page_query_count_is_constant(client, personas, casus, smtp, django_capture_on_commit_callbacks):
    token = _stuur(client, personas, casus, smtp, django_capture_on_commit_callbacks)
    client.logout()
    assert_constant_queries(
        lambda n: [
            services.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat=f"stap {i}") for i in range(n)
        ],
        lambda: client.get(reverse("inwoner:plan", args=[token])),
    )


@QUEUE
def test_a_new_link_makes_the_old_one_worthless(client, personas, casus, smtp):
    """Issue 17 item 9: sending a new link left the old one valid."""
    oud = _stuur(client, personas, casus, smtp)
    smtp.berichten.clear()
    nieuw = _stuur(client, personas, casus, smtp)
    client.logout()
    response = client.get(reverse("inwoner:plan", args=[oud]))
    html = response.content.decode()
    assert response.status_code == 404 and "Deze link werkt niet meer" in html and "Alleen de nieuwste link werkt" in html
    assert "Fenna" not in html
    assert client.post(reverse("inwoner:akkoord", args=[oud])).status_code == 404
    assert client.get(reverse("inwoner:plan", args=[nieuw])).status_code == 200
    assert PlanLink.objects.filter(ingetrokken_op__isnull=True).count() == 1


@QUEUE
def test_mail_server_down_the_link_is_not_lost_and_the_timeline_tells_the_truth(client, personas, casus, settings):
    """Issue 17 item 5: the plan-link e-mail was a bare task around send_mail — lost when the
    mail server was down, while the timeline said it was sent."""
    from aiosmtpd.controller import Controller

    from samenwerk.berichten.models import Bericht
    from samenwerk.berichten.verzending import verstuur_wachtende
    from tests.mail import Postbus, vrije_poort

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", vrije_poort()  # nobody listens: the server is down
    login(client, personas.professional)
    response = client.post(reverse("plannen:planlink", args=[casus.pk]), follow=True)
    assert "wordt zo verstuurd" in response.content.decode()
    call_command("db_worker", "--batch", "--no-startup-delay")
    bericht = Bericht.objects.get(soort="plannen.planlink")
    assert bericht.verzonden_op is None and bericht.pogingen == 1 and bericht.laatste_fout and bericht.wacht
    tijdlijn = [g.omschrijving for g in casus.tijdlijn.all()]
    assert any("klaargezet" in t for t in tijdlijn) and not any("verstuurd aan de inwoner" in t for t in tijdlijn)
    html = client.get(reverse("plannen:plan", args=[casus.pk])).content.decode()
    assert "e-mail nog niet verstuurd" in html and "e-mail verstuurd op" not in html

    postbus = Postbus()
    controller = Controller(postbus, hostname="127.0.0.1", port=settings.EMAIL_PORT)
    controller.start()
    try:
        assert verstuur_wachtende(datetime.timedelta(0)) == 1
        call_command("db_worker", "--batch", "--no-startup-delay")
        [mail] = postbus.wacht(1)
        assert verstuur_wachtende(datetime.timedelta(0)) == 0  # sent: nothing goes out twice
    finally:
        controller.stop()
    token = re.search(r"/mijn-plan/(\S+)/", mail.get_payload(decode=True).decode()).group(1)
    bericht.refresh_from_db()
    assert bericht.verzonden_op is not None and "_token" not in bericht.gegevens  # the secret is not kept
    assert any("verstuurd aan de inwoner" in g.omschrijving for g in casus.tijdlijn.all())
    assert "e-mail verstuurd op" in client.get(reverse("plannen:plan", args=[casus.pk])).content.decode()
    client.logout()
    assert client.get(reverse("inwoner:plan", args=[token])).status_code == 200
