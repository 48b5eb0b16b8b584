"""The buddy appointment three months after the course: a signal about no case to both
buddies, from the appointment day on (boundary days), until it is recorded as held."""

from __future__ import annotations

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse

from samenwerk.leertraject import services
from samenwerk.leertraject.signalen import MAATJESAFSPRAAK
from samenwerk.plannen.regels import plus_maanden
from samenwerk.signalering.engine import signaleer
from samenwerk.signalering.models import Signalering, Status
from tests.auth import login

from .cohort import maak_cohort

pytestmark = pytest.mark.django_db

REGELS = override_settings(SIGNALERING_REGELS=["samenwerk.leertraject.signalen.maatjesafspraak"])


@pytest.fixture
def paar(personas):  # type: ignore[no-untyped-def]
    cohort = maak_cohort(personas)
    paar, _ = services.koppel_maatjes(actor=personas.gebiedsaanjager, eerste=cohort.deelnemer, tweede=cohort.deelnemer2)
    return paar


@REGELS
def test_de_dag_voor_de_afspraak_nog_niets_op_de_dag_zelf_beide_maatjes(personas, paar):
    laatste = datetime.date.today() - datetime.timedelta(days=20)
    assert paar.afspraak_op == plus_maanden(laatste, 3)
    signaleer(vandaag=paar.afspraak_op - datetime.timedelta(days=1))
    assert not Signalering.objects.exists()
    signaleer(vandaag=paar.afspraak_op)
    rijen = set(Signalering.objects.values_list("soort", "ontvanger_id", "casus_id", "vervaldatum"))
    assert rijen == {
        (MAATJESAFSPRAAK, personas.professional.pk, None, paar.afspraak_op),
        (MAATJESAFSPRAAK, personas.collega_andere_organisatie.pk, None, paar.afspraak_op),
    }


@REGELS
def test_de_link_leidt_naar_de_maatjespagina_en_het_signaal_vervalt_na_de_afspraak(client, personas, paar):
    signaleer(vandaag=paar.afspraak_op)
    login(client, personas.professional)
    html = client.get(reverse("signalering:inbox")).content.decode()
    assert reverse("leertraject:maatjes", kwargs={"paar_id": paar.pk}) in html
    services.leg_maatjesafspraak_vast(actor=personas.professional, paar=paar, gehouden_op=datetime.date.today())
    signaleer(vandaag=paar.afspraak_op + datetime.timedelta(days=1))
    assert set(Signalering.objects.values_list("status", flat=True)) == {Status.VERVALLEN}


@REGELS
def test_geen_signaal_zonder_lesdagen(personas):
    from samenwerk.leertraject.models import Maatjes

    cohort = maak_cohort(personas)
    cohort.traject.dagen.all().delete()
    paar, _ = services.koppel_maatjes(actor=personas.gebiedsaanjager, eerste=cohort.deelnemer, tweede=cohort.deelnemer2)
    assert Maatjes.objects.get(pk=paar.pk).afspraak_op is None
    signaleer(vandaag=datetime.date.today() + datetime.timedelta(days=400))
    assert not Signalering.objects.exists()
