"""The periodic run: idempotent, closes what ended, reopens what came back, and addresses
only people who can open the case."""

import datetime

import pytest
from django.core.management import call_command

from samenwerk.casussen.models import Betrokkene, Casus
from samenwerk.gemeenten.models import Roltoewijzing
from samenwerk.plannen import services as plannen
from samenwerk.signalering import casusregels as r
from samenwerk.signalering import services
from samenwerk.signalering.engine import signaleer
from samenwerk.signalering.models import Signalering, Status
from tests.signalering.conftest import VANDAAG, afspraak, maak_casus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren")]
DAG = datetime.timedelta(days=1)


def _rijen():
    return sorted(Signalering.objects.values_list("soort", "onderwerp_id", "ontvanger__email", "status"))


def test_running_twice_creates_nothing_twice(personas, casus):
    afspraak(casus, personas.professional, VANDAAG - DAG, eigenaar=personas.collega_andere_organisatie)
    eerste = signaleer()
    assert eerste.nieuw == 3
    # the owner, the casusregisseur and the procesregisseur
    assert {e for _s, _o, e, _st in _rijen()} == {
        personas.collega_andere_organisatie.email, personas.professional.email, personas.procesregisseur.email,
    }  # fmt: skip
    voor = _rijen()
    tweede = signaleer()
    assert (tweede.nieuw, tweede.bijgewerkt, tweede.heropend, tweede.vervallen) == (0, 0, 0, 0)
    assert _rijen() == voor
    call_command("signaleer")
    assert _rijen() == voor


def test_a_signal_whose_condition_ended_is_closed_as_vervallen(personas, casus):
    a = afspraak(casus, personas.professional, VANDAAG - DAG)
    signaleer()
    plannen.voltooi_afspraak(actor=personas.professional, afspraak=a)
    assert signaleer().vervallen == 2
    assert set(Signalering.objects.values_list("status", flat=True)) == {Status.VERVALLEN}


def test_due_soon_becomes_overdue_the_day_after(personas, casus, bevroren):
    import time_machine

    afspraak(casus, personas.professional, VANDAAG)
    signaleer()
    assert set(Signalering.objects.values_list("soort", "status")) == {(r.AFSPRAAK_BIJNA, Status.OPEN)}
    with time_machine.travel(datetime.datetime(2026, 4, 21, 9, 0, tzinfo=datetime.UTC), tick=False):
        signaleer()
    assert set(Signalering.objects.values_list("soort", "status")) == {
        (r.AFSPRAAK_BIJNA, Status.VERVALLEN),
        (r.AFSPRAAK_TE_LAAT, Status.OPEN),
    }


def test_handled_stays_handled_until_the_date_changes(personas, casus):
    plan = casus.plan
    plan.evaluatie_datum = VANDAAG - DAG
    plan.save()
    signaleer()
    mijn = Signalering.objects.get(ontvanger=personas.professional)
    services.handel_af(actor=personas.professional, signalering=mijn, notitie="Evaluatie staat gepland")
    signaleer()
    mijn.refresh_from_db()
    assert mijn.status == Status.AFGEHANDELD
    # a new evaluation date that passes too is a new signal
    plan.evaluatie_datum = VANDAAG - 2 * DAG
    plan.save()
    assert signaleer().heropend == 1
    mijn.refresh_from_db()
    assert (mijn.status, mijn.notitie, mijn.vervaldatum) == (Status.OPEN, "", VANDAAG - 2 * DAG)


def test_a_condition_that_returns_reopens_the_vervallen_signal(personas, casus):
    Betrokkene.objects.filter(casus=casus, rol="casusregisseur").update(rol="deelnemer")
    signaleer()
    regie = Betrokkene.objects.get(casus=casus, user=personas.professional)
    Betrokkene.objects.filter(pk=regie.pk).update(rol="casusregisseur")
    assert signaleer().vervallen == 3  # both participants and the procesregisseur
    Betrokkene.objects.filter(pk=regie.pk).update(rol="deelnemer")
    assert signaleer().heropend == 3
    assert Signalering.objects.filter(status=Status.OPEN).count() == 3


