"""Dutch working days: Easter computed, the public holidays, across years."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenwerk.signalering.werkdagen import feestdagen, is_werkdag, pasen, plus_werkdagen, werkdagen_tussen

D = datetime.date


@pytest.mark.parametrize(
    ("jaar", "verwacht"),
    [(2000, D(2000, 4, 23)), (2019, D(2019, 4, 21)), (2024, D(2024, 3, 31)), (2025, D(2025, 4, 20)),
     (2026, D(2026, 4, 5)), (2027, D(2027, 3, 28)), (2038, D(2038, 4, 25)), (2285, D(2285, 3, 22))],
)  # fmt: skip
def test_easter(jaar, verwacht):
    assert pasen(jaar) == verwacht
    assert pasen(jaar).weekday() == 6


def test_the_holidays_of_2026():
    assert set(feestdagen(2026)) == {
        D(2026, 1, 1), D(2026, 4, 5), D(2026, 4, 6), D(2026, 4, 27), D(2026, 5, 5), D(2026, 5, 14),
        D(2026, 5, 24), D(2026, 5, 25), D(2026, 12, 25), D(2026, 12, 26),
    }  # fmt: skip


def test_ascension_on_liberation_day_is_one_day_off():
    assert D(2016, 5, 5) in feestdagen(2016) and len(feestdagen(2016)) == 9


def test_kings_day_moves_to_saturday_when_the_27th_is_a_sunday():
    assert D(2025, 4, 26) in feestdagen(2025) and D(2025, 4, 27) not in feestdagen(2025)
    assert D(2014, 4, 26) in feestdagen(2014)


def test_good_friday_is_a_working_day():
    assert is_werkdag(D(2026, 4, 3))
    assert plus_werkdagen(D(2026, 4, 2), 1) == D(2026, 4, 3)


@pytest.mark.parametrize(
    ("van", "n", "tot"),
    [
        (D(2026, 4, 3), 1, D(2026, 4, 7)),  # Friday → Tuesday over Tweede Paasdag
        (D(2026, 5, 4), 1, D(2026, 5, 6)),  # over Bevrijdingsdag
        (D(2026, 5, 13), 1, D(2026, 5, 15)),  # over Hemelvaartsdag
        (D(2026, 5, 22), 1, D(2026, 5, 26)),  # over the Pinksteren weekend and Tweede Pinksterdag
        (D(2026, 4, 24), 5, D(2026, 5, 4)),  # five working days over Koningsdag (Monday 27 April)
        (D(2026, 12, 24), 1, D(2026, 12, 28)),  # over Christmas
        (D(2026, 12, 31), 1, D(2027, 1, 4)),  # over the new year (Friday 1 January)
        (D(2026, 12, 23), 6, D(2027, 1, 4)),  # 24, 28, 29, 30, 31 December, then 4 January
        (D(2026, 4, 7), -1, D(2026, 4, 3)),  # backwards over Tweede Paasdag
        (D(2026, 4, 7), 0, D(2026, 4, 7)),
    ],
)
def test_plus_werkdagen(van, n, tot):
    assert plus_werkdagen(van, n) == tot


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)), st.integers(min_value=1, max_value=60))
def test_adding_working_days_lands_on_a_working_day_and_counts_back(dag, n):
    uitkomst = plus_werkdagen(dag, n)
    assert is_werkdag(uitkomst)
    assert werkdagen_tussen(dag, uitkomst) == n
    assert uitkomst - dag >= datetime.timedelta(days=n)


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)), st.integers(min_value=1, max_value=60))
def test_backwards_undoes_forwards_from_a_working_day(dag, n):
    start = plus_werkdagen(dag, 1)
    assert plus_werkdagen(plus_werkdagen(start, n), -n) == start


@given(st.integers(min_value=1900, max_value=2200))
def test_every_year_has_its_holidays_between_new_year_and_christmas(jaar):
    dagen = feestdagen(jaar)
    # Ten holidays; Hemelvaart can fall on Bevrijdingsdag (5 May, e.g. in 1910 and 2016),
    # and then they share one date.
    samen = pasen(jaar) + datetime.timedelta(days=39) == D(jaar, 5, 5)
    assert len(dagen) == (9 if samen else 10)
    assert all(d.year == jaar for d in dagen)
    assert D(jaar, 3, 22) <= pasen(jaar) <= D(jaar, 4, 25)
