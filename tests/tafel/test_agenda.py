"""The timed agenda as a pure function (domain.md §5 step 2): blocks, what fits in the
reserved two hours, what moves to the next meeting, and when a case returns."""

from __future__ import annotations

import datetime

from samenwerk.tafel.agenda import komt_terug, stel_op, tijdschema


def soorten(voorstel):
    return [(b.soort, b.minuten, b.aanmelding_id) for b in voorstel.blokken]


def test_three_new_cases_and_returning_cases_in_order():
    voorstel = stel_op(nieuw=[1, 2, 3], casuschecks=[7], procesevaluaties=[8])
    assert soorten(voorstel)[:5] == [
        ("checkin", 10, None),
        ("inbreng", 5, 1),
        ("vragen", 5, 1),
        ("tips", 5, 1),
        ("afspraken", 5, 1),
    ]
    assert soorten(voorstel)[-3:] == [("casuscheck", 10, 7), ("procesevaluatie", 10, 8), ("checkout", 10, None)]
    assert voorstel.minuten == 10 + 3 * 20 + 2 * 10 + 10 == 100
    assert voorstel.doorgeschoven == []


def test_a_fourth_new_case_moves_to_the_next_meeting():
    voorstel = stel_op(nieuw=[1, 2, 3, 4])
    assert [b.aanmelding_id for b in voorstel.blokken if b.soort == "inbreng"] == [1, 2, 3]
    assert voorstel.doorgeschoven == [4]


def test_returning_cases_shrink_to_five_minutes_before_anything_moves():
    # 20 fixed + 60 new + 8 returning x 10 = 160 > 120; at 5 minutes: 20 + 60 + 40 = 120.
    voorstel = stel_op(nieuw=[1, 2, 3], casuschecks=list(range(10, 18)))
    assert voorstel.minuten == 120
    assert {b.minuten for b in voorstel.blokken if b.soort == "casuscheck"} == {5}
    assert voorstel.doorgeschoven == []


def test_two_new_cases_keep_their_place_and_returning_cases_move_last_first():
    # 14 returning cases at 5 = 70; with 2 new (40) + 20 = 130 > 120: the last two move on.
    voorstel = stel_op(nieuw=[1, 2, 3], casuschecks=list(range(10, 20)), procesevaluaties=[30, 31, 32, 33])
    assert [b.aanmelding_id for b in voorstel.blokken if b.soort == "inbreng"] == [1, 2]
    assert voorstel.doorgeschoven == [3, 32, 33]
    assert voorstel.minuten == 120


def test_a_shorter_meeting_fits_fewer():
    voorstel = stel_op(nieuw=[1, 2], minuten=40)
    assert [b.aanmelding_id for b in voorstel.blokken if b.soort == "inbreng"] == [1]
    assert voorstel.doorgeschoven == [2]


def test_max_new_is_a_setting():
    assert stel_op(nieuw=[1, 2, 3], max_nieuw=2).doorgeschoven == [3]


def test_casus_check_returns_at_exactly_one_meeting_at_its_boundary_days():
    aangemeld = datetime.date(2026, 1, 5)  # due 16 February, with a 7-day margin from 9 February
    assert not komt_terug(aangemeld, vorige=datetime.date(2026, 1, 26), deze=datetime.date(2026, 2, 8), weken=6, marge_dagen=7)
    assert komt_terug(aangemeld, vorige=datetime.date(2026, 1, 26), deze=datetime.date(2026, 2, 9), weken=6, marge_dagen=7)
    assert not komt_terug(aangemeld, vorige=datetime.date(2026, 2, 9), deze=datetime.date(2026, 2, 23), weken=6, marge_dagen=7)


def test_procesevaluatie_counts_calendar_months():
    aangemeld = datetime.date(2026, 8, 31)  # + 6 months = 28 February 2027
    assert komt_terug(aangemeld, vorige=datetime.date(2027, 2, 14), deze=datetime.date(2027, 2, 28), maanden=6)
    assert not komt_terug(aangemeld, vorige=datetime.date(2027, 2, 14), deze=datetime.date(2027, 2, 27), maanden=6)


def test_tijdschema_runs_the_blocks_back_to_back():
    begin = datetime.datetime(2026, 3, 3, 10, 0)
    assert tijdschema(begin, [10, 5]) == [
        (begin, datetime.datetime(2026, 3, 3, 10, 10)),
        (datetime.datetime(2026, 3, 3, 10, 10), datetime.datetime(2026, 3, 3, 10, 15)),
    ]
