"""The cohort's rules: group size and mix, attendance, assignments, buddies, learning question."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samenwerk.leertraject import services, services_opdrachten
from samenwerk.leertraject.models import Inlevering, Maatjes
from samenwerk.plannen.regels import plus_maanden
from samenwerk.privacy.models import AuditEntry
from tests.factories import OrganisatieFactory

from .cohort import extra_deelnemer, maak_cohort, moment

pytestmark = pytest.mark.django_db


def test_maak_traject_vraagt_twee_verschillende_trainers_en_een_organisator(personas):
    with pytest.raises(ValidationError) as fout:
        services.maak_traject(
            actor=personas.gebiedsaanjager, gemeente=personas.gemeente, naam="X", vorm="drie_dagen",
            didactisch_trainer=personas.niet_betrokken, ervaringstrainer=personas.niet_betrokken,
        )  # fmt: skip
    assert "ervaringstrainer" in fout.value.message_dict
    with pytest.raises(PermissionDenied):
        services.maak_traject(
            actor=personas.professional, gemeente=personas.gemeente, naam="X", vorm="drie_dagen",
            didactisch_trainer=personas.niet_betrokken, ervaringstrainer=personas.tafelvoorzitter,
        )  # fmt: skip


def test_de_zestiende_deelnemer_wordt_geweigerd_met_een_duidelijke_melding(personas):
    cohort = maak_cohort(personas)
    orgs = [OrganisatieFactory(gemeente=personas.gemeente) for _ in range(13)]
    for org in orgs:
        services.voeg_deelnemer_toe(actor=personas.gebiedsaanjager, traject=cohort.traject, user=extra_deelnemer(personas, org))
    assert cohort.traject.deelnemers.count() == 15
    with pytest.raises(ValidationError) as fout:
        services.voeg_deelnemer_toe(actor=personas.gebiedsaanjager, traject=cohort.traject, user=extra_deelnemer(personas))
    assert "hoogstens 15 deelnemers" in fout.value.message_dict["user"][0]
    assert cohort.traject.deelnemers.count() == 15


def test_samenstelling_waarschuwt_onder_het_minimum_en_bij_een_overheersende_organisatie(personas):
    cohort = maak_cohort(personas)
    meldingen = services.samenstelling(cohort.traject)
    assert any("minstens 5" in m for m in meldingen)
    for _ in range(3):
        services.voeg_deelnemer_toe(
            actor=personas.gebiedsaanjager, traject=cohort.traject, user=extra_deelnemer(personas, personas.andere_organisatie)
        )
    # 5 people: 4 of Zorg Testwijde (more than half) → dominates; 5 is enough.
    meldingen = services.samenstelling(cohort.traject)
    assert not any("minstens" in m for m in meldingen)
    assert any("Zorg Testwijde levert 4 van de 5" in m for m in meldingen)


def test_half_van_de_groep_overheerst_nog_niet(personas):
    cohort = maak_cohort(personas)
    services.voeg_deelnemer_toe(actor=personas.gebiedsaanjager, traject=cohort.traject, user=extra_deelnemer(personas))
    services.voeg_deelnemer_toe(
        actor=personas.gebiedsaanjager, traject=cohort.traject, user=extra_deelnemer(personas, personas.organisatie)
    )
    assert not any("overheerst" in m for m in services.samenstelling(cohort.traject))  # 2 + 2 of 4


def test_aanwezigheid_alleen_voor_een_geweest_lesdag_en_eigen_deelnemers(personas):
    cohort = maak_cohort(personas, dagen_terug=(10, -5, -20))
    services.leg_aanwezigheid_vast(actor=personas.niet_betrokken, dag=cohort.dagen[0], aanwezig=[cohort.deelnemer.pk])
    assert dict(cohort.dagen[0].aanwezigheden.values_list("deelnemer_id", "aanwezig")) == {
        cohort.deelnemer.pk: True,
        cohort.deelnemer2.pk: False,
    }
    with pytest.raises(ValidationError):
        services.leg_aanwezigheid_vast(actor=personas.niet_betrokken, dag=cohort.dagen[1], aanwezig=[])
    with pytest.raises(ValidationError):
        services.leg_aanwezigheid_vast(actor=personas.niet_betrokken, dag=cohort.dagen[0], aanwezig=[999999])
    with pytest.raises(PermissionDenied):
        services.leg_aanwezigheid_vast(actor=personas.professional, dag=cohort.dagen[0], aanwezig=[])
    assert AuditEntry.objects.filter(gebeurtenis="leertraject.aanwezigheid").count() == 1


def test_maatjes_drie_maanden_na_de_laatste_lesdag_en_liefst_over_organisaties_heen(personas):
    cohort = maak_cohort(personas)
    paar, waarschuwing = services.koppel_maatjes(
        actor=personas.gebiedsaanjager, eerste=cohort.deelnemer, tweede=cohort.deelnemer2
    )
    laatste = timezone.localdate() - datetime.timedelta(days=20)
    assert paar.afspraak_op == plus_maanden(laatste, 3)
    assert waarschuwing == ""
    derde = services.voeg_deelnemer_toe(
        actor=personas.gebiedsaanjager, traject=cohort.traject, user=extra_deelnemer(personas, personas.organisatie)
    )
    with pytest.raises(ValidationError):
        services.koppel_maatjes(actor=personas.gebiedsaanjager, eerste=cohort.deelnemer, tweede=derde)
    vierde = services.voeg_deelnemer_toe(
        actor=personas.gebiedsaanjager, traject=cohort.traject, user=extra_deelnemer(personas, personas.organisatie)
    )
    _paar, waarschuwing = services.koppel_maatjes(actor=personas.gebiedsaanjager, eerste=derde, tweede=vierde)
    assert "dezelfde organisatie" in waarschuwing
    # Moving the last day moves the appointment.
    nieuw = timezone.localdate() - datetime.timedelta(days=2)
    services.plan_dag(
        actor=personas.gebiedsaanjager, traject=cohort.traject, nummer=3, begin=moment(nieuw), eind=moment(nieuw, 16),
        locatie="X",
    )  # fmt: skip
    assert Maatjes.objects.get(pk=paar.pk).afspraak_op == plus_maanden(nieuw, 3)


def test_versieconflict_bij_gelijktijdig_wijzigen(personas):
    cohort = maak_cohort(personas)
    oud = cohort.traject.versie
    services.voeg_deelnemer_toe(
        actor=personas.gebiedsaanjager, traject=cohort.traject, user=extra_deelnemer(personas), versie=oud
    )
    with pytest.raises(services.Versieconflict):
        services.voeg_deelnemer_toe(
            actor=personas.gebiedsaanjager, traject=cohort.traject, user=extra_deelnemer(personas), versie=oud
        )


def test_inleveren_feedback_en_opnieuw_inleveren(personas):
    cohort = maak_cohort(personas)
    dn = cohort.deelnemer
    with pytest.raises(ValidationError) as fout:
        services_opdrachten.lever_in(actor=personas.professional, deelnemer=dn, opdracht="A", tekst="  ")
    assert "tekst" in fout.value.message_dict
    with pytest.raises(PermissionDenied):
        services_opdrachten.lever_in(actor=personas.collega_andere_organisatie, deelnemer=dn, opdracht="A", tekst="x")
    inlevering = services_opdrachten.lever_in(actor=personas.professional, deelnemer=dn, opdracht="A", tekst="Mijn leervraag")
    assert inlevering.status == Inlevering.Status.INGELEVERD
    with pytest.raises(ValidationError):
        services_opdrachten.geef_feedback(actor=personas.niet_betrokken, inlevering=inlevering, feedback="", akkoord=False)
    with pytest.raises(PermissionDenied):
        services_opdrachten.geef_feedback(actor=personas.professional, inlevering=inlevering, feedback="", akkoord=True)
    inlevering = services_opdrachten.geef_feedback(
        actor=personas.niet_betrokken, inlevering=inlevering, feedback="Concreter graag", akkoord=False
    )
    assert inlevering.status == Inlevering.Status.AANVULLEN
    oud = inlevering.versie
    inlevering = services_opdrachten.lever_in(
        actor=personas.professional, deelnemer=dn, opdracht="A", tekst="Concreet", versie=oud
    )
    with pytest.raises(services_opdrachten.Inleverconflict):
        services_opdrachten.lever_in(actor=personas.professional, deelnemer=dn, opdracht="A", tekst="Oud", versie=oud)
    assert Inlevering.objects.get(pk=inlevering.pk).tekst == "Concreet"


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("virus.exe", b"MZ....", "Dit soort bestand kan niet"),
        ("groot.pdf", b"%PDF" + b"x" * (5 * 1024 * 1024), "te groot"),
        ("nep.pdf", b"MZ not a pdf", "past niet bij de naam"),
        ("leeg.txt", b"", "leeg"),
    ],
)
def test_verkeerde_bestanden_worden_geweigerd_en_de_tekst_blijft(personas, naam, inhoud, melding):
    cohort = maak_cohort(personas)
    with pytest.raises(ValidationError) as fout:
        services_opdrachten.lever_in(
            actor=personas.professional, deelnemer=cohort.deelnemer, opdracht="E", tekst="tekst", bestand=(naam, inhoud)
        )
    assert melding in fout.value.message_dict["bestand"][0]
    assert not Inlevering.objects.exists()


def test_een_pdf_inleveren(personas):
    cohort = maak_cohort(personas)
    inlevering = services_opdrachten.lever_in(
        actor=personas.professional, deelnemer=cohort.deelnemer, opdracht="E", bestand=("reflectie.pdf", b"%PDF-1.4 test")
    )
    assert bytes(inlevering.bestand) == b"%PDF-1.4 test"
    assert inlevering.bestandstype == "application/pdf"


def test_leervraag_en_terugblik_pas_na_de_laatste_lesdag(personas):
    cohort = maak_cohort(personas, dagen_terug=(30, 10, -10))
    dn = cohort.deelnemer
    services.wijzig_leervraag(
        actor=personas.professional, deelnemer=dn, ik_wil="Regie", ik_kan="Luisteren", ik_heb_nodig="Oefenen"
    )
    with pytest.raises(ValidationError):
        services.wijzig_leervraag(
            actor=personas.professional, deelnemer=dn, ik_wil="Regie", ik_kan="x", ik_heb_nodig="y", terugblik="Gelukt"
        )
    with pytest.raises(PermissionDenied):
        services.wijzig_leervraag(actor=personas.niet_betrokken, deelnemer=dn, ik_wil="", ik_kan="", ik_heb_nodig="")
    dn.refresh_from_db()
    assert (dn.ik_wil, dn.terugblik) == ("Regie", "")
