"""The table's signals of issue 23 item 6, each at its boundary days: no meeting planned in
the next two weeks (about no case: to the chair and secretary), kennismaking → MDO+ within
1-2 weeks, MDO+ → follow-up within 3-4 weeks (to the regievoerder and the duo)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samenwerk.gemeenten.models import Normen
from samenwerk.overleg.models import Overleg
from samenwerk.signalering.engine import signaleer
from samenwerk.signalering.models import Signalering
from samenwerk.tafel import selectors, services, signalen
from samenwerk.tafel.models import Kennismaking
from tests.factories import casus_met_team
from tests.tafel.conftest import gegevens, om_tien

pytestmark = pytest.mark.django_db

DAG = datetime.timedelta(days=1)


def _vind(regel, vandaag, personas):
    return list(regel(vandaag, Normen.objects.voor(personas.gemeente), personas.gemeente))


# --- the pure decisions --------------------------------------------------------------------


def test_geen_bijeenkomst_boundary():
    vandaag = datetime.date(2026, 3, 2)
    assert not signalen.geen_bijeenkomst(vandaag, vandaag, 2)
    assert not signalen.geen_bijeenkomst(vandaag, vandaag + datetime.timedelta(weeks=2), 2)  # the last day still counts
    assert signalen.geen_bijeenkomst(vandaag, vandaag + datetime.timedelta(weeks=2) + DAG, 2)
    assert signalen.geen_bijeenkomst(vandaag, None, 2)


def test_buiten_termijn_boundaries():
    start = datetime.date(2026, 3, 2)
    eerst, laatst = start + datetime.timedelta(weeks=1), start + datetime.timedelta(weeks=2)
    # nothing planned: only after the last day
    assert not signalen.buiten_termijn(start, None, laatst, 1, 2)
    assert signalen.buiten_termijn(start, None, laatst + DAG, 1, 2)
    # planned: within [first, last] is fine, a day later is not
    assert not signalen.buiten_termijn(start, laatst, start, 1, 2)
    assert signalen.buiten_termijn(start, laatst + DAG, start, 1, 2)
    assert not signalen.buiten_termijn(start, eerst, start, 1, 2)
    # planned too soon, while it can still be moved
    assert signalen.buiten_termijn(start, eerst - DAG, start, 1, 2)
    assert not signalen.buiten_termijn(start, eerst - DAG, eerst, 1, 2)  # it has happened: nothing to move


# --- no meeting planned ----------------------------------------------------------------------


def test_a_table_without_a_meeting_in_the_next_two_weeks_is_signalled_to_chair_and_secretary(personas, tafel):
    vandaag = timezone.localdate()
    tafel.secretaris = personas.niet_betrokken
    tafel.save()
    laatste = vandaag + datetime.timedelta(weeks=2)
    tafel.bijeenkomsten.create(begint=om_tien(laatste + DAG), eindigt=om_tien(laatste + DAG), locatie="x")
    [bevinding] = _vind(signalen.geen_bijeenkomst_gepland, vandaag, personas)
    assert bevinding.casus_id is None and bevinding.onderwerp == ("tafel.tafel", tafel.pk)
    assert bevinding.gebruikers == {personas.tafelvoorzitter.pk, personas.niet_betrokken.pk}
    assert selectors.geen_bijeenkomst_binnenkort(tafel, vandaag)  # the page warning stays, same decision
    tafel.bijeenkomsten.create(begint=om_tien(laatste), eindigt=om_tien(laatste), locatie="x")
    assert _vind(signalen.geen_bijeenkomst_gepland, vandaag, personas) == []
    assert not selectors.geen_bijeenkomst_binnenkort(tafel, vandaag)


def test_the_engine_gives_the_table_signal_to_the_chair_only_with_a_link_to_the_table(personas, tafel):
    signaleer(vandaag=timezone.localdate())
    [signaal] = Signalering.objects.filter(soort=signalen.GEEN_BIJEENKOMST)
    assert signaal.casus_id is None and signaal.ontvanger_id == personas.tafelvoorzitter.pk
    from samenwerk.signalering.regels import soorten

    assert soorten()[signalen.GEEN_BIJEENKOMST].link(tafel.pk) == f"/tafel/{tafel.pk}/"


# --- kennismaking → MDO+, MDO+ → voortgangsgesprek ------------------------------------------


@pytest.fixture
def kennismaking(personas, tafel):
    casus = casus_met_team(personas, collega=False, proces=False)
    aanmelding = services.meld_aan(actor=personas.professional, tafel=tafel, casus=casus, gegevens=gegevens())
    services.leg_triage_vast(actor=personas.tafelvoorzitter, aanmelding=aanmelding, uitkomst="geschikt", reden="past")
    services.leg_afspraken_vast(
        actor=personas.tafelvoorzitter, aanmelding=aanmelding, regievoerder=personas.professional,
        duo=tafel.leden.get(user=personas.collega_andere_organisatie), terug_op=timezone.localdate() + DAG,
    )  # fmt: skip
    return Kennismaking.objects.create(
        aanmelding=aanmelding,
        datum=timezone.localdate(),
        aanwezig="x",
        centrale_vraag="Hoe?",
        vastgelegd_door=personas.professional,
    )


def _overleg(personas, casus, dag: datetime.date, **velden: object) -> Overleg:
    velden = {"vorm": Overleg.Vorm.MDO_PLUS} | velden
    return Overleg.objects.create(
        gemeente=personas.gemeente, casus=casus, doel="x", begint=om_tien(dag), eindigt=om_tien(dag), voorzitter="x",
        notulist="x", antwoord_voor=dag, organisator=personas.professional, **velden,
    )  # fmt: skip


def test_mdo_plus_not_within_two_weeks_of_the_kennismaking(personas, kennismaking):
    k = kennismaking.datum
    laatst = k + datetime.timedelta(weeks=2)
    assert _vind(signalen.mdo_te_laat, laatst, personas) == []
    [bevinding] = _vind(signalen.mdo_te_laat, laatst + DAG, personas)
    assert (bevinding.casus_id, bevinding.vervaldatum) == (kennismaking.aanmelding.casus_id, laatst)
    assert bevinding.gebruikers == {personas.collega_andere_organisatie.pk}  # the duo, besides the regievoerder
    casus = kennismaking.aanmelding.casus
    te_laat = _overleg(personas, casus, laatst + DAG)
    assert len(_vind(signalen.mdo_te_laat, k, personas)) == 1  # planned, but after the window
    te_laat.status = Overleg.Status.GEANNULEERD
    te_laat.save()
    _overleg(personas, casus, laatst)
    assert _vind(signalen.mdo_te_laat, laatst + DAG, personas) == []


def test_mdo_plus_planned_sooner_than_a_week_is_signalled_while_it_can_be_moved(personas, kennismaking):
    k = kennismaking.datum
    _overleg(personas, kennismaking.aanmelding.casus, k + datetime.timedelta(days=6))
    assert len(_vind(signalen.mdo_te_laat, k, personas)) == 1
    Overleg.objects.update(begint=om_tien(k + datetime.timedelta(days=7)))
    assert _vind(signalen.mdo_te_laat, k, personas) == []


def test_follow_up_not_within_four_weeks_of_the_mdo_plus(personas, kennismaking):
    casus = kennismaking.aanmelding.casus
    m = kennismaking.datum + datetime.timedelta(weeks=1)
    _overleg(personas, casus, m)
    assert _vind(signalen.vervolg_te_laat, m - DAG, personas) == []  # the MDO+ has not taken place yet
    laatst = m + datetime.timedelta(weeks=4)
    assert _vind(signalen.vervolg_te_laat, laatst, personas) == []
    [bevinding] = _vind(signalen.vervolg_te_laat, laatst + DAG, personas)
    assert bevinding.vervaldatum == laatst and bevinding.onderwerp == ("tafel.aanmelding", kennismaking.aanmelding_id)
    _overleg(personas, casus, laatst, vorm=Overleg.Vorm.SAMENWERKWIJZE, soort=Overleg.Soort.VOORTGANG)
    assert _vind(signalen.vervolg_te_laat, laatst + DAG, personas) == []


def test_follow_up_planned_a_day_after_the_window_is_signalled(personas, kennismaking):
    casus = kennismaking.aanmelding.casus
    m = kennismaking.datum
    _overleg(personas, casus, m)
    _overleg(
        personas, casus, m + datetime.timedelta(weeks=4) + DAG, vorm=Overleg.Vorm.SAMENWERKWIJZE, soort=Overleg.Soort.VOORTGANG
    )
    assert len(_vind(signalen.vervolg_te_laat, m, personas)) == 1


def test_the_rules_are_registered(settings):
    for naam in ("geen_bijeenkomst_gepland", "mdo_te_laat", "vervolg_te_laat"):
        assert f"samenwerk.tafel.signalen.{naam}" in settings.SIGNALERING_REGELS
