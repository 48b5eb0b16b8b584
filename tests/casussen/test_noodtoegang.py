"""Break the glass: a typed reason, a fresh password and code, four hours of read-only access,
every read logged as emergency access, visible on the timeline and to the resident."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from samenwerk.privacy.models import AuditEntry
from tests.auth import confirm_recently, login
from tests.factories import CasusFactory

pytestmark = pytest.mark.django_db
REDEN = "Weigering van een genodigde; ik moet zien wie betrokken is."


@pytest.fixture
def casus(personas):
    return CasusFactory(
        gebied=personas.gebied,
        met_toestemming=True,
        professional=personas.professional,
        organisatie=personas.organisatie,
        inwoner__achternaam="Testinwoner",
    )


def test_gebiedsaanjager_breaks_the_glass(client, personas, casus):
    login(client, personas.gebiedsaanjager)
    assert client.get(reverse("casussen:detail", args=[casus.pk])).status_code == 404
    response = client.post(reverse("casussen:noodtoegang"), {"casus": casus.nummer, "reden": REDEN})
    assert "/account/bevestigen/" in response["Location"]  # a fresh password and code first
    confirm_recently(client)
    response = client.post(reverse("casussen:noodtoegang"), {"casus": casus.nummer, "reden": REDEN}, follow=True)
    html = response.content.decode()
    assert "U ziet deze casus met noodtoegang" in html and "Testinwoner" in html
    log = AuditEntry.objects.filter(
        gebeurtenis="casus.bekeken", gebruiker_id=personas.gebiedsaanjager.pk, uitkomst="success"
    ).get()
    assert (log.noodtoegang, log.reden) == (True, REDEN)
    assert casus.tijdlijn.filter(soort="noodtoegang").exists()
    assert client.get(reverse("casussen:toestemming", args=[casus.pk])).status_code == 403  # read-only
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(hours=5)):
        login(client, personas.gebiedsaanjager)  # the old session has expired by now
        assert client.get(reverse("casussen:detail", args=[casus.pk])).status_code == 404


@pytest.mark.parametrize("persona", ["manager", "niet_betrokken", "beheerder"])
def test_other_roles_cannot_break_the_glass(client, personas, casus, persona):
    login(client, getattr(personas, persona))
    confirm_recently(client)
    html = client.post(reverse("casussen:noodtoegang"), {"casus": casus.nummer, "reden": REDEN}).content.decode()
    assert "Die casus kunt u niet openen." in html  # the same answer as for a case that does not exist
    assert client.get(reverse("casussen:detail", args=[casus.pk])).status_code == 404


def test_a_reason_is_required_and_other_municipalities_are_unknown(client, personas, casus):
    login(client, personas.gebiedsaanjager)
    confirm_recently(client)
    html = client.post(reverse("casussen:noodtoegang"), {"casus": casus.nummer, "reden": "kijken"}).content.decode()
    assert "minstens 10 tekens" in html
    elders = CasusFactory()
    html = client.post(reverse("casussen:noodtoegang"), {"casus": elders.nummer, "reden": REDEN}).content.decode()
    assert "Die casus kunt u niet openen." in html
