"""Changing a meeting through the API (and the page) either changes something, with a new
version and updated invitations, or says out loud why not: a change that changes nothing, or
that touches what is fixed once planned (format, kind), is a 400 and sends no e-mail."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from samenwerk.berichten.models import Bericht
from samenwerk.casussen.models import Gebeurtenis
from samenwerk.overleg import services
from samenwerk.overleg.models import Overleg
from samenwerk.privacy.models import AuditEntry
from tests.auth import login
from tests.overleg.conftest import genodigde, over_dagen

pytestmark = pytest.mark.django_db


@pytest.fixture
def uitgenodigd(personas, overleg):
    """The meeting with one invitee who has had the invitation."""
    services.voeg_deelnemer_toe(actor=personas.professional, overleg=overleg, genodigde=genodigde())
    services.leg_lijst_akkoord_vast(actor=personas.professional, overleg=overleg, verstuurd_door="samen")
    services.nodig_uit(actor=personas.professional, overleg=overleg)
    overleg.refresh_from_db()
    return overleg


def _sporen(overleg: Overleg) -> tuple[int, int, int, int, int]:
    """Everything a change leaves behind: version, SEQUENCE, e-mails, timeline, access log."""
    overleg.refresh_from_db()
    return (
        overleg.versie,
        overleg.volgnummer,
        Bericht.objects.filter(overleg_deelnemer__overleg=overleg).count(),
        Gebeurtenis.objects.filter(casus=overleg.casus).count(),
        AuditEntry.objects.filter(gebeurtenis="overleg.gewijzigd").count(),
    )


def test_a_patch_that_changes_nothing_is_refused_and_sends_nothing(client, personas, uitgenodigd):
    login(client, personas.professional)
    url = reverse("api:overleg", args=[uitgenodigd.pk])
    voor = _sporen(uitgenodigd)
    zelfde = {"versie": uitgenodigd.versie, "notulist": {"soort": "inwoner"}, "begint": uitgenodigd.begint.isoformat()}
    for body in (zelfde, {"versie": uitgenodigd.versie}, {"versie": uitgenodigd.versie, "status": "geannuleerd"}):
        response = client.patch(url, body, content_type="application/json")
        assert response.status_code == 400, body
        assert response.json() == {
            "non_field_errors": ["Er is niets gewijzigd: alles is hetzelfde als het was. Er gaat geen nieuwe uitnodiging uit."]
        }
    assert _sporen(uitgenodigd) == voor


@pytest.mark.parametrize(("veld", "waarde"), [("vorm", "mdo_plus"), ("soort", "vervolg")])
def test_format_and_kind_are_fixed_once_planned(client, personas, uitgenodigd, veld, waarde):
    """They used to be accepted and silently ignored (200, nothing changed)."""
    login(client, personas.professional)
    voor = _sporen(uitgenodigd)
    response = client.patch(
        reverse("api:overleg", args=[uitgenodigd.pk]),
        {
            "versie": uitgenodigd.versie,
            veld: waarde,
            "notulist": {"soort": "netwerklid", "id": uitgenodigd.casus.netwerk.get().pk},
        },
        content_type="application/json",
    )
    assert response.status_code == 400 and list(response.json()) == [veld]
    assert "ligt vast zodra het overleg gepland is" in response.json()[veld][0]
    assert _sporen(uitgenodigd) == voor
    assert Overleg.objects.get(pk=uitgenodigd.pk).notulist != "Joke Buurvrouw"


def test_a_real_change_makes_a_version_and_updates_the_invitations(client, personas, uitgenodigd):
    login(client, personas.professional)
    versie, volgnummer, berichten, tijdlijn, log = _sporen(uitgenodigd)
    response = client.patch(
        reverse("api:overleg", args=[uitgenodigd.pk]),
        {"versie": versie, "begint": over_dagen(6).isoformat(), "eindigt": over_dagen(6, 11).isoformat()},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert (response.json()["versie"], response.json()["volgnummer"]) == (versie + 1, volgnummer + 1)
    assert _sporen(uitgenodigd) == (versie + 1, volgnummer + 1, berichten + 1, tijdlijn + 1, log + 1)
    assert Bericht.objects.filter(overleg_deelnemer__overleg=uitgenodigd, soort="overleg.wijziging").count() == 1


def test_the_edit_page_says_so_when_nothing_changed(client, personas, uitgenodigd):
    """The page used to say "Het overleg is gewijzigd ... bijgewerkte agenda-uitnodiging"."""
    login(client, personas.professional)
    url = reverse("overleg:bewerken", args=[uitgenodigd.casus_id, uitgenodigd.pk])
    form = client.get(url).context["form"]
    data = {naam: form[naam].value() for naam in form.fields if not form.fields[naam].disabled}
    data |= {"datum": data["datum"].isoformat(), "begintijd": "10:00", "eindtijd": "11:30"}
    data = {k: v for k, v in data.items() if v is not None}
    voor = _sporen(uitgenodigd)
    response = client.post(url, data)
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Er was niets gewijzigd. Niemand krijgt een nieuwe uitnodiging."
    ]
    assert _sporen(uitgenodigd) == voor
