from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from samenwerk.leren.models import Actieleren, Deelname, Leersessie, Sessieverslag
from samenwerk.leren.sessies import actieleren as actieleren_services
from samenwerk.leren.sessies import services
from tests.auth import login
from tests.factories import RoltoewijzingFactory, UserFactory
from tests.pdf import pdf_tekst
from tests.querycount import assert_constant_queries

from .conftest import casustafel, maak_sessie

pytestmark = pytest.mark.django_db


def mensen(personas, n: int, start: int = 0) -> list:
    uit = []
    for i in range(start, start + n):
        u = UserFactory(email=f"p{i}@testwijde.example")
        RoltoewijzingFactory(user=u, rol="sociaal_professional", gemeente=personas.gemeente, organisatie=personas.organisatie)
        uit.append(u)
    return uit


def test_menu_overview_and_registration(client, personas, sessie):
    login(client, personas.professional)
    start = client.get(reverse("portaal:start"))
    assert reverse("leren:overzicht") in start.content.decode()
    pagina = client.get(reverse("leren:overzicht")).content.decode()
    assert "Noord" in pagina and reverse("leren:sessie-detail", args=[sessie.pk]) in pagina
    antwoord = client.post(reverse("leren:sessie-aanmelden", args=[sessie.pk]), {"tafel": casustafel(sessie).pk})
    assert antwoord.status_code == 302
    detail = client.get(reverse("leren:sessie-detail", args=[sessie.pk])).content.decode()
    assert "U bent aangemeld." in detail and "https://meet.example/leersessie-noord" in detail


def test_registration_after_the_agenda_says_why_and_whom_to_ask(client, personas, sessie):
    Leersessie.objects.filter(pk=sessie.pk).update(agenda_verstuurd_op=timezone.now())
    login(client, personas.professional)
    formulier = client.get(reverse("leren:sessie-aanmelden", args=[sessie.pk])).content.decode()
    assert "al naar de aangemelden verstuurd" in formulier
    client.post(reverse("leren:sessie-aanmelden", args=[sessie.pk]), {"tafel": ""})
    detail = client.get(reverse("leren:sessie-detail", args=[sessie.pk])).content.decode()
    assert "daarom krijgt u die niet per e-mail" in detail and personas.gebiedsaanjager.email in detail
    assert "https://meet.example/leersessie-noord" not in detail
    ics = client.get(reverse("leren:sessie-ics", args=[sessie.pk])).content.decode()
    assert "BEGIN:VEVENT" in ics and "meet.example" not in ics


def test_registration_for_a_full_or_past_session_is_a_dutch_error(client, personas):
    vol = maak_sessie(personas, max_deelnemers=1)
    services.meld_aan(actor=personas.manager, sessie=vol)
    login(client, personas.professional)
    antwoord = client.post(reverse("leren:sessie-aanmelden", args=[vol.pk]), {"tafel": vol.tafels.first().pk})
    assert antwoord.status_code == 400
    assert "Deze leersessie is vol" in antwoord.content.decode()
    assert f'value="{vol.tafels.first().pk}" selected' in antwoord.content.decode()  # nothing typed lost
    verleden = maak_sessie(personas, dagen=-2)
    antwoord = client.post(reverse("leren:sessie-aanmelden", args=[verleden.pk]), {"tafel": ""})
    assert antwoord.status_code == 400 and "al begonnen of geweest" in antwoord.content.decode()


def test_schedule_page_plans_a_series(client, personas):
    login(client, personas.gebiedsaanjager)
    vandaag = timezone.localdate()
    data = {
        "weekdag": "3", "tijd": "15:00", "duur_minuten": "120", "interval_weken": "2", "locatie": "Buurthuis",
        "vanaf": vandaag.isoformat(), "tot": (vandaag + datetime.timedelta(weeks=6)).isoformat(), "thematafel": "",
    }  # fmt: skip
    antwoord = client.post(reverse("leren:sessie-rooster", args=[personas.gebied.pk]), data | {"locatie": ""})
    assert antwoord.status_code == 400 and "Vul de locatie in" in antwoord.content.decode()
    antwoord = client.post(reverse("leren:sessie-rooster", args=[personas.gebied.pk]), data)
    assert antwoord.status_code == 302
    assert Leersessie.objects.filter(gebied=personas.gebied).count() in (3, 4)


