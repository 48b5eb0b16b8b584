"""Meeting time in one click: the case's held meetings (duration × professionals who came)
become one line priced per hour (domain.md §6)."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from samenwerk.overleg import antwoorden
from samenwerk.overleg import services as overleg
from samenwerk.overleg.models import Deelnemer
from samenwerk.rendement import services_analyse as services
from samenwerk.rendement.models import Kostenpost
from tests.auth import login
from tests.overleg import conftest as vergaderingen
from tests.overleg.conftest import gegevens, genodigde, vul_checklist_in
from tests.rendement.factories import PrijsitemFactory, PrijslijstFactory

pytestmark = pytest.mark.django_db
casus = vergaderingen.casus  # the fixture: a case with a plan that decided on a meeting


def _gehouden_overleg(personas, casus) -> None:
    vergadering = overleg.plan_overleg(actor=personas.professional, casus=casus, gegevens=gegevens())  # 1,5 hours
    for i in range(3):
        overleg.voeg_deelnemer_toe(
            actor=personas.professional, overleg=vergadering, genodigde=genodigde(naam=f"P{i}", email=f"p{i}@x.example")
        )
    overleg.leg_lijst_akkoord_vast(actor=personas.professional, overleg=vergadering, verstuurd_door="samen")
    overleg.nodig_uit(actor=personas.professional, overleg=vergadering)
    for deelnemer in Deelnemer.objects.all()[:2]:
        antwoorden.beantwoord(deelnemer=deelnemer, komt=True)
    vul_checklist_in(vergadering)
    with time_machine.travel(vergadering.begint + datetime.timedelta(minutes=10)):
        overleg.sluit_af(
            actor=personas.professional,
            overleg=vergadering,
            afsluiting=overleg.Afsluiting(
                casusregisseur=casus.betrokkenen.get(rol="casusregisseur"), procesregisseur_nodig=False,
                vervolg="evaluatie_email", vervolg_datum=datetime.date.today() + datetime.timedelta(weeks=8),
            ),
        )  # fmt: skip


def test_meeting_time_in_one_click(client, personas, casus):
    lijst = PrijslijstFactory(gemeente=personas.gemeente, jaar=datetime.date.today().year)
    PrijsitemFactory(prijslijst=lijst, code="MW-UUR", omschrijving="Uur maatschappelijk werk", prijs=Decimal("80.00"))
    _gehouden_overleg(personas, casus)
    analyse = services.maak_analyse(actor=personas.professional, casus=casus)
    login(client, personas.professional)
    url = reverse("analyse:vergadertijd", args=[casus.pk])
    pagina = client.get(url)
    html = pagina.content.decode()
    assert pagina.status_code == 200 and "1,5 uur, 2 professional(s)" in html
    form = pagina.context["form"]
    data = {"blok": "eenmalig", "prijsitem": form.fields["prijsitem"].initial.pk, "overleggen": form.fields["overleggen"].initial}
    assert client.post(url, data).status_code == 302
    regel = Kostenpost.objects.get(analyse=analyse)
    assert regel.blok == "eenmalig" and regel.aantal == Decimal("3.00") and regel.prijs == Decimal("80.00")
    assert "× 2" in regel.toelichting
    from samenwerk.plannen.inzage import inzage

    [kosten] = inzage(casus)["microanalyse"]["kosten"]  # the resident's inzage holds the analysis
    assert kosten["toelichting"] == regel.toelichting


def test_no_held_meeting_says_so(client, personas, casus):
    PrijslijstFactory(gemeente=personas.gemeente, jaar=datetime.date.today().year)
    services.maak_analyse(actor=personas.professional, casus=casus)
    login(client, personas.professional)
    pagina = client.get(reverse("analyse:vergadertijd", args=[casus.pk]))
    assert "nog geen gehouden Samenwerkoverleg" in pagina.content.decode()
    assert client.post(reverse("analyse:vergadertijd", args=[casus.pk]), {"blok": "eenmalig"}).status_code == 400
