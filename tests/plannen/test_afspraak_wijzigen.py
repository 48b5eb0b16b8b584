"""Issue 16: a meeting's invitee can own an agreement; an agreement can be edited (optimistic
locking) and withdrawn (with a reason, never deleted, no longer overdue)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samenwerk.casussen.selectors import aandacht
from samenwerk.gemeenten.models import Normen
from samenwerk.overleg import services as overleg_services
from samenwerk.overleg.models import Deelnemer, Overleg
from samenwerk.plannen import services
from samenwerk.plannen.forms import AfspraakForm
from samenwerk.plannen.models import Afspraak
from samenwerk.privacy.models import AuditEntry
from samenwerk.signalering import casusregels
from tests.auth import login
from tests.factories import casus_met_team

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def _overleg(casus, organisator) -> Overleg:
    begint = timezone.now() - datetime.timedelta(hours=1)
    return Overleg.objects.create(
        gemeente_id=casus.gemeente_id,
        casus=casus,
        doel="Samen verder",
        begint=begint,
        eindigt=begint + datetime.timedelta(hours=1),
        voorzitter="Voorzitter",
        notulist="Notulist",
        antwoord_voor=VANDAAG,
        organisator=organisator,
    )


def _genodigde(casus, organisator, naam="Karin Extern") -> Deelnemer:
    return Deelnemer.objects.create(
        overleg=_overleg(casus, organisator),
        soort=Deelnemer.Soort.PROFESSIONAL,
        naam=naam,
        email="karin@extern.example",
        organisatie="Schuldhulp Extern",
        reden=Deelnemer.Reden.KENNIS,
        sleutel="x" * 32,
    )


@pytest.fixture
def casus(personas):
    casus = casus_met_team(personas, inwoner__voornaam="Fenna", inwoner__achternaam="Testinwoner")
    services.wijzig_plan(actor=personas.professional, casus=casus, inhoud=services.PlanInhoud(ik_wil="A"), versie=0)
    return casus


@pytest.fixture
def afspraak(personas, casus):
    return services.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="inwoner", wat="Huisarts bellen")


# --- 1. an invitee owns an agreement -----------------------------------------------------------


def test_an_invitee_of_the_cases_meeting_can_own_an_agreement(personas, casus):
    karin = _genodigde(casus, personas.professional)
    afspraak = services.voeg_afspraak_toe(
        actor=personas.professional, casus=casus, wie="deelnemer", deelnemer=karin, wat="Schulden op een rij"
    )
    assert afspraak.deelnemer == karin and afspraak.uitvoerder == "Karin Extern (Schuldhulp Extern)"
    assert casus.tijdlijn.filter(omschrijving__contains="Karin Extern").exists()


def test_an_invitee_of_another_case_is_refused(personas, casus):
    ander = casus_met_team(personas, collega=False, proces=False)
    vreemde = _genodigde(ander, personas.professional)
    with pytest.raises(ValidationError) as fout:
        services.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="deelnemer", deelnemer=vreemde, wat="x")
    assert "deelnemer" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        services.voeg_afspraak_toe(actor=personas.professional, casus=casus, wie="deelnemer", wat="x")
    assert "deelnemer" in fout.value.message_dict


def test_the_plan_form_and_the_chairs_form_offer_the_invitees(personas, casus):
    karin = _genodigde(casus, personas.professional)
    vreemde = _genodigde(casus_met_team(personas, collega=False, proces=False), personas.professional, naam="Vreemd")
    keuzes = list(AfspraakForm(casus=casus).fields["deelnemer"].queryset)
    assert keuzes == [karin] and vreemde not in keuzes
    from samenwerk.overleg.forms import OverlegAfspraakForm

    assert list(OverlegAfspraakForm(overleg=karin.overleg).fields["deelnemer"].queryset) == [karin]


def test_the_chair_records_an_agreement_for_an_invitee(personas, casus):
    karin = _genodigde(casus, personas.professional)
    afspraak = overleg_services.neem_afspraak_op(
        actor=personas.professional, overleg=karin.overleg, wie="deelnemer", deelnemer=karin, wat="Brief sturen"
    )
    assert afspraak.deelnemer == karin and afspraak.ronde == Overleg.objects.get(pk=karin.overleg_id).ronde


def test_the_plan_page_adds_an_agreement_for_an_invitee(client, personas, casus):
    karin = _genodigde(casus, personas.professional)
    login(client, personas.professional)
    response = client.post(
        reverse("plannen:afspraak", args=[casus.pk]),
        {"wie": "deelnemer", "deelnemer": karin.pk, "wat": "Schulden", "start": VANDAAG.isoformat()},
    )
    assert response.status_code == 302
    assert Afspraak.objects.get(wat="Schulden").deelnemer == karin
    response = client.get(reverse("plannen:plan", args=[casus.pk]))
    assert "Karin Extern" in response.content.decode()


def test_the_api_accepts_an_invitee_and_refuses_one_of_another_case(client, personas, casus):
    karin = _genodigde(casus, personas.professional)
    vreemde = _genodigde(casus_met_team(personas, collega=False, proces=False), personas.professional, naam="Vreemd")
    login(client, personas.professional)
    url = reverse("api:plan-afspraken", args=[casus.pk])
    response = client.post(url, {"wie": "deelnemer", "deelnemer": karin.pk, "wat": "x"}, content_type="application/json")
    assert response.status_code == 201 and response.json()["uitvoerder"] == str(karin)
    response = client.post(url, {"wie": "deelnemer", "deelnemer": vreemde.pk, "wat": "x"}, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "deelnemer": ["Kies wie dit doet uit de mensen die voor een overleg over deze casus zijn uitgenodigd."]
    }


# --- 2. edit ---------------------------------------------------------------------------------------


def _wijzig(personas, afspraak, **anders):
    velden = {"wie": "inwoner", "wat": "Huisarts bellen", "uiterlijke_datum": afspraak.uiterlijke_datum} | anders
    return services.wijzig_afspraak(actor=personas.professional, afspraak=afspraak, **velden)


def test_editing_changes_who_what_and_date_with_timeline_and_log(personas, casus, afspraak):
    karin = _genodigde(casus, personas.professional)
    datum = VANDAAG + datetime.timedelta(weeks=2)
    gewijzigd = _wijzig(personas, afspraak, versie=0, wie="deelnemer", deelnemer=karin, wat="Arts bellen", uiterlijke_datum=datum)
    assert (gewijzigd.versie, gewijzigd.deelnemer, gewijzigd.wat, gewijzigd.uiterlijke_datum) == (1, karin, "Arts bellen", datum)
    log = AuditEntry.objects.get(gebeurtenis="afspraak.gewijzigd")
    assert set(log.velden) == {"wie", "deelnemer", "wat", "uiterlijke_datum"}
    assert casus.tijdlijn.filter(omschrijving__startswith="Afspraak gewijzigd").exists()


def test_editing_from_a_stale_version_is_a_conflict_and_saves_nothing(personas, afspraak):
    _wijzig(personas, afspraak, versie=0, wat="Eerste wijziging")
    with pytest.raises(services.AfspraakConflict) as conflict:
        _wijzig(personas, afspraak, versie=0, wat="Tweede wijziging")
    assert conflict.value.afspraak.versie == 1
    assert Afspraak.objects.get(pk=afspraak.pk).wat == "Eerste wijziging"


def test_emergency_access_cannot_edit_or_withdraw(personas, afspraak):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.wijzig_afspraak(
            actor=personas.niet_betrokken, afspraak=afspraak, versie=0, wie="inwoner", wat="x", uiterlijke_datum=VANDAAG
        )
    with pytest.raises(PermissionDenied):
        services.trek_afspraak_in(actor=personas.niet_betrokken, afspraak=afspraak, versie=0, reden="x")


def test_the_edit_page_saves_and_a_stale_version_answers_409_keeping_the_text(client, personas, afspraak):
    login(client, personas.professional)
    url = reverse("plannen:afspraak-wijzigen", args=[afspraak.plan.casus_id, afspraak.pk])
    assert client.get(url).status_code == 200
    datum = afspraak.uiterlijke_datum.isoformat()
    response = client.post(url, {"versie": 0, "wie": "inwoner", "wat": "Eerst", "uiterlijke_datum": datum})
    assert response.status_code == 302
    response = client.post(url, {"versie": 0, "wie": "inwoner", "wat": "Mijn tekst", "uiterlijke_datum": datum})
    assert response.status_code == 409
    html = response.content.decode()
    assert "iemand anders heeft deze afspraak intussen gewijzigd" in html and "Mijn tekst" in html
    assert Afspraak.objects.get(pk=afspraak.pk).wat == "Eerst"


def test_the_api_patch_edits_and_a_stale_version_answers_409(client, personas, afspraak):
    login(client, personas.professional)
    url = reverse("api:plan-afspraak", args=[afspraak.plan.casus_id, afspraak.pk])
    response = client.patch(url, {"versie": 0, "wat": "Via de API"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["wat"] == "Via de API" and response.json()["versie"] == 1
    response = client.patch(url, {"versie": 0, "wat": "Oud"}, content_type="application/json")
    assert response.status_code == 409 and response.json()["versie"] == 1
    response = client.patch(url, {"wat": "Zonder versie"}, content_type="application/json")
    assert response.status_code == 400 and "versie" in response.json()
    assert Afspraak.objects.get(pk=afspraak.pk).wat == "Via de API"


# --- 2. withdraw -----------------------------------------------------------------------------------


def test_withdrawing_needs_a_reason(personas, afspraak):
    with pytest.raises(ValidationError) as fout:
        services.trek_afspraak_in(actor=personas.professional, afspraak=afspraak, versie=0, reden="  ")
    assert fout.value.message_dict == {"reden": ["Schrijf kort op waarom de afspraak wordt ingetrokken."]}
    assert Afspraak.objects.get(pk=afspraak.pk).ingetrokken_op is None


def test_withdrawing_keeps_the_agreement_with_reason_and_date(client, personas, casus, afspraak):
    services.trek_afspraak_in(actor=personas.professional, afspraak=afspraak, versie=0, reden="Niet meer nodig")
    afspraak.refresh_from_db()
    assert (afspraak.ingetrokken_op, afspraak.intrekreden, afspraak.versie) == (VANDAAG, "Niet meer nodig", 1)
    assert AuditEntry.objects.filter(gebeurtenis="afspraak.ingetrokken", object_id=str(afspraak.pk)).exists()
    with pytest.raises(ValidationError):  # once withdrawn, it is history
        services.trek_afspraak_in(actor=personas.professional, afspraak=afspraak, versie=1, reden="Nog eens")
    login(client, personas.professional)
    html = client.get(reverse("plannen:plan", args=[casus.pk])).content.decode()
    assert "<del>Huisarts bellen</del>" in html and "ingetrokken" in html and "Niet meer nodig" in html
    wijzig = reverse("plannen:afspraak-wijzigen", args=[casus.pk, afspraak.pk])
    assert wijzig not in html and client.get(wijzig).status_code == 404


def test_the_withdraw_page_refuses_an_empty_reason_and_keeps_the_form(client, personas, afspraak):
    login(client, personas.professional)
    url = reverse("plannen:afspraak-intrekken", args=[afspraak.plan.casus_id, afspraak.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"versie": 0, "reden": ""})
    assert response.status_code == 200
    assert "Schrijf kort op waarom de afspraak wordt ingetrokken." in response.content.decode()
    response = client.post(url, {"versie": 0, "reden": "Dubbel"})
    assert response.status_code == 302 and Afspraak.objects.get(pk=afspraak.pk).intrekreden == "Dubbel"


def test_the_withdraw_page_on_a_stale_version_keeps_the_typed_reason(client, personas, afspraak):
    _wijzig(personas, afspraak, versie=0, wat="Intussen gewijzigd")
    login(client, personas.professional)
    url = reverse("plannen:afspraak-intrekken", args=[afspraak.plan.casus_id, afspraak.pk])
    response = client.post(url, {"versie": 0, "reden": "Mijn reden"})
    assert response.status_code == 409 and "Mijn reden" in response.content.decode()
    assert Afspraak.objects.get(pk=afspraak.pk).ingetrokken_op is None


def test_the_api_withdraws_and_refuses_an_empty_reason(client, personas, afspraak):
    login(client, personas.professional)
    url = reverse("api:plan-afspraak-intrekken", args=[afspraak.plan.casus_id, afspraak.pk])
    response = client.post(url, {"versie": 0}, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"reden": ["Schrijf kort op waarom de afspraak wordt ingetrokken."]}
    response = client.post(url, {"versie": 0, "reden": "Dubbel"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["ingetrokken_op"] == VANDAAG.isoformat()


def test_a_withdrawn_agreement_is_not_overdue(personas, casus):
    te_laat = services.voeg_afspraak_toe(
        actor=personas.professional,
        casus=casus,
        wie="inwoner",
        wat="Te laat",
        start=VANDAAG - datetime.timedelta(days=60),
        uiterlijke_datum=VANDAAG - datetime.timedelta(days=3),
        perspectief="Het duurt langer.",
    )
    assert te_laat.is_te_laat()
    assert len(list(casusregels.afspraak_te_laat(VANDAAG, Normen(), personas.gemeente))) == 1
    assert aandacht(personas.professional, casus).over_tijd == 1
    services.trek_afspraak_in(actor=personas.professional, afspraak=te_laat, versie=0, reden="Niet meer nodig")
    te_laat.refresh_from_db()
    assert not te_laat.is_te_laat()
    assert list(casusregels.afspraak_te_laat(VANDAAG, Normen(), personas.gemeente)) == []
    assert aandacht(personas.professional, casus).over_tijd == 0