def test_attendance_page_and_warning_with_the_number(client, personas):
    sessie = maak_sessie(personas, online=True)
    tafel = casustafel(sessie)
    deelnames = [services.meld_aan(actor=p, sessie=sessie) for p in mensen(personas, 6)]
    login(client, personas.gebiedsaanjager)
    data = {f"tafel-{d.pk}": tafel.pk for d in deelnames} | {f"aanwezig-{d.pk}": "ja" for d in deelnames}
    assert client.post(reverse("leren:sessie-aanwezigheid", args=[sessie.pk]), data).status_code == 302
    assert Deelname.objects.filter(sessie=sessie, aanwezig=True, tafel=tafel).count() == 6
    detail = client.get(reverse("leren:sessie-detail", args=[sessie.pk])).content.decode()
    assert "6 mensen, meer dan de 5 voor actieleren" in detail


def test_actieleren_page_three_chosen_advices_keeps_what_was_typed(client, personas, sessie):
    login(client, personas.gebiedsaanjager)
    url = reverse("leren:actieleren-nieuw", args=[casustafel(sessie).pk])
    pagina = client.get(url).content.decode()
    assert "discussie" not in pagina.lower().replace("geen vragen of discussie", "")
    data = {
        "indiener": personas.professional.pk, "vraag": "Hoe betrek ik de school?", "gespreksleider": personas.gebiedsaanjager.pk,
        "deelnemers-TOTAL_FORMS": "1", "deelnemers-INITIAL_FORMS": "0",
        "deelnemers-0-user": personas.manager.pk, "deelnemers-0-expertise": "Leidinggevende",
        "adviezen-TOTAL_FORMS": "3", "adviezen-INITIAL_FORMS": "0",
    }  # fmt: skip
    for i in range(3):
        data |= {f"adviezen-{i}-tekst": f"Advies nummer {i}", f"adviezen-{i}-gekozen": "on"}
    antwoord = client.post(url, data)
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "hoogstens twee adviezen" in tekst and "Advies nummer 2" in tekst and "Hoe betrek ik de school?" in tekst
    del data["adviezen-2-gekozen"]
    antwoord = client.post(url, data)
    assert antwoord.status_code == 302
    rij = Actieleren.objects.get()
    assert [a.gekozen for a in rij.adviezen.all()] == [True, True, False]
    # The contributor records afterwards that it was useful.
    login(client, personas.professional)
    pagina = client.get(reverse("leren:actieleren", args=[rij.pk]))
    assert pagina.status_code == 200
    data |= {"nuttig_bevonden": "ja", "wat_nuttig": "Het advies over de mentor", "versie": "0",
             "deelnemers-INITIAL_FORMS": "0", "adviezen-INITIAL_FORMS": "0"}  # fmt: skip
    assert client.post(reverse("leren:actieleren", args=[rij.pk]), data).status_code == 302
    rij.refresh_from_db()
    assert rij.nuttig_bevonden is True and rij.wat_nuttig == "Het advies over de mentor"
    # Someone not at the table reads but does not change.
    login(client, personas.manager)
    assert client.post(reverse("leren:actieleren", args=[rij.pk]), data).status_code == 403


