"""The chair's view: the clock per block (overlapping times refused), notes, tips without
reaction, triage, gedragen decisions with objections, the duo (a table member; suggested by
expertise; warned when the resident knows neither), reflections; all on one page."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samenwerk.casussen.models import Betrokkene
from samenwerk.privacy.models import AuditEntry
from samenwerk.tafel import services
from samenwerk.tafel.models import Blokverloop, Tafellid
from tests.auth import login
from tests.factories import RoltoewijzingFactory, UserFactory, casus_met_team
from tests.querycount import assert_constant_queries
from tests.tafel.conftest import gegevens

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda(personas, tafel, bijeenkomst):
    casus = casus_met_team(personas, collega=False, proces=False)
    aanmelding = services.meld_aan(
        actor=personas.professional, tafel=tafel, casus=casus, gegevens=gegevens(leefgebieden=["gezondheid", "wonen"])
    )
    services.stel_agenda_op(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, versie=0)
    aanmelding.refresh_from_db()
    return aanmelding


def _blok(bijeenkomst, soort):
    return bijeenkomst.blokken.get(soort=soort)


def test_overlapping_block_times_are_refused(personas, bijeenkomst, agenda):
    start = bijeenkomst.begint
    services.leg_bloktijd_vast(actor=personas.tafelvoorzitter, blok=_blok(bijeenkomst, "checkin"), gestart_op=start,
                               gestopt_op=start + datetime.timedelta(minutes=12))  # fmt: skip
    with pytest.raises(ValidationError) as fout:
        services.leg_bloktijd_vast(actor=personas.tafelvoorzitter, blok=_blok(bijeenkomst, "inbreng"),
                                   gestart_op=start + datetime.timedelta(minutes=11),
                                   gestopt_op=start + datetime.timedelta(minutes=20))  # fmt: skip
    assert "overlapt" in str(fout.value)
    services.leg_bloktijd_vast(actor=personas.tafelvoorzitter, blok=_blok(bijeenkomst, "inbreng"),
                               gestart_op=start + datetime.timedelta(minutes=12),
                               gestopt_op=start + datetime.timedelta(minutes=18))  # fmt: skip


def test_a_typed_block_time_lies_on_the_meetings_day(personas, bijeenkomst, agenda):
    with pytest.raises(ValidationError) as fout:
        services.leg_bloktijd_vast(actor=personas.tafelvoorzitter, blok=_blok(bijeenkomst, "checkin"),
                                   gestart_op=bijeenkomst.begint - datetime.timedelta(days=1))  # fmt: skip
    assert "dag van de bijeenkomst" in str(fout.value)


def test_starting_a_block_stops_the_running_one(personas, bijeenkomst, agenda):
    services.start_blok(actor=personas.tafelvoorzitter, blok=_blok(bijeenkomst, "checkin"))
    services.start_blok(actor=personas.tafelvoorzitter, blok=_blok(bijeenkomst, "inbreng"))
    checkin = Blokverloop.objects.get(blok__soort="checkin")
    inbreng = Blokverloop.objects.get(blok__soort="inbreng")
    assert checkin.gestopt_op is not None and checkin.gestopt_op <= inbreng.gestart_op
    services.stop_blok(actor=personas.tafelvoorzitter, blok=_blok(bijeenkomst, "inbreng"))
    assert Blokverloop.objects.get(blok__soort="inbreng").gestopt_op is not None


def test_duo_partner_must_be_a_table_member_and_a_warning_when_the_resident_knows_neither(personas, tafel, agenda):
    buiten = UserFactory()
    RoltoewijzingFactory(user=buiten, gemeente=personas.gemeente, organisatie=personas.organisatie)
    vreemd = Tafellid(pk=999999, tafel_id=tafel.pk, user=buiten, organisatie=personas.organisatie)
    terug = timezone.localdate() + datetime.timedelta(weeks=6)
    with pytest.raises(ValidationError) as fout:
        services.leg_afspraken_vast(actor=personas.tafelvoorzitter, aanmelding=agenda, regievoerder=personas.professional,
                                    duo=vreemd, terug_op=terug)  # fmt: skip
    assert "lid is van deze Tafel" in str(fout.value)
    duo = tafel.leden.get(user=personas.collega_andere_organisatie)
    _afspraken, waarschuwingen = services.leg_afspraken_vast(
        actor=personas.tafelvoorzitter, aanmelding=agenda, regievoerder=personas.professional, duo=duo, terug_op=terug
    )
    assert waarschuwingen and "kent de regievoerder en de duopartner allebei niet" in waarschuwingen[0]
    rollen = {b.user_id: b.rol for b in Betrokkene.objects.actief().filter(casus=agenda.casus)}
    assert rollen[personas.professional.pk] == "casusregisseur"
    assert rollen[personas.collega_andere_organisatie.pk] == "deelnemer"  # the duo now takes part in the case
    _afspraken, waarschuwingen = services.leg_afspraken_vast(
        actor=personas.tafelvoorzitter, aanmelding=agenda, regievoerder=personas.professional, duo=duo, terug_op=terug,
        duo_bekend=True,
    )  # fmt: skip
    assert waarschuwingen == []


def test_duo_suggestions_follow_the_life_domains(personas, tafel, agenda):
    leden = list(tafel.leden.actief())
    # the registration names gezondheid and wonen; the colleague's expertise is gezondheid, the other's netwerk
    assert [lid.user for lid in services.duo_suggesties(agenda, leden)] == [personas.collega_andere_organisatie]


def test_a_decision_records_each_objection_and_who_gave_it(personas, tafel, bijeenkomst, agenda):
    lid = tafel.leden.get(user=personas.niet_betrokken)
    besluit = services.leg_besluit_vast(
        actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, tekst="De casus is geschikt", aanmelding=agenda,
        bezwaren=[services.Gehoord(door=lid, tekst="Eerst schuldhulp afwachten")],
    )  # fmt: skip
    assert [(b.door.user, b.tekst) for b in besluit.bezwaren.all()] == [(personas.niet_betrokken, "Eerst schuldhulp afwachten")]
    with pytest.raises(ValidationError):
        services.leg_besluit_vast(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, tekst="x",
                                  bezwaren=[services.Gehoord(door=lid, tekst=" ")])  # fmt: skip


def test_only_the_chair_records_at_the_table(personas, tafel, bijeenkomst, agenda):
    lid = tafel.leden.get(user=personas.niet_betrokken)
    with pytest.raises(ValidationError):
        services.geef_tip(actor=personas.niet_betrokken, bijeenkomst=bijeenkomst, aanmelding=agenda, van=lid, tekst="x")


def test_the_chairs_view_page_walk(client, personas, tafel, bijeenkomst, agenda):
    login(client, personas.tafelvoorzitter)
    url = reverse("tafel:voorzitter", args=[tafel.pk, bijeenkomst.pk])
    html = client.get(url).content.decode()
    assert "Tips, zonder reactie" in html and "Voorgesteld als duopartner" in html
    assert AuditEntry.objects.filter(gebeurtenis="tafel.voorzitter.bekeken", casus_id=agenda.casus_id).exists()
    lid = tafel.leden.get(user=personas.niet_betrokken)
    assert (
        client.post(url, {"actie": "tip", "aanmelding": agenda.pk, "van": lid.pk, "tekst": "Bel de huisarts"}).status_code == 302
    )
    response = client.post(url, {"actie": "triage", "aanmelding": agenda.pk, "triage": "geschikt", "triage_reden": ""})
    assert response.status_code == 400
    assert "Schrijf op waarom de Tafel zo besloot." in response.content.decode()
    data = {"actie": "triage", "aanmelding": agenda.pk, "triage": "geschikt", "triage_reden": "Meer leefgebieden, vast"}
    assert client.post(url, data).status_code == 302
    vreemd = {"actie": "afspraken", "aanmelding": agenda.pk, "regievoerder": personas.professional.pk, "duo": "",
              "terug_op": (timezone.localdate() + datetime.timedelta(weeks=6)).isoformat()}  # fmt: skip
    response = client.post(url, vreemd)
    assert response.status_code == 400 and "lid is van deze Tafel" in response.content.decode()
    duo = tafel.leden.get(user=personas.collega_andere_organisatie)
    response = client.post(url, vreemd | {"duo": duo.pk}, follow=True)
    assert "allebei niet" in response.content.decode()
    agenda.refresh_from_db()
    assert agenda.triage == "geschikt" and agenda.afspraken.duo == duo
    blok = _blok(bijeenkomst, "checkin")
    assert client.post(url, {"actie": "start", "blok": blok.pk}).status_code == 302
    assert client.post(url, {"actie": "notities", "blok": blok.pk, "notities": "Iedereen aanwezig"}).status_code == 302
    assert client.post(url, {"actie": "reflectie", "lid": lid.pk, "tekst": "Goed gesprek"}).status_code == 302
    html = client.get(url).content.decode()
    assert "Bel de huisarts" in html and "Iedereen aanwezig" in html and "Goed gesprek" in html


def test_the_chairs_view_has_constant_queries(client, personas, tafel, bijeenkomst, agenda):
    login(client, personas.tafelvoorzitter)
    url = reverse("tafel:voorzitter", args=[tafel.pk, bijeenkomst.pk])
    lid = tafel.leden.get(user=personas.niet_betrokken)

    def maak(n):
        for _ in range(n):
            services.geef_tip(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, aanmelding=agenda, van=lid, tekst="t")
            services.leg_besluit_vast(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, tekst="b",
                                      bezwaren=[services.Gehoord(door=lid, tekst="z")])  # fmt: skip

    client.get(url)
    assert_constant_queries(maak, lambda: client.get(url))


def test_api_triage_and_afspraken(client, personas, tafel, agenda):
    login(client, personas.tafelvoorzitter)
    url = reverse("api:tafel-triage", args=[tafel.pk, agenda.pk])
    response = client.post(url, {"triage": "geschikt", "triage_reden": ""}, content_type="application/json")
    assert response.status_code == 400 and "triage_reden" in response.json()
    assert client.post(url, {"triage": "geschikt", "triage_reden": "Past"}, content_type="application/json").status_code == 200
    url = reverse("api:tafel-afspraken", args=[tafel.pk, agenda.pk])
    terug = (timezone.localdate() + datetime.timedelta(weeks=6)).isoformat()
    data = {"regievoerder": personas.professional.pk, "duo": None, "terug_op": terug}
    response = client.post(url, data, content_type="application/json")
    assert response.status_code == 400 and "duo" in response.json()
    duo = tafel.leden.get(user=personas.collega_andere_organisatie)
    response = client.post(url, data | {"duo": duo.pk}, content_type="application/json")
    assert response.status_code == 200 and response.json()["waarschuwingen"]
    login(client, personas.niet_betrokken)
    assert client.post(url, data | {"duo": duo.pk}, content_type="application/json").status_code == 403
