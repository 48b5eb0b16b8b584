"""The API walks the same flow as the pages: register, consent, plan, agreements,
evaluation with a second round, close — with 400/403/404/409 where they belong."""

import datetime

import pytest
from django.urls import reverse

from samenwerk.plannen.models import PLANVELDEN, PlanVersie, Samenwerkplan
from samenwerk.privacy.models import AuditEntry
from tests.auth import login
from tests.factories import CasusFactory, casus_met_team
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db
VANDAAG = datetime.date.today()


def test_the_whole_flow_through_the_api(client, personas):
    login(client, personas.professional)
    body = {
        "inwoner": {"voornaam": "Fenna", "achternaam": "Testinwoner", "email": "fenna@inwoner.example"},
        "organisatie": personas.organisatie.pk,
        "gebied": personas.gebied.pk,
        "binnengekomen_via": "huisarts",
    }
    response = client.post(reverse("api:casussen"), body, content_type="application/json")
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert response.json()["status"] == "aangemeld"

    # no plan without consent
    plan = {"versie": 0, "ik_wil": "Weer rust", "welzijnscijfer": 4}
    response = client.patch(reverse("api:plan", args=[pk]), plan, content_type="application/json")
    assert response.status_code == 400 and "toestemming" in str(response.json())

    response = client.post(
        reverse("api:casus-toestemmingen", args=[pk]),
        {"doel": "samenwerkwijze", "gegeven": True, "wijze": "mondeling"},
        content_type="application/json",
    )
    assert response.status_code == 201
    response = client.patch(reverse("api:plan", args=[pk]), plan, content_type="application/json")
    assert response.status_code == 200 and response.json()["versie"] == 1

    # a stale version is a conflict, not an overwrite
    response = client.patch(
        reverse("api:plan", args=[pk]), {"versie": 0, "ik_wil": "Iets anders"}, content_type="application/json"
    )
    assert response.status_code == 409
    assert response.json()["gewijzigde_velden"] == ["ik_wil", "welzijnscijfer"]

    response = client.post(
        reverse("api:plan-afspraken", args=[pk]), {"wie": "inwoner", "wat": "Huisarts bellen"}, content_type="application/json"
    )
    assert response.status_code == 201
    afspraak = response.json()
    assert afspraak["uiterlijke_datum"] == (VANDAAG + datetime.timedelta(weeks=6)).isoformat() and afspraak["ronde"] == 0
    response = client.post(reverse("api:plan-afspraak-voltooid", args=[pk, afspraak["id"]]))
    assert response.json()["voltooid_op"] == VANDAAG.isoformat()

    evaluatie = {"acties_gedaan": "alle", "verdere_acties_nodig": True, "welzijnscijfer": 7}
    response = client.post(reverse("api:plan-evaluaties", args=[pk]), evaluatie, content_type="application/json")
    assert response.status_code == 201 and [r["nummer"] for r in response.json()["rondes"]] == [0, 1]
    response = client.post(
        reverse("api:plan-afspraken", args=[pk]), {"wie": "inwoner", "wat": "Sporten"}, content_type="application/json"
    )
    assert response.json()["ronde"] == 1

    response = client.post(
        reverse("api:casus-status", args=[pk]), {"naar": "afgesloten", "reden": "Doel bereikt"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["status"] == "afgesloten"
    assert AuditEntry.objects.filter(casus_id=pk, kanaal="api").count() >= 8


def test_bad_input_is_400_with_dutch_field_errors(client, personas):
    casus = CasusFactory(
        gebied=personas.gebied, met_toestemming=True, professional=personas.professional, organisatie=personas.organisatie
    )
    login(client, personas.professional)
    response = client.patch(
        reverse("api:plan", args=[casus.pk]), {"versie": 0, "welzijnscijfer": 11}, content_type="application/json"
    )
    assert response.status_code == 400 and "welzijnscijfer" in response.json()
    client.patch(reverse("api:plan", args=[casus.pk]), {"versie": 0, "ik_wil": "x"}, content_type="application/json")
    late = (VANDAAG + datetime.timedelta(weeks=8)).isoformat()
    response = client.post(
        reverse("api:plan-afspraken", args=[casus.pk]),
        {"wie": "professional", "wat": "x", "uiterlijke_datum": late},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"betrokkene", "perspectief"}
    response = client.post(reverse("api:casussen"), {"inwoner": {}, "binnengekomen_via": "raam"}, content_type="application/json")
    assert response.status_code == 400 and {"inwoner", "organisatie", "gebied", "binnengekomen_via"} <= set(response.json())
    response = client.post(reverse("api:casus-status", args=[casus.pk]), {"naar": "afgesloten"}, content_type="application/json")
    assert response.status_code == 400 and response.json() == {"reden": ["Geef een reden om de casus af te sluiten."]}


def _heel_plan(**anders: object) -> dict[str, object]:
    leeg = {veld: None if veld in ("welzijnscijfer", "overleg_nodig", "evaluatie_datum") else "" for veld in PLANVELDEN}
    return leeg | anders


def test_put_saves_the_whole_form_and_refuses_a_partial_one(client, personas):
    """A PUT that leaves fields out used to save them empty; now it names what is missing."""
    casus = CasusFactory(
        gebied=personas.gebied, met_toestemming=True, professional=personas.professional, organisatie=personas.organisatie
    )
    login(client, personas.professional)
    url = reverse("api:plan", args=[casus.pk])
    response = client.put(
        url, _heel_plan(versie=0, ik_wil="Weer rust", welzijnscijfer=4, wonen="Huur"), content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["versie"] == 1

    response = client.put(url, {"versie": 1, "ik_wil": "Alleen dit"}, content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()) == set(PLANVELDEN) - {"ik_wil"}
    assert response.json()["wonen"] == ["Dit veld is vereist."]
    plan = Samenwerkplan.objects.get(casus=casus)
    assert (plan.versie, plan.ik_wil, plan.welzijnscijfer, plan.wonen) == (1, "Weer rust", 4, "Huur")

    # emptying a field on purpose is still possible: send it empty
    response = client.put(url, _heel_plan(versie=1, ik_wil="Weer rust", welzijnscijfer=4), content_type="application/json")
    assert response.status_code == 200 and response.json()["wonen"] == "" and response.json()["versie"] == 2


def test_patch_changes_only_the_fields_sent(client, personas):
    casus = CasusFactory(
        gebied=personas.gebied, met_toestemming=True, professional=personas.professional, organisatie=personas.organisatie
    )
    login(client, personas.professional)
    url = reverse("api:plan", args=[casus.pk])
    client.patch(url, {"versie": 0, "ik_wil": "Weer rust", "wonen": "Huur"}, content_type="application/json")
    response = client.patch(url, {"versie": 1, "welzijnscijfer": 6}, content_type="application/json")
    assert response.status_code == 200
    data = response.json()
    assert (data["versie"], data["ik_wil"], data["wonen"], data["welzijnscijfer"]) == (2, "Weer rust", "Huur", 6)
    assert PlanVersie.objects.get(plan__casus=casus, nummer=2).gewijzigde_velden == ["welzijnscijfer"]

    response = client.patch(url, {"welzijnscijfer": 7}, content_type="application/json")
    assert response.status_code == 400 and response.json() == {"versie": ["Geef de versie mee waarvan u uitging."]}
    response = client.patch(url, {"versie": 1, "welzijnscijfer": 7}, content_type="application/json")
    assert response.status_code == 409 and response.json()["gewijzigde_velden"] == ["welzijnscijfer"]
    assert Samenwerkplan.objects.get(casus=casus).welzijnscijfer == 6


@pytest.mark.parametrize(
    ("persona", "detail", "plan"),
    [
        ("professional", 200, 404),
        ("collega_andere_organisatie", 200, 404),
        ("procesregisseur", 200, 403),
        ("niet_betrokken", 404, 404),
        ("manager", 404, 404),
        ("professional_andere_gemeente", 404, 404),
    ],
)
def test_visibility_in_the_api(client, personas, persona, detail, plan):
    casus = casus_met_team(personas)
    login(client, getattr(personas, persona))
    response = client.get(reverse("api:casus", args=[casus.pk]))
    assert response.status_code == detail
    if detail == 200:
        assert (response.json()["inwoner"] is None) == (persona == "procesregisseur")
    assert client.get(reverse("api:plan", args=[casus.pk])).status_code == plan  # no plan yet: 404 for who may see it


def test_only_the_casusregisseur_changes_status_through_the_api(client, personas):
    casus = CasusFactory(gebied=personas.gebied, professional=personas.professional, organisatie=personas.organisatie)
    casus.betrokkenen.create(user=personas.collega_andere_organisatie, organisatie=personas.andere_organisatie)
    login(client, personas.collega_andere_organisatie)
    response = client.post(reverse("api:casus-status", args=[casus.pk]), {"naar": "toestemming"}, content_type="application/json")
    assert response.status_code == 403


def test_case_list_api_query_count_is_constant(client, personas):
    login(client, personas.professional)
    assert_constant_queries(
        lambda n: CasusFactory.create_batch(
            n, gebied=personas.gebied, professional=personas.professional, organisatie=personas.organisatie
        ),
        lambda: client.get(reverse("api:casussen"), {"gemeente": "testwijde"}),
    )
    assert client.get(reverse("api:casussen"), {"gemeente": "elders"}).status_code == 404
    assert client.get(reverse("api:casussen"), {"status": "ruimte"}).status_code == 400