def test_a_snoozed_signal_opens_again_on_its_date(personas, casus, bevroren):
    import time_machine

    afspraak(casus, personas.professional, VANDAAG - DAG)
    signaleer()
    mijn = Signalering.objects.get(ontvanger=personas.professional)
    services.stel_uit(actor=personas.professional, signalering=mijn, tot=VANDAAG + 2 * DAG)
    signaleer()
    mijn.refresh_from_db()
    assert mijn.status == Status.UITGESTELD
    with time_machine.travel(datetime.datetime(2026, 4, 22, 9, 0, tzinfo=datetime.UTC), tick=False):
        assert signaleer().weer_open == 1
    mijn.refresh_from_db()
    assert (mijn.status, mijn.uitgesteld_tot) == (Status.OPEN, None)


def test_without_casusregisseur_the_participants_get_the_casusregisseur_signals(personas, casus):
    Betrokkene.objects.filter(casus=casus, rol="casusregisseur").update(rol="deelnemer")
    afspraak(casus, personas.professional, VANDAAG - DAG)
    signaleer()
    ontvangers = set(Signalering.objects.filter(soort=r.AFSPRAAK_TE_LAAT).values_list("ontvanger__email", flat=True))
    assert ontvangers == {personas.professional.email, personas.collega_andere_organisatie.email, personas.procesregisseur.email}


def test_nobody_receives_a_signal_about_a_case_they_cannot_open(personas, casus):
    """The owner of an agreement who left the case, someone from another municipality put on
    it, and someone whose role ended: none of them gets a signal, and each signal's case is
    one its recipient can open."""
    vertrokken = afspraak(casus, personas.professional, VANDAAG - DAG, eigenaar=personas.collega_andere_organisatie)
    Betrokkene.objects.filter(casus=casus, user=personas.collega_andere_organisatie).update(tot=VANDAAG)
    elders = Betrokkene.objects.create(casus=casus, user=personas.professional_andere_gemeente, organisatie=personas.organisatie)
    vreemd = afspraak(casus, personas.professional, VANDAAG - 2 * DAG, eigenaar=personas.professional_andere_gemeente)
    tweede = maak_casus(personas, collega=False, proces=False)
    casus_zonder_rol = maak_casus(personas, collega=False, proces=False)
    Betrokkene.objects.create(casus=casus_zonder_rol, user=personas.zonder_rol, organisatie=personas.organisatie)
    afspraak(casus_zonder_rol, personas.professional, VANDAAG - DAG, eigenaar=personas.zonder_rol)
    Roltoewijzing.objects.filter(user=personas.niet_betrokken).update(geldig_tot=VANDAAG - DAG)
    Betrokkene.objects.create(casus=tweede, user=personas.niet_betrokken, organisatie=personas.organisatie)
    afspraak(tweede, personas.professional, VANDAAG - DAG, eigenaar=personas.niet_betrokken)
    signaleer()
    assert Signalering.objects.filter(onderwerp_id__in=[vertrokken.pk, vreemd.pk]).exists()  # the casusregisseur has them
    for user in {s.ontvanger for s in Signalering.objects.select_related("ontvanger")}:
        zichtbaar = set(Casus.objects.for_user(user).values_list("pk", flat=True))
        assert set(Signalering.objects.filter(ontvanger=user).values_list("casus_id", flat=True)) <= zichtbaar
    for buiten in (personas.collega_andere_organisatie, personas.professional_andere_gemeente, personas.zonder_rol,
                   personas.niet_betrokken, personas.gebiedsaanjager, personas.manager):  # fmt: skip
        assert not Signalering.objects.filter(ontvanger=buiten).exists(), buiten
    assert elders.pk


def test_access_ending_after_the_signal_hides_it_and_the_next_run_closes_it(personas, casus):
    afspraak(casus, personas.professional, VANDAAG - DAG, eigenaar=personas.collega_andere_organisatie)
    signaleer()
    signalering = Signalering.objects.get(ontvanger=personas.collega_andere_organisatie)
    Betrokkene.objects.filter(casus=casus, user=personas.collega_andere_organisatie).update(tot=VANDAAG)
    assert not Signalering.objects.voor(personas.collega_andere_organisatie).exists()
    signaleer()
    signalering.refresh_from_db()
    assert signalering.status == Status.VERVALLEN


def test_the_municipality_numbers_are_used(personas, casus):
    from samenwerk.gemeenten.models import Normen

    afspraak(casus, personas.professional, VANDAAG + 5 * DAG)
    normen = Normen.objects.voor(personas.gemeente)
    normen.afspraak_waarschuwing_dagen = 3
    normen.save()
    signaleer()
    assert not Signalering.objects.exists()
    normen.afspraak_waarschuwing_dagen = 5
    normen.save()
    signaleer()
    assert Signalering.objects.filter(soort=r.AFSPRAAK_BIJNA).count() == 2
