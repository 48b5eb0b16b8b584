"""The ZET API: the same rules and services as the pages; bad input answers 4xx with field
errors, never 500."""

import pytest
from django.urls import reverse

from tests.auth import login

from .helpers import dag

pytestmark = pytest.mark.django_db


def test_make_a_round_and_read_it(client, personas):
    login(client, personas.onderzoeker)
    antwoord = client.post(
        reverse("api:zet-rondes") + "?gemeente=testwijde",
        {"naam": "API-ronde", "van": "2026-03-01", "tot": "2026-05-31", "themas": ["Wist u waar?", "Paste het?"]},
        content_type="application/json",
    )
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["themas"] == ["Wist u waar?", "Paste het?"]
    lijst = client.get(reverse("api:zet-rondes")).json()
    rijen = lijst["results"] if isinstance(lijst, dict) else lijst
    assert [r["naam"] for r in rijen] == ["API-ronde"]


def test_a_round_with_an_inverted_period(client, personas):
    login(client, personas.onderzoeker)
    antwoord = client.post(
        reverse("api:zet-rondes"), {"naam": "X", "van": "2026-05-01", "tot": "2026-03-01"}, content_type="application/json"
    )
    assert antwoord.status_code == 400 and "tot" in antwoord.json()


def test_the_interview_flow_and_its_bad_input(client, personas, z):
    login(client, personas.onderzoeker)
    url = reverse("api:zet-interviews", args=[z.ronde.pk])
    basis = {"rondecasus": z.rcs[0].pk, "datum": str(dag(100)), "interviewer": personas.onderzoeker.pk}
    vierde = client.post(url, basis | {"bron": "dossier"}, content_type="application/json")
    assert vierde.status_code == 400 and "drie bronnen" in vierde.json()["bron"][0]
    zonder = client.post(url, basis | {"bron": "inwoner"}, content_type="application/json")
    assert zonder.status_code == 400 and "toestemming_vastgelegd" in zonder.json()
    gemaakt = client.post(url, basis | {"bron": "inwoner", "toestemming_vastgelegd": True}, content_type="application/json")
    assert gemaakt.status_code == 201
    data = gemaakt.json()
    assert len(data["open_themas"]) == 5
    detail = reverse("api:zet-interview", args=[z.ronde.pk, data["id"]])
    thema = data["antwoorden"][0]["thema"]
    opgeslagen = client.put(
        detail, {"versie": 0, "antwoorden": [{"thema": thema, "tekst": "Ja", "oordeel": 4}]}, content_type="application/json"
    )
    assert opgeslagen.status_code == 200 and len(opgeslagen.json()["open_themas"]) == 4
    oud = client.put(detail, {"versie": 0, "antwoorden": []}, content_type="application/json")
    assert oud.status_code == 409
    buiten = client.put(detail, {"versie": 1, "antwoorden": [{"thema": thema, "oordeel": 9}]}, content_type="application/json")
    assert buiten.status_code == 400


def test_an_improvement_point_without_owner(client, personas, z):
    login(client, personas.onderzoeker)
    url = reverse("api:zet-verbeterpunten", args=[z.ronde.pk])
    fout = client.post(url, {"tekst": "Eén loket", "uiterlijk": "2026-09-01"}, content_type="application/json")
    assert fout.status_code == 400 and "eigenaar" in fout.json()
    goed = client.post(
        url, {"tekst": "Eén loket", "uiterlijk": "2026-09-01", "eigenaar_organisatie": personas.organisatie.pk},
        content_type="application/json",
    )  # fmt: skip
    assert goed.status_code == 201
    assert client.get(url).json()[0]["tekst"] == "Eén loket"


@pytest.mark.parametrize("persona", ["professional", "manager", "gebiedsaanjager"])
def test_others_do_not_find_the_round(client, personas, z, persona):
    login(client, getattr(personas, persona))
    assert client.get(reverse("api:zet-ronde", args=[z.ronde.pk])).status_code == 404


def test_the_beheerder_reads_but_cannot_write(client, personas, z):
    login(client, personas.beheerder)
    assert client.get(reverse("api:zet-ronde", args=[z.ronde.pk])).status_code == 200
    antwoord = client.post(
        reverse("api:zet-verbeterpunten", args=[z.ronde.pk]),
        {"tekst": "x", "uiterlijk": "2026-09-01"},
        content_type="application/json",
    )
    assert antwoord.status_code == 403
