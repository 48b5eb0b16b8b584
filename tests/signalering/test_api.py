"""The signal API: own signals only, handle with a note, snooze with a date; field errors."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samenwerk.signalering.models import Signalering, Status
from tests.auth import login
from tests.signalering.test_pages import _te_laat

pytestmark = pytest.mark.django_db
DAG = datetime.timedelta(days=1)


@pytest.fixture
def signalering(personas):
    _te_laat(personas)
    return Signalering.objects.get(ontvanger=personas.professional)


def test_list_shows_only_my_own(client, personas, signalering):
    login(client, personas.professional)
    data = client.get(reverse("api:signaleringen")).json()
    assert [s["id"] for s in data["results"]] == [signalering.pk]
    assert data["results"][0]["soort_label"] == "Afspraak over tijd"
    assert "Geheimnaam" not in str(data)
    login(client, personas.collega_andere_organisatie)
    eigen = client.get(reverse("api:signaleringen")).json()["results"]
    assert signalering.pk not in [s["id"] for s in eigen] and len(eigen) == 1
    assert client.get(reverse("api:signaleringen"), {"status": "onzin"}).status_code == 400


def test_handle_and_its_errors(client, personas, signalering):
    login(client, personas.professional)
    url = reverse("api:signalering-afhandelen", args=[signalering.pk])
    fout = client.post(url, {"notitie": ""}, content_type="application/json")
    assert fout.status_code == 400 and "notitie" in fout.json()
    goed = client.post(url, {"notitie": "Gebeld"}, content_type="application/json")
    assert goed.status_code == 200 and goed.json()["status"] == Status.AFGEHANDELD
    opnieuw = client.post(url, {"notitie": "Nog eens"}, content_type="application/json")
    assert opnieuw.status_code == 400 and "status" in opnieuw.json()


def test_snooze_date_in_the_past_is_a_field_error(client, personas, signalering):
    login(client, personas.professional)
    url = reverse("api:signalering-uitstellen", args=[signalering.pk])
    for tot in [(timezone.localdate() - DAG).isoformat(), timezone.localdate().isoformat()]:
        response = client.post(url, {"tot": tot}, content_type="application/json")
        assert response.status_code == 400 and "tot" in response.json()
    assert client.post(url, {"tot": "geen datum"}, content_type="application/json").status_code == 400
    response = client.post(url, {"tot": (timezone.localdate() + DAG).isoformat()}, content_type="application/json")
    assert response.status_code == 200 and response.json()["status"] == Status.UITGESTELD


def test_someone_elses_signal_is_404(client, personas, signalering):
    login(client, personas.collega_andere_organisatie)
    for naam, body in [("api:signalering-afhandelen", {"notitie": "x"}), ("api:signalering-uitstellen", {"tot": "2099-01-01"})]:
        assert client.post(reverse(naam, args=[signalering.pk]), body, content_type="application/json").status_code == 404
    signalering.refresh_from_db()
    assert signalering.status == Status.OPEN
