"""The meeting's forms (issue 16): every error in one round, no label without a field, a
toelichting required only when a professional declines (said once, and checked), and
e-mail addresses that are e-mail addresses."""

from __future__ import annotations

import datetime
from html import unescape
from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samenwerk.casussen.models import Netwerklid
from samenwerk.overleg import links, services
from samenwerk.overleg.models import Deelnemer, Overleg
from tests.auth import login
from tests.factories import CasusFactory
from tests.overleg.conftest import gegevens, genodigde, over_dagen

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


# --- Chair and note-taker: the people involved, not free text (issue 16) ---------------------

NIET_BETROKKEN = "Kies iemand die bij deze casus betrokken is: een professional, de inwoner of iemand uit het netwerk."


def test_the_form_offers_the_people_involved_and_proposes_the_planner_as_chair(client, personas, casus):
    login(client, personas.professional)
    html = unescape(client.get(reverse("overleg:nieuw", args=[casus.pk])).content.decode())
    ik = casus.betrokkenen.get(user=personas.professional)
    collega = casus.betrokkenen.get(user=personas.collega_andere_organisatie)
    lid = casus.netwerk.get()
    for waarde, naam in [
        (f"betrokkene:{ik.pk}", str(personas.professional)),
        (f"betrokkene:{collega.pk}", str(personas.collega_andere_organisatie)),
        ("inwoner", "Fenna Testinwoner"),
        (f"netwerklid:{lid.pk}", "Joke Buurvrouw"),
    ]:
        assert html.count(f'<option value="{waarde}"') == 2, waarde  # chair and note-taker
        assert f">{naam}</option>" in html
    assert html.count(f'<option value="betrokkene:{ik.pk}" selected>') == 1
    # nobody else: two professionals, one resident, one network member, in each of the two selects
    assert [html.count(f'<option value="{soort}') for soort in ("betrokkene:", "inwoner", "netwerklid:")] == [4, 2, 2]


def test_someone_who_left_the_case_is_not_offered_nor_accepted(personas, casus):
    collega = casus.betrokkenen.get(user=personas.collega_andere_organisatie)
    casus.betrokkenen.filter(pk=collega.pk).update(tot=timezone.localdate())
    assert ("betrokkene", collega.pk) not in dict(services.betrokken_mensen(casus))
    with pytest.raises(ValidationError) as fout:
        services.plan_overleg(actor=personas.professional, casus=casus, gegevens=gegevens(notulist=("betrokkene", collega.pk)))
    assert fout.value.message_dict == {"notulist": [NIET_BETROKKEN]}


def test_a_chair_who_is_not_involved_is_refused_and_the_choices_are_kept(client, personas, casus):
    login(client, personas.professional)
    elders = CasusFactory(
        gebied=personas.gebied, professional=personas.collega_andere_organisatie, organisatie=personas.andere_organisatie
    )
    lid = casus.netwerk.get()
    vreemde = f"betrokkene:{elders.betrokkenen.get().pk}"
    response = client.post(reverse("overleg:nieuw", args=[casus.pk]), _data(voorzitter=vreemde, notulist=f"netwerklid:{lid.pk}"))
    html = unescape(response.content.decode())
    assert response.status_code == 400 and NIET_BETROKKEN in html
    assert f'<option value="netwerklid:{lid.pk}" selected>' in html
    assert not Overleg.objects.exists()


def test_the_api_takes_a_person_involved_and_refuses_anyone_else(client, personas, casus):
    login(client, personas.professional)
    url = reverse("api:overleggen", args=[casus.pk])
    elders = CasusFactory(gebied=personas.gebied, professional=personas.professional, organisatie=personas.organisatie)
    vreemde = Netwerklid.objects.create(casus=elders, naam="Vreemde Buur", relatie="buurman", rol="buur")
    body = {
        "doel": "Rust", "begint": over_dagen(3).isoformat(), "eindigt": over_dagen(3, 11).isoformat(),
        "voorzitter": {"soort": "netwerklid", "id": vreemde.pk}, "notulist": {"soort": "inwoner"},
    }  # fmt: skip
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 400 and response.json() == {"voorzitter": [NIET_BETROKKEN]}
    for onzin in ("Petra", {"soort": "inwoner", "id": 3}, {"soort": "netwerklid"}, {"soort": "buurman", "id": 1}):
        response = client.post(url, body | {"voorzitter": onzin}, content_type="application/json")
        assert response.status_code == 400 and list(response.json()) == ["voorzitter"], onzin
    assert not Overleg.objects.exists()
    lid = casus.netwerk.get()
    goed = client.post(url, body | {"voorzitter": {"soort": "netwerklid", "id": lid.pk}}, content_type="application/json")
    assert goed.status_code == 201
    assert goed.json()["voorzitter"] == {"soort": "netwerklid", "id": lid.pk, "naam": "Joke Buurvrouw"}
    assert goed.json()["notulist"] == {"soort": "inwoner", "id": None, "naam": "Fenna Testinwoner"}
    overleg = Overleg.objects.get()
    assert (overleg.voorzitter_netwerklid, overleg.notulist_soort) == (lid, "inwoner")


def test_the_migration_links_typed_names_that_match_one_person_and_keeps_the_rest(personas, casus, overleg):
    """Migration 0003 on meetings planned when the names were typed."""
    koppel = import_module("samenwerk.overleg.migrations.0003_voorzitter_en_notulist_uit_de_betrokkenen").koppel
    ik = casus.betrokkenen.get(user=personas.professional)
    Overleg.objects.update(voorzitter=f" {str(personas.professional).upper()} ", notulist="Karel", voorzitter_soort="",
                           notulist_soort="")  # fmt: skip
    tweede = services.plan_overleg(actor=personas.professional, casus=casus, gegevens=gegevens())
    Overleg.objects.filter(pk=tweede.pk).update(voorzitter="Joke Buurvrouw", notulist="Fenna Testinwoner", voorzitter_soort="",
                                                notulist_soort="")  # fmt: skip
    koppel(apps, None)
    overleg.refresh_from_db()
    tweede.refresh_from_db()
    assert (overleg.keuze("voorzitter"), overleg.keuze("notulist"), overleg.notulist) == (("betrokkene", ik.pk), None, "Karel")
    assert (tweede.keuze("voorzitter"), tweede.keuze("notulist")) == (("netwerklid", casus.netwerk.get().pk), ("inwoner", None))


def test_a_meeting_with_a_typed_name_shows_it_and_can_change_without_choosing(client, personas, overleg):
    """A meeting from before the choice: the edit form says what was typed and asks who it is;
    the API changes other fields and leaves the typed names alone."""
    Overleg.objects.update(voorzitter="Petra <b>", voorzitter_soort="", notulist="Karel", notulist_soort="")
    login(client, personas.professional)
    html = client.get(reverse("overleg:bewerken", args=[overleg.casus_id, overleg.pk])).content.decode()
    assert "Eerder ingevuld: Petra &lt;b&gt;. Kies wie dat is." in html and "Eerder ingevuld: Karel." in html
    response = client.patch(reverse("api:overleg", args=[overleg.pk]), {"doel": "Nieuw doel", "versie": 0}, "application/json")
    assert response.status_code == 200
    assert response.json()["voorzitter"] == {"soort": "", "id": None, "naam": "Petra <b>"}
    assert Overleg.objects.values_list("doel", "voorzitter", "notulist").get() == ("Nieuw doel", "Petra <b>", "Karel")
