"""The chair's clock and the personal reflection through the API (issue 23, bad input):
overlapping block times and a reflection by someone who is not a member answer 400 with
the Dutch message, never 500; only the chair and the secretary record them."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from samenwerk.tafel import services
from samenwerk.tafel.models import Blokverloop, Reflectie
from tests.auth import login
from tests.factories import casus_met_team
from tests.tafel.conftest import gegevens

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda(personas, tafel, bijeenkomst):
    services.meld_aan(
        actor=personas.professional, tafel=tafel, casus=casus_met_team(personas, collega=False, proces=False), gegevens=gegevens()
    )
    services.stel_agenda_op(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, versie=0)
    return bijeenkomst


def _tijd(bijeenkomst, minuten: int) -> str:
    return (bijeenkomst.begint + datetime.timedelta(minutes=minuten)).isoformat()


def test_block_times_through_the_api_refuse_an_overlap(client, personas, tafel, agenda):
    login(client, personas.tafelvoorzitter)
    checkin, volgende = list(agenda.blokken.order_by("volgorde")[:2])
    url = reverse("api:tafel-bloktijd", args=[tafel.pk, agenda.pk, checkin.pk])
    ok = client.put(url, {"gestart_op": _tijd(agenda, 0), "gestopt_op": _tijd(agenda, 10)}, content_type="application/json")
    assert ok.status_code == 200
    url = reverse("api:tafel-bloktijd", args=[tafel.pk, agenda.pk, volgende.pk])
    fout = client.put(url, {"gestart_op": _tijd(agenda, 5), "gestopt_op": _tijd(agenda, 15)}, content_type="application/json")
    assert fout.status_code == 400 and "overlapt" in fout.json()["gestart_op"][0]
    fout = client.put(url, {"gestart_op": _tijd(agenda, 20), "gestopt_op": _tijd(agenda, 15)}, content_type="application/json")
    assert fout.status_code == 400 and "gestopt_op" in fout.json()
    assert client.put(url, {"gestart_op": _tijd(agenda, 10)}, content_type="application/json").status_code == 200
    assert Blokverloop.objects.count() == 2


def test_block_times_only_by_the_chair(client, personas, tafel, agenda):
    login(client, personas.niet_betrokken)  # a member, not the chair
    blok = agenda.blokken.first()
    url = reverse("api:tafel-bloktijd", args=[tafel.pk, agenda.pk, blok.pk])
    assert client.put(url, {"gestart_op": _tijd(agenda, 0)}, content_type="application/json").status_code == 403


def test_reflection_through_the_api_by_a_member_only(client, personas, tafel, agenda):
    login(client, personas.tafelvoorzitter)
    url = reverse("api:tafel-reflecties", args=[tafel.pk, agenda.pk])
    lid = tafel.leden.get(user=personas.niet_betrokken)
    antwoord = client.post(url, {"lid": lid.pk, "tekst": "Ik luisterde beter"}, content_type="application/json")
    assert antwoord.status_code == 201 and Reflectie.objects.get().tekst == "Ik luisterde beter"
    fout = client.post(url, {"lid": 999999, "tekst": "x"}, content_type="application/json")
    assert fout.status_code == 400 and "lid" in fout.json()
    fout = client.post(url, {"lid": lid.pk, "tekst": " "}, content_type="application/json")
    assert fout.status_code == 400 and "tekst" in fout.json()
