"""The evaluatietafel: the grid of domain.md §7, saving per cell with conflicts, roles and the
maximum at a table, the exports (issue 18 item 4)."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from samenwerk.gemeenten.models import Normen
from samenwerk.leren.inbreng import evaluatie as diensten
from samenwerk.leren.models import Deelname, Evaluatiecel
from samenwerk.privacy.models import AuditEntry
from tests.auth import login
from tests.factories import UserFactory
from tests.pdf import pdf_tekst

from .helpers import maak_sessie

pytestmark = pytest.mark.django_db

STAPPEN_NL = [
    "Signaleren: hoe komt een casus binnen",
    "Eerste versie van het plan: vraagverheldering en eigen kracht van de inwoner (ik kan)",
    "Wie is er nodig bij het overleg (denk aan het netwerk)",
    "Het overleg plannen",
    "Het gesprek",
    "Rol van de inwoner (antwoord op ik wil, ik kan, ik heb nodig)",
    "Alle deelnemers denken mee, zonder belemmeringen; opties samen afgewogen",
    "Afspreken en vastleggen wie wat wanneer doet",
    "Afspreken welke professional samen met de inwoner regisseur is",
    "Afspraken uitvoeren (managers en bestuurders ondersteunen en zijn het escalatieniveau)",
    "Tussentijdse evaluatie",
    "Terugkijken met de deelnemers: wat zouden we verbeteren",
]


@pytest.fixture
def tafel(personas):
    return maak_sessie(personas).evaluatietafel


def _cel(stap, vraag, tekst, versie):
    return diensten.Celwijziging(stap=stap, vraag=vraag, tekst=tekst, versie=versie)


def test_the_grid_shows_the_twelve_steps_in_three_phases_by_three_questions(client, personas, tafel):
    login(client, personas.gebiedsaanjager)
    html = client.get(reverse("leren:evaluatie", args=[tafel.pk])).content.decode()
    posities = [html.index(f"{n}. {tekst}") for n, tekst in enumerate(STAPPEN_NL, 1)]
    assert posities == sorted(posities)
    fasen = [html.index(f) for f in ("Voorbereiding</h2>", "Het Samenwerkoverleg</h2>", "Na het overleg</h2>")]
    assert fasen[0] < posities[0] < posities[3] < fasen[1] < posities[4] < posities[8] < fasen[2] < posities[9]
    for vraag in ("Wat doe je, hoe doe je dat?", "Wat gaat daarin goed?", "Wat is er nog nodig?"):
        assert html.count(vraag) == 12
    assert html.count("<textarea") == 36
    assert "Hoogstens 8 mensen aan tafel." in html and "Geen schuld" in html


def test_a_cell_saves_with_its_version_and_a_stale_one_conflicts(personas, tafel):
    cel = diensten.sla_cel_op(actor=personas.gebiedsaanjager, tafel=tafel, wijziging=_cel(1, "wat_doe_je", "Via de huisarts", 0))
    assert (cel.tekst, cel.versie) == ("Via de huisarts", 1)
    with pytest.raises(diensten.Celconflict) as conflict:
        diensten.sla_cel_op(actor=personas.gebiedsaanjager, tafel=tafel, wijziging=_cel(1, "wat_doe_je", "Via school", 0))
    assert (conflict.value.cel.tekst, conflict.value.mijn_tekst) == ("Via de huisarts", "Via school")
    assert Evaluatiecel.objects.get().tekst == "Via de huisarts"  # never a silent overwrite
    assert AuditEntry.objects.filter(gebeurtenis="leren.evaluatietafel.cel").count() == 1


def test_only_the_notulist_writes_once_named(personas, tafel):
    diensten.kies_rollen(
        actor=personas.gebiedsaanjager, tafel=tafel, gespreksleider=personas.gebiedsaanjager,
        notulist=personas.collega_andere_organisatie, tijdbewaker=None, aanwezigen=[personas.collega_andere_organisatie],
        algemeen=True,
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        diensten.sla_cel_op(actor=personas.gebiedsaanjager, tafel=tafel, wijziging=_cel(2, "wat_nodig", "x", 0))
    cel = diensten.sla_cel_op(actor=personas.collega_andere_organisatie, tafel=tafel, wijziging=_cel(2, "wat_nodig", "x", 0))
    assert cel.gewijzigd_door == personas.collega_andere_organisatie


def test_a_ninth_attendee_is_refused_in_dutch(personas, tafel):
    mensen = [UserFactory() for _ in range(9)]
    for m in mensen:
        Deelname.objects.create(sessie=tafel.sessie, user=m, tafel=tafel)
    with pytest.raises(ValidationError, match="hoogstens 8 mensen; u koos er 9"):
        diensten.kies_rollen(
            actor=personas.gebiedsaanjager, tafel=tafel, gespreksleider=None, notulist=None, tijdbewaker=None, aanwezigen=mensen
        )
    normen = Normen.objects.voor(personas.gemeente)
    normen.evaluatietafel_max = 9
    normen.save()
    evaluatie = diensten.kies_rollen(
        actor=personas.gebiedsaanjager, tafel=tafel, gespreksleider=None, notulist=None, tijdbewaker=None, aanwezigen=mensen
    )
    assert evaluatie.aanwezigen.count() == 9


def test_the_roles_page_keeps_the_choice_on_a_ninth(client, personas, tafel):
    mensen = [UserFactory() for _ in range(9)]
    for m in mensen:
        Deelname.objects.create(sessie=tafel.sessie, user=m, tafel=tafel)
    login(client, personas.gebiedsaanjager)
    url = reverse("leren:evaluatie-rollen", args=[tafel.pk])
    antwoord = client.post(url, {"aanwezigen": [m.pk for m in mensen], "notulist": mensen[0].pk})
    assert antwoord.status_code == 400
    assert "hoogstens 8 mensen" in antwoord.content.decode()
    assert antwoord.content.decode().count("checked") == 9  # nothing chosen is lost
    assert client.post(url, {"aanwezigen": [m.pk for m in mensen[:8]], "notulist": mensen[0].pk}).status_code == 302


def test_htmx_cell_and_conflict(client, personas, tafel):
    login(client, personas.gebiedsaanjager)
    url = reverse("leren:evaluatie-cel", args=[tafel.pk, 5, "wat_gaat_goed"])
    htmx = {"HTTP_HX_REQUEST": "true"}
    antwoord = client.post(url, {"cel-5-wat_gaat_goed": "Iedereen kwam aan het woord", "versie-5-wat_gaat_goed": 0}, **htmx)
    assert antwoord.status_code == 200 and 'value="1" hx-swap-oob="true"' in antwoord.content.decode()
    antwoord = client.post(url, {"cel-5-wat_gaat_goed": "Anders", "versie-5-wat_gaat_goed": 0}, **htmx)
    html = antwoord.content.decode()
    assert antwoord.status_code == 409 and "Iedereen kwam aan het woord" in html and "Anders" in html
    assert Evaluatiecel.objects.get().tekst == "Iedereen kwam aan het woord"


def test_without_script_the_whole_grid_posts(client, personas, tafel):
    login(client, personas.gebiedsaanjager)
    url = reverse("leren:evaluatie", args=[tafel.pk])
    data = {f"cel-{s}-{v}": "" for s in range(1, 13) for v in Evaluatiecel.Vraag.values}
    data |= {f"versie-{s}-{v}": 0 for s in range(1, 13) for v in Evaluatiecel.Vraag.values}
    data |= {"cel-1-wat_doe_je": "Via de huisarts", "cel-12-wat_nodig": "Vaker terugkijken"}
    assert client.post(url, data).status_code == 302
    assert dict(Evaluatiecel.objects.values_list("stap", "tekst")) == {1: "Via de huisarts", 12: "Vaker terugkijken"}
    data["cel-1-wat_doe_je"] = "Via school"  # still version 0: someone saved in between
    antwoord = client.post(url, data)
    assert antwoord.status_code == 409
    assert "Via school" in antwoord.content.decode() and "Via de huisarts" in antwoord.content.decode()


def test_exports_hold_every_cell(client, personas, tafel):
    for stap in range(1, 13):
        for vraag in Evaluatiecel.Vraag.values:
            diensten.sla_cel_op(
                actor=personas.gebiedsaanjager, tafel=tafel, wijziging=_cel(stap, vraag, f"Cel {stap} {vraag}", 0)
            )
    login(client, personas.collega_andere_organisatie)  # at the table: may read and export
    pdf = client.get(reverse("leren:evaluatie-pdf", args=[tafel.pk]))
    tekst = " ".join(pdf_tekst(pdf.content).split())
    for stap in range(1, 13):
        for vraag in Evaluatiecel.Vraag.values:
            assert f"Cel {stap} {vraag}" in tekst
    assert "Signaleren: hoe komt een casus binnen" in tekst and "Na het overleg" in tekst
    xlsx = client.get(reverse("leren:evaluatie-xlsx", args=[tafel.pk]))
    blad = load_workbook(BytesIO(xlsx.content)).active
    rijen = [r for r in blad.iter_rows(values_only=True) if r[1] and str(r[1])[:2].strip(".").isdigit()]
    assert len(rijen) == 12
    assert {c for r in rijen for c in r[2:]} == {f"Cel {s} {v}" for s in range(1, 13) for v in Evaluatiecel.Vraag.values}
    assert AuditEntry.objects.filter(gebeurtenis__in=["leren.evaluatietafel.pdf", "leren.evaluatietafel.xlsx"]).count() == 2


def test_who_sees_the_grid(client, personas, tafel):
    url = reverse("leren:evaluatie", args=[tafel.pk])
    for user, status in (
        (personas.gebiedsaanjager, 200), (personas.collega_andere_organisatie, 200),
        (personas.professional, 403), (personas.professional_andere_gemeente, 404),
    ):  # fmt: skip
        login(client, user)
        assert client.get(url).status_code == status


def test_api_cell_conflict_and_roles(client, personas, tafel):
    login(client, personas.gebiedsaanjager)
    url = reverse("api:leren-evaluatie-cel", args=[tafel.pk])
    cel = {"stap": 3, "vraag": "wat_doe_je", "tekst": "Het netwerk", "versie": 0}
    assert client.put(url, cel, content_type="application/json").json()["versie"] == 1
    antwoord = client.put(url, cel | {"tekst": "Anders"}, content_type="application/json")
    assert antwoord.status_code == 409 and antwoord.json()["tekst"] == "Het netwerk"
    assert client.put(url, cel | {"stap": 13}, content_type="application/json").status_code == 400
    mensen = [UserFactory() for _ in range(9)]
    for m in mensen:
        Deelname.objects.create(sessie=tafel.sessie, user=m, tafel=tafel)
    rollen = reverse("api:leren-evaluatie", args=[tafel.pk])
    antwoord = client.put(rollen, {"aanwezigen": [m.pk for m in mensen]}, content_type="application/json")
    assert antwoord.status_code == 400 and "hoogstens 8" in str(antwoord.json())
    antwoord = client.put(rollen, {"aanwezigen": [m.pk for m in mensen[:8]], "algemeen": True}, content_type="application/json")
    assert antwoord.status_code == 200 and len(antwoord.json()["aanwezigen"]) == 8
    assert len(client.get(rollen).json()["cellen"]) == 1
