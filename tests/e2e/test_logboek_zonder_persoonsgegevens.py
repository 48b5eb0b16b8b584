"""No personal data in any log line (issue 22): a browser walks the demo as a professional —
sign-in, the case list, every case's page, plan and timeline, a wrong password, a page that
does not exist — while every log record of the process is written as the production JSON
lines; then every line is searched for the demo residents' names, addresses, postcodes, phone
numbers, e-mail addresses and anything shaped like a BSN."""

from __future__ import annotations

import io
import logging
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from samenwerk.casussen.models import Casus, Inwoner
from samenwerk.ops.logs import JsonFormatter, RequestIdFilter
from tests.e2e.conftest import browser_login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PROFESSIONAL = "professional@lindenhoven.example"
BSN_ACHTIG = re.compile(r"(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])")


@pytest.fixture
def logregels():  # type: ignore[no-untyped-def]
    uitvoer = io.StringIO()
    handler = logging.StreamHandler(uitvoer)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root, verzoek = logging.getLogger(), logging.getLogger("samenwerk.verzoek")
    oud = root.level, verzoek.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)  # the production level
    verzoek.setLevel(logging.INFO)  # one line per request, as in production
    yield uitvoer
    root.removeHandler(handler)
    root.setLevel(oud[0])
    verzoek.setLevel(oud[1])


def test_browser_walk_leaves_no_personal_data_in_the_logs(live_server, page, settings, logregels):
    settings.DEMO_PASSWORD = "demo-wachtwoord-logboek"
    call_command("load_demo", "--quiet-logins")
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("E-mailadres").fill(PROFESSIONAL)
    page.get_by_label("Wachtwoord").fill("fout-wachtwoord-123")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_text("Het e-mailadres of het wachtwoord klopt niet").wait_for()
    browser_login(page, live_server.url, PROFESSIONAL, settings.DEMO_PASSWORD)

    page.goto(live_server.url + reverse("casussen:lijst"))
    casussen = [int(m) for m in re.findall(r"/casussen/(\d+)/", page.content())]
    assert casussen, "the professional sees demo cases"
    for pk in sorted(set(casussen)):
        for naam in ("casussen:detail", "casussen:tijdlijn", "plannen:plan"):
            page.goto(live_server.url + reverse(naam, args=[pk]))
    page.goto(f"{live_server.url}/signaleringen/")
    page.goto(f"{live_server.url}/casussen/999999/")  # not found
    page.goto(f"{live_server.url}/api/v1/casussen/")

    regels = logregels.getvalue().splitlines()
    assert len(regels) > 3 * len(set(casussen)), "the walk was logged (one line per request)"
    assert all(r.startswith("{") for r in regels)
    inwoners = Inwoner.objects.filter(pk__in=Casus.objects.values("inwoner_id"))
    gezocht = set()
    for inwoner in inwoners:
        for waarde in (inwoner.voornaam, inwoner.achternaam, inwoner.straat, inwoner.postcode, inwoner.telefoon, inwoner.email):
            if waarde and len(waarde) >= 4:
                gezocht.add(waarde)
    assert len(gezocht) > 10, gezocht
    # As written (a surname "Post" is not the method "POST"), and as whole words.
    tekst = "\n".join(regels)
    gevonden = sorted(w for w in gezocht if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", tekst))
    assert gevonden == [], gevonden
    assert BSN_ACHTIG.findall(tekst) == []
