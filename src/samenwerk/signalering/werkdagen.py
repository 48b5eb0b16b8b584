"""Working days in the Netherlands, as pure functions (style.md §6). No network: Easter is
computed (the anonymous Gregorian algorithm), the other days follow from it or the calendar.

Which days count as a day off (docs/signalering.md):

- Nieuwjaarsdag (1 January), Tweede Paasdag, Koningsdag (27 April; 26 April when the 27th is
  a Sunday), Bevrijdingsdag (5 May), Hemelvaartsdag, Tweede Pinksterdag, Eerste and Tweede
  Kerstdag — and Saturdays and Sundays, so Eerste Paasdag and Eerste Pinksterdag are off anyway.
- **Goede Vrijdag is a working day.** It is not a general day off in the Netherlands (the
  Algemene termijnenwet does not name it; most collective agreements don't either), so a
  reply period running over Easter does not skip it.
- **Bevrijdingsdag counts every year.** The Algemene termijnenwet names 5 May, and a
  deadline set by the platform should not land on a day many partner organisations are
  closed, even in years their collective agreement does not give it off.
"""

from __future__ import annotations

import datetime
from functools import cache

D = datetime.date
DAG = datetime.timedelta(days=1)


def pasen(jaar: int) -> D:
    """Easter Sunday (Gregorian calendar), by the anonymous Gregorian algorithm."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lijn = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lijn) // 451
    maand, dag = divmod(h + lijn - 7 * m + 114, 31)
    return D(jaar, maand, dag + 1)


@cache
def feestdagen(jaar: int) -> dict[D, str]:
    """The general days off of one year, with their Dutch names."""
    p = pasen(jaar)
    koningsdag = D(jaar, 4, 27)
    if koningsdag.weekday() == 6:  # a Sunday: celebrated the day before
        koningsdag = D(jaar, 4, 26)
    return {
        D(jaar, 1, 1): "Nieuwjaarsdag",
        p: "Eerste Paasdag",
        p + DAG: "Tweede Paasdag",
        koningsdag: "Koningsdag",
        D(jaar, 5, 5): "Bevrijdingsdag",
        p + 39 * DAG: "Hemelvaartsdag",
        p + 49 * DAG: "Eerste Pinksterdag",
        p + 50 * DAG: "Tweede Pinksterdag",
        D(jaar, 12, 25): "Eerste Kerstdag",
        D(jaar, 12, 26): "Tweede Kerstdag",
    }


def is_feestdag(dag: D) -> bool:
    return dag in feestdagen(dag.year)


def is_werkdag(dag: D) -> bool:
    return dag.weekday() < 5 and not is_feestdag(dag)


def plus_werkdagen(dag: D, n: int) -> D:
    """The n-th working day after `dag` (before it for negative n); `dag` itself never
    counts, so plus_werkdagen(friday, 1) is the next Monday. n == 0 returns `dag`."""
    stap = DAG if n >= 0 else -DAG
    over = abs(n)
    while over:
        dag += stap
        if is_werkdag(dag):
            over -= 1
    return dag


def werkdagen_tussen(van: D, tot: D) -> int:
    """Working days after `van` up to and including `tot` (0 when tot <= van)."""
    aantal, dag = 0, van
    while dag < tot:
        dag += DAG
        aantal += is_werkdag(dag)
    return aantal
