"""Netwerkoverleg, steungroep and intervisie: one meeting model with a kind; agenda,
attendance, decisions, actions with owners and dates; a calendar invitation per invitee."""

from __future__ import annotations

import datetime

import pytest
import vobject
from django.core.exceptions import ValidationError
from django.utils import timezone

from samenwerk.leren.models import Trapoverleg
from samenwerk.leren.trap import services

from .conftest import dilemma, om, verstuur_alles

pytestmark = pytest.mark.django_db
S = Trapoverleg.Soort


def _plan(personas, soort=S.NETWERKOVERLEG, dagen=7, **anders):  # type: ignore[no-untyped-def]
    dag = timezone.localdate() + datetime.timedelta(days=dagen)
    velden = {
        "actor": personas.manager, "gemeente": personas.gemeente, "soort": soort, "begint": om(dag), "eindigt": om(dag, 17),
        "locatie": "Gemeentehuis", "voorzitter": personas.manager, "genodigden": [personas.gebiedsaanjager],
    }  # fmt: skip
    return services.plan_overleg(**(velden | anders))


def test_invitees_get_a_calendar_invitation(personas, smtp):
    overleg = _plan(personas)
    verstuur_alles()
    mails = smtp.wacht(2)
    assert sorted(m["To"] for m in mails) == sorted([personas.manager.email, personas.gebiedsaanjager.email])
    mail = next(m for m in mails if m["To"] == personas.gebiedsaanjager.email)
    assert mail["Subject"].startswith("Uitnodiging: Netwerkoverleg op ")
    [deel] = [p for p in mail.walk() if p.get_content_type() == "text/calendar"]
    event = vobject.readOne(deel.get_payload(decode=True).decode()).vevent
    assert event.uid.value == f"trapoverleg-{overleg.uid}@samenwerkplatform"
    assert event.dtstart.value == overleg.begint and event.location.value == "Gemeentehuis"
    assert event.attendee.value == f"mailto:{personas.gebiedsaanjager.email}"


def test_only_the_kinds_own_people_plan_it(personas):
    with pytest.raises(ValidationError) as fout:
        _plan(personas, soort=S.STEUNGROEP)
    assert fout.value.message_dict["soort"] == ["Met uw rol kunt u dit soort overleg niet plannen."]
    assert _plan(personas, soort=S.STEUNGROEP, actor=personas.bestuurder, voorzitter=personas.bestuurder).soort == S.STEUNGROEP
    assert _plan(personas, soort=S.INTERVISIE, actor=personas.gebiedsaanjager, voorzitter=None).soort == S.INTERVISIE


def test_bad_times_and_strangers_are_refused(personas):
    with pytest.raises(ValidationError) as fout:
        _plan(personas, eindigt=om(timezone.localdate()))
    assert "eindigt" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        _plan(personas, genodigden=[personas.professional_andere_gemeente])
    assert "genodigden" in fout.value.message_dict


def test_agenda_attendance_decisions_and_actions(personas):
    overleg = _plan(personas, dagen=0, begint=timezone.now() - datetime.timedelta(hours=1), eindigt=timezone.now())
    d = dilemma(personas, actor=personas.manager)
    punt = services.voeg_agendapunt_toe(actor=personas.manager, overleg=overleg, dilemma=d)
    assert punt.titel == "Dilemma: Geen tijd voor overleg" and d.stappen.get().overleg == overleg
    vrij = services.voeg_agendapunt_toe(actor=personas.manager, overleg=overleg, titel="Nieuwe partners")
    assert [p.pk for p in overleg.agenda.all()] == [punt.pk, vrij.pk]
    services.registreer_aanwezigheid(actor=personas.manager, overleg=overleg, aanwezig=[personas.manager.pk])
    assert dict(overleg.deelnemers.values_list("user_id", "aanwezig")) == {
        personas.manager.pk: True,
        personas.gebiedsaanjager.pk: False,
    }
    services.leg_besluit_vast(actor=personas.manager, overleg=overleg, tekst="Elke organisatie levert een ambassadeur")
    actie = services.voeg_actie_toe(
        actor=personas.manager, overleg=overleg, wat="Ambassadeurs benoemen", eigenaar=personas.gebiedsaanjager,
        uiterlijk=timezone.localdate() + datetime.timedelta(days=30),
    )  # fmt: skip
    assert actie.eigenaar == personas.gebiedsaanjager
    with pytest.raises(ValidationError):  # an executive does not run the managers' meeting
        services.leg_besluit_vast(actor=personas.bestuurder, overleg=overleg, tekst="x")
    with pytest.raises(ValidationError) as fout:
        services.voeg_actie_toe(
            actor=personas.manager, overleg=overleg, wat="x", eigenaar=personas.zonder_rol, uiterlijk=timezone.localdate()
        )
    assert "eigenaar" in fout.value.message_dict


def test_a_dilemma_goes_only_on_its_own_levels_agenda(personas):
    overleg = _plan(personas)
    d = dilemma(personas)  # professionals' level
    with pytest.raises(ValidationError) as fout:
        services.voeg_agendapunt_toe(actor=personas.manager, overleg=overleg, dilemma=d)
    assert fout.value.message_dict["dilemma"] == ["Dit dilemma ligt niet op het niveau van dit overleg."]


def test_attendance_waits_for_the_meeting(personas):
    overleg = _plan(personas)
    with pytest.raises(ValidationError):
        services.registreer_aanwezigheid(actor=personas.manager, overleg=overleg, aanwezig=[personas.manager.pk])
