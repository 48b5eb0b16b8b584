from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samenwerk.leren.models import Actieleren, Deelname
from tests.auth import login
from tests.querycount import assert_constant_queries

from .conftest import casustafel, maak_sessie

pytestmark = pytest.mark.django_db


def test_series_list_detail_and_registration(client, personas):
    login(client, personas.gebiedsaanjager)
    vandaag = timezone.localdate()
    invoer = {"weekdag": 1, "tijd": "15:00", "online": True, "link": "", "vanaf": vandaag.isoformat(),
              "tot": (vandaag + datetime.timedelta(weeks=8, days=-1)).isoformat()}  # fmt: skip
    # every four weeks on that weekday within eight weeks less a day: two, whatever today is
    antwoord = client.post(reverse("api:leren-reeks", args=[personas.gebied.pk]), invoer, content_type="application/json")
    assert antwoord.status_code == 400 and "link" in antwoord.json()
    invoer["link"] = "https://meet.example/noord"
    antwoord = client.post(reverse("api:leren-reeks", args=[personas.gebied.pk]), invoer, content_type="application/json")
    assert antwoord.status_code == 201 and len(antwoord.json()) == 2
    sessie_id = antwoord.json()[0]["id"]
    login(client, personas.professional)
    lijst = client.get(reverse("api:leren-sessies"), {"gebied": personas.gebied.pk}).json()
    assert lijst["count"] == 2
    detail = client.get(reverse("api:leren-sessie", args=[sessie_id])).json()
    assert [t["soort"] for t in detail["tafels"]] == ["nieuwkomer", "casus", "evaluatie"]
    assert detail["link"] == "" and detail["aanmeldingen"] is None
    antwoord = client.post(reverse("api:leren-aanmelding", args=[sessie_id]), {}, content_type="application/json")
    assert antwoord.status_code == 201 and antwoord.json()["zonder_link"] is False
    assert client.get(reverse("api:leren-sessie", args=[sessie_id])).json()["link"] == "https://meet.example/noord"
    antwoord = client.post(reverse("api:leren-aanmelding", args=[sessie_id]), {}, content_type="application/json")
    assert antwoord.status_code == 400 and "al aangemeld" in str(antwoord.json())
    assert client.delete(reverse("api:leren-aanmelding", args=[sessie_id])).status_code == 204


def test_full_and_past_sessions_answer_400(client, personas):
    vol = maak_sessie(personas, max_deelnemers=0)
    verleden = maak_sessie(personas, dagen=-3)
    login(client, personas.professional)
    for sessie, tekst in ((vol, "vol"), (verleden, "al begonnen")):
        antwoord = client.post(reverse("api:leren-aanmelding", args=[sessie.pk]), {}, content_type="application/json")
        assert antwoord.status_code == 400 and tekst in antwoord.json()["non_field_errors"][0]


def test_actieleren_api_three_chosen_400_and_conflict_409(client, personas, sessie):
    login(client, personas.gebiedsaanjager)
    url = reverse("api:leren-actieleren-nieuw", args=[casustafel(sessie).pk])
    invoer = {
        "indiener": personas.professional.pk, "vraag": "Hoe houd ik de regie?",
        "adviezen": [{"tekst": f"Advies {i}", "adviseur": personas.manager.pk, "gekozen": True} for i in range(3)],
        "deelnemers": [{"user": personas.manager.pk, "expertise": "Leidinggevende"}],
    }  # fmt: skip
    antwoord = client.post(url, invoer, content_type="application/json")
    assert antwoord.status_code == 400 and "hoogstens twee" in antwoord.json()["adviezen"][0]
    invoer["adviezen"][2]["gekozen"] = False
    invoer["dialoog_adviseur"] = personas.manager.pk
    antwoord = client.post(url, invoer, content_type="application/json")
    assert antwoord.status_code == 201
    pk = antwoord.json()["id"]
    assert "discussie" not in antwoord.json()
    detail = reverse("api:leren-actieleren", args=[pk])
    antwoord = client.put(detail, invoer | {"versie": 0, "nuttig_bevonden": False}, content_type="application/json")
    assert antwoord.status_code == 200 and antwoord.json()["versie"] == 1
    antwoord = client.put(detail, invoer | {"versie": 0}, content_type="application/json")
    assert antwoord.status_code == 409
    assert Actieleren.objects.get().nuttig_bevonden is False
    antwoord = client.post(url, invoer | {"indiener": 999999}, content_type="application/json")
    assert antwoord.status_code == 400 and "indiener" in antwoord.json()


def test_attendance_report_and_feedback_api(client, personas, sessie):
    login(client, personas.professional)
    deelname = client.post(reverse("api:leren-aanmelding", args=[sessie.pk]), {}, content_type="application/json").json()
    login(client, personas.gebiedsaanjager)
    url = reverse("api:leren-aanwezigheid", args=[sessie.pk])
    regels = {"regels": [{"deelname": deelname["id"], "tafel": casustafel(sessie).pk, "aanwezig": True}]}
    assert client.put(url, regels, content_type="application/json").status_code == 200
    assert Deelname.objects.get(pk=deelname["id"]).aanwezig is True
    fout = {"regels": [{"deelname": 999999, "tafel": None, "aanwezig": True}]}
    assert client.put(url, fout, content_type="application/json").status_code == 400
    verslag = {"doelen": "Leren", "acties": [{"actie": "Bellen", "organisatie": personas.organisatie.pk,
                                              "kartrekker": personas.manager.pk}], "versie": 0}  # fmt: skip
    antwoord = client.put(reverse("api:leren-verslag", args=[sessie.pk]), verslag, content_type="application/json")
    assert antwoord.status_code == 200 and antwoord.json()["acties"][0]["actie"] == "Bellen"
    login(client, personas.professional)
    antwoord = client.post(
        reverse("api:leren-feedback", args=[sessie.pk]), {"score_inhoud": 4, "score_organisatie": 9},
        content_type="application/json",
    )  # fmt: skip
    assert antwoord.status_code == 400 and "score_organisatie" in antwoord.json()


def test_session_list_api_has_constant_queries(client, personas):
    login(client, personas.professional)
    url = reverse("api:leren-sessies")
    teller = iter(range(1000))

    def maak(n):
        for _ in range(n):
            s = maak_sessie(personas, dagen=next(teller) + 1)
            Deelname.objects.create(sessie=s, user=personas.manager)

    assert_constant_queries(maak, lambda: client.get(url))