def test_report_pages_and_pdf(client, personas, sessie):
    services.meld_aan(actor=personas.professional, sessie=sessie)
    login(client, personas.gebiedsaanjager)
    url = reverse("leren:sessie-verslag-bewerken", args=[sessie.pk])
    data = {
        "doelen": "Elkaar leren kennen", "positief": "Open gesprekken", "aandachtspunten": "Meer tijd voor tafels",
        "versie": "0", "acties-TOTAL_FORMS": "2", "acties-INITIAL_FORMS": "0",
        "acties-0-actie": "Folder voor nieuwkomers", "acties-0-organisatie": personas.organisatie.pk,
        "acties-0-kartrekker": personas.manager.pk, "acties-1-actie": "Zonder kartrekker",
    }  # fmt: skip
    antwoord = client.post(url, data)
    assert antwoord.status_code == 400 and "Kies bij elke actie" in antwoord.content.decode()
    data["acties-1-actie"] = ""
    assert client.post(url, data).status_code == 302
    assert Sessieverslag.objects.get().acties.count() == 1
    with time_machine.travel(sessie.eind + datetime.timedelta(hours=1)):
        login(client, personas.professional)
        feedback = reverse("leren:sessie-feedback", args=[sessie.pk])
        assert client.post(feedback, {"score_inhoud": "4", "score_organisatie": "5", "opmerking": "Leerzaam"}).status_code == 302
    pagina = client.get(reverse("leren:sessie-verslag", args=[sessie.pk])).content.decode()
    assert "Folder voor nieuwkomers" in pagina and "inhoud gemiddeld 4,0" in pagina and "Leerzaam" in pagina
    pdf = client.get(reverse("leren:sessie-verslag-pdf", args=[sessie.pk]))
    tekst = pdf_tekst(pdf.content)
    assert "Elkaar leren kennen" in tekst and "Folder voor nieuwkomers" in tekst and "Leerzaam" in tekst


def test_session_list_of_an_area_has_constant_queries(client, personas):
    login(client, personas.professional)
    url = reverse("leren:sessies-gebied", args=[personas.gebied.pk])
    teller = iter(range(1000))

    def maak(n):
        for _ in range(n):
            s = maak_sessie(personas, dagen=next(teller) + 1)
            Deelname.objects.create(sessie=s, user=personas.manager)

    client.get(url)
    assert_constant_queries(maak, lambda: client.get(url))


def test_session_page_has_constant_queries(client, personas, sessie):
    login(client, personas.gebiedsaanjager)
    url = reverse("leren:sessie-detail", args=[sessie.pk])
    tafel = casustafel(sessie)
    teller = iter(range(1000))

    def maak(n):
        for u in mensen(personas, n, start=next(teller) * 200):
            Deelname.objects.create(sessie=sessie, user=u, tafel=tafel, aanwezig=True)

    client.get(url)
    assert_constant_queries(maak, lambda: client.get(url))


def test_overview_has_constant_queries(client, personas):
    login(client, personas.professional)
    url = reverse("leren:overzicht")
    teller = iter(range(1000))

    def maak(n):
        for _ in range(n):
            s = maak_sessie(personas, dagen=next(teller) + 1)
            Deelname.objects.create(sessie=s, user=personas.professional)

    client.get(url)
    assert_constant_queries(maak, lambda: client.get(url))


def test_actieleren_record_visible_on_the_session_page(client, personas, sessie):
    rij = actieleren_services.maak_actieleren(
        actor=personas.gebiedsaanjager, tafel=casustafel(sessie),
        gegevens=actieleren_services.Actielerengegevens(indiener=personas.professional, vraag="Wie belt de school?"),
    )  # fmt: skip
    login(client, personas.manager)
    pagina = client.get(reverse("leren:sessie-detail", args=[sessie.pk])).content.decode()
    assert reverse("leren:actieleren", args=[rij.pk]) in pagina


def test_another_municipality_sees_nothing(client, personas, sessie):
    login(client, personas.professional_andere_gemeente)
    assert client.get(reverse("leren:sessie-detail", args=[sessie.pk])).status_code == 404
    assert client.get(reverse("leren:sessies-gebied", args=[personas.gebied.pk])).status_code == 404


def test_a_newcomer_is_offered_the_training(client, personas):
    sessie = maak_sessie(personas, dagen=-7)
    nieuwkomertafel = sessie.tafels.get(soort="nieuwkomer")
    Deelname.objects.create(sessie=sessie, user=personas.professional, tafel=nieuwkomertafel, aanwezig=True)
    Deelname.objects.create(sessie=sessie, user=personas.manager, tafel=nieuwkomertafel, aanwezig=False)
    login(client, personas.professional)
    assert "Volg de leergang Samenwerkwijze" in client.get(reverse("leren:overzicht")).content.decode()
    login(client, personas.manager)
    assert "Volg de leergang Samenwerkwijze" not in client.get(reverse("leren:overzicht")).content.decode()
