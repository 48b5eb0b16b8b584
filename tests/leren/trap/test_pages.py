"""The pages and the API of the upper steps: Dutch errors with nothing typed lost, 400/409
in the API, constant query counts on every list."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samenwerk.leren.models import Dilemma, Leerdocument, Niveau, Trapoverleg
from samenwerk.leren.trap import documenten, services
from tests.auth import login
from tests.pdf import pdf_tekst
from tests.querycount import assert_constant_queries

from .conftest import actieleren, dilemma, om

pytestmark = pytest.mark.django_db


def _bovenaan(personas) -> Dilemma:  # type: ignore[no-untyped-def]
    d = dilemma(personas)
    services.escaleer_dilemma(actor=personas.professional, dilemma=d, toelichting="Naar de managers")
    services.escaleer_dilemma(actor=personas.manager, dilemma=d, toelichting="Naar de bestuurders")
    d.refresh_from_db()
    return d


def test_raise_a_dilemma_on_the_page(client, personas):
    login(client, personas.professional)
    pagina = client.get(reverse("leren:dilemma-nieuw"))
    assert pagina.status_code == 200 and "Wat heb ik nodig?" in pagina.content.decode()
    leeg = client.post(
        reverse("leren:dilemma-nieuw"), {"titel": "Te weinig tijd", "wat_wil_ik": "Meer overleg", "niveau": "professional"}
    )
    assert leeg.status_code == 400
    html = leeg.content.decode()
    assert "Te weinig tijd" in html and "Meer overleg" in html  # nothing typed is lost
    antwoord = client.post(
        reverse("leren:dilemma-nieuw"),
        {"titel": "Te weinig tijd", "wat_wil_ik": "Meer overleg", "wat_kan_ik": "Zelf plannen", "wat_heb_ik_nodig": "Uren",
         "niveau": "professional"},
    )  # fmt: skip
    d = Dilemma.objects.get()
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("leren:dilemma-detail", args=[d.pk])


def test_escalating_past_the_steungroep_is_a_dutch_error_on_the_page_and_400_in_the_api(client, personas):
    d = _bovenaan(personas)
    login(client, personas.bestuurder)
    pagina = client.get(reverse("leren:dilemma-detail", args=[d.pk]))
    assert "De steungroep is het hoogste niveau" in pagina.content.decode()
    antwoord = client.post(
        reverse("leren:dilemma-escaleren", args=[d.pk]), {"escaleer-toelichting": "Nog hoger graag", "escaleer-versie": d.versie}
    )
    assert antwoord.status_code == 400
    assert "De steungroep is het hoogste niveau: een dilemma kan niet verder omhoog." in antwoord.content.decode()
    assert "Nog hoger graag" in antwoord.content.decode()
    api = client.post(
        reverse("api:leren-dilemma-escaleren", args=[d.pk]), {"toelichting": "Nog hoger"}, content_type="application/json"
    )
    assert api.status_code == 400 and "hoogste niveau" in api.json()["niveau"][0]


def test_a_stale_form_is_a_conflict_not_a_lost_edit(client, personas):
    d = dilemma(personas)
    services.behandel_dilemma(actor=personas.gebiedsaanjager, dilemma=d, tekst="Intussen besproken")
    login(client, personas.professional)
    antwoord = client.post(
        reverse("leren:dilemma-oplossen", args=[d.pk]), {"oplossing-oplossing": "Mijn oplossing", "oplossing-versie": 0}
    )
    assert antwoord.status_code == 409 and "Mijn oplossing" in antwoord.content.decode()
    api = client.post(
        reverse("api:leren-dilemma-oplossen", args=[d.pk]), {"oplossing": "x", "versie": 0}, content_type="application/json"
    )
    assert api.status_code == 409 and api.json()["versie"] == 1


def test_the_dilemma_api_walks_the_staircase(client, personas):
    login(client, personas.professional)
    nieuw = client.post(
        reverse("api:leren-dilemmas"),
        {"gemeente": personas.gemeente.pk, "titel": "API", "wat_wil_ik": "a", "wat_kan_ik": "b", "wat_heb_ik_nodig": "c"},
        content_type="application/json",
    )
    assert nieuw.status_code == 201 and nieuw.json()["niveau"] == "professional"
    pk = nieuw.json()["id"]
    fout = client.post(
        reverse("api:leren-dilemmas"), {"gemeente": personas.gemeente.pk, "titel": "", "wat_wil_ik": "", "wat_kan_ik": "",
                                        "wat_heb_ik_nodig": ""}, content_type="application/json",
    )  # fmt: skip
    assert fout.status_code == 400 and set(fout.json()) >= {"titel", "wat_wil_ik", "wat_kan_ik", "wat_heb_ik_nodig"}
    op = client.post(reverse("api:leren-dilemma-escaleren", args=[pk]), {"toelichting": "Hoger"}, content_type="application/json")
    assert op.status_code == 200 and op.json()["niveau"] == "netwerkoverleg"
    assert [s["niveau"] for s in op.json()["stappen"]] == ["professional", "netwerkoverleg"]
    assert (
        client.post(
            reverse("api:leren-dilemma-oplossen", args=[pk]), {"oplossing": "x"}, content_type="application/json"
        ).status_code
        == 403
    )
    niveaus = client.get(reverse("api:leren-dilemma-niveaus"))
    assert {n["niveau"]: n["open"] for n in niveaus.json()} == {"professional": 0, "netwerkoverleg": 1, "steungroep": 0}


def test_plan_a_meeting_and_record_it_on_the_page(client, personas):
    login(client, personas.manager)
    dag = timezone.localdate() + datetime.timedelta(days=10)
    antwoord = client.post(
        reverse("leren:overleg-nieuw"),
        {"soort": "netwerkoverleg", "datum": dag.isoformat(), "begintijd": "15:00", "eindtijd": "17:00", "locatie": "Raadzaal",
         "voorzitter": personas.manager.pk, "genodigden": [personas.gebiedsaanjager.pk]},
    )  # fmt: skip
    overleg = Trapoverleg.objects.get()
    assert antwoord.status_code == 302 and overleg.begint == om(dag)
    detail = reverse("leren:overleg-detail", args=[overleg.pk])
    assert client.post(reverse("leren:overleg-besluit", args=[overleg.pk]), {"besluit-tekst": ""}).status_code == 400
    assert (
        client.post(reverse("leren:overleg-besluit", args=[overleg.pk]), {"besluit-tekst": "Kerngroep instellen"})["Location"]
        == detail
    )
    assert "Kerngroep instellen" in client.get(detail).content.decode()
    login(client, personas.bestuurder)  # not invited, not the kind's role
    assert client.get(detail).status_code == 404
    login(client, personas.gebiedsaanjager)  # the aanjagers take part in the netwerkoverleg
    assert client.get(detail).status_code == 200


def test_steungroep_is_only_for_executives(client, personas):
    login(client, personas.manager)
    dag = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    antwoord = client.post(
        reverse("leren:overleg-nieuw"), {"soort": "steungroep", "datum": dag, "begintijd": "15:00", "eindtijd": "17:00"}
    )
    assert antwoord.status_code == 400 and not Trapoverleg.objects.exists()


def test_edit_a_document_with_versions_and_download_the_pdf(client, personas):
    vandaag = timezone.localdate()
    document = documenten.maak_document(
        actor=personas.gebiedsaanjager, gemeente=personas.gemeente, soort="bundel", van=vandaag - datetime.timedelta(days=90),
        tot=vandaag, gebied=personas.gebied,
    )  # fmt: skip
    login(client, personas.gebiedsaanjager)
    url = reverse("leren:document-bewerken", args=[document.pk])
    assert client.post(url, {"versie": 1, "successen": "Wij leerden veel", "leerpunten": "Meer"}).status_code == 302
    oud = client.post(url, {"versie": 1, "successen": "Mijn oudere tekst", "leerpunten": ""})
    assert oud.status_code == 409 and "Mijn oudere tekst" in oud.content.decode()
    api = client.put(
        reverse("api:leren-document", args=[document.pk]),
        {"versie": 1, "inhoud": {"successen": "x"}},
        content_type="application/json",
    )
    assert api.status_code == 409
    api = client.put(
        reverse("api:leren-document", args=[document.pk]),
        {"versie": 2, "inhoud": {"successen": "API"}},
        content_type="application/json",
    )
    assert api.status_code == 200 and api.json()["huidig"]["nummer"] == 3
    pdf = client.get(reverse("leren:document-pdf", args=[document.pk]))
    assert pdf["Content-Type"] == "application/pdf" and "API" in pdf_tekst(pdf.content)
    login(client, personas.professional)  # reads it, does not edit it
    assert client.get(reverse("leren:document-detail", args=[document.pk])).status_code == 200
    assert client.get(url).status_code == 403


def _veel_dilemmas(personas):  # type: ignore[no-untyped-def]
    def maak(n: int) -> None:
        for _ in range(n):
            d = dilemma(personas)
            services.escaleer_dilemma(actor=personas.professional, dilemma=d, toelichting="x")

    return maak


def test_dilemma_lists_have_a_constant_number_of_queries(client, personas):
    login(client, personas.manager)
    assert_constant_queries(_veel_dilemmas(personas), lambda: client.get(reverse("leren:dilemma-lijst")))
    assert_constant_queries(_veel_dilemmas(personas), lambda: client.get(reverse("api:leren-dilemmas")), sizes=(101, 110, 200))


def test_meeting_lists_have_a_constant_number_of_queries(client, personas):
    def maak(n: int) -> None:
        for _ in range(n):
            o = Trapoverleg.objects.create(
                gemeente=personas.gemeente, soort="netwerkoverleg", begint=timezone.now(), eindigt=timezone.now(),
                voorzitter=personas.manager, aangemaakt_door=personas.manager,
            )  # fmt: skip
            o.deelnemers.create(user=personas.gebiedsaanjager)

    login(client, personas.manager)
    assert_constant_queries(maak, lambda: client.get(reverse("leren:overleg-lijst")))
    assert_constant_queries(maak, lambda: client.get(reverse("api:leren-overleggen")), sizes=(101, 110, 200))


def test_document_lists_have_a_constant_number_of_queries(client, personas):
    def maak(n: int) -> None:
        vandaag = timezone.localdate()
        for _ in range(n):
            Leerdocument.objects.create(
                gemeente=personas.gemeente, gebied=personas.gebied, soort="bundel", van=vandaag, tot=vandaag,
                aangemaakt_door=personas.gebiedsaanjager,
            )  # fmt: skip

    login(client, personas.gebiedsaanjager)
    assert_constant_queries(maak, lambda: client.get(reverse("leren:document-lijst")))
    assert_constant_queries(maak, lambda: client.get(reverse("api:leren-documenten")), sizes=(101, 110, 200))


def test_the_overview_per_level_shows_status_and_lead_time(client, personas):
    _bovenaan(personas)
    dilemma(personas, titel="Nog bij de professionals")
    login(client, personas.manager)
    html = client.get(reverse("leren:dilemma-lijst") + "?niveau=" + Niveau.STEUNGROEP).content.decode()
    assert "Status en doorlooptijd per niveau" in html and "0 dagen" in html
    assert "Geen tijd voor overleg" in html and "Nog bij de professionals" not in html  # filtered to the steungroep


def test_handle_a_dilemma_on_the_page_with_its_actieleren_record(client, personas):
    d = dilemma(personas)
    vraag = actieleren(personas, timezone.localdate())
    login(client, personas.gebiedsaanjager)
    antwoord = client.post(
        reverse("leren:dilemma-behandelen", args=[d.pk]),
        {"behandel-tekst": "Aan de casustafel", "behandel-actieleren": vraag.pk, "behandel-versie": d.versie},
    )
    assert antwoord.status_code == 302
    assert d.stappen.get().actieleren == vraag
    assert (
        "Behandeld met actieleren op de leersessie" in client.get(reverse("leren:dilemma-detail", args=[d.pk])).content.decode()
    )
