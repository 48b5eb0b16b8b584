"""The demo of the upper steps: dilemmas at all three levels (one resolved at the steungroep
and flowed back), a year of meetings, a bundle and a leergeschiedenis. Loaded twice: no doubles."""

import pytest
from django.core.management import call_command

from samenwerk.leren.models import Dilemma, Leerdocument, Niveau, Trapoverleg
from samenwerk.leren.trap.services import OPLOSSING
from samenwerk.signalering.models import Signalering

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # each loads the demo (~10 s)


def test_demo_staircase():
    call_command("load_demo", "--quiet-logins")
    call_command("load_demo", "--quiet-logins")
    assert set(Dilemma.objects.values_list("niveau", flat=True)) == set(Niveau.values)
    opgelost = Dilemma.objects.get(status="opgelost")
    assert opgelost.niveau == Niveau.STEUNGROEP and opgelost.stappen.count() == 3
    assert Signalering.objects.filter(soort=OPLOSSING, onderwerp_id=opgelost.pk).count() == 4
    assert Trapoverleg.objects.filter(soort="netwerkoverleg").count() >= 8
    assert 4 <= Trapoverleg.objects.filter(soort="steungroep").count() <= 6
    assert set(Leerdocument.objects.values_list("soort", flat=True)) == {"bundel", "leergeschiedenis"}
    geschiedenis = Leerdocument.objects.get(soort="leergeschiedenis").versies.get().inhoud
    assert "Geen uren voor het Samenwerkoverleg (Steungroep)" in geschiedenis["lessen"]
