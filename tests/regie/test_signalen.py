"""An external care signal reaches the casusregisseur's inbox for a week."""

from __future__ import annotations

import datetime

import pytest

from samenwerk.regie import services
from samenwerk.regie.signalen import NIEUW_ZORGSIGNAAL, nieuw_geldt
from samenwerk.signalering.engine import signaleer
from samenwerk.signalering.models import Signalering
from tests.factories import CasusFactory

DAG = datetime.date(2026, 12, 10)


@pytest.mark.parametrize(("dagen_geleden", "nieuw"), [(-1, False), (0, True), (6, True), (7, False)])
def test_a_care_signal_is_new_for_a_week(dagen_geleden, nieuw):
    assert nieuw_geldt(datum=DAG - datetime.timedelta(days=dagen_geleden), vandaag=DAG) is nieuw


@pytest.mark.django_db
def test_the_casusregisseur_gets_it_and_nobody_without_access(personas):
    casus = CasusFactory(
        gebied=personas.gebied, met_toestemming=True, professional=personas.professional, organisatie=personas.organisatie
    )
    services.leg_signaal_vast(actor=personas.professional, casus=casus, bron="politie", tekst="Melding van geluidsoverlast")
    signaleer()
    rijen = Signalering.objects.filter(soort=NIEUW_ZORGSIGNAAL)
    assert [r.ontvanger for r in rijen] == [personas.professional]
    assert "geluidsoverlast" not in rijen.get().tekst  # the inbox line holds no content
