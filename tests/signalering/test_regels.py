"""Each rule: the pure decision at its boundaries (day before, day of, day after), with the
municipality's numbers; then the rule over the database with time frozen."""

import datetime

import pytest

from samenwerk.casussen.models import Betrokkene
from samenwerk.gemeenten.models import Normen
from samenwerk.plannen import services as plannen
from samenwerk.signalering import casusregels as r
from samenwerk.signalering.regels import Bevinding, Ontvanger, Urgentie, regels, soorten, urgentie
from tests.signalering.conftest import VANDAAG, afspraak

D = datetime.date
DAG = datetime.timedelta(days=1)
DATUM = D(2026, 5, 15)


@pytest.mark.parametrize(("vandaag", "verwacht"), [(DATUM - DAG, False), (DATUM, False), (DATUM + DAG, True)])
def test_agreement_overdue_from_the_day_after_its_latest_date(vandaag, verwacht):
    assert r.afspraak_te_laat_geldt(uiterlijke_datum=DATUM, voltooid_op=None, vandaag=vandaag) is verwacht
    assert not r.afspraak_te_laat_geldt(uiterlijke_datum=DATUM, voltooid_op=DATUM, vandaag=vandaag)


@pytest.mark.parametrize(
    ("vandaag", "verwacht"),
    [(DATUM - 8 * DAG, False), (DATUM - 7 * DAG, True), (DATUM - DAG, True), (DATUM, True), (DATUM + DAG, False)],
)
def test_agreement_due_soon_within_the_warning_days(vandaag, verwacht):
    dagen = Normen().afspraak_waarschuwing_dagen
    assert dagen == 7
    assert r.afspraak_bijna_geldt(uiterlijke_datum=DATUM, voltooid_op=None, vandaag=vandaag, dagen=dagen) is verwacht


def test_the_warning_follows_the_municipality_number():
    assert not r.afspraak_bijna_geldt(uiterlijke_datum=DATUM, voltooid_op=None, vandaag=DATUM - 4 * DAG, dagen=3)
    assert r.afspraak_bijna_geldt(uiterlijke_datum=DATUM, voltooid_op=None, vandaag=DATUM - 3 * DAG, dagen=3)


@pytest.mark.parametrize(("vandaag", "verwacht"), [(DATUM - DAG, False), (DATUM, False), (DATUM + DAG, True)])
def test_evaluation_date_passed(vandaag, verwacht):
    assert r.evaluatie_verstreken_geldt(evaluatie_datum=DATUM, laatste_evaluatie=None, vandaag=vandaag) is verwacht


@pytest.mark.parametrize(
    ("laatste", "verwacht"), [(DATUM - 15 * DAG, True), (DATUM - 14 * DAG, False), (DATUM, False), (DATUM + DAG, False)]
)
def test_an_evaluation_shortly_before_or_after_the_date_counts(laatste, verwacht):
    assert r.evaluatie_verstreken_geldt(evaluatie_datum=DATUM, laatste_evaluatie=laatste, vandaag=DATUM + 3 * DAG) is verwacht


def test_no_evaluation_date_no_signal():
    assert not r.evaluatie_verstreken_geldt(evaluatie_datum=None, laatste_evaluatie=None, vandaag=DATUM)


@pytest.mark.parametrize(("professionals", "regisseurs", "verwacht"), [(1, 0, False), (2, 0, True), (3, 0, True), (2, 1, False)])
def test_a_casusregisseur_whenever_more_than_one_professional(professionals, regisseurs, verwacht):
    assert r.geen_casusregisseur_geldt(professionals=professionals, casusregisseurs=regisseurs) is verwacht


AFGESLOTEN = D(2026, 3, 31)  # window: 30 September 2026 - 31 March 2027 (months clip)


