"""Regie API: AVE history and changes (400 with field errors, 409 when stale), external
signals (the procesregisseur gets source and date only), reads logged, bounded queries."""

import pytest
from django.urls import reverse

from samenwerk.privacy.models import AuditEntry
from samenwerk.regie import services
from samenwerk.regie.models import Niveauwijziging, Zorgsignaal
from tests.auth import login
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


def _post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_change_and_list_the_level(client, personas, casus):
    login(client, personas.professional)
    url = reverse("api:casus-ave", args=[casus.pk])
    response = _post(client, url, {"naar": 2, "reden": "Plan loopt", "huidig_niveau": None})
    assert response.status_code == 201 and response.json()["richting"] == "vastgesteld"
    assert _post(client, url, {"naar": 3, "reden": "Stokt", "huidig_niveau": 2}).status_code == 201
    data = client.get(url).json()
    assert [r["naar"] for r in data["results"]] == [3, 2] and data["results"][0]["van"] == 2
    assert data["results"][0]["besloten_door"] == str(personas.professional)
    assert AuditEntry.objects.filter(gebeurtenis="ave.bekeken", kanaal="api").exists()


@pytest.mark.parametrize(
    ("body", "velden"),
    [
        ({}, {"naar", "reden", "huidig_niveau"}),
        ({"naar": 7, "reden": "x", "huidig_niveau": None}, {"naar"}),
        ({"naar": 2, "reden": "", "huidig_niveau": None}, {"reden"}),
        ({"naar": 2, "reden": "x", "huidig_niveau": None, "datum": "2999-01-01"}, {"datum"}),
    ],
)
def test_bad_level_input_is_400_with_field_errors(client, personas, casus, body, velden):
    login(client, personas.professional)
    response = _post(client, reverse("api:casus-ave", args=[casus.pk]), body)
    assert response.status_code == 400 and set(response.json()) == velden
    assert not Niveauwijziging.objects.exists()


def test_stale_level_is_409(client, personas, casus):
    services.wijzig_niveau(actor=personas.collega_andere_organisatie, casus=casus, naar=2, reden="x")
    login(client, personas.professional)
    response = _post(client, reverse("api:casus-ave", args=[casus.pk]), {"naar": 3, "reden": "y", "huidig_niveau": None})
    assert response.status_code == 409 and response.json()["huidig_niveau"] == 2


def test_procesregisseur_may_change_the_level_participant_may_not(client, personas, opgeschaald):
    url = reverse("api:casus-ave", args=[opgeschaald.pk])
    login(client, personas.collega_andere_organisatie)
    assert _post(client, url, {"naar": 3, "reden": "x", "huidig_niveau": None}).status_code == 403
    login(client, personas.procesregisseur)
    assert _post(client, url, {"naar": 3, "reden": "x", "huidig_niveau": None}).status_code == 201
    assert Niveauwijziging.objects.get().rol == "procesregisseur"


def test_signals(client, personas, opgeschaald):
    url = reverse("api:casus-zorgsignalen", args=[opgeschaald.pk])
    login(client, personas.professional)
    response = _post(client, url, {"bron": "energiebedrijf", "tekst": ""})
    assert response.status_code == 400 and set(response.json()) == {"tekst"}
    response = _post(client, url, {"bron": "energiebedrijf", "afzender": "Stroom BV", "tekst": "Afsluiting dreigt"})
    assert response.status_code == 201 and Zorgsignaal.objects.get().bron == "energiebedrijf"
    assert client.get(url).json()["results"][0]["tekst"] == "Afsluiting dreigt"
    login(client, personas.procesregisseur)
    [rij] = client.get(url).json()["results"]
    assert rij["bron"] == "energiebedrijf" and rij["tekst"] is None and rij["afzender"] is None
    assert _post(client, url, {"bron": "politie", "tekst": "x"}).status_code == 403


def test_case_api_reduced_view_for_the_procesregisseur(client, personas, opgeschaald):
    login(client, personas.procesregisseur)
    data = client.get(reverse("api:casus", args=[opgeschaald.pk])).json()
    assert data["inwoner"] is None and data["aanleiding"] == "" and "procesregisseur" in {b["rol"] for b in data["betrokkenen"]}
    login(client, personas.professional)
    assert client.get(reverse("api:casus", args=[opgeschaald.pk])).json()["aanleiding"] == "Fenna heeft schulden bij de bakker"


def test_api_lists_have_a_constant_number_of_queries(client, personas, casus):
    login(client, personas.professional)
    niveau = iter(range(10_000))
    assert_constant_queries(
        lambda n: [
            services.wijzig_niveau(actor=personas.professional, casus=casus, naar=2 + next(niveau) % 2, reden="x")
            for _ in range(n)
        ],
        lambda: client.get(reverse("api:casus-ave", args=[casus.pk])),
    )
    assert_constant_queries(
        lambda n: [
            services.leg_signaal_vast(actor=personas.professional, casus=casus, bron="buren", tekst="t") for _ in range(n)
        ],
        lambda: client.get(reverse("api:casus-zorgsignalen", args=[casus.pk])),
    )
