"""The computed dossier study: the facts come from the case's records, dated exactly."""

import pytest

from samenwerk.zet import dossier

from .helpers import BEGIN, dag, dossiercasus

pytestmark = pytest.mark.django_db


def test_the_facts_are_the_records_dates(personas):
    casus = dossiercasus(personas)
    feiten = dossier.bereken(casus)
    datums = {f.code: f.datum for f in feiten.feiten}
    assert datums == {
        "signaal": BEGIN,
        "vraagverheldering": dag(3),
        "besluit": dag(10),
        "overleg": dag(20),
        "afspraken": dag(20),
        "ave": dag(30),
        "afspraken_klaar": dag(50),
        "evaluatie": dag(60),
        "afgesloten": dag(70),
    }
    assert [f.dagen for f in feiten.feiten] == sorted(f.dagen for f in feiten.feiten)
    assert dossier.duur(feiten, "besluit", "overleg") == 10
    assert dossier.duur(feiten, "overleg", "afspraken_klaar") == 30
    assert (feiten.afspraken, feiten.afspraken_voltooid) == (2, 2)


def test_where_the_resident_was(personas):
    feiten = dossier.bereken(dossiercasus(personas))
    perioden = {p.organisatie: (p.van, p.tot) for p in feiten.perioden}
    assert perioden == {"Welzijn Testwijde": (BEGIN, None), "Zorg Testwijde": (dag(15), dag(55))}


def test_an_open_agreement_means_not_all_done(personas):
    casus = dossiercasus(personas)
    casus.plan.afspraken.filter(voltooid_op=dag(50)).update(voltooid_op=None)
    assert dossier.bereken(casus).datum("afspraken_klaar") is None


def test_the_drawing_places_facts_on_a_day_axis(personas):
    feiten = dossier.bereken(dossiercasus(personas))
    tekening = dossier.tekening(feiten, vandaag=dag(70))
    xs = [p["x"] for p in tekening.punten]
    assert xs[0] == 20 and xs[-1] == 680  # signal at the left, closing at the right end
    assert xs == sorted(xs)
    assert len(tekening.balken) == 2


def test_a_fixed_number_of_queries(personas, django_assert_num_queries):
    casus = dossiercasus(personas)
    with django_assert_num_queries(8):
        dossier.bereken(casus)
