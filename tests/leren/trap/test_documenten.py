"""The bundle and the leergeschiedenis: drafted from the records, edited by people with
versions, a stale edit refused, published as PDF."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samenwerk.leren.models import Evaluatiecel, Leerdocument
from samenwerk.leren.trap import documenten, services
from samenwerk.rendement import services_analyse as rendement
from tests.factories import CasusFactory, casus_met_team
from tests.pdf import pdf_tekst

from .conftest import actieleren, dilemma, evaluatie

pytestmark = pytest.mark.django_db
GOED, NODIG = Evaluatiecel.Vraag.WAT_GAAT_GOED, Evaluatiecel.Vraag.WAT_NODIG


def _periode() -> tuple[datetime.date, datetime.date]:
    vandaag = timezone.localdate()
    return vandaag - datetime.timedelta(days=90), vandaag


def _bundel(personas, **anders):  # type: ignore[no-untyped-def]
    van, tot = _periode()
    velden = {"actor": personas.gebiedsaanjager, "gemeente": personas.gemeente, "soort": "bundel", "van": van, "tot": tot,
              "gebied": personas.gebied}  # fmt: skip
    return documenten.maak_document(**(velden | anders))


def test_the_bundle_is_drafted_from_the_areas_evaluatietafels_and_actieleren(personas):
    dag = timezone.localdate() - datetime.timedelta(days=10)
    evaluatie(personas, dag, {(5, GOED): "Inwoner zat zelf aan tafel", (8, NODIG): "Afspraken sneller vastleggen"})
    actieleren(
        personas,
        dag,
        nuttig_bevonden=True,
        wat_nuttig="Het advies om de huisarts te bellen",
        vervolgstappen="Huisarts uitnodigen",
    )
    actieleren(personas, dag, nuttig_bevonden=False, wat_nuttig="Niet nuttig: te algemeen")
    oud = timezone.localdate() - datetime.timedelta(days=200)  # outside the period
    evaluatie(personas, oud, {(1, GOED): "Van vorig jaar"})
    document = _bundel(personas)
    inhoud = document.versies.get().inhoud
    assert "Stap 5: Inwoner zat zelf aan tafel" in inhoud["successen"]
    assert "Het advies om de huisarts te bellen" in inhoud["successen"]
    assert "Niet nuttig: te algemeen" not in inhoud["successen"]
    assert "2 vragen met actieleren behandeld, 1 nuttig bevonden." in inhoud["successen"]
    assert "Stap 8: Afspraken sneller vastleggen" in inhoud["leerpunten"] and "Huisarts uitnodigen" in inhoud["leerpunten"]
    assert "Van vorig jaar" not in inhoud["successen"]


def test_a_bundle_needs_an_area_and_the_right_role(personas):
    with pytest.raises(ValidationError) as fout:
        _bundel(personas, gebied=None)
    assert "gebied" in fout.value.message_dict
    with pytest.raises(ValidationError):
        _bundel(personas, actor=personas.professional)


def test_the_leergeschiedenis_holds_figures_from_the_data(personas):
    van, tot = _periode()
    casus = casus_met_team(personas)
    CasusFactory(gemeente=personas.gemeente, gebied=personas.gebied)
    analyse = rendement.maak_analyse(actor=personas.professional, casus=casus)
    rendement.wijzig_analyse(
        actor=personas.professional, analyse=analyse, versie=analyse.versie,
        gegevens=rendement.AnalyseGegevens(datum=timezone.localdate(), welzijn_voor=3, welzijn_na=8),
    )  # fmt: skip
    d = dilemma(personas)
    services.los_dilemma_op(actor=personas.gebiedsaanjager, dilemma=d, oplossing="Vaste overlegtijd afgesproken")
    dilemma(personas, titel="Nog open punt")
    document = documenten.maak_document(
        actor=personas.manager, gemeente=personas.gemeente, soort="leergeschiedenis", van=van, tot=tot, gebied=personas.gebied
    )
    inhoud = document.versies.get().inhoud
    assert "Aantal casussen sinds de start: 2." in inhoud["resultaten"]
    assert "De Tafel Samen aan Zet: 0 aanmeldingen" in inhoud["resultaten"]
    assert "Dilemma's in deze periode ingebracht: 2; opgelost: 1." in inhoud["resultaten"]
    assert "Geen tijd voor overleg (Professionals): Vaste overlegtijd afgesproken" in inhoud["lessen"]
    assert "Het ervaren welbevinden steeg van 3 naar 8 (1 casus)" in inhoud["effecten"]
    assert "Nog open punt (Professionals)" in inhoud["opgave"]


def test_every_edit_is_a_new_version_and_a_stale_one_is_refused(personas):
    document = _bundel(personas)
    v2 = documenten.bewerk_document(
        actor=personas.gebiedsaanjager, document=document, inhoud={"successen": "Eigen tekst"}, versie=1
    )
    assert (v2.nummer, v2.door, v2.concept) == (2, personas.gebiedsaanjager, False)
    assert v2.inhoud["leerpunten"] == document.versies.get(nummer=1).inhoud["leerpunten"]  # untouched sections stay
    with pytest.raises(services.Conflict) as conflict:
        documenten.bewerk_document(actor=personas.gebiedsaanjager, document=document, inhoud={"successen": "Ander"}, versie=1)
    assert conflict.value.huidig == 2
    with pytest.raises(ValidationError):
        documenten.bewerk_document(actor=personas.gebiedsaanjager, document=document, inhoud={"onzin": "x"}, versie=2)
    assert list(document.versies.values_list("nummer", flat=True)) == [2, 1]


def test_the_leergeschiedenis_is_published_as_pdf(personas):
    van, tot = _periode()
    CasusFactory(gemeente=personas.gemeente, gebied=personas.gebied)
    document = documenten.maak_document(
        actor=personas.manager, gemeente=personas.gemeente, soort="leergeschiedenis", van=van, tot=tot, gebied=personas.gebied,
        methode="samenwerkwijze",
    )  # fmt: skip
    documenten.bewerk_document(actor=personas.manager, document=document, inhoud={"opgave": "Twee nieuwe gebieden"}, versie=1)
    documenten.publiceer(actor=personas.manager, document=document)
    tekst = pdf_tekst(documenten.pdf(document))
    assert "Leergeschiedenis – Samenwerkwijze" in tekst and "Noord" in tekst
    assert "Aantal casussen sinds de start: 1." in tekst and "Twee nieuwe gebieden" in tekst
    assert "Versie 2" in tekst
    assert Leerdocument.objects.get().gepubliceerd_op is not None
