"""The table's pages and API: the registration form refuses without the resident's
knowledge and keeps what was typed, a table member sees the registration and not the case
file (logged), the agenda proposes and moves on what does not fit, the second editor gets a
conflict, lists have a constant number of queries."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samenwerk.casussen.models import Casus
from samenwerk.privacy.models import AuditEntry
from samenwerk.tafel import services
from samenwerk.tafel.models import Aanmelding, Bijeenkomst
from tests.auth import login
from tests.factories import casus_met_team
from tests.querycount import assert_constant_queries
from tests.tafel.conftest import gegevens, om_tien

pytestmark = pytest.mark.django_db


def _post(client, tafel, **anders):
    data = {
        "inwoner_weet_hoe": "gesprek", "inwoner_weet_op": timezone.localdate().isoformat(),
        "leefgebieden": ["wonen", "financien"], "geprobeerd": "Schuldhulp geprobeerd", "waarom_vast": "Wachten op elkaar",
        "vraag": "Wie neemt de regie?", "organisatie": "", "gebied": "", "binnengekomen_via": "",
    } | anders  # fmt: skip
    return client.post(reverse("tafel:aanmelden", args=[tafel.pk]), data)


def test_registration_without_the_residents_knowledge_keeps_what_was_typed(client, personas, tafel):
    casus = casus_met_team(personas)
    login(client, personas.professional)
    response = _post(client, tafel, inwoner_weet_hoe="", inwoner_weet_op="", casus=casus.pk)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Meld alleen aan als de inwoner ervan weet" in html
    assert "Schuldhulp geprobeerd" in html and "Wie neemt de regie?" in html
    assert not Aanmelding.objects.exists()


def test_registration_of_a_new_resident_needs_the_case_details(client, personas, tafel):
    login(client, personas.professional)
    response = _post(client, tafel, **{"inwoner-voornaam": "Kees"})
    assert response.status_code == 400
    assert "Kies het gebied van de inwoner." in response.content.decode()
    response = _post(
        client, tafel, organisatie=personas.organisatie.pk, gebied=personas.gebied.pk, binnengekomen_via="politie",
        **{"inwoner-voornaam": "Kees", "inwoner-achternaam": "Vink"},
    )  # fmt: skip
    aanmelding = Aanmelding.objects.get()
    assert response.status_code == 302
    assert (aanmelding.casus.route, aanmelding.casus.status, str(aanmelding.casus.inwoner)) == ("tafel", "triage", "Kees Vink")


def test_a_member_not_on_the_case_sees_the_registration_only_and_it_is_logged(client, personas, tafel):
    casus = casus_met_team(personas)
    aanmelding = services.meld_aan(actor=personas.professional, tafel=tafel, casus=casus, gegevens=gegevens())
    login(client, personas.niet_betrokken)
    response = client.get(reverse("tafel:aanmelding", args=[tafel.pk, aanmelding.pk]))
    assert response.status_code == 200
    assert "Wie neemt de regie?" in response.content.decode()
    rij = AuditEntry.objects.get(gebeurtenis="tafel.aanmelding.bekeken")
    assert (rij.gebruiker_id, rij.casus_id, rij.relatie, rij.actie) == (personas.niet_betrokken.pk, casus.pk, "tafellid", "read")
    assert client.get(reverse("casussen:detail", args=[casus.pk])).status_code == 404


def test_another_municipality_sees_nothing(client, personas, tafel):
    aanmelding = services.meld_aan(actor=personas.professional, tafel=tafel, casus=casus_met_team(personas), gegevens=gegevens())
    login(client, personas.professional_andere_gemeente)
    assert client.get(reverse("tafel:detail", args=[tafel.pk])).status_code == 404
    assert client.get(reverse("tafel:aanmelding", args=[tafel.pk, aanmelding.pk])).status_code == 404
    assert client.get(reverse("api:tafel-aanmelding", args=[tafel.pk, aanmelding.pk])).status_code == 404


def test_agenda_proposal_says_what_moves_on_and_the_chair_fixes_it(client, personas, tafel, bijeenkomst):
    casussen = [casus_met_team(personas) for _ in range(4)]
    for casus in casussen:
        services.meld_aan(actor=personas.professional, tafel=tafel, casus=casus, gegevens=gegevens())
    login(client, personas.tafelvoorzitter)
    url = reverse("tafel:bijeenkomst", args=[tafel.pk, bijeenkomst.pk])
    html = client.get(url).content.decode()
    assert "schuift door naar de volgende bijeenkomst" in html and casussen[3].nummer in html
    assert "10:00–10:10" in html  # check-in
    assert client.post(url, {"versie": "0", "opstellen": "1"}).status_code == 302
    assert bijeenkomst.blokken.count() == 1 + 3 * 4 + 1


def test_agenda_edit_by_a_second_editor_is_a_conflict(client, personas, tafel, bijeenkomst):
    services.meld_aan(actor=personas.professional, tafel=tafel, casus=casus_met_team(personas), gegevens=gegevens())
    services.stel_agenda_op(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, versie=0)
    blokken = list(bijeenkomst.blokken.order_by("volgorde"))
    data = {"versie": "1", "blok-TOTAL_FORMS": str(len(blokken)), "blok-INITIAL_FORMS": str(len(blokken))}
    for i, blok in enumerate(blokken):
        data |= {f"blok-{i}-blok": blok.pk, f"blok-{i}-volgorde": len(blokken) - i, f"blok-{i}-minuten": 5}
    login(client, personas.tafelvoorzitter)
    url = reverse("tafel:bijeenkomst", args=[tafel.pk, bijeenkomst.pk])
    assert client.post(url, data).status_code == 302
    assert bijeenkomst.blokken.order_by("volgorde").first().soort == "checkout"
    response = client.post(url, data)  # the same form again, with the version it had loaded
    assert response.status_code == 409
    assert "Iemand anders heeft de agenda intussen gewijzigd" in response.content.decode()


def test_agenda_pdf(client, personas, tafel, bijeenkomst):
    login(client, personas.niet_betrokken)
    response = client.get(reverse("tafel:agenda-pdf", args=[tafel.pk, bijeenkomst.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_warning_when_no_meeting_in_the_next_two_weeks(client, personas, tafel):
    login(client, personas.tafelvoorzitter)
    url = reverse("tafel:detail", args=[tafel.pk])
    assert "geen bijeenkomst van deze Tafel gepland" in client.get(url).content.decode()
    begint = om_tien(timezone.localdate() + datetime.timedelta(days=13))
    Bijeenkomst.objects.create(tafel=tafel, begint=begint, eindigt=begint, locatie="x")
    assert "geen bijeenkomst van deze Tafel gepland" not in client.get(url).content.decode()


def test_table_page_has_constant_queries(client, personas, tafel):
    login(client, personas.tafelvoorzitter)
    url = reverse("tafel:detail", args=[tafel.pk])

    def maak(n):
        for _ in range(n):
            casus = casus_met_team(personas, collega=False, proces=False)
            services.meld_aan(actor=personas.professional, tafel=tafel, casus=casus, gegevens=gegevens())
            begint = om_tien(timezone.localdate()) + datetime.timedelta(days=Bijeenkomst.objects.count() + 1)
            Bijeenkomst.objects.create(tafel=tafel, begint=begint, eindigt=begint, locatie="x")

    client.get(url)  # the municipality's settings are made with their defaults on first use
    assert_constant_queries(maak, lambda: client.get(url))


def test_agenda_page_has_constant_queries(client, personas, tafel, bijeenkomst):
    login(client, personas.tafelvoorzitter)
    url = reverse("tafel:bijeenkomst", args=[tafel.pk, bijeenkomst.pk])

    def maak(n):
        for _ in range(n):
            casus = casus_met_team(personas, collega=False, proces=False)
            services.meld_aan(actor=personas.professional, tafel=tafel, casus=casus, gegevens=gegevens())

    client.get(url)  # the municipality's settings are made with their defaults on first use
    assert_constant_queries(maak, lambda: client.get(url))


def test_api_registration_refuses_without_knowledge_then_creates(client, personas, tafel):
    casus = casus_met_team(personas)
    login(client, personas.professional)
    url = reverse("api:tafel-aanmeldingen", args=[tafel.pk])
    data = {"leefgebieden": ["wonen", "meedoen"], "geprobeerd": "x", "waarom_vast": "y", "vraag": "z", "casus": casus.pk}
    response = client.post(url, data, content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()) >= {"inwoner_weet_hoe", "inwoner_weet_op"}
    data |= {"inwoner_weet_hoe": "telefoon", "inwoner_weet_op": timezone.localdate().isoformat()}
    response = client.post(url, data, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["casus_id"] == casus.pk
    assert Casus.objects.get(pk=casus.pk).route == "tafel"


def test_api_agenda_conflict(client, personas, tafel, bijeenkomst):
    services.meld_aan(actor=personas.professional, tafel=tafel, casus=casus_met_team(personas), gegevens=gegevens())
    services.stel_agenda_op(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, versie=0)
    login(client, personas.tafelvoorzitter)
    url = reverse("api:tafel-agenda", args=[tafel.pk, bijeenkomst.pk])
    agenda = client.get(url).json()
    blokken = [{"id": b["id"], "minuten": 5} for b in agenda["blokken"]]
    assert client.put(url, {"versie": agenda["versie"], "blokken": blokken}, content_type="application/json").status_code == 200
    response = client.put(url, {"versie": agenda["versie"], "blokken": blokken}, content_type="application/json")
    assert response.status_code == 409 and response.json()["versie"] == agenda["versie"] + 1
