import datetime

import pytest
from django.core.exceptions import ValidationError

from samenwerk.casussen import services
from samenwerk.casussen.models import Betrokkene, Casus, Toestemming
from samenwerk.privacy.models import AuditEntry
from tests.factories import CasusFactory, GebiedFactory

pytestmark = pytest.mark.django_db


def aanmelden(personas, **extra):
    return services.meld_aan(
        actor=personas.professional,
        organisatie=personas.organisatie,
        gebied=personas.gebied,
        inwoner=services.InwonerGegevens(voornaam="Fenna", achternaam="Testinwoner", telefoon="06-12345678"),
        binnengekomen_via="huisarts",
        aangemeld_door="POH Praktijk Noord",
        reeds_betrokken="Thuiszorg",
        **extra,
    )


def test_aanmelden_records_how_the_case_came_in_and_who_takes_part(personas):
    casus = aanmelden(personas)
    assert casus.status == "aangemeld"
    assert casus.gemeente == personas.gemeente
    assert (casus.binnengekomen_via, casus.aangemeld_door, casus.reeds_betrokken) == (
        "huisarts",
        "POH Praktijk Noord",
        "Thuiszorg",
    )
    [betrokkene] = casus.betrokkenen.all()
    assert (betrokkene.user, betrokkene.rol) == (personas.professional, "casusregisseur")
    assert casus.tijdlijn.filter(soort="aanmelding").exists()
    log = AuditEntry.objects.get(gebeurtenis="casus.aangemeld")
    assert (log.actie, log.casus_id, log.inwoner_id, log.gemeente_id) == (
        "create",
        casus.pk,
        casus.inwoner_id,
        personas.gemeente.pk,
    )
    assert log.velden == ["achternaam", "telefoon", "voornaam"]
    # pointers only, never the resident's values (the actor's own name is logged, and a
    # generated professional may share the resident's first name, so it is left out here)
    assert log.gebruiker_naam == f"{personas.professional} <{personas.professional.email}>"
    rij = str({k: v for k, v in log.__dict__.items() if k != "gebruiker_naam"})
    for waarde in ("Fenna", "Testinwoner", "06-12345678"):
        assert waarde not in rij, waarde


def test_tafel_registrations_start_at_triage(personas):
    assert aanmelden(personas, route="tafel").status == "triage"


def test_area_of_another_municipality_is_refused(personas):
    with pytest.raises(ValidationError):
        services.meld_aan(
            actor=personas.professional,
            organisatie=personas.organisatie,
            gebied=GebiedFactory(),
            inwoner=services.InwonerGegevens(voornaam="A", achternaam="B"),
            binnengekomen_via="inwoner",
        )
    assert not Casus.objects.exists()


def test_consent_given_opens_question_clarification(personas):
    casus = aanmelden(personas)
    services.leg_toestemming_vast(
        actor=personas.professional, casus=casus, doel="samenwerkwijze", gegeven=True, wijze="mondeling"
    )
    casus.refresh_from_db()
    assert casus.status == "vraagverheldering"


def test_consent_refused_closes_the_case_with_andere_hulp_gekozen(personas):
    casus = aanmelden(personas)
    services.leg_toestemming_vast(
        actor=personas.professional, casus=casus, doel="samenwerkwijze", gegeven=False, wijze="schriftelijk"
    )
    casus.refresh_from_db()
    assert (casus.status, casus.afsluitreden) == ("afgesloten", "andere hulp gekozen")
    assert casus.afgesloten_op == datetime.date.today()


def test_withdrawing_consent_later_closes_the_case_and_keeps_the_history(personas):
    casus = CasusFactory(
        gebied=personas.gebied, met_toestemming=True, professional=personas.professional, organisatie=personas.organisatie
    )
    services.leg_toestemming_vast(
        actor=personas.professional, casus=casus, doel="samenwerkwijze", gegeven=False, wijze="mondeling"
    )
    casus.refresh_from_db()
    assert (casus.status, casus.afsluitreden) == ("afgesloten", "toestemming ingetrokken")
    assert list(casus.toestemmingen.order_by("id").values_list("gegeven", flat=True)) == [True, False]
    assert not services.heeft_toestemming(casus)


def test_no_plan_without_consent(personas):
    casus = aanmelden(personas)
    with pytest.raises(ValidationError) as exc:
        services.wijzig_status(actor=personas.professional, casus=casus, naar="vraagverheldering")
    assert "toestemming" in exc.value.message_dict["status"][0]


def test_closing_needs_a_reason_and_reopening_clears_it(personas):
    casus = aanmelden(personas)
    with pytest.raises(ValidationError) as exc:
        services.wijzig_status(actor=personas.professional, casus=casus, naar="afgesloten", reden="  ")
    assert exc.value.message_dict == {"reden": ["Geef een reden om de casus af te sluiten."]}
    services.wijzig_status(actor=personas.professional, casus=casus, naar="afgesloten", reden="verhuisd")
    services.wijzig_status(actor=personas.professional, casus=casus, naar="heropend")
    casus.refresh_from_db()
    assert (casus.status, casus.afsluitreden, casus.afgesloten_op) == ("heropend", "", None)


def test_adding_professionals_and_one_casusregisseur(personas):
    casus = aanmelden(personas)
    collega = services.voeg_professional_toe(
        actor=personas.professional,
        casus=casus,
        user=personas.collega_andere_organisatie,
        organisatie=personas.andere_organisatie,
    )
    with pytest.raises(ValidationError):  # already on the case
        services.voeg_professional_toe(
            actor=personas.professional,
            casus=casus,
            user=personas.collega_andere_organisatie,
            organisatie=personas.andere_organisatie,
        )
    with pytest.raises(ValidationError):  # does not work for that organisation
        services.voeg_professional_toe(
            actor=personas.professional, casus=casus, user=personas.manager, organisatie=personas.andere_organisatie
        )
    with pytest.raises(ValidationError):  # a second casusregisseur
        services.voeg_professional_toe(
            actor=personas.professional,
            casus=casus,
            user=personas.procesregisseur,
            organisatie=personas.organisatie,
            rol="casusregisseur",
        )
    services.wijs_casusregisseur_aan(actor=personas.professional, casus=casus, betrokkene=collega)
    rollen = dict(casus.betrokkenen.values_list("user__email", "rol"))
    assert rollen == {"prof@testwijde.example": "deelnemer", "collega@testwijde.example": "casusregisseur"}
    assert Betrokkene.objects.filter(casus=casus, rol="casusregisseur", tot__isnull=True).count() == 1


def test_consent_rows_are_never_edited(personas):
    casus = aanmelden(personas)
    services.leg_toestemming_vast(
        actor=personas.professional, casus=casus, doel="plan_delen", gegeven=True, wijze="mondeling", geldt_voor="Zorg Testwijde"
    )
    services.leg_toestemming_vast(
        actor=personas.professional, casus=casus, doel="plan_delen", gegeven=False, wijze="mondeling", geldt_voor="Zorg Testwijde"
    )
    assert Toestemming.objects.filter(casus=casus).count() == 2
    assert not services.heeft_toestemming(casus, "plan_delen", "Zorg Testwijde")
