"""The table's services: members over time, the schedule, registration with the resident's
knowledge, the agenda with optimistic locking, triage."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samenwerk.casussen.models import Casus
from samenwerk.privacy.models import AuditEntry
from samenwerk.tafel import services
from samenwerk.tafel.models import Aanmelding, Tafellid
from tests.factories import RoltoewijzingFactory, UserFactory, casus_met_team
from tests.tafel.conftest import gegevens, om_tien

pytestmark = pytest.mark.django_db


def test_at_most_two_members_per_organisation_and_history_is_kept(personas, tafel):
    derde = UserFactory()
    RoltoewijzingFactory(user=derde, gemeente=personas.gemeente, organisatie=personas.organisatie)
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    services.voeg_lid_toe(actor=personas.tafelvoorzitter, tafel=tafel, user=personas.professional,
                          organisatie=personas.organisatie, expertise="x", vanaf=gisteren)  # fmt: skip
    with pytest.raises(ValidationError) as fout:
        services.voeg_lid_toe(
            actor=personas.tafelvoorzitter, tafel=tafel, user=derde, organisatie=personas.organisatie, expertise="x"
        )
    assert "al twee leden" in str(fout.value)
    lid = Tafellid.objects.get(tafel=tafel, user=personas.professional)
    services.beeindig_lid(actor=personas.tafelvoorzitter, lid=lid, tot=gisteren)
    services.voeg_lid_toe(
        actor=personas.tafelvoorzitter, tafel=tafel, user=derde, organisatie=personas.organisatie, expertise="x"
    )
    assert tafel.leden.filter(organisatie=personas.organisatie).count() == 3  # the one who left stays in the history
    assert tafel.leden.actief().filter(organisatie=personas.organisatie).count() == 2


def test_a_member_must_work_for_the_organisation(personas, tafel):
    with pytest.raises(ValidationError) as fout:
        services.voeg_lid_toe(actor=personas.tafelvoorzitter, tafel=tafel, user=personas.manager,
                              organisatie=personas.andere_organisatie, expertise="x")  # fmt: skip
    assert "werkt niet voor die organisatie" in str(fout.value)


def test_only_the_tafelvoorzitter_or_beheerder_sets_up_a_table(personas):
    with pytest.raises(ValidationError):
        services.maak_tafel(actor=personas.professional, gemeente=personas.gemeente, naam="T", locatie="x",
                            voorzitter=personas.tafelvoorzitter)  # fmt: skip


def test_the_series_is_biweekly_and_not_made_twice(personas, tafel):
    eerste = om_tien(timezone.localdate() + datetime.timedelta(days=1))
    tot = eerste.date() + datetime.timedelta(weeks=8)
    nieuw = services.plan_reeks(actor=personas.tafelvoorzitter, tafel=tafel, eerste=eerste, tot=tot)
    assert [b.begint.date() for b in nieuw] == [eerste.date() + datetime.timedelta(weeks=2 * n) for n in range(5)]
    assert all(b.eindigt - b.begint == datetime.timedelta(hours=2) and b.locatie == "Buurthuis" for b in nieuw)
    assert services.plan_reeks(actor=personas.tafelvoorzitter, tafel=tafel, eerste=eerste, tot=tot) == []


def test_registration_without_the_residents_knowledge_is_refused(personas, tafel):
    casus = casus_met_team(personas)
    with pytest.raises(ValidationError) as fout:
        services.meld_aan(actor=personas.professional, tafel=tafel, casus=casus,
                          gegevens=gegevens(inwoner_weet_hoe="", inwoner_weet_op=None))  # fmt: skip
    assert set(fout.value.message_dict) == {"inwoner_weet_hoe", "inwoner_weet_op"}
    assert "Meld alleen aan als de inwoner ervan weet" in fout.value.message_dict["inwoner_weet_hoe"][0]
    assert not Aanmelding.objects.exists()


def test_registration_of_a_case_the_registrant_does_not_see_is_refused(personas, tafel):
    casus = casus_met_team(personas)
    with pytest.raises(ValidationError) as fout:
        services.meld_aan(actor=personas.niet_betrokken, tafel=tafel, casus=casus, gegevens=gegevens())
    assert "niet bij betrokken" in str(fout.value)


def test_registration_creates_a_case_on_the_tafel_route(personas, tafel):
    from samenwerk.casussen.services import InwonerGegevens

    aanmelding = services.meld_aan(
        actor=personas.professional, tafel=tafel, gegevens=gegevens(),
        nieuwe_casus={"organisatie": personas.organisatie, "gebied": personas.gebied, "binnengekomen_via": "politie",
                      "inwoner": InwonerGegevens(voornaam="Kees", achternaam="Vink")},
    )  # fmt: skip
    casus = Casus.objects.get(pk=aanmelding.casus_id)
    assert (casus.route, casus.status) == ("tafel", "triage")
    assert AuditEntry.objects.filter(gebeurtenis="tafel.aanmelding.aangemaakt", casus_id=casus.pk, actie="create").exists()


def test_linking_an_existing_case_moves_it_to_the_tafel_route_once(personas, tafel):
    casus = casus_met_team(personas)
    services.meld_aan(actor=personas.professional, tafel=tafel, casus=casus, gegevens=gegevens())
    assert Casus.objects.get(pk=casus.pk).route == "tafel"
    with pytest.raises(ValidationError) as fout:
        services.meld_aan(actor=personas.professional, tafel=tafel, casus=casus, gegevens=gegevens())
    assert "wacht op de Tafel" in str(fout.value)


def _aanmeldingen(personas, tafel, n):
    casussen = [casus_met_team(personas) for _ in range(n)]
    return [services.meld_aan(actor=personas.professional, tafel=tafel, casus=c, gegevens=gegevens()) for c in casussen]


def test_fixing_the_agenda_places_three_and_leaves_the_fourth_waiting(personas, tafel, bijeenkomst):
    eerste, *_rest, vierde = _aanmeldingen(personas, tafel, 4)
    services.stel_agenda_op(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, versie=0)
    assert bijeenkomst.blokken.filter(soort="inbreng").count() == 3
    assert Aanmelding.objects.get(pk=eerste.pk).bijeenkomst_id == bijeenkomst.pk
    assert Aanmelding.objects.get(pk=vierde.pk).bijeenkomst_id is None


def test_a_second_editor_gets_a_conflict_not_an_overwrite(personas, tafel, bijeenkomst):
    _aanmeldingen(personas, tafel, 1)
    services.stel_agenda_op(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, versie=0)
    blokken = list(bijeenkomst.blokken.order_by("volgorde"))
    omgekeerd = [services.Blokwijziging(blok_id=b.pk, minuten=b.minuten) for b in reversed(blokken)]
    services.wijzig_agenda(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, versie=1, blokken=omgekeerd)
    zelfde = [services.Blokwijziging(blok_id=b.pk, minuten=1) for b in blokken]
    with pytest.raises(services.AgendaConflict) as conflict:
        services.wijzig_agenda(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, versie=1, blokken=zelfde)
    assert conflict.value.huidig == 2
    assert [b.pk for b in bijeenkomst.blokken.order_by("volgorde")] == [b.pk for b in reversed(blokken)]


def test_the_agenda_cannot_outgrow_the_reserved_time(personas, tafel, bijeenkomst):
    _aanmeldingen(personas, tafel, 1)
    services.stel_agenda_op(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, versie=0)
    te_lang = [services.Blokwijziging(blok_id=b.pk, minuten=30) for b in bijeenkomst.blokken.all()]
    with pytest.raises(ValidationError) as fout:
        services.wijzig_agenda(actor=personas.tafelvoorzitter, bijeenkomst=bijeenkomst, versie=1, blokken=te_lang)
    assert "past niet" in str(fout.value)


def test_a_member_may_not_change_the_agenda(personas, tafel, bijeenkomst):
    with pytest.raises(ValidationError):
        services.stel_agenda_op(actor=personas.niet_betrokken, bijeenkomst=bijeenkomst, versie=0)


def test_casus_check_lands_on_the_meeting_about_six_weeks_later(personas, tafel):
    [aanmelding] = _aanmeldingen(personas, tafel, 1)
    services.leg_triage_vast(actor=personas.tafelvoorzitter, aanmelding=aanmelding, uitkomst="geschikt", reden="past")
    Aanmelding.objects.filter(pk=aanmelding.pk).update(aangemeld_op=timezone.localdate() - datetime.timedelta(weeks=5))
    vandaag = timezone.localdate()
    b1 = tafel.bijeenkomsten.create(begint=om_tien(vandaag), eindigt=om_tien(vandaag), locatie="x")
    b1.eindigt = b1.begint + services.BIJEENKOMST_DUUR
    b1.save()
    b2 = tafel.bijeenkomsten.create(
        begint=b1.begint + datetime.timedelta(weeks=2), eindigt=b1.eindigt + datetime.timedelta(weeks=2), locatie="x"
    )
    # due in one week, less the 7-day margin: today, so at b1 and not at b2
    assert [b.aanmelding_id for b in services.voorstel(b1)[0].blokken if b.soort == "casuscheck"] == [aanmelding.pk]
    assert [b for b in services.voorstel(b2)[0].blokken if b.soort == "casuscheck"] == []


def test_triage_suitable_moves_the_case_to_consent(personas, tafel):
    [aanmelding] = _aanmeldingen(personas, tafel, 1)
    Casus.objects.filter(pk=aanmelding.casus_id).update(status="triage")
    aanmelding.casus.refresh_from_db()
    with pytest.raises(ValidationError):
        services.leg_triage_vast(actor=personas.tafelvoorzitter, aanmelding=aanmelding, uitkomst="geschikt", reden=" ")
    services.leg_triage_vast(actor=personas.tafelvoorzitter, aanmelding=aanmelding, uitkomst="geschikt", reden="Past")
    assert Casus.objects.get(pk=aanmelding.casus_id).status == "toestemming"
