"""The leertraject's pages, through the test client as each person."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samenwerk.leertraject import badges, services_certificaat
from samenwerk.leertraject.models import Certificaat, Inlevering, Leertraject, Lesdag
from tests.auth import login
from tests.pdf import pdf_tekst

from .cohort import extra_deelnemer, haal_de_regel, maak_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _leeg_cache():  # type: ignore[no-untyped-def]
    cache.clear()  # the rate limit of the public verification counts in the cache
    yield
    cache.clear()


@pytest.fixture
def cohort(personas):  # type: ignore[no-untyped-def]
    return maak_cohort(personas)


def _url(naam: str, cohort, **extra) -> str:  # type: ignore[no-untyped-def]
    return reverse(f"leertraject:{naam}", kwargs={"pk": cohort.traject.pk, **extra})


def test_nieuw_leertraject_via_het_formulier(client, personas):
    login(client, personas.gebiedsaanjager)
    data = {
        "naam": "Najaar", "vorm": "twee_dagen", "didactisch_trainer": personas.niet_betrokken.pk,
        "ervaringstrainer": personas.niet_betrokken.pk,
    }  # fmt: skip
    response = client.post(reverse("leertraject:nieuw"), data)
    assert response.status_code == 400
    assert "twee trainers" in response.content.decode()
    data["ervaringstrainer"] = personas.tafelvoorzitter.pk
    response = client.post(reverse("leertraject:nieuw"), data)
    traject = Leertraject.objects.get(naam="Najaar")
    assert response["Location"] == reverse("leertraject:detail", kwargs={"pk": traject.pk})
    assert traject.min_dagen_aanwezig == 2


def test_lijst_toont_cijfers_per_organisatie_aan_de_organisator(client, personas, cohort):
    haal_de_regel(cohort, cohort.deelnemer, personas.niet_betrokken)
    services_certificaat.geef_certificaat_uit(actor=personas.niet_betrokken, deelnemer=cohort.deelnemer)
    login(client, personas.gebiedsaanjager)
    html = client.get(reverse("leertraject:lijst")).content.decode()
    assert "Leertraject test" in html and "Getraind per organisatie" in html
    assert "Welzijn Testwijde" in html
    login(client, personas.professional)
    html = client.get(reverse("leertraject:lijst")).content.decode()
    assert "Leertraject test" in html and "Getraind per organisatie" not in html
    login(client, personas.manager)
    assert "Leertraject test" not in client.get(reverse("leertraject:lijst")).content.decode()


def test_detail_trainer_ziet_de_stand_deelnemer_alleen_de_groep(client, personas, cohort):
    login(client, personas.niet_betrokken)
    html = client.get(_url("detail", cohort)).content.decode()
    assert "Dagen aanwezig" in html and "De groep is klein" in html
    login(client, personas.professional)
    html = client.get(_url("detail", cohort)).content.decode()
    assert "Dagen aanwezig" not in html and "Mijn leervraag, opdrachten en certificaat" in html
    login(client, personas.procesregisseur)
    assert client.get(_url("detail", cohort)).status_code == 404


def test_de_zestiende_deelnemer_via_het_formulier(client, personas, cohort):
    from samenwerk.leertraject import services
    from tests.factories import OrganisatieFactory

    for _ in range(13):
        services.voeg_deelnemer_toe(
            actor=personas.gebiedsaanjager, traject=cohort.traject,
            user=extra_deelnemer(personas, OrganisatieFactory(gemeente=personas.gemeente)),
        )  # fmt: skip
    cohort.traject.refresh_from_db()
    login(client, personas.gebiedsaanjager)
    nieuw = extra_deelnemer(personas)
    response = client.post(_url("deelnemer-toevoegen", cohort), {"user": nieuw.pk, "versie": cohort.traject.versie})
    assert response.status_code == 400
    assert "De groep is vol" in response.content.decode()
    assert cohort.traject.deelnemers.count() == 15


def test_lesdag_plannen_en_aanwezigheid_vastleggen(client, personas, cohort):
    login(client, personas.niet_betrokken)
    cohort.traject.refresh_from_db()
    response = client.post(
        _url("dag", cohort),
        {"nummer": 3, "datum": (datetime.date.today() - datetime.timedelta(days=1)).isoformat(), "van": "09:00",
         "tot": "16:00", "locatie": "Bibliotheek", "versie": cohort.traject.versie},
    )  # fmt: skip
    assert response.status_code == 302
    dag = Lesdag.objects.get(traject=cohort.traject, nummer=3)
    assert dag.locatie == "Bibliotheek" and dag.volgnummer == 1
    response = client.post(_url("aanwezigheid", cohort, dag_id=dag.pk), {"aanwezig": [cohort.deelnemer2.pk]})
    assert response.status_code == 302
    assert set(dag.aanwezigheden.filter(aanwezig=True).values_list("deelnemer_id", flat=True)) == {cohort.deelnemer2.pk}
    response = client.post(_url("aanwezigheid", cohort, dag_id=dag.pk), {"aanwezig": ["abc"]})
    assert response.status_code == 400
    # Stale version: the form says so, nothing changes.
    response = client.post(
        _url("dag", cohort),
        {"nummer": 3, "datum": "2026-01-01", "van": "09:00", "tot": "16:00", "locatie": "Elders", "versie": 0},
    )
    assert response.status_code == 400 and "intussen gewijzigd" in response.content.decode()
    assert Lesdag.objects.get(pk=dag.pk).locatie == "Bibliotheek"


def test_opdracht_inleveren_te_groot_bestand_en_feedback(client, personas, cohort):
    login(client, personas.professional)
    url = _url("opdracht", cohort, deelnemer_id=cohort.deelnemer.pk, code="E")
    groot = SimpleUploadedFile("reflectie.pdf", b"%PDF" + b"0" * (5 * 1024 * 1024 + 10), content_type="application/pdf")
    response = client.post(url, {"tekst": "Mijn reflectie", "bestand": groot, "versie": 0})
    assert response.status_code == 400
    html = response.content.decode()
    assert "te groot" in html and "Mijn reflectie" in html  # nothing lost
    exe = SimpleUploadedFile("reflectie.exe", b"MZ", content_type="application/octet-stream")
    assert "Dit soort bestand kan niet" in client.post(url, {"tekst": "x", "bestand": exe, "versie": 0}).content.decode()
    pdf = SimpleUploadedFile("reflectie.pdf", b"%PDF-1.4 reflectie", content_type="application/pdf")
    assert client.post(url, {"tekst": "Mijn reflectie", "bestand": pdf, "versie": 0}).status_code == 302
    assert client.get(_url("bestand", cohort, deelnemer_id=cohort.deelnemer.pk, code="E")).content == b"%PDF-1.4 reflectie"
    # The other participant sees neither the hand-in nor the file.
    login(client, personas.collega_andere_organisatie)
    assert client.get(url).status_code == 404
    assert client.get(_url("bestand", cohort, deelnemer_id=cohort.deelnemer.pk, code="E")).status_code == 404
    login(client, personas.tafelvoorzitter)
    assert "Feedback geven" in client.get(url).content.decode()
    response = client.post(
        _url("feedback", cohort, deelnemer_id=cohort.deelnemer.pk, code="E"), {"feedback": "Mooi", "akkoord": "ja", "versie": 1}
    )
    assert response.status_code == 302
    assert Inlevering.objects.get(deelnemer=cohort.deelnemer, opdracht="E").status == "akkoord"


def test_opdracht_b_koppelt_een_eigen_casusplan_en_c_een_eigen_leersessie(client, personas, cohort):
    from django.utils import timezone

    from samenwerk.leren.models import Deelname, Leersessie, Leertafel
    from samenwerk.plannen import services as plannen
    from tests.factories import casus_met_team

    casus = casus_met_team(personas)
    plannen.wijzig_plan(actor=personas.professional, casus=casus, inhoud=plannen.PlanInhoud(ik_wil="x"), versie=0)
    sessie = Leersessie.objects.create(
        gemeente=personas.gemeente, gebied=personas.gebied, begin=timezone.now() - datetime.timedelta(days=3),
        eind=timezone.now() - datetime.timedelta(days=3, hours=-2), aanjager=personas.gebiedsaanjager, locatie="Buurthuis",
    )  # fmt: skip
    tafel = Leertafel.objects.create(sessie=sessie, soort=Leertafel.Soort.CASUS)
    deelname = Deelname.objects.create(sessie=sessie, user=personas.professional, tafel=tafel, aanwezig=True)
    login(client, personas.professional)
    url_b = _url("opdracht", cohort, deelnemer_id=cohort.deelnemer.pk, code="B")
    assert casus.nummer in client.get(url_b).content.decode()
    assert client.post(url_b, {"casus": casus.pk, "versie": 0}).status_code == 302
    url_c = _url("opdracht", cohort, deelnemer_id=cohort.deelnemer.pk, code="C")
    assert client.post(url_c, {"deelname": deelname.pk, "tekst": "Geleerd", "versie": 0}).status_code == 302
    b = Inlevering.objects.get(deelnemer=cohort.deelnemer, opdracht="B")
    assert b.casus_id == casus.pk
    assert Inlevering.objects.get(deelnemer=cohort.deelnemer, opdracht="C").deelname_id == deelname.pk
    # The trainer sees only a link to the plan; opening it is up to the case's own access rules.
    login(client, personas.niet_betrokken)
    html = client.get(url_b).content.decode()
    plan = reverse("plannen:plan", kwargs={"pk": casus.pk})
    assert plan in html and str(casus.inwoner) not in html
    assert client.get(plan).status_code == 404
    # Someone else's case cannot be linked.
    login(client, personas.collega_andere_organisatie)
    url_b2 = _url("opdracht", cohort, deelnemer_id=cohort.deelnemer2.pk, code="B")
    assert client.post(url_b2, {"casus": casus.pk, "versie": 0}).status_code == 400


def test_certificaat_alleen_met_reden_pdf_en_badge(client, personas, cohort):
    login(client, personas.niet_betrokken)
    url = _url("certificaat", cohort, deelnemer_id=cohort.deelnemer.pk)
    response = client.post(url, {}, follow=True)
    assert "Geef een reden" in response.content.decode()
    assert not Certificaat.objects.exists()
    client.post(url, {"afwijkreden": "Dag 2 ingehaald."})
    certificaat = Certificaat.objects.get()
    assert not certificaat.regel_gehaald and certificaat.afwijkreden == "Dag 2 ingehaald."
    login(client, personas.professional)
    pdf = client.get(_url("certificaat-pdf", cohort, deelnemer_id=cohort.deelnemer.pk))
    assert pdf["Content-Type"] == "application/pdf"
    tekst = pdf_tekst(pdf.content)
    for verwacht in (
        "Certificaat van deelname", str(personas.professional.get_full_name()), "Leertraject test", "Welzijn Testwijde",
        "Je eigen leervraag", "Volhouden", str(personas.niet_betrokken), str(personas.tafelvoorzitter),
    ):  # fmt: skip
        assert verwacht in tekst, verwacht
    assert str(certificaat.badge_id) in tekst.replace(" ", "")  # the verification link (wrapped)
    document = json.loads(client.get(_url("badge-json", cohort, deelnemer_id=cohort.deelnemer.pk)).content)
    assert document["proof"]["jwt"] == certificaat.jws
    assert client.get(_url("badge-jwt", cohort, deelnemer_id=cohort.deelnemer.pk)).content.decode() == certificaat.jws
    login(client, personas.collega_andere_organisatie)
    assert client.get(_url("certificaat-pdf", cohort, deelnemer_id=cohort.deelnemer.pk)).status_code == 404


def test_publieke_controle_zonder_account(client, personas, cohort):
    haal_de_regel(cohort, cohort.deelnemer, personas.niet_betrokken)
    certificaat = services_certificaat.geef_certificaat_uit(actor=personas.niet_betrokken, deelnemer=cohort.deelnemer)
    url = reverse("leertraject:controleren")
    assert client.get(url).status_code == 200
    html = client.post(url, {"badge": certificaat.jws}).content.decode()
    assert "Geldig" in html and "Leertraject test" in html
    bestand = SimpleUploadedFile("badge.json", json.dumps(badges.als_json(certificaat)).encode(), content_type="application/json")
    assert "Geldig" in client.post(url, {"bestand": bestand}).content.decode()
    veranderd = certificaat.jws[:-3] + ("A" if certificaat.jws[-3] != "A" else "B") + certificaat.jws[-2:]
    assert "Ongeldig" in client.post(url, {"badge": veranderd}).content.decode()
    groot = SimpleUploadedFile("badge.json", b"{" + b" " * 70000, content_type="application/json")
    response = client.post(url, {"bestand": groot})
    assert response.status_code == 400 and "te groot" in response.content.decode()
    binair = SimpleUploadedFile("badge.png", b"\x89PNG\xff\xfe", content_type="image/png")
    assert "geen badge" in client.post(url, {"bestand": binair}).content.decode()
    assert client.post(url, {"badge": ""}).status_code == 400
    assert "Ongeldig" in client.post(url, {"badge": "{{{{ rommel"}).content.decode()
    # The verification link, the status URL, the issuer and its keys.
    assert "Geldig" in client.get(reverse("leertraject:badge", kwargs={"badge_id": certificaat.badge_id})).content.decode()
    status = client.get(reverse("leertraject:badge-status", kwargs={"badge_id": certificaat.badge_id})).json()
    assert status["revoked"] is False
    services_certificaat.trek_in(actor=personas.niet_betrokken, certificaat=certificaat, reden="Fout")
    status = client.get(reverse("leertraject:badge-status", kwargs={"badge_id": certificaat.badge_id})).json()
    assert status["revoked"] is True and status["revokedAt"]
    assert "Ingetrokken" in client.post(url, {"badge": certificaat.jws}).content.decode()
    profiel = client.get(reverse("leertraject:uitgever", kwargs={"gemeente": "testwijde"})).json()
    assert profiel["id"] == certificaat.credential["issuer"]["id"]
    sleutels = client.get(reverse("leertraject:jwks", kwargs={"gemeente": "testwijde"})).json()
    assert [k["kid"] for k in sleutels["keys"]] == [certificaat.sleutel.kid]


def test_te_vaak_controleren_wordt_afgeremd(client, settings):
    from samenwerk.leertraject import views_publiek

    url = reverse("leertraject:controleren")
    for _ in range(views_publiek.PER_MINUUT):
        assert client.post(url, {"badge": "x"}).status_code == 200
    response = client.post(url, {"badge": "x"})
    assert response.status_code == 429 and "te vaak" in response.content.decode()


def test_maatjespagina_voor_beide_maatjes(client, personas, cohort):
    from samenwerk.leertraject import services

    paar, _ = services.koppel_maatjes(actor=personas.gebiedsaanjager, eerste=cohort.deelnemer, tweede=cohort.deelnemer2)
    url = reverse("leertraject:maatjes", kwargs={"paar_id": paar.pk})
    login(client, personas.collega_andere_organisatie)
    assert client.get(url).status_code == 200
    morgen = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    assert client.post(url, {"gehouden_op": morgen}).status_code == 400
    assert client.post(url, {"gehouden_op": datetime.date.today().isoformat()}).status_code == 302
    paar.refresh_from_db()
    assert paar.gehouden_op == datetime.date.today()
    login(client, personas.procesregisseur)
    assert client.get(url).status_code == 404


def test_sleutel_roteren_door_de_beheerder(client, personas, cohort):
    login(client, personas.beheerder)
    url = reverse("leertraject:sleutels")
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302
    html = client.get(url).content.decode()
    assert "uitgefaseerd op" in html and "in gebruik" in html
    login(client, personas.gebiedsaanjager)
    assert client.get(url).status_code == 403


def test_agenda_ics_en_nieuwkomers(client, personas, cohort):
    from django.utils import timezone

    from samenwerk.leren.models import Deelname, Leersessie, Leertafel

    login(client, personas.professional)
    import icalendar

    kalender = icalendar.Calendar.from_ical(client.get(_url("agenda", cohort)).content)
    samenvattingen = [str(e["summary"]) for e in kalender.walk("VEVENT")]
    assert samenvattingen == [f"Leertraject test, lesdag {n}" for n in (1, 2, 3)]
    nieuwkomer = extra_deelnemer(personas)
    sessie = Leersessie.objects.create(
        gemeente=personas.gemeente, gebied=personas.gebied, begin=timezone.now() - datetime.timedelta(days=3),
        eind=timezone.now(), aanjager=personas.gebiedsaanjager, locatie="Buurthuis",
    )  # fmt: skip
    tafel = Leertafel.objects.create(sessie=sessie, soort=Leertafel.Soort.NIEUWKOMER)
    deelname = Deelname.objects.create(sessie=sessie, user=nieuwkomer, tafel=tafel, aanwezig=True)
    Deelname.objects.create(sessie=sessie, user=extra_deelnemer(personas), tafel=tafel, aanwezig=False)
    login(client, personas.gebiedsaanjager)
    html = client.get(_url("nieuwkomers", cohort)).content.decode()
    assert str(nieuwkomer) in html
    assert client.post(_url("nieuwkomers", cohort), {"deelnames": [deelname.pk]}).status_code == 302
    assert cohort.traject.deelnemers.get(user=nieuwkomer).via_deelname_id == deelname.pk
