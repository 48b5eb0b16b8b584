"""Every edge of the case workflow, allowed and refused (style.md §6)."""

import itertools

import pytest
from django.core.exceptions import ValidationError

from samenwerk.casussen import services
from samenwerk.casussen.workflow import TRANSITIES, VEREIST_TOESTEMMING, Status, mag_naar
from tests.factories import CasusFactory

ALLE = list(itertools.product(Status.values, Status.values))


@pytest.mark.parametrize(("van", "naar"), ALLE)
def test_table(van, naar):
    assert mag_naar(van, naar) == (naar in TRANSITIES[van])


def test_every_status_can_be_left_and_closed_cases_only_reopen():
    assert set(TRANSITIES) == set(Status.values)
    assert TRANSITIES[Status.AFGESLOTEN] == {Status.HEROPEND}
    for van, naar in TRANSITIES.items():
        assert naar, van
        assert van not in naar, f"{van} -> itself"
        if van != Status.AFGESLOTEN:
            assert Status.AFGESLOTEN in naar, f"{van} cannot be closed"


def test_the_tafel_route_passes_triage():
    assert mag_naar(Status.AANGEMELD, Status.TRIAGE)
    assert mag_naar(Status.TRIAGE, Status.VRAAGVERHELDERING)
    assert not mag_naar(Status.TRIAGE, Status.PLAN)


@pytest.mark.django_db
@pytest.mark.parametrize(("van", "naar"), [(v, n) for v, n in ALLE if n != Status.AFGESLOTEN])
def test_service_follows_the_table(personas, van, naar):
    casus = CasusFactory(gebied=personas.gebied, status=van, professional=personas.professional, organisatie=personas.organisatie)
    if van in ("aangemeld", "triage", "toestemming"):
        services.leg_toestemming_vast(actor=personas.professional, casus=casus, doel="zet", gegeven=True, wijze="mondeling")
    heeft = casus.toestemmingen.filter(doel="samenwerkwijze", gegeven=True).exists()
    toegestaan = mag_naar(van, naar) and (naar not in VEREIST_TOESTEMMING or heeft)
    if toegestaan:
        services.wijzig_status(actor=personas.professional, casus=casus, naar=naar)
        casus.refresh_from_db()
        assert casus.status == naar
    else:
        with pytest.raises(ValidationError):
            services.wijzig_status(actor=personas.professional, casus=casus, naar=naar)
        casus.refresh_from_db()
        assert casus.status == van
