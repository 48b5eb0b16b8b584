"""The meeting's forms (issue 16): every error in one round, no label without a field, a
toelichting required only when a professional declines (said once, and checked), and
e-mail addresses that are e-mail addresses."""

from __future__ import annotations

import datetime
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from samenwerk.overleg import links, services
from samenwerk.overleg.models import Deelnemer, Overleg
from tests.auth import login
from tests.overleg.conftest import genodigde, over_dagen

pytestmark = pytest.mark.django_db


def _data(**anders):
    return {
        "vorm": "samenwerkwijze", "soort": "eerste", "doel": "Rust in geldzaken", "datum": over_dagen(4).date().isoformat(),
        "begintijd": "10:00", "eindtijd": "11:30", "bij_inwoner_thuis": "ja", "voorzitter": "inwoner", "notulist": "inwoner",
    } | anders  # fmt: skip


def test_a_past_meeting_is_flagged_together_with_the_other_errors(client, personas, casus):
    login(client, personas.professional)
    gisteren = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client.post(reverse("overleg:nieuw", args=[casus.pk]), _data(datum=gisteren, doel="", notulist=""))
    html = unescape(response.content.decode())
    assert response.status_code == 400
    assert "Het overleg moet in de toekomst liggen." in html and html.count("Dit veld is vereist.") == 2
    response = client.post(reverse("overleg:nieuw", args=[casus.pk]), _data(eindtijd="09:00", voorzitter=""))
    html = unescape(response.content.decode())
    assert "Het overleg moet eindigen na het begin." in html and "Dit veld is vereist." in html
    assert not Overleg.objects.exists()


def test_the_edit_form_has_no_label_for_its_hidden_version(client, personas, overleg):
    login(client, personas.professional)
    html = client.get(reverse("overleg:bewerken", args=[overleg.casus_id, overleg.pk])).content.decode()
    assert 'type="hidden" name="versie"' in html and ">Versie" not in html


@pytest.fixture
def uitnodiging(personas, overleg):
    services.voeg_deelnemer_toe(actor=personas.professional, overleg=overleg, genodigde=genodigde())
    return reverse("uitnodiging:antwoord", args=[links.token_voor(Deelnemer.objects.get())])


def test_a_professional_declining_is_asked_why_once(client, uitnodiging):
    html = unescape(client.get(uitnodiging).content.decode())
    assert "Toelichting</label>" in html and "Verplicht als u niet komt: schrijf kort waarom." in html
    assert "(verplicht als u niet komt)" not in html
    response = client.post(uitnodiging, {"komt": "nee", "toelichting": " "})
    assert response.status_code == 400
    assert "Schrijf kort waarom u niet komt." in unescape(response.content.decode())
    assert client.post(uitnodiging, {"komt": "nee", "toelichting": "Ziek"}).status_code == 302


def test_forwarding_needs_a_real_e_mail_address(client, uitnodiging):
    token = uitnodiging.rstrip("/").split("/")[-1]
    url = reverse("uitnodiging:doorsturen", args=[token])
    response = client.post(url, {"naam": "Kees", "email": "geen-email"})
    assert response.status_code == 400
    assert "Dit is geen geldig e-mailadres" in unescape(response.content.decode())
    assert Deelnemer.objects.count() == 1


def test_inviting_someone_needs_a_real_e_mail_address(client, personas, overleg):
    login(client, personas.professional)
    url = reverse("overleg:deelnemer", args=[overleg.casus_id, overleg.pk])
    response = client.post(url, {"soort": "professional", "naam": "Wim", "email": "geen-email", "reden": "kennis"})
    assert response.status_code == 400
    assert "Dit is geen geldig e-mailadres" in unescape(response.content.decode())
    assert not Deelnemer.objects.exists()