@pytest.mark.parametrize(
    ("vandaag", "verwacht"),
    [
        (D(2026, 9, 29), False),
        (D(2026, 9, 30), True),
        (D(2026, 10, 1), True),
        (D(2027, 3, 30), True),
        (D(2027, 3, 31), True),
        (D(2027, 4, 1), False),
    ],
)
def test_repeat_measurement_window(vandaag, verwacht):
    geldt = r.herhaalmeting_geldt(afgesloten_op=AFGESLOTEN, laatste_meting=None, vandaag=vandaag, maanden=(6, 12))
    assert geldt is verwacht


def test_a_measurement_in_the_window_ends_it_one_before_does_not():
    kwargs = {"afgesloten_op": AFGESLOTEN, "vandaag": D(2026, 11, 1), "maanden": (6, 12)}
    assert not r.herhaalmeting_geldt(laatste_meting=D(2026, 9, 30), **kwargs)
    assert r.herhaalmeting_geldt(laatste_meting=D(2026, 9, 29), **kwargs)
    assert not r.herhaalmeting_geldt(afgesloten_op=None, laatste_meting=None, vandaag=D(2026, 11, 1), maanden=(6, 12))


def test_the_window_follows_the_municipality_numbers():
    kwargs = {"afgesloten_op": AFGESLOTEN, "laatste_meting": None, "maanden": (3, 4)}
    assert r.herhaalmeting_geldt(vandaag=D(2026, 6, 30), **kwargs)
    assert not r.herhaalmeting_geldt(vandaag=D(2026, 8, 1), **kwargs)


@pytest.mark.parametrize(
    ("datum", "verwacht"),
    [(VANDAAG - DAG, Urgentie.TE_LAAT), (VANDAAG, Urgentie.DEZE_WEEK), (VANDAAG + 7 * DAG, Urgentie.DEZE_WEEK),
     (VANDAAG + 8 * DAG, Urgentie.LATER)],
)  # fmt: skip
def test_urgency(datum, verwacht):
    assert urgentie(datum, VANDAAG) == verwacht


def test_the_registry_comes_from_the_setting(settings):
    assert list(soorten()) == [
        r.AFSPRAAK_TE_LAAT, r.AFSPRAAK_BIJNA, r.EVALUATIE_VERSTREKEN, r.GEEN_CASUSREGISSEUR, r.HERHAALMETING,
        "overleg.niet_binnen_termijn", "overleg.weigering", "regie.zorgsignaal", "tafel.casuscheck", "tafel.procesevaluatie",
        "zet.verbeterpunt_te_laat", "zet.terugkoppeling",
        "leren.netwerkoverleg", "leren.steungroep", "leren.intervisie", "leren.bundel", "leren.leergeschiedenis",
        "leren.dilemma_opgelost",
        "tafel.geen_bijeenkomst", "tafel.mdo_niet_binnen_termijn", "tafel.vervolg_niet_binnen_termijn",
        "leren.geen_leersessie", "leertraject.maatjesafspraak",
    ]  # fmt: skip
    settings.SIGNALERING_REGELS = ["samenwerk.signalering.casusregels.herhaalmeting"]
    assert [regel.soort.code for regel in regels()] == [r.HERHAALMETING]


# --- The rules over the database (time frozen on Monday 20 April 2026) ----------------------


@pytest.fixture(autouse=True)
def _bevroren(request):
    """Frozen before the personas are made, so their roles are valid on the frozen day."""
    if "personas" in request.fixturenames:
        request.getfixturevalue("bevroren")


