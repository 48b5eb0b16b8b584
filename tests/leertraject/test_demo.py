"""The demo cohorts in Lindenhoven: one finished with certificates (one revoked) and buddies
whose appointment is due, one running with assignments in every state; idempotent."""

import pytest
from django.core.management import call_command

from samenwerk.leertraject import badges
from samenwerk.leertraject.models import Certificaat, Inlevering, Leertraject
from samenwerk.signalering.models import Signalering

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # each loads the demo (~10 s)


def test_demo_leertrajecten():
    call_command("load_demo", "--quiet-logins")
    call_command("load_demo", "--quiet-logins")
    assert Leertraject.objects.filter(gemeente__slug="lindenhoven").count() == 2
    gedaan = Leertraject.objects.get(naam="Leertraject Samenwerkwijze voorjaar")
    assert gedaan.deelnemers.values("organisatie").distinct().count() == gedaan.deelnemers.count() == 6
    statussen = {c.pk: badges.verifieer(c.jws).status for c in Certificaat.objects.all()}
    assert sorted(statussen.values()) == ["geldig", "ingetrokken"]
    assert set(Inlevering.objects.values_list("status", flat=True)) == {"ingeleverd", "aanvullen", "akkoord"}
    assert Signalering.objects.filter(soort="leertraject.maatjesafspraak").count() == 6  # three pairs, both buddies
