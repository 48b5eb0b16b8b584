import datetime
from dataclasses import fields

import pytest
from django.core.exceptions import ValidationError

from samenwerk.casussen.models import Casus
from samenwerk.plannen import services
from samenwerk.plannen.models import PLANVELDEN, PlanVersie
from samenwerk.privacy.models import AuditEntry
from tests.factories import CasusFactory

pytestmark = pytest.mark.django_db
VANDAAG = datetime.date.today()


@pytest.fixture
def casus(personas):
    return CasusFactory(
        gebied=personas.gebied, met_toestemming=True, professional=personas.professional, organisatie=personas.organisatie
    )


def test_the_dataclass_has_every_field_of_the_paper_form():
    assert [f.name for f in fields(services.PlanInhoud)] == PLANVELDEN


def test_first_save_creates_version_1_and_moves_to_plan(personas, casus):
    plan = services.wijzig_plan(
        actor=personas.professional,
        casus=casus,
        inhoud=services.PlanInhoud(ik_wil="Weer zelf boodschappen doen", welzijnscijfer=4),
        versie=0,
    )
    assert plan.versie == 1
    versie = plan.versies.get()
    assert versie.inhoud["ik_wil"] == "Weer zelf boodschappen doen" and versie.gewijzigde_velden == ["ik_wil", "welzijnscijfer"]
    assert Casus.objects.get(pk=casus.pk).status == "plan"
    log = AuditEntry.objects.get(gebeurtenis="plan.gewijzigd")
    assert log.velden == ["ik_wil", "welzijnscijfer"] and "boodschappen" not in str(log.__dict__)


def test_no_plan_without_consent(personas):
    casus = CasusFactory(gebied=personas.gebied, professional=personas.professional, organisatie=personas.organisatie)
    with pytest.raises(ValidationError, match="toestemming"):
        services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="x"), versie=0)
    assert not PlanVersie.objects.exists()


def test_a_save_from_an_old_version_is_refused_and_names_the_change(personas, casus):
    services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="A"), versie=0)
    services.wijzig_plan(
        actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="A", nodig_kort="B"), versie=1
    )
    with pytest.raises(services.PlanConflict) as exc:
        services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="C"), versie=1)
    assert exc.value.gewijzigd == ["nodig_kort"] and exc.value.plan.versie == 2
    assert casus.plan.ik_wil == "A"


def test_saving_without_changes_makes_no_version(personas, casus):
    inhoud = services.PlanInhoud(ik_wil="A")
    services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=inhoud, versie=0)
    assert services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=inhoud, versie=1).versie == 1
    assert PlanVersie.objects.count() == 1


def test_decision_on_the_meeting_is_dated_and_on_the_timeline(personas, casus):
    plan = services.wijzig_plan(
        actor=personas.professional,
        casus=casus,
        inhoud=services.PlanInhoud(overleg_nodig=True, overleg_reden="Schulden en wonen"),
        versie=0,
    )
    assert plan.overleg_besloten_op == VANDAAG
    assert casus.tijdlijn.filter(omschrijving="Besluit: wel een Samenwerkoverleg").exists()


def _plan(personas, casus):
    return services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="A"), versie=0)


def test_agreement_defaults_to_six_weeks_and_starts_execution(personas, casus):
    _plan(personas, casus)
    afspraak = services.voeg_afspraak_toe(
        actor=personas.professional, casus=casus, wie="inwoner", wat="Bellen met de woningcorporatie"
    )
    assert afspraak.uiterlijke_datum == VANDAAG + datetime.timedelta(weeks=6)
    assert afspraak.ronde.nummer == 0
    assert Casus.objects.get(pk=casus.pk).status == "uitvoering"


def test_agreement_bad_input(personas, casus):
    _plan(personas, casus)
    with pytest.raises(ValidationError) as exc:
        services.voeg_afspraak_toe(
            actor=personas.professional,
            casus=casus,
            wie="professional",
            wat=" ",
            start=VANDAAG,
            uiterlijke_datum=VANDAAG - datetime.timedelta(days=1),
        )
    assert set(exc.value.message_dict) == {"wat", "betrokkene", "uiterlijke_datum"}
    with pytest.raises(ValidationError) as exc:
        services.voeg_afspraak_toe(
            actor=personas.professional,
            casus=casus,
            wie="inwoner",
            wat="Verhuizen",
            uiterlijke_datum=VANDAAG + datetime.timedelta(weeks=10),
        )
    assert "perspectief" in exc.value.message_dict
    afspraak = services.voeg_afspraak_toe(
        actor=personas.professional,
        casus=casus,
        wie="inwoner",
        wat="Verhuizen",
        uiterlijke_datum=VANDAAG + datetime.timedelta(weeks=10),
        perspectief="Urgentie aangevraagd",
    )
    assert afspraak.perspectief == "Urgentie aangevraagd"


def test_agreement_for_a_professional_of_another_case_is_refused(personas, casus):
    _plan(personas, casus)
    ander = CasusFactory(gebied=personas.gebied, professional=personas.niet_betrokken, organisatie=personas.organisatie)
    with pytest.raises(ValidationError):
        services.voeg_afspraak_toe(
            actor=personas.professional, casus=casus, wie="professional", wat="x", betrokkene=ander.betrokkenen.get()
        )


def test_evaluation_opens_a_new_round_for_new_agreements(personas, casus):
    _plan(personas, casus)
    eerste = services.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat="Eerste stap")
    services.voltooi_afspraak(actor=personas.professional, afspraak=eerste)
    ronde = services.evalueer(
        actor=personas.professional,
        casus=casus,
        inhoud=services.EvaluatieInhoud(
            acties_gedaan="alle", verdere_acties_nodig=True, welzijnscijfer=6, geleerd="Kleine stappen werken"
        ),
    )
    assert (ronde.nummer, ronde.evaluatie.welzijnscijfer) == (1, 6)
    assert Casus.objects.get(pk=casus.pk).status == "evaluatie"
    tweede = services.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat="Tweede stap")
    assert tweede.ronde == ronde
    assert Casus.objects.get(pk=casus.pk).status == "uitvoering"


@pytest.mark.parametrize("cijfer", [0, 11, -1])
def test_wellbeing_outside_1_to_10_is_refused(personas, casus, cijfer):
    _plan(personas, casus)
    with pytest.raises(ValidationError):
        services.evalueer(
            actor=personas.professional,
            casus=casus,
            inhoud=services.EvaluatieInhoud(acties_gedaan="deels", verdere_acties_nodig=False, welzijnscijfer=cijfer),
        )


def test_completion_date_cannot_be_in_the_future_or_before_start(personas, casus):
    _plan(personas, casus)
    afspraak = services.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat="x")
    with pytest.raises(ValidationError):
        services.voltooi_afspraak(actor=personas.professional, afspraak=afspraak, op=VANDAAG + datetime.timedelta(days=1))
    with pytest.raises(ValidationError):
        services.voltooi_afspraak(actor=personas.professional, afspraak=afspraak, op=VANDAAG - datetime.timedelta(days=1))