@pytest.mark.django_db
def test_overdue_and_due_soon_agreements(personas, casus):
    eigen = afspraak(casus, personas.professional, VANDAAG - DAG, eigenaar=personas.collega_andere_organisatie)
    vandaag_af = afspraak(casus, personas.professional, VANDAAG)
    later = afspraak(casus, personas.professional, VANDAAG + 8 * DAG)
    klaar = afspraak(casus, personas.professional, VANDAAG - 3 * DAG)
    plannen.voltooi_afspraak(actor=personas.professional, afspraak=klaar)
    normen = Normen()
    [te_laat] = r.afspraak_te_laat(VANDAAG, normen, personas.gemeente)
    assert te_laat == Bevinding(
        soort=r.AFSPRAAK_TE_LAAT,
        casus_id=casus.pk,
        onderwerp=("plannen.afspraak", eigen.pk),
        vervaldatum=VANDAAG - DAG,
        tekst=te_laat.tekst,
        gebruikers=frozenset({personas.collega_andere_organisatie.pk}),
    )
    assert "Geheimnaam" not in te_laat.tekst and "Iets doen" not in te_laat.tekst
    assert [b.onderwerp[1] for b in r.afspraak_bijna(VANDAAG, normen, personas.gemeente)] == [vandaag_af.pk]
    assert later.pk not in [b.onderwerp[1] for b in r.afspraak_bijna(VANDAAG, normen, personas.gemeente)]


@pytest.mark.django_db
def test_rules_stay_in_their_municipality(personas, casus):
    afspraak(casus, personas.professional, VANDAAG - DAG)
    assert list(r.afspraak_te_laat(VANDAAG, Normen(), personas.andere_gemeente)) == []


@pytest.mark.django_db
def test_closed_cases_have_no_agreement_signals(personas, casus):
    afspraak(casus, personas.professional, VANDAAG - DAG)
    casus.status = "afgesloten"
    casus.save()
    assert list(r.afspraak_te_laat(VANDAAG, Normen(), personas.gemeente)) == []


@pytest.mark.django_db
def test_evaluation_rule(personas, casus):
    plan = casus.plan
    plan.evaluatie_datum = VANDAAG - DAG
    plan.save()
    [b] = r.evaluatie_verstreken(VANDAAG, Normen(), personas.gemeente)
    assert b.onderwerp == ("plannen.samenwerkplan", plan.pk) and b.vervaldatum == VANDAAG - DAG
    plannen.evalueer(
        actor=personas.professional,
        casus=casus,
        inhoud=plannen.EvaluatieInhoud(acties_gedaan="alle", verdere_acties_nodig=False, welzijnscijfer=7),
    )
    assert list(r.evaluatie_verstreken(VANDAAG, Normen(), personas.gemeente)) == []


@pytest.mark.django_db
def test_no_casusregisseur_rule(personas, casus):
    assert list(r.geen_casusregisseur(VANDAAG, Normen(), personas.gemeente)) == []
    Betrokkene.objects.filter(casus=casus, rol="casusregisseur").update(rol="deelnemer")
    [b] = r.geen_casusregisseur(VANDAAG, Normen(), personas.gemeente)
    assert b.ontvangers == frozenset({Ontvanger.DEELNEMERS, Ontvanger.PROCESREGISSEUR})
    # one professional and a procesregisseur: no casusregisseur needed yet
    Betrokkene.objects.filter(casus=casus, user=personas.collega_andere_organisatie).update(tot=VANDAAG)
    assert list(r.geen_casusregisseur(VANDAAG, Normen(), personas.gemeente)) == []


@pytest.mark.django_db
def test_repeat_measurement_rule(personas, casus):
    casus.status, casus.afgesloten_op = "afgesloten", D(2025, 10, 20)  # six months before 20 April 2026
    casus.save()
    [b] = r.herhaalmeting(VANDAAG, Normen(), personas.gemeente)
    assert b.vervaldatum == D(2026, 10, 20)
    assert list(r.herhaalmeting(VANDAAG - DAG, Normen(), personas.gemeente)) == []
    plannen.meet_gezondheid(
        actor=personas.professional, casus=casus, datum=VANDAAG, lichaamsfuncties=5, mentaal_welbevinden=5,
        zingeving=5, kwaliteit_van_leven=5, meedoen=5, dagelijks_functioneren=5,
    )  # fmt: skip
    assert list(r.herhaalmeting(VANDAAG, Normen(), personas.gemeente)) == []
