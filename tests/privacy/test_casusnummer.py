"""Forms ask for the case number users see ("2026-00017"), never the internal id (issue 16):
the privacy officer's log search and the emergency access."""

import pytest
from django.urls import reverse

from samenwerk.casussen.models import Casusnummer
from samenwerk.privacy.audit import Onderwerp, record
from tests.auth import confirm_recently, login
from tests.factories import CasusFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def casus(personas):
    return CasusFactory(gebied=personas.gebied, professional=personas.professional, organisatie=personas.organisatie)


def _rij(personas, casus_id, inwoner_id):
    record(
        actor=personas.professional,
        actie="read",
        gebeurtenis="casus.bekeken",
        onderwerp=Onderwerp(gemeente_id=personas.gemeente.pk, casus_id=casus_id, inwoner_id=inwoner_id),
    )


@pytest.mark.parametrize(
    ("tekst", "nummer"),
    [("2026-00017", (2026, 17)), (" 2026 - 17 ", (2026, 17)), ("17", None), ("2026-00000", None), ("casus 2026-1", None)],
)
def test_reading_a_case_number(tekst, nummer):
    assert Casusnummer.lees(tekst) == (Casusnummer(*nummer) if nummer else None)


def test_the_log_is_searched_by_case_number(client, personas, casus):
    _rij(personas, casus.pk, casus.inwoner_id)
    _rij(personas, casus.pk + 1000, casus.inwoner_id)  # another case of the same resident
    _rij(personas, casus.pk + 2000, casus.inwoner_id + 1000)
    login(client, personas.privacyfunctionaris)
    url = reverse("portaal:logboek")
    html = client.get(url).content.decode()
    assert "Casusnummer" in html and "(id)" not in html
    assert client.get(url, {"casus": casus.nummer}).context["pagina"].paginator.count == 1
    assert client.get(url, {"casus": casus.nummer, "hele_inwoner": "on"}).context["pagina"].paginator.count == 2
    fout = client.get(url, {"casus": str(casus.pk)})
    assert "Vul het casusnummer in zoals het op de casus staat" in fout.content.decode()
    jaar = casus.aanmelddatum.year
    ander_jaar = client.get(url, {"casus": f"{jaar - 1}-{casus.pk:05d}"})
    assert "Er is geen casus met dit nummer in uw gemeente." in ander_jaar.content.decode()
    assert ander_jaar.context["pagina"].paginator.count == 0


def test_emergency_access_asks_for_the_case_number(client, personas, casus):
    login(client, personas.gebiedsaanjager)
    confirm_recently(client)
    url = reverse("casussen:noodtoegang")
    html = client.get(url).content.decode()
    assert "Casusnummer" in html and "nummer achter het streepje" not in html
    reden = "Weigering van een genodigde; ik moet zien wie betrokken is."
    fout = client.post(url, {"casus": str(casus.pk), "reden": reden}).content.decode()
    assert "Vul het casusnummer in zoals het op de casus staat" in fout and f'value="{casus.pk}"' in fout
    jaar = casus.aanmelddatum.year
    ander_jaar = client.post(url, {"casus": f"{jaar - 1}-{casus.pk:05d}", "reden": reden}).content.decode()
    assert "Die casus kunt u niet openen." in ander_jaar
    response = client.post(url, {"casus": casus.nummer, "reden": reden})
    assert response.status_code == 302 and response["Location"] == reverse("casussen:detail", args=[casus.pk])
