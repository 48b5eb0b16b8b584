"""The meeting's numbers at their boundaries (domain.md §10), time frozen where it matters."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from samenwerk.overleg import antwoorden, regels, services
from samenwerk.overleg.models import Deelnemer, Weigering
from tests.overleg.conftest import genodigde

BESLOTEN = datetime.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("vandaag", "te_laat"),
    [(datetime.date(2026, 12, 14), False), (datetime.date(2026, 12, 15), False), (datetime.date(2026, 12, 16), True)],
)
def test_no_meeting_within_two_weeks_of_the_decision(vandaag, te_laat):
    assert regels.uiterlijk_overleg(BESLOTEN) == datetime.date(2026, 12, 15)
    assert regels.overleg_te_laat(BESLOTEN, None, vandaag) is te_laat


@pytest.mark.parametrize(
    ("gepland", "te_laat"),
    [(datetime.date(2026, 12, 14), False), (datetime.date(2026, 12, 15), False), (datetime.date(2026, 12, 16), True)],
)
def test_a_meeting_planned_past_the_deadline_is_late_already(gepland, te_laat):
    assert regels.overleg_te_laat(BESLOTEN, gepland, datetime.date(2026, 12, 2)) is te_laat


def test_no_decision_no_signal_and_the_number_is_a_parameter():
    assert regels.overleg_te_laat(None, None, datetime.date(2030, 1, 1)) is False
    assert regels.overleg_te_laat(BESLOTEN, None, datetime.date(2026, 12, 16), weken=3) is False


def test_reply_by_defaults_to_two_days_before_but_never_before_tomorrow():
    assert regels.standaard_antwoord_voor(datetime.date(2026, 12, 1), datetime.date(2026, 12, 10)) == datetime.date(2026, 12, 8)
    assert regels.standaard_antwoord_voor(datetime.date(2026, 12, 1), datetime.date(2026, 12, 2)) == datetime.date(2026, 12, 2)
    # A meeting today: reply today, never after the meeting.
    assert regels.standaard_antwoord_voor(datetime.date(2026, 12, 1), datetime.date(2026, 12, 1)) == datetime.date(2026, 12, 1)
    # The municipality's reply period (five working days from today) when that is sooner.
    uiterlijk = datetime.date(2026, 12, 8)
    assert regels.standaard_antwoord_voor(datetime.date(2026, 12, 1), datetime.date(2026, 12, 20), uiterlijk) == uiterlijk


@pytest.mark.parametrize(
    ("vandaag", "signaal"),
    [(datetime.date(2026, 12, 7), False), (datetime.date(2026, 12, 8), False), (datetime.date(2026, 12, 9), True)],
)
def test_no_answer_after_the_reply_by_date(vandaag, signaal):
    assert regels.geen_antwoord(True, False, datetime.date(2026, 12, 8), vandaag) is signaal
    assert regels.geen_antwoord(True, True, datetime.date(2026, 12, 8), vandaag) is False
    assert regels.geen_antwoord(False, False, datetime.date(2026, 12, 8), vandaag) is False


@pytest.mark.django_db
def test_silence_is_reported_to_the_gebiedsaanjager_once(personas, overleg):
    services.voeg_deelnemer_toe(actor=personas.professional, overleg=overleg, genodigde=genodigde())
    services.voeg_deelnemer_toe(
        actor=personas.professional, overleg=overleg, genodigde=genodigde(naam="Al Geantwoord", email="al@x.example")
    )
    services.leg_lijst_akkoord_vast(actor=personas.professional, overleg=overleg, verstuurd_door="professional")
    services.nodig_uit(actor=personas.professional, overleg=overleg)
    antwoorden.beantwoord(deelnemer=Deelnemer.objects.get(email="al@x.example"), komt=True)
    antwoord_voor = overleg.antwoord_voor
    assert antwoorden.bewaak_antwoorden(antwoord_voor) == []  # the day itself: still in time
    [weigering] = antwoorden.bewaak_antwoorden(antwoord_voor + datetime.timedelta(days=1))
    assert weigering.reden == Weigering.Reden.GEEN_ANTWOORD and weigering.deelnemer.email == "wim@wonen.example"
    assert antwoorden.bewaak_antwoorden(antwoord_voor + datetime.timedelta(days=2)) == []  # once
    # A late "yes" resolves it.
    with time_machine.travel(overleg.begint - datetime.timedelta(hours=2)):
        antwoorden.beantwoord(deelnemer=weigering.deelnemer, komt=True)
    weigering.refresh_from_db()
    assert weigering.uitkomst == Weigering.Uitkomst.OPGELOST
