import datetime

from hypothesis import given
from hypothesis import strategies as st

from samenwerk.plannen import regels

D = datetime.date


def test_six_weeks_by_default():
    assert regels.standaard_uiterlijke_datum(D(2026, 11, 2)) == D(2026, 12, 14)


def test_perspective_only_beyond_six_weeks():
    start = D(2026, 11, 2)
    assert not regels.vraagt_perspectief(start, D(2026, 12, 14))
    assert regels.vraagt_perspectief(start, D(2026, 12, 15))


def test_months_clip_to_the_end_of_a_shorter_month():
    assert regels.plus_maanden(D(2026, 8, 31), 6) == D(2027, 2, 28)
    assert regels.plus_maanden(D(2027, 8, 31), 6) == D(2028, 2, 29)
    assert regels.plus_maanden(D(2026, 1, 15), 12) == D(2027, 1, 15)


def test_repeat_measurement_window():
    assert regels.herhaalmeting_venster(D(2026, 3, 31)) == (D(2026, 9, 30), D(2027, 3, 31))


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 1, 1)), st.integers(min_value=0, max_value=120))
def test_plus_months_lands_in_the_right_month(dag, maanden):
    uitkomst = regels.plus_maanden(dag, maanden)
    assert (uitkomst.year * 12 + uitkomst.month) - (dag.year * 12 + dag.month) == maanden
    assert uitkomst.day <= dag.day
