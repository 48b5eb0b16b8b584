import pytest

from samenwerk.plannen import services as plannen
from samenwerk.regie import services
from tests.factories import CasusFactory


@pytest.fixture
def casus(personas):
    """A running case: the professional directs it, a colleague of another organisation takes part."""
    casus = CasusFactory(
        gebied=personas.gebied,
        met_toestemming=True,
        professional=personas.professional,
        organisatie=personas.organisatie,
        inwoner__voornaam="Fenna",
        inwoner__achternaam="Testinwoner",
        aanleiding="Fenna heeft schulden bij de bakker",
    )
    casus.betrokkenen.create(user=personas.collega_andere_organisatie, organisatie=personas.andere_organisatie)
    plannen.wijzig_plan(
        actor=personas.professional, casus=casus, inhoud=plannen.PlanInhoud(ik_wil="Geheime wens van Fenna"), versie=0
    )
    plannen.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat="Zelf de corporatie bellen")
    return casus


@pytest.fixture
def opgeschaald(personas, casus):
    """The same case, scaled up: the procesregisseur persona takes part."""
    services.schaal_op(
        actor=personas.professional,
        casus=casus,
        user=personas.procesregisseur,
        organisatie=personas.organisatie,
        reden="samenwerking_stokt",
        toelichting="Schuldhulp en corporatie spreken elkaar tegen",
    )
    return casus
